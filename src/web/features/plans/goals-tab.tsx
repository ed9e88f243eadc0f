import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp, PlanAction, PlanDetail, PlanGoal } from '../../../shared/contracts/plans.js';
import { api, isAppError } from '../../api/client.js';
import { useActionTypes } from '../../api/hooks.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { DateField } from '../../components/date-field.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { errorMessage } from '../../components/error-message.js';
import { FormAlert } from '../../components/form-alert.js';
import type { InputProps } from '../../components/form-types.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDate } from '../../i18n/format.js';
import { IcsLink } from '../notifications/ics-link.js';
import { ActionForm } from './action-form.js';
import { GoalCard } from './goal-card.js';
import { GoalForm } from './goal-form.js';
import { PlanEventButtons } from './plan-events.js';
import { usesCustomActionTypes } from './plan-labels.js';
import { PlanTable } from './plan-table.js';
import type { PlanCache } from './use-plan.js';

type Editing =
  | { kind: 'goal'; goal: PlanGoal | null }
  | { kind: 'action'; goal: PlanGoal; action: PlanAction | null }
  | null;

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
}

/** Ontwikkeldoelen with their actions and SMART check, the POP form as a table, and the practical agreements. */
export function GoalsTab({ plan, cache }: TabProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<'goals' | 'table'>('goals');
  const [editing, setEditing] = useState<Editing>(null);
  const content = plan.content;
  const editable = plan.permissions.canEditContent;
  const goals = content?.goals ?? [];
  // The kinds of action are loaded only when they are needed: to edit, or to name a kind the organisation added.
  const actionTypes = useActionTypes(editable || usesCustomActionTypes(goals));
  if (!content) return null;
  const frozen = plan.phase === 'approved' && !plan.revisionOpen;
  return (
    <Stack gap="lg">
      {frozen && (
        <Alert color="groeipad" title={t('plan.goals.frozenTitle', { version: plan.approvedVersion })}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('plan.goals.frozenBody')}</Text>
            <PlanEventButtons plan={plan} cache={cache} only={['start_revision']} />
          </Stack>
        </Alert>
      )}
      {plan.phase === 'preparation' && editable && (
        <Text size="sm" c="dimmed">
          {t('plan.goals.preparationHint')}
        </Text>
      )}
      <section aria-labelledby="goals-heading">
        <Group justify="space-between" mb="sm" gap="sm">
          <Title order={2} fz="h3" id="goals-heading">
            {t('plan.goals.title')}
          </Title>
          <Group gap="sm">
            <SegmentedControl
              aria-label={t('plan.goals.viewLabel')}
              size="xs"
              value={view}
              onChange={(v) => setView(v as 'goals' | 'table')}
              data={[
                { value: 'goals', label: t('plan.goals.viewCards') },
                { value: 'table', label: t('plan.goals.viewTable') },
              ]}
            />
            {editable && (
              <Button onClick={() => setEditing({ kind: 'goal', goal: null })}>{t('plan.goals.add')}</Button>
            )}
          </Group>
        </Group>
        {view === 'table' ? (
          <PlanTable goals={goals} actionTypes={actionTypes.data?.items} />
        ) : goals.length === 0 ? (
          <Text size="sm">{editable ? t('plan.goals.emptyEditable') : t('plan.goals.none')}</Text>
        ) : (
          <Stack gap="md">
            {goals.map((goal, index) => (
              <GoalCard
                key={goal.id}
                plan={plan}
                goal={goal}
                number={index + 1}
                cache={cache}
                editable={editable}
                actionTypes={actionTypes.data?.items}
                onEdit={() => setEditing({ kind: 'goal', goal })}
                onAddAction={() => setEditing({ kind: 'action', goal, action: null })}
                onEditAction={(action) => setEditing({ kind: 'action', goal, action })}
              />
            ))}
          </Stack>
        )}
      </section>
      <Agreements plan={plan} cache={cache} editable={editable} />
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.kind === 'goal'
            ? editing.goal
              ? t('plan.goals.editTitle')
              : t('plan.goals.createTitle')
            : editing?.action
              ? t('plan.actions.editTitle')
              : t('plan.actions.createTitle')
        }
      >
        {editing?.kind === 'goal' && (
          <GoalForm
            key={editing.goal?.id ?? 'new'}
            plan={plan}
            goal={editing.goal}
            cache={cache}
            onDone={() => setEditing(null)}
          />
        )}
        {editing?.kind === 'action' &&
          (actionTypes.data ? (
            <ActionForm
              key={editing.action?.id ?? `new-${editing.goal.id}`}
              goal={editing.goal}
              action={editing.action}
              actionTypes={actionTypes.data.items}
              cache={cache}
              onDone={() => setEditing(null)}
            />
          ) : actionTypes.isError ? (
            <Text c="red.9" role="alert">
              {errorMessage(actionTypes.error, t)}
            </Text>
          ) : null)}
      </EntityDrawer>
    </Stack>
  );
}

interface AgreementValues {
  periodStart: string | null;
  periodEnd: string | null;
  evaluationDate: string | null;
  facilities: string;
}

const agreementsOf = (plan: PlanDetail): AgreementValues => ({
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
  evaluationDate: plan.content?.evaluationDate ?? null,
  facilities: plan.content?.facilities ?? '',
});

const sameAgreements = (a: AgreementValues, b: AgreementValues): boolean =>
  a.periodStart === b.periodStart &&
  a.periodEnd === b.periodEnd &&
  a.evaluationDate === b.evaluationDate &&
  a.facilities.trim() === b.facilities.trim();

/** Praktische afspraken: the period, facilities, the evaluation date and the follow-up moments. */
function Agreements({ plan, cache, editable }: TabProps & { editable: boolean }) {
  const { t } = useTranslation();
  const content = plan.content;
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<PlanDetail>(plan.version, () => cache.fetchLatest());
  const fresh = agreementsOf(plan);
  const baseline = useRef(fresh);
  const form = useForm<AgreementValues>({
    initialValues: fresh,
    validate: {
      periodStart: (v) => (v ? null : t('validation.required')),
      periodEnd: (v, values) =>
        !v
          ? t('validation.required')
          : values.periodStart && v < values.periodStart
            ? t('validation.end_before_start')
            : null,
      facilities: (v) => (v.trim().length > 4000 ? t('validation.too_long', { max: 4000 }) : null),
    },
  });
  const freshKey = JSON.stringify(fresh);
  // Untouched, the form follows the plan as it is saved; touched, it keeps what the person typed.
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => {
    const next = JSON.parse(freshKey) as AgreementValues;
    const current = formRef.current;
    if (!current.isDirty()) {
      current.setValues(next);
      current.resetDirty(next);
      baseline.current = next;
    }
  }, [freshKey]);
  // The plan's version also moves when a goal changes: as long as the agreements themselves are as this form
  // loaded them, it saves against the newest version; otherwise the 409 shows what the other person changed.
  const version =
    guard.phase === 'none' && sameAgreements(fresh, baseline.current) ? plan.version : guard.version;
  const save = useMutation({
    mutationFn: (values: AgreementValues) =>
      api.plans.update(plan.id, {
        periodStart: values.periodStart ?? plan.periodStart,
        periodEnd: values.periodEnd ?? plan.periodEnd,
        evaluationDate: values.evaluationDate,
        facilities: values.facilities.trim() || null,
        version,
      }),
    onSuccess: (next, values) => {
      guard.saved(next);
      baseline.current = values;
      form.resetDirty(values);
      cache.set(next);
      notifySuccess(t, t('plan.agreements.saved'));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  if (!content) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="agreements-heading">
      <Title order={2} fz="h3" id="agreements-heading">
        {t('plan.agreements.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('plan.agreements.intro')}
      </Text>
      {editable ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFailure(null);
            save.mutate(values);
          })}
        >
          <Stack gap="md">
            <ConflictAlert
              guard={guard}
              differences={(latest) => [
                {
                  label: t('plan.agreements.facilities'),
                  theirs: latest.content?.facilities ?? '',
                  changed: (latest.content?.facilities ?? '') !== form.values.facilities.trim(),
                },
                {
                  label: t('plan.agreements.evaluationDate'),
                  theirs: formatDate(latest.content?.evaluationDate),
                  changed: (latest.content?.evaluationDate ?? null) !== form.values.evaluationDate,
                },
              ]}
            />
            <FormAlert failure={failure} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label={t('plan.agreements.periodStart')}
                inputProps={form.getInputProps('periodStart')}
              />
              <DateField
                label={t('plan.agreements.periodEnd')}
                inputProps={form.getInputProps('periodEnd')}
              />
            </SimpleGrid>
            <GrowingTextarea
              label={t('plan.agreements.facilities')}
              description={t('plan.agreements.facilitiesHint')}
              minRows={3}
              maxRows={10}
              {...form.getInputProps('facilities')}
            />
            <DateField
              label={t('plan.agreements.evaluationDate')}
              description={t('plan.agreements.evaluationDateHint')}
              inputProps={form.getInputProps('evaluationDate')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                {t('plan.agreements.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            <strong>{t('plan.agreements.facilities')}:</strong> {content.facilities || t('common.none')}
          </Text>
          <Text size="sm">
            <strong>{t('plan.agreements.evaluationDate')}:</strong>{' '}
            {formatDate(content.evaluationDate) || t('common.none')}
            {content.evaluationDate && plan.myParty && !plan.cancelled && (
              <IcsLink planId={plan.id} kind="evaluation" />
            )}
          </Text>
        </Stack>
      )}
      <FollowUpDates plan={plan} cache={cache} />
    </Card>
  );
}

/** The opvolgingsmomenten as dates; they are held under Opvolging. */
export function FollowUpDates({ plan, cache, headingOrder = 3 }: TabProps & { headingOrder?: 2 | 3 }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const canPlan = plan.permissions.canManageFollowUps;
  const followUps = [...(plan.content?.followUps ?? [])].sort((a, b) =>
    a.plannedDate.localeCompare(b.plannedDate),
  );
  const add = useMutation({
    mutationFn: (planned: string) => api.followUps.create(plan.id, planned),
    onSuccess: async () => {
      setDate(null);
      await cache.refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (followUp: FollowUp) => api.followUps.remove(followUp.id, followUp.version),
    onSuccess: () => cache.refresh(),
    onError: (error) => {
      if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
    },
  });
  const dateProps = { value: date, onChange: (v: string | null) => setDate(v) } as unknown as InputProps;
  return (
    <Stack gap="xs" mt="lg" component="section" aria-labelledby="follow-up-dates-heading">
      <Title order={headingOrder} fz="h4" id="follow-up-dates-heading">
        {t('plan.agreements.followUps')}
      </Title>
      {followUps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.agreements.noFollowUps')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {followUps.map((followUp) => (
            <Group key={followUp.id} component="li" gap="xs">
              <Text size="sm">
                {formatDate(followUp.plannedDate)}
                {followUp.heldAt && ` · ${t('plan.followUps.held')}`}
              </Text>
              {!followUp.heldAt && plan.myParty && !plan.cancelled && (
                <IcsLink
                  planId={plan.id}
                  kind="follow_up"
                  followUp={{ id: followUp.id, date: followUp.plannedDate }}
                />
              )}
              {canPlan && !followUp.heldAt && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  loading={remove.isPending && remove.variables?.id === followUp.id}
                  onClick={() => remove.mutate(followUp)}
                  aria-label={t('plan.agreements.removeFollowUp', { date: formatDate(followUp.plannedDate) })}
                >
                  <span aria-hidden="true">×</span>
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {canPlan && (
        <Group align="flex-end" gap="sm">
          <div style={{ flex: '1 1 12rem', maxWidth: 260 }}>
            <DateField label={t('plan.agreements.newFollowUp')} inputProps={dateProps} />
          </div>
          <Button
            variant="outline"
            disabled={!date}
            loading={add.isPending}
            onClick={() => date && add.mutate(date)}
          >
            {t('plan.agreements.addFollowUp')}
          </Button>
        </Group>
      )}
      {(add.isError || remove.isError) && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(add.error ?? remove.error, t)}
        </Text>
      )}
    </Stack>
  );
}
