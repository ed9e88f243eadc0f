import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp, PlanDetail, PlanGoal } from '../../../shared/contracts/plans.js';
import { followUpQuestions } from '../../../shared/pop/guide.js';
import { type FollowUpState, followUpStates } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDate } from '../../i18n/format.js';
import { IcsLink } from '../notifications/ics-link.js';
import { FollowUpDates } from './goals-tab.js';
import { type PlanCache, replaceFollowUp } from './use-plan.js';

const stateColor: Record<FollowUpState, string> = {
  on_track: 'green',
  delayed: 'orange',
  adjusted: 'blue',
  reached: 'groeipad',
  stopped: 'gray',
};

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
  onOpenGoals: () => void;
}

/** Opvolging: the follow-up moments, per goal the three questions of seed 000 and how the goal stands. */
export function FollowUpsTab({ plan, cache, onOpenGoals }: TabProps) {
  const { t } = useTranslation();
  const followUps = [...(plan.content?.followUps ?? [])].sort((a, b) =>
    a.plannedDate.localeCompare(b.plannedDate),
  );
  return (
    <Stack gap="lg">
      <Text size="sm">{t('plan.followUps.intro')}</Text>
      {plan.revisionOpen && (
        <Alert color="orange" title={t('plan.followUps.revisionTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('plan.followUps.revisionBody')}</Text>
            <Button size="xs" variant="outline" onClick={onOpenGoals}>
              {t('plan.followUps.toGoals')}
            </Button>
          </Stack>
        </Alert>
      )}
      {followUps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('plan.agreements.noFollowUps')}
        </Text>
      )}
      {followUps.map((followUp) => (
        <FollowUpCard key={followUp.id} plan={plan} cache={cache} followUp={followUp} />
      ))}
      {plan.permissions.canManageFollowUps && (
        <Card withBorder padding="lg">
          <FollowUpDates plan={plan} cache={cache} headingOrder={2} />
        </Card>
      )}
    </Stack>
  );
}

interface EntryValues {
  goalId: string;
  state: FollowUpState | null;
  progress: string;
  acceleration: string;
  expectations: string;
  notes: string;
}

interface FollowUpValues {
  held: boolean;
  notes: string;
  entries: EntryValues[];
}

function valuesOf(followUp: FollowUp, goals: PlanGoal[]): FollowUpValues {
  return {
    held: followUp.heldAt !== null,
    notes: followUp.notes ?? '',
    entries: goals.map((goal) => {
      const entry = followUp.entries.find((e) => e.goalId === goal.id);
      return {
        goalId: goal.id,
        state: entry?.state ?? null,
        progress: entry?.progress ?? '',
        acceleration: entry?.acceleration ?? '',
        expectations: entry?.expectations ?? '',
        notes: entry?.notes ?? '',
      };
    }),
  };
}

function FollowUpCard({ plan, cache, followUp }: Omit<TabProps, 'onOpenGoals'> & { followUp: FollowUp }) {
  const { t } = useTranslation();
  const goals = plan.content?.goals ?? [];
  const editable = plan.permissions.canHoldFollowUps;
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<FollowUp>(followUp.version, async () => {
    const latest = await cache.fetchLatest();
    return latest.content?.followUps.find((f) => f.id === followUp.id);
  });
  const [open, setOpen] = useState(followUp.heldAt === null);
  const form = useForm<FollowUpValues>({ initialValues: valuesOf(followUp, goals) });
  const headingId = `follow-up-${followUp.id}`;
  const stored = valuesOf(followUp, goals).entries;
  const storedEntry = (goalId: string) => stored.find((e) => e.goalId === goalId);
  // Only what changed is sent: a goal that was already "bijgestuurd" does not open another revision.
  const changed = (entry: EntryValues) => JSON.stringify(entry) !== JSON.stringify(storedEntry(entry.goalId));
  const newlyAdjusted = (entry: EntryValues) =>
    entry.state === 'adjusted' && storedEntry(entry.goalId)?.state !== 'adjusted';
  const adjusts = form.values.entries.some(newlyAdjusted);
  const save = useMutation({
    mutationFn: (values: FollowUpValues) =>
      api.followUps.update(followUp.id, {
        held: values.held,
        notes: values.notes.trim() || null,
        entries: values.entries
          .filter((e): e is EntryValues & { state: FollowUpState } => e.state !== null && changed(e))
          .map((e) => ({
            goalId: e.goalId,
            state: e.state,
            progress: e.progress.trim() || null,
            acceleration: e.acceleration.trim() || null,
            expectations: e.expectations.trim() || null,
            notes: e.notes.trim() || null,
          })),
        version: guard.version,
      }),
    onSuccess: (saved, values) => {
      guard.saved(saved);
      form.resetDirty(values);
      cache.update((p) => replaceFollowUp(p, saved));
      void cache.refresh();
      if (saved.heldAt) setOpen(false);
      notifySuccess(t, t('plan.followUps.saved', { date: formatDate(saved.plannedDate) }));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="h3" id={headingId}>
          {t('plan.followUps.title', { date: formatDate(followUp.plannedDate) })}
        </Title>
        <Group gap="xs">
          {!followUp.heldAt && plan.myParty && (
            <IcsLink
              planId={plan.id}
              kind="follow_up"
              followUp={{ id: followUp.id, date: followUp.plannedDate }}
            />
          )}
          <Badge variant="light" color={followUp.heldAt ? 'green' : 'gray'}>
            {followUp.heldAt ? t('plan.followUps.held') : t('plan.followUps.planned')}
          </Badge>
        </Group>
      </Group>
      {editable && open ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFailure(null);
            save.mutate(values);
          })}
        >
          <Stack gap="md" mt="md">
            <ConflictAlert guard={guard} />
            <FormAlert failure={failure} />
            {goals.map((goal, index) => (
              <Paper
                key={goal.id}
                withBorder
                p="md"
                role="group"
                aria-labelledby={`${headingId}-goal-${goal.id}`}
              >
                <Title order={3} fz="h4" id={`${headingId}-goal-${goal.id}`}>
                  {t('plan.goals.numbered', { number: index + 1, title: goal.title })}
                </Title>
                <Stack gap="sm" mt="xs">
                  <Select
                    label={t('plan.followUps.state')}
                    data={followUpStates.map((s) => ({ value: s, label: t(`pop.followUpStates.${s}`) }))}
                    placeholder={t('common.choose')}
                    clearable
                    clearButtonProps={{ 'aria-label': t('plan.followUps.clearState') }}
                    comboboxProps={{ withinPortal: true }}
                    maw={280}
                    {...form.getInputProps(`entries.${index}.state`)}
                  />
                  {form.values.entries[index] &&
                    newlyAdjusted(form.values.entries[index]) &&
                    !plan.revisionOpen && (
                      <Text size="sm" c="blue.9">
                        {t('plan.followUps.adjustedHint')}
                      </Text>
                    )}
                  {followUpQuestions.map((question) => (
                    <GrowingTextarea
                      key={question}
                      label={t(`pop.followUpQuestions.${question}`)}
                      minRows={2}
                      maxRows={8}
                      {...form.getInputProps(`entries.${index}.${question}`)}
                    />
                  ))}
                  <GrowingTextarea
                    label={t('plan.followUps.goalNotes')}
                    minRows={1}
                    maxRows={6}
                    {...form.getInputProps(`entries.${index}.notes`)}
                  />
                </Stack>
              </Paper>
            ))}
            <GrowingTextarea
              label={t('plan.followUps.notes')}
              minRows={2}
              maxRows={8}
              {...form.getInputProps('notes')}
            />
            <Checkbox
              label={t('plan.followUps.markHeld')}
              {...form.getInputProps('held', { type: 'checkbox' })}
            />
            {adjusts && !plan.revisionOpen && (
              <Alert color="blue">{t('plan.followUps.adjustedNotice')}</Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('plan.followUps.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          <FollowUpReadOnly followUp={followUp} goals={goals} />
          {editable && (
            <Button size="xs" variant="outline" mt="sm" onClick={() => setOpen(true)}>
              {t('plan.followUps.edit')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}

function FollowUpReadOnly({ followUp, goals }: { followUp: FollowUp; goals: PlanGoal[] }) {
  const { t } = useTranslation();
  if (followUp.entries.length === 0 && !followUp.notes)
    return (
      <Text size="sm" c="dimmed" mt="sm">
        {t('plan.followUps.nothingYet')}
      </Text>
    );
  // In the order of the plan's goals, as the form shows them; entries of a goal removed since then come last.
  const position = (goalId: string) => {
    const index = goals.findIndex((g) => g.id === goalId);
    return index === -1 ? goals.length : index;
  };
  const entries = [...followUp.entries].sort((a, b) => position(a.goalId) - position(b.goalId));
  return (
    <Stack gap="sm" mt="sm">
      {entries.map((entry) => {
        const goal = goals.find((g) => g.id === entry.goalId);
        return (
          <Paper key={entry.goalId} withBorder p="sm">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {goal?.title ?? t('plan.followUps.removedGoal')}
              </Text>
              <Badge variant="light" size="sm" color={stateColor[entry.state]}>
                {t(`pop.followUpStates.${entry.state}`)}
              </Badge>
            </Group>
            {followUpQuestions.map((question) =>
              entry[question] ? (
                <Text size="sm" key={question} mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  <strong>{t(`pop.followUpQuestions.${question}`)}</strong> {entry[question]}
                </Text>
              ) : null,
            )}
            {entry.notes && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {entry.notes}
              </Text>
            )}
          </Paper>
        );
      })}
      {followUp.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('plan.followUps.notes')}:</strong> {followUp.notes}
        </Text>
      )}
    </Stack>
  );
}
