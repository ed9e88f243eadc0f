import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamView } from '../../../shared/contracts/team-view.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/i18n.js';

interface Column {
  key: string;
  label: string;
  format?: (value: number) => string;
}

/**
 * A chart with its figures as a table: the chart is hidden from screen readers (it holds the same numbers), the
 * table is always there for them and can be shown for anyone who prefers to read.
 */
function ChartCard({
  title,
  intro,
  empty,
  rows,
  columns,
  chart,
}: {
  title: string;
  intro?: string;
  empty: string | null;
  rows: Array<Record<string, string | number>>;
  columns: Column[];
  chart: ReactNode;
}) {
  const { t } = useTranslation();
  const [showTable, setShowTable] = useState(false);
  const headingId = useId();
  const tableId = useId();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} fz="h5" id={headingId}>
          {title}
        </Title>
        {intro && (
          <Text size="xs" c="dimmed">
            {intro}
          </Text>
        )}
        {empty ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <>
            <div aria-hidden="true">{chart}</div>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowTable((v) => !v)}
              aria-expanded={showTable}
              aria-controls={tableId}
              style={{ alignSelf: 'flex-start' }}
            >
              {showTable ? t('teamView.charts.hideTable') : t('teamView.charts.showTable')}
            </Button>
            <div
              id={tableId}
              style={
                showTable
                  ? undefined
                  : {
                      position: 'absolute',
                      width: 1,
                      height: 1,
                      overflow: 'hidden',
                      clip: 'rect(0 0 0 0)',
                      whiteSpace: 'nowrap',
                    }
              }
            >
              <Table withTableBorder striped aria-label={t('teamView.charts.tableOf', { title })}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column, index) => (
                      <Table.Th key={column.key} scope="col" ta={index === 0 ? undefined : 'right'}>
                        {column.label}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={String(row[columns[0]?.key ?? ''])}>
                      {columns.map((column, index) => {
                        const value = row[column.key];
                        const text =
                          typeof value === 'number' && column.format
                            ? column.format(value)
                            : String(value ?? '');
                        return index === 0 ? (
                          <Table.Th key={column.key} scope="row" fw={500}>
                            {text}
                          </Table.Th>
                        ) : (
                          <Table.Td key={column.key} ta="right">
                            {text}
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Plans per phase, actions per status, planned hours and cost per quarter; loaded only when opened. */
export function TeamCharts({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = (value: number) => formatNumber(value, locale);
  const money = (value: number) => formatMoney(value, 'EUR', locale);
  const phases = view.charts.phases.map((p) => ({ label: t(`pop.phases.${p.phase}`), count: p.count }));
  const statuses = view.charts.actionStatuses.map((s) => ({
    label: t(`pop.actionStatuses.${s.status}`),
    count: s.count,
  }));
  const quarters = view.charts.quarters.map((q) => ({
    label: t('teamView.charts.quarterLabel', { quarter: q.quarter, year: q.year }),
    hours: q.hours,
    cost: q.cost,
    actions: q.actions,
  }));
  const hasPlans = phases.some((p) => p.count > 0);
  const hasActions = statuses.some((s) => s.count > 0);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t('teamView.charts.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t('teamView.charts.phases')}
          intro={
            view.charts.withoutPlan > 0
              ? t('teamView.charts.withoutPlan', { count: view.charts.withoutPlan })
              : undefined
          }
          empty={hasPlans ? null : t('teamView.charts.noPlans')}
          rows={phases}
          columns={[
            { key: 'label', label: t('teamView.charts.phase') },
            { key: 'count', label: t('teamView.charts.count'), format: number },
          ]}
          chart={
            <BarChart
              h={220}
              data={phases}
              dataKey="label"
              orientation="vertical"
              series={[{ name: 'count', label: t('teamView.charts.count'), color: 'groeipad.6' }]}
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 170 }}
              barChartProps={{ accessibilityLayer: false }}
              tickLine="x"
            />
          }
        />
        <ChartCard
          title={t('teamView.charts.statuses')}
          empty={hasActions ? null : t('teamView.charts.noActions')}
          rows={statuses}
          columns={[
            { key: 'label', label: t('teamView.charts.status') },
            { key: 'count', label: t('teamView.charts.count'), format: number },
          ]}
          chart={
            <BarChart
              h={220}
              data={statuses}
              dataKey="label"
              orientation="vertical"
              series={[{ name: 'count', label: t('teamView.charts.count'), color: 'indigo.6' }]}
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 120 }}
              barChartProps={{ accessibilityLayer: false }}
              tickLine="x"
            />
          }
        />
      </SimpleGrid>
      <ChartCard
        title={t('teamView.charts.quarters')}
        intro={t('teamView.charts.quartersIntro')}
        empty={quarters.length > 0 ? null : t('teamView.charts.noQuarters')}
        rows={quarters}
        columns={[
          { key: 'label', label: t('teamView.charts.quarter') },
          { key: 'actions', label: t('teamView.charts.actions'), format: number },
          { key: 'hours', label: t('teamView.charts.hours'), format: number },
          { key: 'cost', label: t('teamView.charts.cost'), format: money },
        ]}
        chart={
          <BarChart
            h={260}
            data={quarters}
            dataKey="label"
            series={[
              { name: 'hours', label: t('teamView.charts.hours'), color: 'groeipad.6' },
              { name: 'cost', label: t('teamView.charts.cost'), color: 'orange.6', yAxisId: 'right' },
            ]}
            withLegend
            withRightYAxis
            barChartProps={{ accessibilityLayer: false }}
            yAxisLabel={t('teamView.charts.hours')}
            rightYAxisLabel={t('teamView.charts.cost')}
            tickLine="y"
          />
        }
      />
    </Stack>
  );
}
