import { Alert, Group, List, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BudgetCheckItem } from '../../../shared/contracts/budgets.js';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { money, scopeLabel } from './budget-labels.js';
import { budgetKeys, budgetsApi } from './budgets-api.js';

/**
 * In the approve step: whether the POP as it stands would overspend a budget. A hard budget refuses the approval
 * that completes the agreement; this says so before anyone clicks. The server checks again when approving.
 */
export function BudgetCheckNotice({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: [...budgetKeys.check(plan.id), plan.version],
    queryFn: () => budgetsApi.check(plan.id),
    staleTime: 0,
  });
  if (check.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('budgets.check.loading')}
        </Text>
      </Group>
    );
  // The check only informs: without it the approval still goes to the server, which decides.
  if (check.isError || !check.data.exceeded) return null;
  const otherApproved = plan.myParty === 'employee' ? plan.managerApprovedAt : plan.employeeApprovedAt;
  const final = otherApproved !== null;
  const { blocked } = check.data;
  const describe = (item: BudgetCheckItem) => {
    const name = `${scopeLabel(item, t)} ${item.year}`;
    if (item.amount === null || item.after === null) return name;
    const m = (value: number) => money(value, item.currency, i18n.language);
    return t('budgets.check.line', {
      name,
      after: m(item.after),
      amount: m(item.amount),
      over: m(item.after - item.amount),
    });
  };
  const exceeded = check.data.items.filter((item) => item.exceeded);
  return (
    <Alert
      color={blocked ? 'red' : 'orange'}
      role="alert"
      title={
        blocked
          ? final
            ? t('budgets.check.blockedTitle')
            : t('budgets.check.hardTitle')
          : t('budgets.check.softTitle')
      }
    >
      <Text size="sm">
        {blocked
          ? final
            ? t('budgets.check.blockedBody')
            : t('budgets.check.hardBody')
          : t('budgets.check.softBody')}
      </Text>
      <List size="sm" mt="xs">
        {exceeded.map((item) => (
          <List.Item key={item.budgetId}>
            {describe(item)} · {item.isHard ? t('budgets.hard') : t('budgets.soft')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
