import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  TrainingPlanDraftFigures,
  TrainingPlanFigures,
} from '../../../shared/contracts/training-plan.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/i18n.js';

export interface FiguresRow {
  key: string;
  label: string;
  headcount?: number;
  planned: TrainingPlanFigures;
  preparation: TrainingPlanDraftFigures;
}

/**
 * One dimension of the plan as a table: a row per group, planned against actual, and what is still in preparation.
 * Row headers name the group, so a screen reader reads "Woonbegeleiding, Uren gepland, 38".
 */
export function FiguresTable({
  label,
  firstColumn,
  rows,
  withHeadcount = false,
  currency,
}: {
  label: string;
  firstColumn: string;
  rows: readonly FiguresRow[];
  withHeadcount?: boolean;
  currency: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = (value: number) => formatNumber(value, locale);
  const money = (value: number) => formatMoney(value, currency, locale);
  if (rows.length === 0) return <Text c="dimmed">{t('trainingPlan.sections.tableEmpty')}</Text>;
  // Headers may wrap onto two lines; figures never do.
  const numericHeader = { ta: 'right' as const, style: { verticalAlign: 'bottom' as const } };
  const numeric = { ta: 'right' as const, style: { whiteSpace: 'nowrap' as const } };
  return (
    <ResponsiveTable label={label} minWidth={withHeadcount ? 860 : 800}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" style={{ verticalAlign: 'bottom' }}>
            {firstColumn}
          </Table.Th>
          {withHeadcount && (
            <Table.Th scope="col" {...numericHeader}>
              {t('trainingPlan.columns.headcount')}
            </Table.Th>
          )}
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.peopleReached')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.actions')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.actionsDone')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.plannedHours')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.actualHours')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.plannedCost')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.actualCost')}
          </Table.Th>
          <Table.Th scope="col" {...numericHeader}>
            {t('trainingPlan.columns.preparation')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={600}>
              {row.label}
            </Table.Th>
            {withHeadcount && <Table.Td {...numeric}>{number(row.headcount ?? 0)}</Table.Td>}
            <Table.Td {...numeric}>{number(row.planned.peopleReached)}</Table.Td>
            <Table.Td {...numeric}>{number(row.planned.actions)}</Table.Td>
            <Table.Td {...numeric}>{number(row.planned.actionsDone)}</Table.Td>
            <Table.Td {...numeric}>{number(row.planned.plannedHours)}</Table.Td>
            <Table.Td {...numeric}>{number(row.planned.actualHours)}</Table.Td>
            <Table.Td {...numeric}>{money(row.planned.plannedCost)}</Table.Td>
            <Table.Td {...numeric}>{money(row.planned.actualCost)}</Table.Td>
            <Table.Td {...numeric}>{number(row.preparation.actions)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
