import { Anchor, Badge, Button, Group, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Phase, phases } from '../../../shared/pop/phases.js';
import type { PlanListParams } from '../../api/client.js';
import { useOrganisation, usePlans, useTeams } from '../../api/hooks.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { activeOptions } from '../../components/options.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { ExportMenu } from '../exports/export-menu.js';
import { PlanBadges } from './plan-badges.js';
import { periodText } from './plan-labels.js';
import { BatchStartForm } from './start-cycles.js';

const pageSize = 100;

/** HR: every POP of the organisation with its phase, dates and counts; content stays with the two parties. */
export function CyclesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const teams = useTeams();
  const thisYear = new Date().getFullYear();
  const [phase, setPhase] = useState<Phase | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const organisation = useOrganisation();
  const [offset, setOffset] = useState(0);
  const [batch, setBatch] = useState(false);
  const params: PlanListParams = {
    ...(phase ? { phase } : {}),
    ...(teamId ? { teamId } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(q ? { q } : {}),
    limit: pageSize,
    offset,
  };
  const plans = usePlans(params);
  const items = plans.data?.items ?? [];
  const total = plans.data?.total ?? 0;
  const teamOptions = activeOptions(teams.data?.items);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  const tz = me.organisation.timeZone;
  const reset = () => setOffset(0);
  return (
    <>
      <PageHeader
        title={t('cycles.title')}
        description={t('cycles.intro')}
        actions={
          <>
            <ExportMenu
              kinds={['plans', 'goals', 'actions']}
              params={{ phase, teamId, year, q }}
              contentHidden={organisation.data ? !organisation.data.hrSeesPlanContent : false}
            />
            <Button onClick={() => setBatch(true)}>{t('cycles.startAction')}</Button>
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" role="search" aria-label={t('cycles.filters')}>
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            reset();
          }}
          w={220}
        />
        <Select
          label={t('cycles.filterPhase')}
          data={phases.map((p) => ({ value: p, label: t(`pop.phases.${p}`) }))}
          value={phase}
          onChange={(v) => {
            setPhase(v as Phase | null);
            reset();
          }}
          placeholder={t('cycles.allPhases')}
          clearable
          clearButtonProps={{ 'aria-label': t('cycles.clearPhase') }}
          w={220}
        />
        <Select
          label={t('common.fields.team')}
          data={teamOptions}
          value={teamId}
          onChange={(v) => {
            setTeamId(v);
            reset();
          }}
          placeholder={t('people.allTeams')}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('people.clearTeam') }}
          w={220}
        />
        <Select
          label={t('cycles.filterYear')}
          data={years}
          value={year}
          onChange={(v) => {
            setYear(v);
            reset();
          }}
          placeholder={t('cycles.allYears')}
          clearable
          clearButtonProps={{ 'aria-label': t('cycles.clearYear') }}
          w={140}
        />
      </Group>
      {plans.isPending && <Skeleton height={200} />}
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && (
        <Text size="sm" mb="xs" aria-live="polite">
          {t('cycles.count', { count: total })}
        </Text>
      )}
      {plans.isSuccess && items.length === 0 && <Text>{t('cycles.empty')}</Text>}
      {items.length > 0 && (
        <ResponsiveTable label={t('cycles.tableLabel')} minWidth={1000}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('pop.parties.employee')}</Table.Th>
              <Table.Th scope="col">{t('pop.parties.manager')}</Table.Th>
              <Table.Th scope="col">{t('cycles.columns.phase')}</Table.Th>
              <Table.Th scope="col">{t('cycles.columns.period')}</Table.Th>
              <Table.Th scope="col">{t('cycles.columns.conversation')}</Table.Th>
              <Table.Th scope="col">{t('cycles.columns.shared')}</Table.Th>
              <Table.Th scope="col">{t('cycles.columns.counts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Th scope="row" fw={600}>
                  <Anchor component={Link} to={`/plans/${plan.id}`}>
                    {plan.employee.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" fw={400}>
                    {plan.teamName ?? t('common.none')}
                  </Text>
                </Table.Th>
                <Table.Td>{plan.manager.name}</Table.Td>
                <Table.Td miw={190}>
                  <PlanBadges plan={plan} />
                </Table.Td>
                <Table.Td>{periodText(plan)}</Table.Td>
                <Table.Td>
                  {plan.conversationAt ? formatDateTime(plan.conversationAt, tz) : t('common.none')}
                  {plan.exchangeDeadline && plan.phase === 'preparation' && (
                    <Text size="xs" c="dimmed">
                      {t('cycles.exchangeBy', { date: formatDate(plan.exchangeDeadline) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="xs" variant="light" color={plan.employeeShared ? 'green' : 'gray'}>
                      {t('cycles.sharedEmployee', { state: plan.employeeShared ? '✓' : '–' })}
                    </Badge>
                    <Badge size="xs" variant="light" color={plan.managerShared ? 'green' : 'gray'}>
                      {t('cycles.sharedManager', { state: plan.managerShared ? '✓' : '–' })}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t('cycles.counts', {
                      count: plan.counts.goals,
                      done: plan.counts.actionsDone,
                      actions: plan.counts.actions,
                    })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('cycles.followUps', { held: plan.counts.followUpsHeld, total: plan.counts.followUps })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      {total > pageSize && (
        <Group justify="center" mt="md" gap="sm">
          <Button
            variant="default"
            size="xs"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - pageSize))}
          >
            {t('common.pagination.previous')}
          </Button>
          <Text size="sm">
            {t('cycles.range', { from: offset + 1, to: Math.min(total, offset + pageSize), total })}
          </Text>
          <Button
            variant="default"
            size="xs"
            disabled={offset + pageSize >= total}
            onClick={() => setOffset(offset + pageSize)}
          >
            {t('common.pagination.next')}
          </Button>
        </Group>
      )}
      <AppModal opened={batch} onClose={() => setBatch(false)} title={t('cycles.startAction')} size="lg">
        {batch && (
          <Stack>
            <BatchStartForm
              targets={['organisation', 'team']}
              teams={teamOptions}
              onDone={() => setBatch(false)}
            />
          </Stack>
        )}
      </AppModal>
    </>
  );
}
