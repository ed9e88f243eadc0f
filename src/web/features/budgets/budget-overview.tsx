import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type {
  BudgetFigures,
  BudgetOverview,
  BudgetStatus,
  SourceStatus,
  TeamStatus,
} from '../../../shared/contracts/budgets.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { money, scopeLabel } from './budget-labels.js';
import { useBudgetOverview } from './budgets-api.js';

/** Mantine's orange shades stay below 4.5:1 as small text on white; this one measures 7:1. */
const warningText = '#9a3412';

const share = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, (Math.max(0, part) / whole) * 100) : 0;

/** One budget: a bar of committed and planned against the amount, the figures in words, and any overspend. */
function BudgetCard({ budget }: { budget: BudgetStatus }) {
  const { t, i18n } = useTranslation();
  const m = (value: number) => money(value, budget.currency, i18n.language);
  const label = scopeLabel(budget, t);
  // The bar's full width is the amount, or the projected total when that is larger, so an overspend shows.
  const scale = Math.max(budget.amount, budget.projected, budget.figures.committed);
  const over = budget.overCommitted;
  const headingId = `budget-${budget.id}`;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} fz="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Title>
          <Badge variant="light" color={budget.isHard ? 'red' : 'gray'} miw="max-content">
            {budget.isHard ? t('budgets.hard') : t('budgets.soft')}
          </Badge>
        </Group>
        <Text size="sm">
          {t('budgets.figures.amount')}: <strong>{m(budget.amount)}</strong>
        </Text>
        <Progress.Root size="xl" aria-hidden="true">
          <Progress.Section
            value={share(budget.figures.committed, scale)}
            color={over ? 'red.8' : 'groeipad.7'}
          />
          <Progress.Section value={share(budget.figures.planned, scale)} color="yellow.5" />
        </Progress.Root>
        <Progress
          size="sm"
          value={share(budget.figures.spent, scale)}
          color={budget.overSpent ? 'red.8' : 'indigo.6'}
          aria-label={t('budgets.spentBar', { spent: m(budget.figures.spent), amount: m(budget.amount) })}
        />
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <Figure
            label={t('budgets.figures.committed')}
            value={m(budget.figures.committed)}
            swatch="groeipad.7"
          />
          <Figure label={t('budgets.figures.planned')} value={m(budget.figures.planned)} swatch="yellow.5" />
          <Figure label={t('budgets.figures.spent')} value={m(budget.figures.spent)} swatch="indigo.6" />
          <Figure
            label={t('budgets.figures.remaining')}
            value={m(budget.remaining)}
            {...(budget.remaining < 0 ? { color: 'red.9' } : {})}
          />
        </SimpleGrid>
        <BudgetVerdict budget={budget} />
        {budget.notCounted.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('budgets.notCountedShort', {
              list: budget.notCounted.map((n) => `${n.actions} × ${n.currency}`).join(', '),
            })}
          </Text>
        )}
        {budget.note && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {budget.note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Figure({
  label,
  value,
  swatch,
  color,
}: {
  label: string;
  value: string;
  swatch?: string;
  color?: string;
}) {
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        {swatch && (
          <Badge size="xs" circle color={swatch} variant="filled" aria-hidden="true" p={0} w={10} h={10} />
        )}
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Group>
      <Text size="sm" fw={600} c={color}>
        {value}
      </Text>
    </div>
  );
}

/** The overspend in words and colour; never colour alone. */
function BudgetVerdict({ budget }: { budget: BudgetStatus }) {
  const { t, i18n } = useTranslation();
  const m = (value: number) => money(value, budget.currency, i18n.language);
  const lines: Array<{ text: string; color: string }> = [];
  if (budget.overCommitted)
    lines.push({
      text: t('budgets.status.overCommitted', { amount: m(budget.figures.committed - budget.amount) }),
      color: 'red.9',
    });
  else if (budget.overProjected)
    lines.push({
      text: t('budgets.status.overProjected', { amount: m(budget.projected - budget.amount) }),
      color: warningText,
    });
  if (budget.overSpent)
    lines.push({
      text: t('budgets.status.overSpent', { amount: m(budget.figures.spent - budget.amount) }),
      color: 'red.9',
    });
  if (lines.length === 0) lines.push({ text: t('budgets.status.within'), color: 'groeipad.9' });
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line.text} size="sm" fw={600} c={line.color}>
          {line.text}
        </Text>
      ))}
    </Stack>
  );
}

function FiguresTable({
  label,
  nameHeader,
  rows,
  currency,
}: {
  label: string;
  nameHeader: string;
  rows: FigureRow[];
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  const m = (value: number) => money(value, currency, i18n.language);
  return (
    <ResponsiveTable label={label} minWidth={620}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{nameHeader}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('budgets.figures.amount')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('budgets.figures.committed')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('budgets.figures.planned')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('budgets.figures.spent')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('budgets.figures.actions')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const over = row.budgetAmount !== null && row.figures.committed > row.budgetAmount;
          return (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={row.muted ? 400 : 600} c={row.muted ? 'dimmed' : undefined}>
                {row.name}
              </Table.Th>
              <Table.Td ta="right">
                {row.budgetAmount === null ? t('common.none') : m(row.budgetAmount)}
              </Table.Td>
              <Table.Td ta="right" c={over ? 'red.9' : undefined} fw={over ? 700 : undefined}>
                {m(row.figures.committed)}
                {over && (
                  <Text span size="xs" display="block">
                    {t('budgets.status.overShort')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{m(row.figures.planned)}</Table.Td>
              <Table.Td ta="right">{m(row.figures.spent)}</Table.Td>
              <Table.Td ta="right">{row.figures.actions}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

interface FigureRow {
  key: string;
  name: string;
  muted: boolean;
  figures: BudgetFigures;
  budgetAmount: number | null;
}

const hasFigures = (f: BudgetFigures) =>
  f.actions > 0 || f.committed !== 0 || f.planned !== 0 || f.spent !== 0;

function sourceRows(sources: SourceStatus[], t: TFunction): FigureRow[] {
  return sources.map((s) => ({
    key: s.id ?? 'none',
    name:
      s.id === null
        ? t('budgets.withoutSource')
        : `${s.name ?? ''}${s.active ? '' : ` (${t('budgets.archived')})`}`,
    muted: s.id === null,
    figures: s.figures,
    budgetAmount: s.budgetAmount,
  }));
}

function teamRows(teams: TeamStatus[], t: TFunction): FigureRow[] {
  return teams.map((team) => ({
    key: team.id ?? 'none',
    name: team.id === null ? t('budgets.withoutTeam') : (team.name ?? ''),
    muted: team.id === null,
    figures: team.figures,
    budgetAmount: team.budgetAmount,
  }));
}

/** The year at a glance: every budget with its bar, then the figures per funding source and per team. */
export function BudgetOverviewSection({ year, onAddBudget }: { year: number; onAddBudget?: () => void }) {
  const { t, i18n } = useTranslation();
  const overview = useBudgetOverview(year);
  if (overview.isPending) return <Skeleton height={320} />;
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data: BudgetOverview = overview.data;
  const anyFigures =
    data.sources.some((s) => hasFigures(s.figures)) || data.teams.some((x) => hasFigures(x.figures));
  return (
    <Stack gap="xl">
      {data.budgets.length === 0 ? (
        <EmptyBudgets
          year={year}
          manager={data.scope === 'teams'}
          {...(onAddBudget ? { onAddBudget } : {})}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {data.budgets.map((budget) => (
            <BudgetCard key={budget.id} budget={budget} />
          ))}
        </SimpleGrid>
      )}
      {data.notCounted.length > 0 && (
        <Alert color="orange" title={t('budgets.notCountedTitle')}>
          <List size="sm">
            {data.notCounted.map((n) => (
              <List.Item key={n.currency}>
                {t('budgets.notCountedLine', {
                  count: n.actions,
                  currency: n.currency,
                  committed: money(n.committed, n.currency, i18n.language),
                  planned: money(n.planned, n.currency, i18n.language),
                })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {anyFigures || data.budgets.length > 0 ? (
        <>
          <section aria-labelledby="budget-sources-heading">
            <Title order={2} fz="h3" id="budget-sources-heading" mb="xs">
              {t('budgets.perSource')}
            </Title>
            {data.sources.length === 0 ? (
              <Text c="dimmed">{t('budgets.noSources')}</Text>
            ) : (
              <FiguresTable
                label={t('budgets.perSource')}
                nameHeader={t('budgets.fields.source')}
                rows={sourceRows(data.sources, t)}
                currency={data.currency}
              />
            )}
          </section>
          <section aria-labelledby="budget-teams-heading">
            <Title order={2} fz="h3" id="budget-teams-heading" mb="xs">
              {t('budgets.perTeam')}
            </Title>
            {data.teams.length === 0 ? (
              <Text c="dimmed">{t('budgets.noTeams')}</Text>
            ) : (
              <FiguresTable
                label={t('budgets.perTeam')}
                nameHeader={t('common.fields.team')}
                rows={teamRows(data.teams, t)}
                currency={data.currency}
              />
            )}
            {!anyFigures && (
              <Text size="sm" c="dimmed" mt="xs">
                {t('budgets.noActions', { year })}
              </Text>
            )}
          </section>
        </>
      ) : (
        <Text c="dimmed">{t('budgets.noActions', { year })}</Text>
      )}
      <section aria-labelledby="budget-reading-heading">
        <Title order={2} fz="h4" id="budget-reading-heading" mb="xs">
          {t('budgets.reading.title')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>
            <strong>{t('budgets.figures.planned')}</strong>: {t('budgets.reading.planned')}
          </List.Item>
          <List.Item>
            <strong>{t('budgets.figures.committed')}</strong>: {t('budgets.reading.committed')}
          </List.Item>
          <List.Item>
            <strong>{t('budgets.figures.spent')}</strong>: {t('budgets.reading.spent')}
          </List.Item>
          <List.Item>
            <strong>{t('budgets.figures.remaining')}</strong>: {t('budgets.reading.remaining')}
          </List.Item>
          <List.Item>
            <strong>{t('budgets.hard')}</strong>: {t('budgets.reading.hard')}
          </List.Item>
        </List>
      </section>
    </Stack>
  );
}

function EmptyBudgets({
  year,
  manager,
  onAddBudget,
}: {
  year: number;
  manager: boolean;
  onAddBudget?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3">
          {t('budgets.empty.title', { year })}
        </Title>
        <Text maw={720}>{manager ? t('budgets.empty.manager', { year }) : t('budgets.empty.body')}</Text>
        {!manager && <Text maw={720}>{t('budgets.empty.hard')}</Text>}
        {onAddBudget && <Button onClick={onAddBudget}>{t('budgets.add')}</Button>}
      </Stack>
    </Card>
  );
}
