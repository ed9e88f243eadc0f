import { Alert, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, VisiblePreparation } from '../../../shared/contracts/plans.js';
import type { AppError } from '../../../shared/errors.js';
import type { PlanParty } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { draftPrefix } from '../../components/drafts.js';
import { errorMessage } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { documentUrls, PdfDownloadButton } from '../documents/pdf-download.js';
import { AutosaveTexts, type TextField } from './autosave-texts.js';
import { dayOf, otherParty, partyName } from './plan-labels.js';
import { TalkingPointsEditor } from './talking-points.js';
import { sameTexts, useAutosave, type Versioned } from './use-autosave.js';
import { type PlanCache, replacePreparation } from './use-plan.js';

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
}

function questionFields(preparation: VisiblePreparation): {
  general: TextField[];
  competencies: TextField[];
} {
  const field = (q: VisiblePreparation['questions'][number]): TextField => ({
    key: q.id,
    label: q.prompt,
    ...(q.help ? { description: q.help } : {}),
  });
  return {
    general: preparation.questions.filter((q) => q.competencyId === null).map(field),
    competencies: preparation.questions.filter((q) => q.competencyId !== null).map(field),
  };
}

/** Voorbereiding: one's own answers and talking points (saved while typing), the other party's once shared. */
export function PreparationTab({ plan, cache }: TabProps) {
  const { t } = useTranslation();
  const me = useMe();
  const party = plan.myParty;
  const preparations = plan.preparations;
  if (!party || !preparations || !plan.talkingPoints) return null;
  const mine = preparations[party];
  const other = otherParty(party);
  const theirs = preparations[other];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {mine.visible ? (
          <MyPreparation plan={plan} cache={cache} party={party} preparation={mine} />
        ) : (
          <Text>{t('plan.preparation.notShared')}</Text>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="other-preparation-heading">
          <Title order={2} fz="h3" id="other-preparation-heading">
            {t('plan.preparation.theirsTitle', { name: partyName(plan, other) })}
          </Title>
          {theirs.visible ? (
            <Stack gap="md" mt="sm">
              <Text size="sm" c="dimmed">
                {theirs.sharedAt
                  ? t('plan.preparation.sharedOn', { date: dayOf(theirs.sharedAt, me.organisation.timeZone) })
                  : t('plan.preparation.notShared')}
              </Text>
              <PreparationAnswers preparation={theirs} />
              <Title order={3} fz="h4">
                {t('plan.points.title')}
              </Title>
              <TalkingPointsEditor
                plan={plan}
                party={other}
                points={plan.talkingPoints[other]}
                editable={false}
                cache={cache}
              />
            </Stack>
          ) : (
            <Text size="sm" mt="sm">
              {t('plan.preparation.theirsHidden', { name: partyName(plan, other) })}
            </Text>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}

/** Questions and answers, read only. */
export function PreparationAnswers({ preparation }: { preparation: VisiblePreparation }) {
  const { t } = useTranslation();
  const { general, competencies } = questionFields(preparation);
  const block = (field: TextField) => (
    <div key={field.key}>
      <Text size="sm" fw={600}>
        {field.label}
      </Text>
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap' }}
        c={preparation.answers[field.key] ? undefined : 'dimmed'}
      >
        {preparation.answers[field.key]?.trim() || t('plan.preparation.noAnswer')}
      </Text>
    </div>
  );
  return (
    <Stack gap="sm">
      {general.map(block)}
      {competencies.length > 0 && (
        <>
          <Text size="sm" fw={700} mt="xs">
            {t('plan.preparation.competencies')}
          </Text>
          {competencies.map(block)}
        </>
      )}
    </Stack>
  );
}

function MyPreparation({
  plan,
  cache,
  party,
  preparation,
}: TabProps & { party: PlanParty; preparation: VisiblePreparation }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = plan.permissions.canEditOwnPreparation;
  const [confirmOpened, confirm] = useDisclosure(false);
  const autosave = useAutosave<Record<string, string>>({
    storageKey: `${draftPrefix}${plan.id}.${party}.preparation`,
    server: { value: preparation.answers, version: preparation.version },
    enabled: editable,
    equals: sameTexts,
    save: async (answers, version) => {
      const saved = await api.preparations.save(plan.id, { answers, version });
      cache.update((p) => replacePreparation(p, saved));
      return { value: saved.answers, version: saved.version };
    },
    latest: async (error: AppError) => {
      const current = error.current as { answers?: Record<string, string>; version?: number } | undefined;
      if (current?.answers && typeof current.version === 'number')
        return { value: current.answers, version: current.version };
      const latest = (await cache.fetchLatest()).preparations?.[party];
      return latest?.visible
        ? ({ value: latest.answers, version: latest.version } satisfies Versioned<Record<string, string>>)
        : null;
    },
  });
  const share = useMutation({
    mutationFn: async () => api.preparations.share(plan.id, await autosave.flush()),
    onSuccess: (saved) => {
      cache.update((p) => replacePreparation(p, saved));
      void cache.refresh();
      confirm.close();
      notifySuccess(t, t('plan.preparation.sharedNotice', { name: partyName(plan, otherParty(party)) }));
    },
  });
  const { general, competencies } = questionFields(preparation);
  const other = partyName(plan, otherParty(party));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="my-preparation-heading">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz="h3" id="my-preparation-heading">
            {t('plan.preparation.mineTitle')}
          </Title>
          <Badge variant="light" color={preparation.shared ? 'green' : 'gray'}>
            {preparation.shared ? t('plan.preparation.shared') : t('plan.preparation.private')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" mt={4} mb="md">
          {!editable
            ? t('plan.preparation.fixed')
            : preparation.shared
              ? t('plan.preparation.mineSharedIntro', { name: other })
              : t('plan.preparation.mineIntro', { name: other })}
        </Text>
        {editable ? (
          <AutosaveTexts
            autosave={autosave}
            fields={[...general, ...competencies]}
            before={(field) =>
              field.key === competencies[0]?.key ? (
                <Stack gap={2} mt="sm">
                  <Title order={3} fz="h4">
                    {t('plan.preparation.competencies')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('plan.preparation.competenciesIntro')}
                  </Text>
                </Stack>
              ) : null
            }
          />
        ) : (
          <PreparationAnswers preparation={preparation} />
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="my-points-heading">
        <Title order={2} fz="h3" id="my-points-heading">
          {t('plan.points.mineTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4} mb="md">
          {t('plan.points.intro')}
        </Text>
        <TalkingPointsEditor
          plan={plan}
          party={party}
          points={plan.talkingPoints?.[party] ?? []}
          editable={editable}
          cache={cache}
        />
      </Card>

      {plan.permissions.canShareOwnPreparation && (
        <Card withBorder padding="lg" component="section" aria-labelledby="share-heading" bg="groeipad.0">
          <Title order={2} fz="h3" id="share-heading">
            {t('plan.preparation.shareTitle')}
          </Title>
          <Text size="sm" mt="xs">
            {t('plan.preparation.shareBody', { name: other })}
          </Text>
          {plan.exchangeDeadline && (
            <Text size="sm" mt="xs" fw={600}>
              {t('plan.preparation.shareBefore', { date: formatDate(plan.exchangeDeadline) })}
            </Text>
          )}
          <Button mt="md" onClick={confirm.open}>
            {t('plan.preparation.share')}
          </Button>
        </Card>
      )}
      {preparation.shared && preparation.sharedAt && (
        <Text size="sm" c="dimmed">
          {t('plan.preparation.sharedAt', {
            date: formatDateTime(preparation.sharedAt, me.organisation.timeZone),
          })}
        </Text>
      )}

      <Card withBorder padding="lg" component="section" aria-labelledby="paper-heading">
        <Title order={2} fz="h4" id="paper-heading">
          {t('documents.paper.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('documents.paper.preparationBody')}
        </Text>
        <Group gap="sm" mt="sm">
          <PdfDownloadButton url={documentUrls.ownPreparation(plan.id)} fallbackName="voorbereiding.pdf">
            {t('documents.download.preparationForm')}
          </PdfDownloadButton>
          <PdfDownloadButton url={documentUrls.popForm} fallbackName="pop-formulier.pdf">
            {t('documents.download.popForm')}
          </PdfDownloadButton>
        </Group>
      </Card>

      <AppModal opened={confirmOpened} onClose={confirm.close} title={t('plan.preparation.confirmTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('plan.preparation.confirmBody', { name: other })}</Text>
          {share.isError && (
            <Alert color="red" role="alert">
              {errorMessage(share.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={confirm.close}>
              {t('common.cancel')}
            </Button>
            <Button loading={share.isPending} onClick={() => share.mutate()}>
              {t('plan.preparation.share')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
