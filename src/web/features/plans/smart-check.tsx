import { Badge, Checkbox, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanGoal, UpdateGoalInput } from '../../../shared/contracts/plans.js';
import type { SmartCriterion } from '../../../shared/pop/smart.js';
import { api, isAppError } from '../../api/client.js';
import { notifyError } from '../../components/notify.js';
import { type PlanCache, replaceGoal } from './use-plan.js';

const confirmField: Record<Exclude<SmartCriterion, 'acceptable'>, keyof UpdateGoalInput> = {
  specific: 'confirmSpecific',
  measurable: 'confirmMeasurable',
  realistic: 'confirmRealistic',
  timeBound: 'confirmTimeBound',
};

type State = 'holds' | 'hint' | 'confirm';

const stateColor: Record<State, string> = { holds: 'green', hint: 'orange', confirm: 'gray' };

/**
 * The SMART check of one goal: per criterion whether it holds, the hints that say why not yet, and the parties'
 * confirmation. Acceptabel needs both parties, each confirming for themselves.
 */
export function SmartCheck({
  plan,
  goal,
  cache,
  editable,
}: {
  plan: PlanDetail;
  goal: PlanGoal;
  cache: PlanCache;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const toggle = useMutation({
    mutationFn: (change: Partial<UpdateGoalInput>) =>
      api.goals.update(goal.id, { ...change, version: goal.version }),
    onSuccess: (saved) => {
      cache.update((p) => replaceGoal(p, saved));
      void cache.refresh();
    },
    onError: (error) => {
      notifyError(t, error);
      if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
    },
  });
  const mine = plan.myParty;
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {goal.smart.map((result) => {
        const state: State = result.holds ? 'holds' : result.hints.length > 0 ? 'hint' : 'confirm';
        const name = t(`pop.smart.criteria.${result.criterion}`);
        return (
          <li key={result.criterion}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge
                variant="light"
                color={stateColor[state]}
                size="sm"
                miw={110}
                style={{ flexShrink: 0 }}
                aria-hidden="true"
              >
                {t(`plan.smart.state.${state}`)}
              </Badge>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm">
                  <Text span fw={700}>
                    {name}
                  </Text>
                  <VisuallyHidden>{` (${t(`plan.smart.state.${state}`)})`}</VisuallyHidden>
                  {' — '}
                  {t(`pop.smart.questions.${result.criterion}`)}
                </Text>
                {result.hints.length > 0 && (
                  <List size="xs" spacing={0}>
                    {result.hints.map((hint) => (
                      <List.Item key={hint}>
                        {t(`pop.smart.hints.${hint}` as 'pop.smart.hints.no_description')}
                      </List.Item>
                    ))}
                  </List>
                )}
                {result.criterion === 'acceptable' ? (
                  <Group gap="md">
                    {(['employee', 'manager'] as const).map((party) => {
                      const checked =
                        party === 'employee' ? goal.acceptableByEmployee : goal.acceptableByManager;
                      const who = party === 'employee' ? plan.employee.name : plan.manager.name;
                      return (
                        <Checkbox
                          key={party}
                          size="xs"
                          label={t('plan.smart.acceptableBy', { name: who })}
                          checked={checked}
                          disabled={!editable || mine !== party || toggle.isPending}
                          onChange={(e) => toggle.mutate({ acceptable: e.currentTarget.checked })}
                        />
                      );
                    })}
                  </Group>
                ) : (
                  <Checkbox
                    size="xs"
                    label={t('plan.smart.confirmed', { criterion: name })}
                    checked={result.confirmed}
                    disabled={!editable || toggle.isPending}
                    onChange={(e) =>
                      toggle.mutate({
                        [confirmField[result.criterion as keyof typeof confirmField]]:
                          e.currentTarget.checked,
                      })
                    }
                  />
                )}
              </Stack>
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}
