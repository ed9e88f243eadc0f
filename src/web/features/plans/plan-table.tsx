import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionType } from '../../../shared/contracts/templates.js';
import type { Timing } from '../../../shared/pop/timing.js';
import { supportKinds } from '../../../shared/pop/vocabulary.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { actionTypeLabel, timingText } from './plan-labels.js';

interface TableAction {
  id: string;
  type: string;
  description: string;
  timing: Timing | null;
  supportTime: string | null;
  supportBudget: string | null;
  supportLogistics: string | null;
  supportCoach: string | null;
  followUp: string | null;
}

interface TableGoal {
  id: string;
  title: string;
  actions: readonly TableAction[];
}

const supportField = {
  time: 'supportTime',
  budget: 'supportBudget',
  logistics: 'supportLogistics',
  coach: 'supportCoach',
} as const;

/** The goals and actions as the sample POP form of seed 004 lays them out. */
export function PlanTable({
  goals,
  actionTypes,
  label,
}: {
  goals: readonly TableGoal[];
  actionTypes: readonly ActionType[] | undefined;
  label?: string;
}) {
  const { t } = useTranslation();
  if (goals.length === 0) return <Text size="sm">{t('plan.goals.none')}</Text>;
  return (
    <ResponsiveTable label={label ?? t('plan.table.label')} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('plan.table.goal')}</Table.Th>
          <Table.Th scope="col">{t('plan.table.action')}</Table.Th>
          <Table.Th scope="col">{t('plan.table.timing')}</Table.Th>
          <Table.Th scope="col">{t('plan.table.support')}</Table.Th>
          <Table.Th scope="col">{t('plan.table.followUp')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {goals.flatMap((goal) => {
          const rows = goal.actions.length > 0 ? goal.actions : [null];
          return rows.map((action, index) => (
            <Table.Tr key={action ? action.id : `${goal.id}-none`}>
              {index === 0 && (
                <Table.Th scope="rowgroup" rowSpan={rows.length} fw={600} style={{ verticalAlign: 'top' }}>
                  {goal.title}
                </Table.Th>
              )}
              {action ? (
                <>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {actionTypeLabel(action.type, actionTypes, t)}
                    </Text>
                    <Text size="sm">{action.description}</Text>
                  </Table.Td>
                  <Table.Td>{timingText(action.timing, t) || t('common.none')}</Table.Td>
                  <Table.Td>
                    {supportKinds
                      .filter((kind) => action[supportField[kind]])
                      .map((kind) => (
                        <Text size="sm" key={kind}>
                          {t('plan.table.supportLine', {
                            kind: t(`pop.support.${kind}`),
                            text: action[supportField[kind]],
                          })}
                        </Text>
                      ))}
                    {supportKinds.every((kind) => !action[supportField[kind]]) && t('common.none')}
                  </Table.Td>
                  <Table.Td>{action.followUp ?? t('common.none')}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('plan.actions.none')}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ));
        })}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
