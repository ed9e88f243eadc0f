import { Alert, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonPrivacy } from '../../../shared/contracts/privacy.js';
import type { RetentionCategory } from '../../../shared/privacy/retention.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { errorMessage } from '../../components/error-message.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { privacyApi, privacyKeys, usePersonPrivacy } from './privacy-api.js';

/**
 * The beheerder's privacy card on a person's page: when each kind of their data is due for removal, the legal hold
 * (with its reason), and erasure on request with a confirmation that asks why.
 */
export function PersonPrivacyCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const privacy = usePersonPrivacy(personId);
  return (
    <Card withBorder padding="lg" mt="lg" component="section" aria-labelledby="privacy-heading">
      <Title order={2} fz="h4" id="privacy-heading">
        {t('privacy.person.title')}
      </Title>
      {privacy.isPending && <Skeleton height={160} mt="sm" aria-label={t('privacy.person.loading')} />}
      {privacy.isError && <QueryError error={privacy.error} onRetry={() => void privacy.refetch()} />}
      {privacy.isSuccess && <PrivacyDetails privacy={privacy.data} />}
    </Card>
  );
}

/** The legal duty a kept category stayed for (see the erasure record). */
type KeptBasis = 'learning_account_be' | 'fiscal_records_nl' | 'accountability';

function PrivacyDetails({ privacy }: { privacy: PersonPrivacy }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const timeZone = me.organisation.timeZone;
  const [holdReason, setHoldReason] = useState('');
  const [holdError, setHoldError] = useState<string | null>(null);
  const [eraseOpened, eraseDialog] = useDisclosure(false);
  const [eraseReason, setEraseReason] = useState('');
  const [eraseError, setEraseError] = useState<string | null>(null);

  const refresh = async (next: PersonPrivacy | null) => {
    if (next) queryClient.setQueryData(privacyKeys.person(privacy.personId), next);
    else await queryClient.invalidateQueries({ queryKey: privacyKeys.person(privacy.personId) });
    // The person's record changed too (its version; after an erasure its name and status).
    await queryClient.invalidateQueries({ queryKey: queryKeys.person(privacy.personId) });
    await queryClient.invalidateQueries({ queryKey: privacyKeys.retention });
  };

  const hold = useMutation({
    mutationFn: (legalHold: boolean) =>
      privacyApi.setLegalHold(privacy.personId, {
        legalHold,
        ...(legalHold ? { reason: holdReason } : {}),
        version: privacy.version,
      }),
    onSuccess: async (saved) => {
      setHoldReason('');
      setHoldError(null);
      await refresh(saved);
      notifySuccess(
        t,
        saved.legalHold.active ? t('privacy.person.legalHold.saved') : t('privacy.person.legalHold.lifted'),
      );
    },
    onError: async (error, legalHold) => {
      // Setting: the message goes under the reason; lifting has no field to put it under.
      if (legalHold) setHoldError(errorMessage(error, t));
      else notifyError(t, error);
      await refresh(null);
    },
  });

  const erase = useMutation({
    mutationFn: () => privacyApi.erase(privacy.personId, { reason: eraseReason, version: privacy.version }),
    onSuccess: async () => {
      eraseDialog.close();
      setEraseReason('');
      await refresh(null);
      notifySuccess(t, t('privacy.person.erase.done'));
    },
    onError: async (error) => {
      setEraseError(errorMessage(error, t));
      await refresh(null);
    },
  });

  const category = (key: RetentionCategory) => t(`privacy.ropa.categories.${key}`);
  const isSelf = privacy.personId === me.person.id;
  const erasure = privacy.erasure;

  return (
    <Stack gap="md" mt="sm">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('privacy.person.due.title')}
        </Text>
        {privacy.endDate === null && (
          <Text size="sm" c="dimmed">
            {t('privacy.person.due.noEndDate')}
          </Text>
        )}
        <List size="sm" spacing={2}>
          {privacy.categories
            .filter((line) => line.purgedAt !== null || line.dueOn !== null)
            .map((line) => (
              <List.Item key={line.category}>
                {line.purgedAt
                  ? t('privacy.person.due.purged', {
                      category: category(line.category),
                      date: formatDateTime(line.purgedAt, timeZone),
                    })
                  : t('privacy.person.due.planned', {
                      category: category(line.category),
                      date: formatDate(line.dueOn),
                    })}
              </List.Item>
            ))}
        </List>
      </Stack>

      <Stack gap={6} component="section" aria-labelledby="legal-hold-heading">
        <Title order={3} fz="h5" id="legal-hold-heading">
          {t('privacy.person.legalHold.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('privacy.person.legalHold.explain')}
        </Text>
        {privacy.legalHold.active ? (
          <>
            <Text size="sm">
              {t('privacy.person.legalHold.active', {
                date: formatDateTime(privacy.legalHold.setAt, timeZone),
                name: privacy.legalHold.setBy?.name ?? '—',
              })}
            </Text>
            {privacy.legalHold.reason && (
              <Text size="sm">
                {t('privacy.person.legalHold.activeReason', { reason: privacy.legalHold.reason })}
              </Text>
            )}
            <Button variant="outline" loading={hold.isPending} onClick={() => hold.mutate(false)}>
              {t('privacy.person.legalHold.lift')}
            </Button>
          </>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              hold.mutate(true);
            }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('privacy.person.legalHold.inactive')}</Text>
              <GrowingTextarea
                label={t('privacy.person.legalHold.reason')}
                description={t('privacy.person.legalHold.reasonHint')}
                required
                minRows={2}
                maxLength={1000}
                value={holdReason}
                onChange={(event) => setHoldReason(event.currentTarget.value)}
                error={holdError}
              />
              <Button
                type="submit"
                variant="outline"
                loading={hold.isPending}
                disabled={holdReason.trim() === ''}
              >
                {t('privacy.person.legalHold.set')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>

      <Stack gap={6} component="section" aria-labelledby="erase-heading">
        <Title order={3} fz="h5" id="erase-heading">
          {t('privacy.person.erase.title')}
        </Title>
        {erasure ? (
          <>
            <Text size="sm">
              {t('privacy.person.erase.erased', {
                date: formatDateTime(erasure.erasedAt, timeZone),
                name: erasure.erasedBy?.name ?? '—',
                pseudonym: erasure.pseudonym,
              })}
            </Text>
            <Text size="sm">{t('privacy.person.erase.erasedReason', { reason: erasure.reason })}</Text>
            {erasure.kept.length > 0 && (
              <Text size="sm">
                {t('privacy.person.erase.kept', {
                  list: erasure.kept
                    .map((item) =>
                      t('privacy.person.erase.keptItem', {
                        count: item.count,
                        category: category(item.category),
                        basis: t(`privacy.person.erase.basis.${item.basis as KeptBasis}`),
                      }),
                    )
                    .join('; '),
                })}
              </Text>
            )}
          </>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('privacy.person.erase.explain')}
            </Text>
            {privacy.legalHold.active && (
              <Alert color="yellow" variant="light">
                {t('privacy.person.erase.blockedByHold')}
              </Alert>
            )}
            {isSelf && (
              <Text size="sm" c="dimmed">
                {t('privacy.person.erase.self')}
              </Text>
            )}
            <Button
              color="red"
              variant="outline"
              disabled={privacy.legalHold.active || isSelf}
              onClick={() => {
                setEraseError(null);
                eraseDialog.open();
              }}
            >
              {t('privacy.person.erase.button')}
            </Button>
          </>
        )}
      </Stack>

      <AppModal
        opened={eraseOpened}
        onClose={eraseDialog.close}
        title={t('privacy.person.erase.confirmTitle', { name: privacy.name })}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            erase.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('privacy.person.erase.confirmBody')}</Text>
            <GrowingTextarea
              label={t('privacy.person.erase.reason')}
              description={t('privacy.person.erase.reasonHint')}
              required
              minRows={2}
              maxLength={1000}
              value={eraseReason}
              onChange={(event) => setEraseReason(event.currentTarget.value)}
              error={eraseError}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={eraseDialog.close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={erase.isPending}
                disabled={eraseReason.trim() === ''}
              >
                {t('privacy.person.erase.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Stack>
  );
}
