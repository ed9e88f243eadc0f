import { Alert, Button, Group, NumberInput, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettingsView } from '../../../shared/contracts/privacy.js';
import { type RetentionCategory, retentionFields } from '../../../shared/privacy/retention.js';
import { useMe } from '../../app/session.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDateTime } from '../../i18n/format.js';
import { privacyApi, privacyKeys, useRetention } from './privacy-api.js';
import { RecordsOfProcessingSection } from './records-of-processing.js';

/** The beheerder's page: retention periods per kind of data, the last clean-up, and the records of processing. */
export function PrivacySettingsPage() {
  const { t } = useTranslation();
  const retention = useRetention();
  return (
    <Stack maw={960} gap="lg">
      <PageHeader title={t('privacy.settings.title')} description={t('privacy.settings.intro')} />
      {retention.isPending && <Skeleton height={320} />}
      {retention.isError && <QueryError error={retention.error} onRetry={() => void retention.refetch()} />}
      {retention.isSuccess && <RetentionForm key={retention.data.version} settings={retention.data} />}
      <RecordsOfProcessingSection />
    </Stack>
  );
}

type Values = Record<RetentionCategory, number | string>;

function valuesOf(settings: RetentionSettingsView): Values {
  const values = {} as Values;
  for (const line of settings.categories) values[line.category] = line.months ?? '';
  return values;
}

const monthsOrNull = (value: number | string): number | null =>
  value === '' || value === null || value === undefined ? null : Number(value);

function RetentionForm({ settings }: { settings: RetentionSettingsView }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm<Values>({ initialValues: valuesOf(settings) });
  const save = useMutation({
    mutationFn: (values: Values) =>
      privacyApi.saveRetention({
        planContent: monthsOrNull(values.plan_content),
        trainingRecords: monthsOrNull(values.training_records),
        accounts: monthsOrNull(values.accounts),
        auditLog: monthsOrNull(values.audit_log),
        version: settings.version,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(privacyKeys.retention, saved);
      await queryClient.invalidateQueries({ queryKey: privacyKeys.recordsOfProcessing });
      notifySuccess(t, t('privacy.settings.saved'));
    },
    onError: async (error) => {
      setFailure(
        applyServerErrors(form, error, t, {
          mapPath: (path) => Object.entries(retentionFields).find(([, field]) => field === path)?.[0] ?? path,
        }),
      );
    },
  });
  const category = (key: RetentionCategory) => t(`privacy.ropa.categories.${key}`);
  const run = settings.lastRun;
  const removed = run
    ? Object.entries(run.removed)
        .filter(([kind]) => kind in retentionFields)
        .map(([kind, count]) => t(`privacy.settings.removedKinds.${kind as RetentionCategory}`, { count }))
    : [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="retention-heading">
      <Title order={2} fz="h4" id="retention-heading">
        {t('privacy.settings.tableLabel')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          save.mutate(values);
        })}
      >
        <Stack gap="md" mt="sm">
          <FormAlert failure={failure} />
          <ResponsiveTable label={t('privacy.settings.tableLabel')} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.settings.category')}</Table.Th>
                <Table.Th w={160}>{t('privacy.settings.months')}</Table.Th>
                <Table.Th>
                  {t('privacy.settings.defaultMonths', { country: t(`countries.${settings.country}`) })}
                </Table.Th>
                <Table.Th>{t('privacy.settings.minimum')}</Table.Th>
                <Table.Th>{t('privacy.settings.startsAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {settings.categories.map((line) => (
                <Table.Tr key={line.category}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {category(line.category)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`privacy.settings.descriptions.${line.category}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('privacy.settings.monthsLabel', { category: category(line.category) })}
                      placeholder={t('privacy.settings.monthsPlaceholder', { months: line.defaultMonths })}
                      min={line.minimumMonths ?? (line.category === 'audit_log' ? 1 : 0)}
                      max={line.maximumMonths}
                      allowDecimal={false}
                      allowNegative={false}
                      {...form.getInputProps(line.category)}
                    />
                  </Table.Td>
                  <Table.Td>{line.defaultMonths}</Table.Td>
                  <Table.Td>{line.minimumMonths ?? t('privacy.settings.noMinimum')}</Table.Td>
                  <Table.Td>{t(`privacy.settings.starts.${line.startsAt}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
          {settings.disabledWithoutEndDate > 0 && (
            <Alert color="yellow" variant="light">
              {t('privacy.settings.withoutEndDate', { count: settings.disabledWithoutEndDate })}
            </Alert>
          )}
          {settings.legalHolds > 0 && (
            <Alert color="blue" variant="light">
              {t('privacy.settings.legalHolds', { count: settings.legalHolds })}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {run?.finishedAt
              ? `${t('privacy.settings.lastRun', { date: formatDateTime(run.finishedAt, me.organisation.timeZone) })} ${
                  removed.length > 0
                    ? t('privacy.settings.lastRunRemoved', { list: removed.join(', ') })
                    : t('privacy.settings.lastRunNothing')
                }`
              : t('privacy.settings.neverRun')}
          </Text>
          <Group justify="space-between">
            <Button
              variant="default"
              onClick={() =>
                form.setValues({ plan_content: '', training_records: '', accounts: '', audit_log: '' })
              }
            >
              {t('privacy.settings.useDefaults')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('privacy.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
