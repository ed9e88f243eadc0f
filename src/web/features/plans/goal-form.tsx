import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanGoal } from '../../../shared/contracts/plans.js';
import { horizons, priorities } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { useCompetencies } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { DateField } from '../../components/date-field.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDate } from '../../i18n/format.js';
import { type PlanCache, replaceGoal } from './use-plan.js';

interface GoalValues {
  title: string;
  description: string;
  reason: string;
  organisationGoal: string;
  competencyId: string | null;
  priority: PlanGoal['priority'];
  horizon: PlanGoal['horizon'];
  targetDate: string | null;
  measure: string;
}

const valuesOf = (goal: PlanGoal | null): GoalValues => ({
  title: goal?.title ?? '',
  description: goal?.description ?? '',
  reason: goal?.reason ?? '',
  organisationGoal: goal?.organisationGoal ?? '',
  competencyId: goal?.competencyId ?? null,
  priority: goal?.priority ?? 'medium',
  horizon: goal?.horizon ?? 'short',
  targetDate: goal?.targetDate ?? null,
  measure: goal?.measure ?? '',
});

/** The competencies of the employee's function first, then the rest of the organisation's. */
function useCompetencyOptions(employeeId: string, current: { id: string | null; name: string | null }) {
  const { t } = useTranslation();
  const all = useCompetencies();
  const person = useQuery({
    queryKey: queryKeys.person(employeeId),
    queryFn: () => api.people.get(employeeId),
    retry: false,
  });
  const functionId = person.data?.functionId ?? null;
  const jobFunction = useQuery({
    queryKey: queryKeys.jobFunction(functionId ?? ''),
    queryFn: () => api.functions.get(functionId ?? ''),
    enabled: functionId !== null,
    retry: false,
  });
  const own = jobFunction.data?.competencies ?? [];
  const ownIds = new Set(own.map((c) => c.id));
  const others = (all.data?.items ?? [])
    .filter((c) => (c.active || c.id === current.id) && !ownIds.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (current.id && current.name && !ownIds.has(current.id) && !others.some((o) => o.value === current.id))
    others.push({ value: current.id, label: current.name });
  const groups = [];
  if (own.length > 0)
    groups.push({
      group: t('plan.goals.form.functionCompetencies', { name: jobFunction.data?.name ?? '' }),
      items: own.map((c) => ({ value: c.id, label: c.name })),
    });
  if (others.length > 0) groups.push({ group: t('plan.goals.form.otherCompetencies'), items: others });
  return groups;
}

interface GoalFormProps {
  plan: PlanDetail;
  goal: PlanGoal | null;
  cache: PlanCache;
  onDone: () => void;
}

/** An ontwikkeldoel: what, why (organisation goal, competency), priority, horizon, target date and measure. */
export function GoalForm({ plan, goal, cache, onDone }: GoalFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<PlanGoal>(goal?.version ?? 1, async () => {
    const latest = await cache.fetchLatest();
    return latest.content?.goals.find((g) => g.id === goal?.id);
  });
  const form = useForm<GoalValues>({
    initialValues: valuesOf(goal),
    validate: {
      title: rules.required(200),
      description: rules.optional(4000),
      reason: rules.optional(2000),
      organisationGoal: rules.optional(500),
      measure: rules.optional(2000),
    },
  });
  const competencyOptions = useCompetencyOptions(plan.employee.id, {
    id: goal?.competencyId ?? null,
    name: goal?.competencyName ?? null,
  });
  const save = useMutation({
    mutationFn: (values: GoalValues) => {
      const body = {
        title: values.title.trim(),
        description: values.description.trim() || null,
        reason: values.reason.trim() || null,
        organisationGoal: values.organisationGoal.trim() || null,
        competencyId: values.competencyId,
        priority: values.priority,
        horizon: values.horizon,
        targetDate: values.targetDate,
        measure: values.measure.trim() || null,
      };
      return goal
        ? api.goals.update(goal.id, { ...body, version: guard.version })
        : api.goals.create(plan.id, body);
    },
    onSuccess: (saved) => {
      guard.saved(saved);
      cache.update((p) =>
        goal
          ? replaceGoal(p, saved)
          : p.content
            ? { ...p, content: { ...p.content, goals: [...p.content.goals, saved] } }
            : p,
      );
      void cache.refresh();
      notifySuccess(t, t(goal ? 'plan.goals.saved' : 'plan.goals.created', { title: saved.title }));
      onDone();
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  const option = (value: string, label: string) => ({ value, label });
  return (
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
              label: t('plan.goals.form.title'),
              theirs: latest.title,
              changed: latest.title !== form.values.title.trim(),
            },
            {
              label: t('plan.goals.form.description'),
              theirs: latest.description ?? '',
              changed: (latest.description ?? '') !== form.values.description.trim(),
            },
            {
              label: t('plan.goals.form.reason'),
              theirs: latest.reason ?? '',
              changed: (latest.reason ?? '') !== form.values.reason.trim(),
            },
            {
              label: t('plan.goals.form.organisationGoal'),
              theirs: latest.organisationGoal ?? '',
              changed: (latest.organisationGoal ?? '') !== form.values.organisationGoal.trim(),
            },
            {
              label: t('plan.goals.form.competency'),
              theirs: latest.competencyName ?? '',
              changed: latest.competencyId !== form.values.competencyId,
            },
            {
              label: t('plan.goals.form.priority'),
              theirs: t(`pop.priorities.${latest.priority}`),
              changed: latest.priority !== form.values.priority,
            },
            {
              label: t('plan.goals.form.horizon'),
              theirs: t(`pop.horizons.${latest.horizon}`),
              changed: latest.horizon !== form.values.horizon,
            },
            {
              label: t('plan.goals.form.targetDate'),
              theirs: formatDate(latest.targetDate),
              changed: latest.targetDate !== form.values.targetDate,
            },
            {
              label: t('plan.goals.form.measure'),
              theirs: latest.measure ?? '',
              changed: (latest.measure ?? '') !== form.values.measure.trim(),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput
          label={t('plan.goals.form.title')}
          description={t('plan.goals.form.titleHint')}
          required
          {...form.getInputProps('title')}
        />
        <GrowingTextarea
          label={t('plan.goals.form.description')}
          description={t('plan.goals.form.descriptionHint')}
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <GrowingTextarea
          label={t('plan.goals.form.reason')}
          description={t('plan.goals.form.reasonHint')}
          minRows={2}
          maxRows={8}
          {...form.getInputProps('reason')}
        />
        <TextInput
          label={t('plan.goals.form.organisationGoal')}
          description={t('plan.goals.form.organisationGoalHint')}
          {...form.getInputProps('organisationGoal')}
        />
        <Select
          label={t('plan.goals.form.competency')}
          description={t('plan.goals.form.competencyHint')}
          data={competencyOptions}
          placeholder={t('common.choose')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          clearButtonProps={{ 'aria-label': t('plan.goals.form.clearCompetency') }}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('competencyId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('plan.goals.form.priority')}
            data={priorities.map((p) => option(p, t(`pop.priorities.${p}`)))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('priority')}
          />
          <Select
            label={t('plan.goals.form.horizon')}
            data={horizons.map((h) => option(h, t(`pop.horizons.${h}`)))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('horizon')}
          />
        </SimpleGrid>
        <DateField
          label={t('plan.goals.form.targetDate')}
          description={t('plan.goals.form.targetDateHint', {
            from: formatDate(plan.periodStart),
            to: formatDate(plan.periodEnd),
          })}
          inputProps={form.getInputProps('targetDate')}
        />
        <GrowingTextarea
          label={t('plan.goals.form.measure')}
          description={t('plan.goals.form.measureHint')}
          minRows={2}
          maxRows={8}
          {...form.getInputProps('measure')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {goal ? t('common.save') : t('plan.goals.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
