import { Anchor, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Person } from '../../../shared/contracts/organisation.js';
import type { PersonStatus } from '../../../shared/roles.js';
import { fullName } from '../../../shared/text.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { RoleBadges, StatusBadge } from '../../components/badges.js';
import { ConflictAlert, type FieldDifference, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { PersonPrivacyCard } from '../privacy/person-privacy-card.js';
import { PersonFormFields } from './person-form.js';
import { type PersonFormValues, personToValues, valuesToBody } from './person-form-values.js';
import { usePersonForm } from './use-person-form.js';

export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useQuery({ queryKey: queryKeys.person(id), queryFn: () => api.people.get(id) });
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to="/people" size="sm">
        {t('people.backToList')}
      </Anchor>
      {person.isPending && <Skeleton height={400} />}
      {person.isError && (
        <>
          <PageHeader title={t('people.detail.notFoundTitle')} />
          <QueryError error={person.error} onRetry={() => void person.refetch()} />
        </>
      )}
      {person.isSuccess && (
        <PersonEditor
          key={person.data.id}
          person={person.data}
          fetchLatest={async () => (await person.refetch({ throwOnError: true })).data}
        />
      )}
    </Stack>
  );
}

function PersonEditor({
  person,
  fetchLatest,
}: {
  person: Person;
  fetchLatest: () => Promise<Person | undefined>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const form = usePersonForm(personToValues(person));
  const guard = useVersionGuard<Person>(person.version, fetchLatest);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [confirmOpened, confirm] = useDisclosure(false);
  const name = fullName(person);

  const afterSave = (saved: Person) => {
    guard.saved(saved);
    queryClient.setQueryData(queryKeys.person(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.people, 'list'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
    void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
  };

  const save = useMutation({
    mutationFn: (values: PersonFormValues) =>
      api.people.update(person.id, { ...valuesToBody(values), version: guard.version }),
    onSuccess: (saved, values) => {
      afterSave(saved);
      form.resetDirty(values);
      notifySuccess(t, t('people.detail.saved', { name: fullName(saved) }));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });

  const setStatus = useMutation({
    mutationFn: (status: PersonStatus) => api.people.update(person.id, { status, version: guard.version }),
    onSuccess: (saved) => {
      afterSave(saved);
      confirm.close();
      notifySuccess(
        t,
        saved.status === 'active'
          ? t('people.detail.reactivated', { name: fullName(saved) })
          : t('people.detail.deactivated', { name: fullName(saved) }),
      );
    },
    onError: (error) => {
      confirm.close();
      guard.failed(error);
      notifyError(t, error);
    },
  });

  const invite = useMutation({
    mutationFn: () => api.people.invite(person.id),
    onSuccess: (result) => {
      queryClient.setQueryData<Person>(queryKeys.person(person.id), (old) =>
        old ? { ...old, invitedAt: result.invitedAt } : old,
      );
      notifySuccess(
        t,
        t('people.detail.invitationSent', { email: person.email }),
        t('people.detail.invitationSentTitle'),
      );
    },
    onError: (error) => notifyError(t, error, t('people.detail.invitationFailed')),
  });

  const current = queryClient.getQueryData<Person>(queryKeys.person(person.id)) ?? person;
  const differences = (latest: Person): FieldDifference[] => {
    const values = form.getValues();
    const body = valuesToBody(values);
    const sameRoles =
      values.roles.length === latest.roles.length && values.roles.every((r) => latest.roles.includes(r));
    const row = (label: string, theirs: string, changed: boolean): FieldDifference => ({
      label,
      theirs,
      changed,
    });
    return [
      row(t('common.fields.firstName'), latest.firstName, latest.firstName !== body.firstName),
      row(t('common.fields.lastName'), latest.lastName, latest.lastName !== body.lastName),
      row(t('common.fields.email'), latest.email, latest.email !== body.email),
      row(t('common.fields.function'), latest.functionName ?? '', latest.functionId !== values.functionId),
      row(t('common.fields.team'), latest.teamName ?? '', latest.teamId !== values.teamId),
      row(t('common.fields.manager'), latest.managerName ?? '', latest.managerId !== values.managerId),
      row(t('common.fields.startDate'), formatDate(latest.startDate), latest.startDate !== values.startDate),
      row(t('common.fields.endDate'), formatDate(latest.endDate), latest.endDate !== values.endDate),
      row(t('common.fields.fte'), String(latest.fte), latest.fte !== body.fte),
      row(
        t('common.fields.workRegime'),
        latest.workRegime ?? '',
        (latest.workRegime ?? null) !== body.workRegime,
      ),
      row(t('common.fields.roles'), latest.roles.map((r) => t(`roles.${r}`)).join(', '), !sameRoles),
      row(t('common.fields.language'), t(`locales.${latest.locale}`), latest.locale !== values.locale),
      row(
        t('common.fields.employmentCountry'),
        t(`countries.${latest.employmentCountry}`),
        latest.employmentCountry !== values.employmentCountry,
      ),
    ];
  };

  return (
    <>
      <PageHeader
        title={name}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={current.status} />
            <RoleBadges roles={current.roles} />
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              setFailure(null);
              save.mutate(values);
            })}
          >
            <Stack gap="lg">
              <ConflictAlert guard={guard} differences={differences} />
              <FormAlert failure={failure} />
              <PersonFormFields
                form={form}
                mode="edit"
                person={current}
                canGrantAllRoles={me.capabilities.manageOrganisation}
              />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {t('common.version', { version: guard.version })}
                </Text>
                <Button type="submit" loading={save.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="lg" component="section" aria-labelledby="account-heading">
            <Title order={2} fz="h4" id="account-heading">
              {t('people.detail.account')}
            </Title>
            <Stack gap="xs" mt="sm">
              <Text size="sm">
                {current.hasAccount ? t('people.detail.hasAccount') : t('people.detail.noAccount')}
              </Text>
              <Text size="sm">
                {t('people.detail.invitedAt')}{' '}
                <strong>
                  {current.invitedAt
                    ? formatDateTime(current.invitedAt, me.organisation.timeZone)
                    : t('common.never')}
                </strong>
              </Text>
              <Text size="sm">
                {t('people.detail.lastLoginAt')}{' '}
                <strong>
                  {current.lastLoginAt
                    ? formatDateTime(current.lastLoginAt, me.organisation.timeZone)
                    : t('common.never')}
                </strong>
              </Text>
              {current.status === 'active' && !current.hasAccount && (
                <Button
                  variant="outline"
                  onClick={() => invite.mutate()}
                  loading={invite.isPending}
                  mt="xs"
                  fullWidth
                >
                  {current.invitedAt
                    ? t('people.detail.resendInvitation')
                    : t('people.detail.sendInvitation')}
                </Button>
              )}
            </Stack>
          </Card>
          <Card withBorder padding="lg" mt="lg" component="section" aria-labelledby="status-heading">
            <Title order={2} fz="h4" id="status-heading">
              {t('people.detail.statusTitle')}
            </Title>
            <Text size="sm" mt="xs">
              {current.status === 'active' ? t('people.detail.activeText') : t('people.detail.disabledText')}
            </Text>
            {current.status === 'active' ? (
              <Button color="red" variant="outline" mt="sm" onClick={confirm.open}>
                {t('people.detail.deactivate')}
              </Button>
            ) : (
              <Button mt="sm" loading={setStatus.isPending} onClick={() => setStatus.mutate('active')}>
                {t('people.detail.reactivate')}
              </Button>
            )}
          </Card>
          {me.capabilities.manageOrganisation && <PersonPrivacyCard personId={person.id} />}
        </Grid.Col>
      </Grid>
      <AppModal
        opened={confirmOpened}
        onClose={confirm.close}
        title={t('people.detail.confirmTitle', { name })}
      >
        <Text size="sm">{t('people.detail.confirmBody', { name })}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={setStatus.isPending} onClick={() => setStatus.mutate('disabled')}>
            {t('people.detail.deactivate')}
          </Button>
        </Group>
      </AppModal>
    </>
  );
}
