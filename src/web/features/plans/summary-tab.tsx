import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { api } from '../../api/client.js';
import { useActionTypes } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { errorMessage } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { OtherEvaluation, resultColor } from './evaluation-tab.js';
import { dayOf, usesCustomActionTypes } from './plan-labels.js';
import { PlanTable } from './plan-table.js';

/** Afgesloten: what was agreed and how it ended, and the way into the next cycle. */
export function SummaryTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const closedOn = dayOf(plan.closedAt, me.organisation.timeZone);
  const [carrying, setCarrying] = useState(false);
  const goals = plan.content?.goals ?? [];
  const actionTypes = useActionTypes(usesCustomActionTypes(goals));
  return (
    <Stack gap="lg">
      {plan.cancelled ? (
        <Alert color="gray" title={t('plan.summary.cancelledTitle')}>
          {t('plan.summary.cancelledBody', { date: closedOn })}
        </Alert>
      ) : (
        <Text size="sm">{t('plan.summary.intro', { date: closedOn })}</Text>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="next-cycle-heading" bg="groeipad.0">
        <Title order={2} fz="h3" id="next-cycle-heading">
          {t('plan.summary.nextTitle')}
        </Title>
        {plan.nextPlanId ? (
          <Anchor component={Link} to={`/plans/${plan.nextPlanId}`} mt="xs" display="inline-block">
            {t('plan.header.next')}
          </Anchor>
        ) : plan.permissions.canCarryOver ? (
          <Stack gap="xs" mt="xs" align="flex-start">
            <Text size="sm">{t('plan.summary.nextBody')}</Text>
            <Button onClick={() => setCarrying(true)}>{t('plan.summary.start')}</Button>
          </Stack>
        ) : (
          <Text size="sm" mt="xs">
            {t('plan.summary.nextNone')}
          </Text>
        )}
      </Card>
      <section aria-labelledby="summary-goals-heading">
        <Title order={2} fz="h3" id="summary-goals-heading" mb="sm">
          {t('plan.summary.goalsTitle')}
        </Title>
        <Stack gap="xs" mb="md">
          {goals.map((goal, index) => (
            <Group key={goal.id} gap="xs">
              <Text size="sm" fw={600}>
                {t('plan.goals.numbered', { number: index + 1, title: goal.title })}
              </Text>
              {goal.evaluationResult && (
                <Badge variant="light" color={resultColor[goal.evaluationResult]} size="sm">
                  {t(`pop.evaluationResults.${goal.evaluationResult}`)}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
        <PlanTable goals={goals} actionTypes={actionTypes.data?.items} />
      </section>
      <OtherEvaluation plan={plan} party="employee" />
      <OtherEvaluation plan={plan} party="manager" />
      <AppModal
        opened={carrying}
        onClose={() => setCarrying(false)}
        title={t('plan.summary.carryTitle')}
        size="lg"
      >
        {carrying && <CarryOver plan={plan} onDone={() => setCarrying(false)} />}
      </AppModal>
    </Stack>
  );
}

function CarryOver({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery({
    queryKey: queryKeys.carryOver(plan.id),
    queryFn: () => api.plans.carryOver(plan.id),
  });
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [actionIds, setActionIds] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: () => {
      const carry = { previousPlanId: plan.id, carryGoalIds: goalIds, carryActionIds: actionIds };
      return plan.myParty === 'employee'
        ? api.plans.request(carry)
        : api.plans.create({ employeeId: plan.employee.id, ...carry });
    },
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.plan(next.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      notifySuccess(t, t('plan.summary.started'));
      onDone();
      void navigate(`/plans/${next.id}`);
    },
  });
  if (options.isPending) return <Skeleton height={160} />;
  if (options.isError) return <QueryError error={options.error} onRetry={() => void options.refetch()} />;
  const toggleGoal = (id: string, checked: boolean, actions: string[]) => {
    setGoalIds((ids) => (checked ? [...ids, id] : ids.filter((x) => x !== id)));
    if (!checked) setActionIds((ids) => ids.filter((x) => !actions.includes(x)));
  };
  return (
    <Stack gap="md">
      <Text size="sm">{t('plan.summary.carryIntro')}</Text>
      {options.data.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.summary.carryNone')}
        </Text>
      ) : (
        <Stack gap="sm">
          {options.data.goals.map((goal) => {
            const chosen = goalIds.includes(goal.id);
            return (
              <Stack key={goal.id} gap={4}>
                <Checkbox
                  label={
                    goal.evaluationResult
                      ? t('plan.summary.carryGoal', {
                          title: goal.title,
                          result: t(`pop.evaluationResults.${goal.evaluationResult}`),
                        })
                      : goal.title
                  }
                  checked={chosen}
                  onChange={(e) =>
                    toggleGoal(
                      goal.id,
                      e.currentTarget.checked,
                      goal.actions.map((a) => a.id),
                    )
                  }
                />
                {goal.actions.map((action) => (
                  <Checkbox
                    key={action.id}
                    ml="xl"
                    size="sm"
                    label={t('plan.summary.carryAction', {
                      description: action.description,
                      status: t(`pop.actionStatuses.${action.status}`),
                    })}
                    disabled={!chosen}
                    checked={actionIds.includes(action.id)}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setActionIds((ids) =>
                        checked ? [...ids, action.id] : ids.filter((x) => x !== action.id),
                      );
                    }}
                  />
                ))}
              </Stack>
            );
          })}
        </Stack>
      )}
      {start.isError && (
        <Alert color="red" role="alert">
          {errorMessage(start.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button loading={start.isPending} onClick={() => start.mutate()}>
          {goalIds.length === 0
            ? t('plan.summary.start')
            : t('plan.summary.startWith', { count: goalIds.length })}
        </Button>
      </Group>
    </Stack>
  );
}
