import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail, PlanGoal } from '../../../shared/contracts/plans.js';
import type { ActionType } from '../../../shared/contracts/templates.js';
import { supportKinds } from '../../../shared/pop/vocabulary.js';
import { api, isAppError } from '../../api/client.js';
import { AppModal } from '../../components/app-modal.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { useFundingSourceName } from '../budgets/budgets-api.js';
import { actionTypeLabel, timingText } from './plan-labels.js';
import { SmartCheck } from './smart-check.js';
import type { PlanCache } from './use-plan.js';

const supportField = {
  time: 'supportTime',
  budget: 'supportBudget',
  logistics: 'supportLogistics',
  coach: 'supportCoach',
} as const;

interface GoalCardProps {
  plan: PlanDetail;
  goal: PlanGoal;
  number: number;
  cache: PlanCache;
  editable: boolean;
  actionTypes: readonly ActionType[] | undefined;
  onEdit: () => void;
  onAddAction: () => void;
  onEditAction: (action: PlanAction) => void;
}

type Removing = { kind: 'goal' } | { kind: 'action'; action: PlanAction } | null;

/** One ontwikkeldoel with its SMART check and its actions. */
export function GoalCard({
  plan,
  goal,
  number,
  cache,
  editable,
  actionTypes,
  onEdit,
  onAddAction,
  onEditAction,
}: GoalCardProps) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<Removing>(null);
  const remove = useMutation({
    mutationFn: async (target: NonNullable<Removing>) =>
      target.kind === 'goal'
        ? api.goals.remove(goal.id, goal.version)
        : api.actions.remove(target.action.id, target.action.version),
    onSuccess: async () => {
      await cache.refresh();
      setRemoving(null);
    },
    onError: (error) => {
      if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
    },
  });
  const headingId = `goal-${goal.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={3} fz="h4" id={headingId}>
            {t('plan.goals.numbered', { number, title: goal.title })}
          </Title>
          <Group gap={4}>
            <Badge variant="light" color={goal.priority === 'high' ? 'red' : 'gray'} size="sm">
              {t('plan.goals.priority', { value: t(`pop.priorities.${goal.priority}`) })}
            </Badge>
            <Badge variant="light" color="blue" size="sm">
              {t(`pop.horizons.${goal.horizon}`)}
            </Badge>
            {goal.carriedFromGoalId && (
              <Badge variant="outline" color="gray" size="sm">
                {t('plan.goals.carried')}
              </Badge>
            )}
          </Group>
        </Stack>
        {editable && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="outline"
              onClick={onEdit}
              aria-label={t('plan.goals.editNamed', { title: goal.title })}
            >
              {t('plan.goals.edit')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setRemoving({ kind: 'goal' })}
              aria-label={t('plan.goals.removeNamed', { title: goal.title })}
            >
              {t('plan.goals.remove')}
            </Button>
          </Group>
        )}
      </Group>
      <Grid gap="lg" mt="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <GoalFact label={t('plan.goals.form.description')} value={goal.description} />
            <GoalFact
              label={t('plan.goals.why')}
              value={[
                goal.reason,
                goal.organisationGoal && t('plan.goals.orgGoal', { goal: goal.organisationGoal }),
                goal.competencyName && t('plan.goals.competency', { name: goal.competencyName }),
              ]
                .filter(Boolean)
                .join('\n')}
            />
            <GoalFact label={t('plan.goals.form.targetDate')} value={formatDate(goal.targetDate)} />
            <GoalFact label={t('plan.goals.form.measure')} value={goal.measure} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper
            p="sm"
            bg="gray.0"
            component="section"
            aria-label={t('plan.smart.title', { title: goal.title })}
          >
            <Text size="sm" fw={700} mb={6}>
              {t('plan.smart.heading')}
            </Text>
            <SmartCheck plan={plan} goal={goal} cache={cache} editable={editable} />
          </Paper>
        </Grid.Col>
      </Grid>
      <Divider my="md" />
      <Group justify="space-between" mb="xs">
        <Title order={4} fz="h5">
          {t('plan.actions.title')}
        </Title>
        {editable && (
          <Button
            size="xs"
            variant="light"
            onClick={onAddAction}
            aria-label={t('plan.actions.addFor', { title: goal.title })}
          >
            {t('plan.actions.add')}
          </Button>
        )}
      </Group>
      {goal.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.actions.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {goal.actions.map((action) => (
            <Paper key={action.id} withBorder p="sm" component="li">
              <ActionSummary action={action} actionTypes={actionTypes} />
              {editable && (
                <Group gap={4} mt="xs" justify="flex-end">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => onEditAction(action)}
                    aria-label={t('plan.actions.editNamed', { description: action.description })}
                  >
                    {t('plan.actions.edit')}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving({ kind: 'action', action })}
                    aria-label={t('plan.actions.removeNamed', { description: action.description })}
                  >
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <AppModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing?.kind === 'goal' ? t('plan.goals.removeTitle') : t('plan.actions.removeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {removing?.kind === 'goal'
              ? t('plan.goals.removeBody', { title: goal.title })
              : t('plan.actions.removeBody', {
                  description: removing?.kind === 'action' ? removing.action.description : '',
                })}
          </Text>
          {remove.isError && (
            <Text size="sm" c="red.9" role="alert">
              {errorMessage(remove.error, t)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing)}
            >
              {t('plan.goals.confirmRemove')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}

function GoalFact({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value || t('common.none')}
      </Text>
    </div>
  );
}

/** What was agreed about an action, in a few lines. */
export function ActionSummary({
  action,
  actionTypes,
}: {
  action: PlanAction;
  actionTypes: readonly ActionType[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const sourceName = useFundingSourceName(action.fundingSourceId);
  const facts = [
    timingText(action.timing, t),
    action.provider,
    action.hours !== null
      ? t('plan.actions.hours', { hours: formatNumber(action.hours, i18n.language) })
      : null,
    action.cost !== null ? formatMoney(action.cost, action.currency, i18n.language) : null,
    action.isFormal ? t('pop.learning.formal') : t('pop.learning.informal'),
    sourceName ? t('budgets.action.sourceLine', { name: sourceName }) : null,
    action.funding ? t('plan.actions.funding', { funding: action.funding }) : null,
  ].filter(Boolean);
  const support = supportKinds
    .filter((kind) => action[supportField[kind]])
    .map((kind) =>
      t('plan.table.supportLine', { kind: t(`pop.support.${kind}`), text: action[supportField[kind]] }),
    );
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {actionTypeLabel(action.type, actionTypes, t)}
      </Text>
      <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }}>
        {action.description}
      </Text>
      {facts.length > 0 && <Text size="sm">{facts.join(' · ')}</Text>}
      {support.length > 0 && (
        <Text size="sm">{t('plan.actions.support', { support: support.join('; ') })}</Text>
      )}
      {action.followUp && <Text size="sm">{t('plan.actions.followUp', { followUp: action.followUp })}</Text>}
    </Stack>
  );
}
