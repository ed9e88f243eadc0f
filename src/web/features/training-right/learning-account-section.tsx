import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineItem } from '../../../shared/contracts/training-right.js';
import { useMe } from '../../app/session.js';
import { errorMessage } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { downloadExport, trainingRightKeys, useDeadlines } from './training-right-api.js';

const statusColors: Record<DeadlineItem['status'], string> = {
  done: 'green',
  overdue: 'red',
  due_soon: 'orange',
  upcoming: 'gray',
};

function deliveryLabel(item: DeadlineItem, t: TFunction): string {
  if (item.kind === 'new_hire')
    return t('trainingRight.learningAccount.kinds.new_hire', {
      name: item.personName ?? '',
      date: formatDate(item.period),
    });
  return t(`trainingRight.learningAccount.kinds.${item.kind}`, { period: item.period.replace('-', ' ') });
}

function periodOptions(year: number, t: TFunction) {
  return [
    { value: String(year), label: t('trainingRight.learningAccount.periods.year', { year }) },
    ...[1, 2, 3, 4].map((quarter) => ({
      value: `${year}-Q${quarter}`,
      label: t('trainingRight.learningAccount.periods.quarter', { quarter, year }),
    })),
    { value: 'new-hires', label: t('trainingRight.learningAccount.periods.newHires') },
  ];
}

function ExportForm({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<string>(String(year));
  const options = periodOptions(year, t);
  const chosen = options.some((o) => o.value === period) ? period : String(year);
  const download = useMutation({
    mutationFn: (format: 'csv' | 'json') =>
      downloadExport(
        `/api/training-right/learning-account.${format}?period=${encodeURIComponent(chosen)}`,
        `leerrekening-${chosen}.${format}`,
        i18n.language,
      ),
    onSuccess: (file) => {
      void queryClient.invalidateQueries({ queryKey: trainingRightKeys.all });
      notifySuccess(t, t('trainingRight.learningAccount.downloaded', { file }));
    },
  });
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <Select
          label={t('trainingRight.learningAccount.period')}
          data={options}
          value={chosen}
          onChange={(value) => value && setPeriod(value)}
          allowDeselect={false}
          style={{ flex: '1 1 20rem' }}
        />
        <Group gap="sm">
          <Button
            onClick={() => download.mutate('csv')}
            loading={download.isPending && download.variables === 'csv'}
          >
            {t('trainingRight.learningAccount.csv')}
          </Button>
          <Button
            variant="default"
            onClick={() => download.mutate('json')}
            loading={download.isPending && download.variables === 'json'}
          >
            {t('trainingRight.learningAccount.json')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('trainingRight.learningAccount.recorded')}
      </Text>
      {download.isError && (
        <Alert color="red" title={t('trainingRight.learningAccount.downloadFailed')} role="alert">
          {errorMessage(download.error, t)}
        </Alert>
      )}
    </Stack>
  );
}

function DeadlinesTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const me = useMe();
  const deadlines = useDeadlines(year);
  if (deadlines.isPending) return <Skeleton height={200} />;
  if (deadlines.isError)
    return <QueryError error={deadlines.error} onRetry={() => void deadlines.refetch()} />;
  const { items, recentExports } = deadlines.data;
  const overdue = items.filter((item) => item.status === 'overdue').length;
  return (
    <Stack gap="md">
      <section aria-labelledby="deadlines-heading">
        <Title order={3} fz="h5" id="deadlines-heading" mb="xs">
          {t('trainingRight.learningAccount.deadlinesTitle', { year })}
        </Title>
        {overdue > 0 && (
          <Alert color="red" mb="sm" role="status">
            {t('trainingRight.learningAccount.overdueCount', { count: overdue })}
          </Alert>
        )}
        {items.length === 0 ? (
          <Text size="sm">{t('trainingRight.learningAccount.deadlinesEmpty', { year })}</Text>
        ) : (
          <ResponsiveTable label={t('trainingRight.learningAccount.deadlinesLabel')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainingRight.learningAccount.columns.delivery')}</Table.Th>
                <Table.Th scope="col">{t('trainingRight.learningAccount.columns.due')}</Table.Th>
                <Table.Th scope="col">{t('trainingRight.learningAccount.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.kind}-${item.period}-${item.personId ?? ''}`}>
                  <Table.Th scope="row" fw={500}>
                    {deliveryLabel(item, t)}
                  </Table.Th>
                  <Table.Td>{formatDate(item.dueDate)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColors[item.status]}>
                      {t(`trainingRight.learningAccount.statuses.${item.status}`, {
                        date: item.exportedAt ? formatDate(item.exportedAt) : '',
                      })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
        )}
      </section>
      <section aria-labelledby="recent-exports-heading">
        <Title order={3} fz="h5" id="recent-exports-heading" mb="xs">
          {t('trainingRight.learningAccount.recentTitle')}
        </Title>
        {recentExports.length === 0 ? (
          <Text size="sm">{t('trainingRight.learningAccount.recentEmpty')}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {recentExports.map((e) => (
              <List.Item key={e.id}>
                {t('trainingRight.learningAccount.recentItem', {
                  period:
                    e.kind === 'new_hire' ? t('trainingRight.learningAccount.periods.newHires') : e.period,
                  date: formatDateTime(e.exportedAt, me.organisation.timeZone),
                  records: e.records,
                  by: e.exportedBy ?? t('trainingRight.learningAccount.someone'),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}

/** Deliveries to the federal learning account: the export and the deadlines it must meet. */
export function LearningAccountSection({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={960}>
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        component="section"
        aria-labelledby="learning-account-heading"
      >
        <Title order={2} fz="h4" id="learning-account-heading" mb="xs">
          {t('trainingRight.learningAccount.title')}
        </Title>
        <Text size="sm" mb="xs">
          {t('trainingRight.learningAccount.intro')}
        </Text>
        <Text size="sm" c="dimmed" mb="md">
          {t('trainingRight.learningAccount.privacy')}
        </Text>
        <ExportForm key={year} year={year} />
      </Paper>
      <DeadlinesTable year={year} />
    </Stack>
  );
}
