import {
  Badge,
  Button,
  Group,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget, FundingSource } from '../../../shared/contracts/budgets.js';
import { useMe } from '../../app/session.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { BudgetForm } from './budget-form.js';
import { money, scopeLabel, yearOptions } from './budget-labels.js';
import { BudgetOverviewSection } from './budget-overview.js';
import { useBudgets, useFundingSources } from './budgets-api.js';
import { FundingSourceForm } from './funding-source-form.js';

type Editing =
  | { what: 'budget'; budget: Budget | null }
  | { what: 'source'; source: FundingSource | null }
  | null;

/** The calendar year today in the organisation's time zone. */
function thisYear(timeZone: string): number {
  try {
    return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(new Date()));
  } catch {
    return new Date().getFullYear();
  }
}

/**
 * Budgetten: HR sets the training budgets of a year and the funding sources, and follows planned, committed and
 * spent; a manager sees the budgets of the teams they lead.
 */
export function BudgetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isHr = me.person.roles.includes('hr');
  const current = thisYear(me.organisation.timeZone);
  const [year, setYear] = useState(current);
  const [tab, setTab] = useState<string | null>('overview');
  const [editing, setEditing] = useState<Editing>(null);
  const yearSelect = (
    <Select
      label={t('budgets.year')}
      data={yearOptions(current)}
      value={String(year)}
      onChange={(value) => value && setYear(Number(value))}
      allowDeselect={false}
      w={120}
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <>
      <PageHeader
        title={t('budgets.title')}
        description={isHr ? t('budgets.intro') : t('budgets.managerIntro')}
        actions={yearSelect}
      />
      {isHr ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="overview">{t('budgets.tabs.overview')}</Tabs.Tab>
            <Tabs.Tab value="budgets">{t('budgets.tabs.budgets', { year })}</Tabs.Tab>
            <Tabs.Tab value="sources">{t('budgets.tabs.sources')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <BudgetOverviewSection
              year={year}
              onAddBudget={() => setEditing({ what: 'budget', budget: null })}
            />
          </Tabs.Panel>
          <Tabs.Panel value="budgets">
            <BudgetsTable year={year} onEdit={(budget) => setEditing({ what: 'budget', budget })} />
          </Tabs.Panel>
          <Tabs.Panel value="sources">
            <SourcesTable onEdit={(source) => setEditing({ what: 'source', source })} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <BudgetOverviewSection year={year} />
      )}
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.what === 'source'
            ? editing.source
              ? t('budgets.sources.editTitle')
              : t('budgets.sources.createTitle')
            : editing?.budget
              ? t('budgets.editTitle')
              : t('budgets.createTitle')
        }
      >
        {editing?.what === 'budget' && (
          <BudgetForm
            key={editing.budget?.id ?? 'new'}
            budget={editing.budget}
            year={year}
            currentYear={current}
            onDone={() => setEditing(null)}
          />
        )}
        {editing?.what === 'source' && (
          <FundingSourceForm
            key={editing.source?.id ?? 'new'}
            source={editing.source}
            onDone={() => setEditing(null)}
          />
        )}
      </EntityDrawer>
    </>
  );
}

function BudgetsTable({ year, onEdit }: { year: number; onEdit: (budget: Budget | null) => void }) {
  const { t, i18n } = useTranslation();
  const budgets = useBudgets(year);
  const items = budgets.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" maw={720}>
          {t('budgets.listIntro')}
        </Text>
        <Button onClick={() => onEdit(null)}>{t('budgets.add')}</Button>
      </Group>
      {budgets.isPending && <Skeleton height={160} />}
      {budgets.isError && <QueryError error={budgets.error} onRetry={() => void budgets.refetch()} />}
      {budgets.isSuccess && items.length === 0 && <Text>{t('budgets.listEmpty', { year })}</Text>}
      {items.length > 0 && (
        <ResponsiveTable label={t('budgets.tableLabel', { year })} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('budgets.fields.scope')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('budgets.fields.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('budgets.fields.kind')}</Table.Th>
              <Table.Th scope="col">{t('budgets.fields.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((budget) => (
              <Table.Tr key={budget.id}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onEdit(budget)}
                    c="groeipad.8"
                    fw={600}
                    td="underline"
                    aria-label={t('budgets.editNamed', { name: scopeLabel(budget, t) })}
                  >
                    {scopeLabel(budget, t)}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td ta="right">{money(budget.amount, budget.currency, i18n.language)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={budget.isHard ? 'red' : 'gray'} miw="max-content">
                    {budget.isHard ? t('budgets.hard') : t('budgets.soft')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {budget.note ?? t('common.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
    </Stack>
  );
}

function SourcesTable({ onEdit }: { onEdit: (source: FundingSource | null) => void }) {
  const { t } = useTranslation();
  const sources = useFundingSources();
  const [showArchived, setShowArchived] = useState(false);
  const all = sources.data?.items ?? [];
  const items = all.filter((source) => showArchived || source.active);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" maw={720}>
          {t('budgets.sources.intro')}
        </Text>
        <Button onClick={() => onEdit(null)}>{t('budgets.sources.add')}</Button>
      </Group>
      <Switch
        label={t('budgets.sources.showArchived')}
        checked={showArchived}
        onChange={(e) => setShowArchived(e.currentTarget.checked)}
      />
      {sources.isPending && <Skeleton height={160} />}
      {sources.isError && <QueryError error={sources.error} onRetry={() => void sources.refetch()} />}
      {sources.isSuccess && all.length === 0 && (
        <Stack gap={4}>
          <Title order={2} fz="h4">
            {t('budgets.sources.emptyTitle')}
          </Title>
          <Text maw={720}>{t('budgets.sources.empty')}</Text>
        </Stack>
      )}
      {items.length > 0 && (
        <ResponsiveTable label={t('budgets.sources.tableLabel')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('budgets.sources.kind')}</Table.Th>
              <Table.Th scope="col">{t('budgets.sources.rules')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((source) => (
              <Table.Tr key={source.id}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onEdit(source)}
                    c="groeipad.8"
                    fw={600}
                    td="underline"
                    aria-label={t('budgets.sources.editNamed', { name: source.name })}
                  >
                    {source.name}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{t(`budgets.kinds.${source.kind}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                    {source.rules ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={source.active ? 'green' : 'gray'} miw="max-content">
                    {source.active ? t('budgets.sources.inUse') : t('budgets.sources.archivedBadge')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
    </Stack>
  );
}
