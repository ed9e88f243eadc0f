import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LearningKind, TrainingPlan } from '../../../shared/contracts/training-plan.js';
import { useFunctions, useTeams } from '../../api/hooks.js';
import { useMe } from '../../app/session.js';
import { notifyError } from '../../components/notify.js';
import { activeOptions } from '../../components/options.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/i18n.js';
import { ConsultationSection } from './consultation-section.js';
import { FiguresTable } from './figures-table.js';
import {
  downloadTrainingPlan,
  type TrainingPlanParams,
  trainingPlanApi,
  trainingPlanKeys,
} from './training-plan-api.js';

const isLearning = (value: string | null): value is LearningKind =>
  value === 'formal' || value === 'informal';

/** Filters live in the address, so a reload or a shared link shows the same plan. */
function useParams(): [TrainingPlanParams, (next: TrainingPlanParams) => void] {
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year'));
  const learning = search.get('learning');
  const params: TrainingPlanParams = {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
    ...(search.get('teamId') ? { teamId: search.get('teamId') as string } : {}),
    ...(search.get('functionId') ? { functionId: search.get('functionId') as string } : {}),
    ...(isLearning(learning) ? { learning } : {}),
  };
  const set = (next: TrainingPlanParams) => {
    const entries = Object.entries(next).filter(([, v]) => v !== undefined && v !== null && v !== '');
    setSearch(new URLSearchParams(entries.map(([k, v]) => [k, String(v)])), { replace: true });
  };
  return [params, set];
}

/** HR: the organisation's training plan of one year, its Belgian obligation and consultation timeline. */
export function TrainingPlanPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useParams();
  const plan = useQuery({
    queryKey: trainingPlanKeys.plan(params),
    queryFn: () => trainingPlanApi.get(params),
    placeholderData: keepPreviousData,
  });
  const teams = useTeams();
  const functions = useFunctions();
  const [downloading, setDownloading] = useState<'pdf' | 'xlsx' | 'csv' | null>(null);
  const data = plan.data;
  const year = data?.year ?? params.year;
  const thisYear = Number((data?.today ?? new Date().toISOString()).slice(0, 4));
  const years = [
    ...new Set([thisYear - 3, thisYear - 2, thisYear - 1, thisYear, thisYear + 1, ...(year ? [year] : [])]),
  ]
    .sort((a, b) => b - a)
    .map(String);
  // Downloads carry the year on screen, so a file never shows another year than the page.
  const exportParams: TrainingPlanParams = { ...params, ...(year ? { year } : {}) };

  const download = async (format: 'pdf' | 'xlsx' | 'csv') => {
    setDownloading(format);
    try {
      await downloadTrainingPlan(format, exportParams);
    } catch (error) {
      notifyError(t, error, t('trainingPlan.download.failed'));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <PageHeader
        title={year ? t('trainingPlan.titleYear', { year }) : t('trainingPlan.title')}
        description={t('trainingPlan.intro')}
        actions={
          <>
            <Button
              variant="default"
              onClick={() => void download('pdf')}
              loading={downloading === 'pdf'}
              disabled={!data}
            >
              {t('trainingPlan.download.pdf')}
            </Button>
            <Button
              variant="default"
              onClick={() => void download('xlsx')}
              loading={downloading === 'xlsx'}
              disabled={!data}
            >
              {t('trainingPlan.download.xlsx')}
            </Button>
            <Button
              variant="default"
              onClick={() => void download('csv')}
              loading={downloading === 'csv'}
              disabled={!data}
            >
              {t('trainingPlan.download.csv')}
            </Button>
          </>
        }
      />
      <Group gap="sm" mb="lg" align="flex-end" role="search" aria-label={t('trainingPlan.filters.label')}>
        <Select
          label={t('trainingPlan.filters.year')}
          data={years}
          value={year ? String(year) : null}
          onChange={(value) => setParams({ ...params, ...(value ? { year: Number(value) } : {}) })}
          allowDeselect={false}
          w={120}
        />
        <Select
          label={t('trainingPlan.filters.team')}
          data={activeOptions(teams.data?.items)}
          value={params.teamId ?? null}
          onChange={(value) => setParams({ ...params, teamId: value ?? undefined })}
          placeholder={t('trainingPlan.filters.allTeams')}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('trainingPlan.filters.clearTeam') }}
          w={220}
        />
        <Select
          label={t('trainingPlan.filters.function')}
          data={activeOptions(functions.data?.items)}
          value={params.functionId ?? null}
          onChange={(value) => setParams({ ...params, functionId: value ?? undefined })}
          placeholder={t('trainingPlan.filters.allFunctions')}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('trainingPlan.filters.clearFunction') }}
          w={220}
        />
        <Select
          label={t('trainingPlan.filters.learning')}
          data={(['formal', 'informal'] as const).map((l) => ({
            value: l,
            label: t(`trainingPlan.learning.${l}`),
          }))}
          value={params.learning ?? null}
          onChange={(value) => setParams({ ...params, learning: isLearning(value) ? value : undefined })}
          placeholder={t('trainingPlan.filters.allLearning')}
          clearable
          clearButtonProps={{ 'aria-label': t('trainingPlan.filters.clearLearning') }}
          w={220}
        />
      </Group>
      {plan.isPending && <Skeleton height={420} />}
      {plan.isError && <QueryError error={plan.error} onRetry={() => void plan.refetch()} />}
      {data && (
        <Stack gap="xl" aria-busy={plan.isFetching}>
          <Summary plan={data} />
          <Card withBorder padding="lg" radius="md">
            <ConsultationSection plan={data} timeZone={me.organisation.timeZone} />
          </Card>
          <Sections plan={data} />
        </Stack>
      )}
    </>
  );
}

function Summary({ plan }: { plan: TrainingPlan }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = (value: number) => formatNumber(value, locale);
  const money = (value: number) => formatMoney(value, plan.currency, locale);
  const { totals, preparation } = plan;
  const cards = [
    {
      label: t('trainingPlan.summary.actions'),
      value: number(totals.actions),
      detail: t('trainingPlan.summary.actionsDetail', { done: number(totals.actionsDone) }),
    },
    {
      label: t('trainingPlan.summary.hours'),
      value: t('trainingPlan.summary.hoursValue', { hours: number(totals.plannedHours) }),
      detail: t('trainingPlan.summary.hoursDetail', { actual: number(totals.actualHours) }),
    },
    {
      label: t('trainingPlan.summary.cost'),
      value: money(totals.plannedCost),
      detail: t('trainingPlan.summary.costDetail', { actual: money(totals.actualCost) }),
    },
    {
      label: t('trainingPlan.summary.people'),
      value: number(totals.peopleReached),
      detail: t('trainingPlan.summary.peopleDetail', {
        followed: number(totals.peopleFollowed),
        headcount: number(plan.headcount),
      }),
    },
  ];
  const isEmpty = totals.actions === 0 && preparation.actions === 0;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('trainingPlan.summary.heading', { year: plan.year })}
      </Title>
      {isEmpty ? (
        <Alert color="gray">{t('trainingPlan.summary.empty', { year: plan.year })}</Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
            {cards.map((card) => (
              <Card key={card.label} withBorder padding="md" radius="md">
                <Text size="sm" c="dimmed" component="h3" m={0} fw={500}>
                  {card.label}
                </Text>
                <Text fz={28} fw={700} lh={1.3}>
                  {card.value}
                </Text>
                <Text size="sm">{card.detail}</Text>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm">
            <Text span fw={600}>
              {t('trainingPlan.summary.preparation')}:{' '}
            </Text>
            {preparation.actions > 0
              ? t('trainingPlan.summary.preparationDetail', {
                  actions: number(preparation.actions),
                  hours: number(preparation.hours),
                  cost: money(preparation.cost),
                  people: number(preparation.people),
                })
              : t('trainingPlan.summary.preparationNone')}
          </Text>
        </>
      )}
      <Text size="sm" c="dimmed" maw={820}>
        {t('trainingPlan.summary.rule', { year: plan.year })} {t('trainingPlan.columns.peopleReached')}:{' '}
        {t('trainingPlan.columnHints.peopleReached')}. {t('trainingPlan.columns.preparation')}:{' '}
        {t('trainingPlan.columnHints.preparation')}.
      </Text>
    </Stack>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" maw={820}>
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
}

function Sections({ plan }: { plan: TrainingPlan }) {
  const { t } = useTranslation();
  const currency = plan.currency;
  const learning = (isFormal: boolean) => t(`trainingPlan.learning.${isFormal ? 'formal' : 'informal'}`);
  return (
    <>
      <Section title={t('trainingPlan.sections.learning')} intro={t('trainingPlan.sections.learningIntro')}>
        <FiguresTable
          label={t('trainingPlan.sections.learning')}
          firstColumn={t('trainingPlan.columns.learning')}
          currency={currency}
          rows={plan.byLearning.map((row) => ({
            key: row.learning,
            label: learning(row.learning === 'formal'),
            ...row,
          }))}
        />
      </Section>
      <Section title={t('trainingPlan.sections.type')}>
        <FiguresTable
          label={t('trainingPlan.sections.type')}
          firstColumn={t('trainingPlan.columns.type')}
          currency={currency}
          rows={plan.byType.map((row) => ({
            ...row,
            key: `${row.key}-${row.isFormal}`,
            label: `${row.label} (${learning(row.isFormal).toLowerCase()})`,
          }))}
        />
      </Section>
      <Section
        title={t('trainingPlan.sections.targetGroups')}
        intro={t('trainingPlan.sections.targetGroupsIntro')}
      >
        <Title order={3} size="h4">
          {t('trainingPlan.sections.riskGroup')}
        </Title>
        <FiguresTable
          label={t('trainingPlan.sections.riskGroup')}
          firstColumn={t('trainingPlan.columns.group')}
          currency={currency}
          withHeadcount
          rows={plan.targetGroups.riskGroup.map((row) => ({
            key: row.group,
            label: t(`trainingPlan.groups.risk.${row.group}`),
            ...row,
          }))}
        />
        <Title order={3} size="h4">
          {t('trainingPlan.sections.gender')}
        </Title>
        <FiguresTable
          label={t('trainingPlan.sections.gender')}
          firstColumn={t('trainingPlan.columns.group')}
          currency={currency}
          withHeadcount
          rows={plan.targetGroups.gender.map((row) => ({
            key: row.group,
            label: t(`trainingPlan.groups.gender.${row.group}`),
            ...row,
          }))}
        />
      </Section>
      <Section title={t('trainingPlan.sections.team')}>
        <FiguresTable
          label={t('trainingPlan.sections.team')}
          firstColumn={t('trainingPlan.columns.team')}
          currency={currency}
          withHeadcount
          rows={plan.byTeam.map((row) => ({
            key: row.teamId ?? 'none',
            label: row.name ?? t('trainingPlan.groups.noTeam'),
            ...row,
          }))}
        />
      </Section>
      <Section title={t('trainingPlan.sections.function')}>
        <FiguresTable
          label={t('trainingPlan.sections.function')}
          firstColumn={t('trainingPlan.columns.function')}
          currency={currency}
          withHeadcount
          rows={plan.byFunction.map((row) => ({
            key: row.functionId ?? 'none',
            label: row.name ?? t('trainingPlan.groups.noFunction'),
            ...row,
          }))}
        />
      </Section>
      <Section
        title={t('trainingPlan.sections.trainings')}
        {...(plan.trainings ? { intro: t('trainingPlan.sections.trainingsIntro') } : {})}
      >
        <Trainings plan={plan} />
      </Section>
    </>
  );
}

function Trainings({ plan }: { plan: TrainingPlan }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (plan.trainings === null)
    return <Alert color="gray">{t('trainingPlan.sections.trainingsHidden')}</Alert>;
  if (plan.trainings.length === 0) return <Text c="dimmed">{t('trainingPlan.sections.trainingsEmpty')}</Text>;
  const numeric = { ta: 'right' as const, style: { whiteSpace: 'nowrap' as const } };
  return (
    <>
      <ResponsiveTable label={t('trainingPlan.sections.trainings')} minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainingPlan.columns.training')}</Table.Th>
            <Table.Th scope="col">{t('trainingPlan.columns.provider')}</Table.Th>
            <Table.Th scope="col">{t('trainingPlan.columns.type')}</Table.Th>
            <Table.Th scope="col" {...numeric}>
              {t('trainingPlan.columns.participants')}
            </Table.Th>
            <Table.Th scope="col" {...numeric}>
              {t('trainingPlan.columns.plannedHours')}
            </Table.Th>
            <Table.Th scope="col" {...numeric}>
              {t('trainingPlan.columns.actualHours')}
            </Table.Th>
            <Table.Th scope="col" {...numeric}>
              {t('trainingPlan.columns.plannedCost')}
            </Table.Th>
            <Table.Th scope="col" {...numeric}>
              {t('trainingPlan.columns.actualCost')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.trainings.map((row) => (
            <Table.Tr key={`${row.typeKey}|${row.isFormal}|${row.description}|${row.provider ?? ''}`}>
              <Table.Th scope="row" fw={600}>
                {row.description}
              </Table.Th>
              <Table.Td>{row.provider ?? t('common.none')}</Table.Td>
              <Table.Td>
                {row.typeLabel} (
                {t(`trainingPlan.learning.${row.isFormal ? 'formal' : 'informal'}`).toLowerCase()})
              </Table.Td>
              <Table.Td {...numeric}>{formatNumber(row.participants, locale)}</Table.Td>
              <Table.Td {...numeric}>{formatNumber(row.plannedHours, locale)}</Table.Td>
              <Table.Td {...numeric}>{formatNumber(row.actualHours, locale)}</Table.Td>
              <Table.Td {...numeric}>{formatMoney(row.plannedCost, plan.currency, locale)}</Table.Td>
              <Table.Td {...numeric}>{formatMoney(row.actualCost, plan.currency, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ResponsiveTable>
      {plan.trainingsTruncated && (
        <Text size="sm" c="dimmed">
          {t('trainingPlan.sections.trainingsTruncated', { count: plan.trainings.length })}
        </Text>
      )}
    </>
  );
}
