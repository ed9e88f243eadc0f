import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanGoal } from '../../../shared/contracts/plans.js';
import type { ActionType } from '../../../shared/contracts/templates.js';
import { parseQuarter, type Timing } from '../../../shared/pop/timing.js';
import { api } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { DateField } from '../../components/date-field.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { FundingSourceSelect } from '../budgets/funding-source-select.js';
import { actionTypeLabel, timingText } from './plan-labels.js';
import { type PlanCache, replaceAction } from './use-plan.js';

type TimingKind = Timing['kind'] | 'none';

interface ActionValues {
  type: string;
  description: string;
  provider: string;
  timingKind: TimingKind;
  date: string | null;
  from: string | null;
  to: string | null;
  quarter: string;
  hours: number | string;
  cost: number | string;
  learning: 'formal' | 'informal';
  funding: string;
  fundingSourceId: string | null;
  countsForTrainingRight: boolean;
  supportTime: string;
  supportBudget: string;
  supportLogistics: string;
  supportCoach: string;
  followUp: string;
}

function valuesOf(action: PlanAction | null, types: readonly ActionType[]): ActionValues {
  const timing = action?.timing ?? null;
  const firstType = types.find((type) => type.active)?.key ?? 'training';
  const type = action?.type ?? firstType;
  return {
    type,
    description: action?.description ?? '',
    provider: action?.provider ?? '',
    timingKind: timing?.kind ?? 'none',
    date: timing?.kind === 'date' ? timing.date : null,
    from: timing?.kind === 'range' ? timing.from : null,
    to: timing?.kind === 'range' ? timing.to : null,
    quarter: timing?.kind === 'quarter' ? `Q${timing.quarter} ${timing.year}` : '',
    hours: action?.hours ?? '',
    cost: action?.cost ?? '',
    learning: (action ? action.isFormal : (types.find((x) => x.key === type)?.isFormal ?? false))
      ? 'formal'
      : 'informal',
    funding: action?.funding ?? '',
    fundingSourceId: action?.fundingSourceId ?? null,
    countsForTrainingRight:
      action?.countsForTrainingRight ?? types.find((x) => x.key === type)?.countsForTrainingRight ?? true,
    supportTime: action?.supportTime ?? '',
    supportBudget: action?.supportBudget ?? '',
    supportLogistics: action?.supportLogistics ?? '',
    supportCoach: action?.supportCoach ?? '',
    followUp: action?.followUp ?? '',
  };
}

function timingOf(values: ActionValues): Timing | null {
  switch (values.timingKind) {
    case 'date':
      return values.date ? { kind: 'date', date: values.date } : null;
    case 'range':
      return values.from && values.to ? { kind: 'range', from: values.from, to: values.to } : null;
    case 'quarter': {
      const q = parseQuarter(values.quarter);
      return q ? { kind: 'quarter', ...q } : null;
    }
    case 'ongoing':
      return { kind: 'ongoing' };
    default:
      return null;
  }
}

const numberOrNull = (value: number | string): number | null =>
  value === '' || value === null || Number.isNaN(Number(value)) ? null : Number(value);

interface ActionFormProps {
  goal: PlanGoal;
  action: PlanAction | null;
  actionTypes: readonly ActionType[];
  cache: PlanCache;
  onDone: () => void;
}

/** An action (VTO(C)-maatregel) of a goal: what, who provides it, when, what it takes and how it is followed up. */
export function ActionForm({ goal, action, actionTypes, cache, onDone }: ActionFormProps) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  // The training right is Belgian law: only Belgian organisations see (and set) the flag.
  const isBelgian = useMe().organisation.country === 'BE';
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<PlanAction>(action?.version ?? 1, async () => {
    const latest = await cache.fetchLatest();
    return latest.content?.goals.flatMap((g) => g.actions).find((a) => a.id === action?.id);
  });
  const form = useForm<ActionValues>({
    initialValues: valuesOf(action, actionTypes),
    validate: {
      type: rules.requiredChoice,
      description: rules.required(2000),
      provider: rules.optional(200),
      date: (value, values) => (values.timingKind === 'date' && !value ? t('validation.required') : null),
      from: (value, values) => (values.timingKind === 'range' && !value ? t('validation.required') : null),
      to: (value, values) => {
        if (values.timingKind !== 'range') return null;
        if (!value) return t('validation.required');
        return values.from && value < values.from ? t('validation.end_before_start') : null;
      },
      quarter: (value, values) =>
        values.timingKind === 'quarter' && !parseQuarter(value)
          ? t('plan.actions.form.quarterInvalid')
          : null,
      funding: rules.optional(500),
      supportTime: rules.optional(500),
      supportBudget: rules.optional(500),
      supportLogistics: rules.optional(500),
      supportCoach: rules.optional(500),
      followUp: rules.optional(1000),
    },
  });
  const typeOptions = actionTypes
    .filter((type) => type.active || type.key === action?.type)
    .map((type) => ({ value: type.key, label: type.label }));
  if (action && !typeOptions.some((o) => o.value === action.type))
    typeOptions.push({ value: action.type, label: actionTypeLabel(action.type, actionTypes, t) });

  const save = useMutation({
    mutationFn: (values: ActionValues) => {
      const text = (value: string) => value.trim() || null;
      const body = {
        type: values.type,
        description: values.description.trim(),
        provider: text(values.provider),
        timing: timingOf(values),
        hours: numberOrNull(values.hours),
        cost: numberOrNull(values.cost),
        currency: 'EUR' as const,
        isFormal: values.learning === 'formal',
        funding: text(values.funding),
        fundingSourceId: values.fundingSourceId,
        ...(isBelgian ? { countsForTrainingRight: values.countsForTrainingRight } : {}),
        supportTime: text(values.supportTime),
        supportBudget: text(values.supportBudget),
        supportLogistics: text(values.supportLogistics),
        supportCoach: text(values.supportCoach),
        followUp: text(values.followUp),
      };
      return action
        ? api.actions.update(action.id, { ...body, version: guard.version })
        : api.actions.create(goal.id, body);
    },
    onSuccess: (saved) => {
      guard.saved(saved);
      cache.update((p) =>
        action
          ? replaceAction(p, saved)
          : p.content
            ? {
                ...p,
                content: {
                  ...p.content,
                  goals: p.content.goals.map((g) =>
                    g.id === goal.id ? { ...g, actions: [...g.actions, saved] } : g,
                  ),
                },
              }
            : p,
      );
      void cache.refresh();
      notifySuccess(t, t(action ? 'plan.actions.saved' : 'plan.actions.created'));
      onDone();
    },
    onError: (error) => {
      setFailure(
        applyServerErrors(form, error, t, {
          mapPath: (path) =>
            path === 'timing.to'
              ? 'to'
              : path === 'timing'
                ? 'timingKind'
                : path.startsWith('timing')
                  ? 'date'
                  : path,
        }),
      );
      guard.failed(error);
    },
  });
  const kind = form.values.timingKind;
  const numberProps = {
    decimalSeparator: i18n.language === 'en' ? '.' : ',',
    thousandSeparator: i18n.language === 'en' ? ',' : '.',
    min: 0,
    hideControls: true,
  };
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
              label: t('plan.actions.form.type'),
              theirs: actionTypeLabel(latest.type, actionTypes, t),
              changed: latest.type !== form.values.type,
            },
            {
              label: t('plan.actions.form.description'),
              theirs: latest.description,
              changed: latest.description !== form.values.description.trim(),
            },
            {
              label: t('plan.actions.form.timing'),
              theirs: timingText(latest.timing, t),
              changed: JSON.stringify(latest.timing) !== JSON.stringify(timingOf(form.values)),
            },
            {
              label: t('plan.actions.form.followUp'),
              theirs: latest.followUp ?? '',
              changed: (latest.followUp ?? '') !== form.values.followUp.trim(),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <Text size="sm" c="dimmed">
          {t('plan.actions.form.forGoal', { title: goal.title })}
        </Text>
        <Select
          label={t('plan.actions.form.type')}
          data={typeOptions}
          allowDeselect={false}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('type')}
          onChange={(value) => {
            form.setFieldValue('type', value ?? '');
            const chosen = actionTypes.find((type) => type.key === value);
            if (chosen) form.setFieldValue('learning', chosen.isFormal ? 'formal' : 'informal');
            if (chosen) form.setFieldValue('countsForTrainingRight', chosen.countsForTrainingRight);
          }}
        />
        <GrowingTextarea
          label={t('plan.actions.form.description')}
          description={t('plan.actions.form.descriptionHint')}
          required
          minRows={2}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <TextInput
          label={t('plan.actions.form.provider')}
          description={t('plan.actions.form.providerHint')}
          {...form.getInputProps('provider')}
        />
        <Radio.Group label={t('plan.actions.form.timing')} {...form.getInputProps('timingKind')}>
          <Group gap="md" mt={6}>
            {(['none', 'date', 'range', 'quarter', 'ongoing'] as const).map((value) => (
              <Radio
                key={value}
                value={value}
                label={value === 'none' ? t('plan.actions.form.noTiming') : t(`pop.timing.${value}`)}
              />
            ))}
          </Group>
        </Radio.Group>
        {kind === 'date' && (
          <DateField label={t('pop.timing.date')} inputProps={form.getInputProps('date')} />
        )}
        {kind === 'range' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('plan.actions.form.from')} inputProps={form.getInputProps('from')} />
            <DateField label={t('plan.actions.form.to')} inputProps={form.getInputProps('to')} />
          </SimpleGrid>
        )}
        {kind === 'quarter' && (
          <TextInput
            label={t('pop.timing.quarter')}
            description={t('plan.actions.form.quarterHint')}
            placeholder={t('plan.actions.form.quarterPlaceholder')}
            {...form.getInputProps('quarter')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberInput
            label={t('plan.actions.form.hours')}
            max={10000}
            decimalScale={1}
            {...numberProps}
            {...form.getInputProps('hours')}
          />
          <NumberInput
            label={t('plan.actions.form.cost')}
            description={t('plan.actions.form.costHint')}
            max={10000000}
            decimalScale={2}
            leftSection={<span aria-hidden="true">€</span>}
            {...numberProps}
            {...form.getInputProps('cost')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('plan.actions.form.learning')}
          description={t('plan.actions.form.learningHint')}
          {...form.getInputProps('learning')}
        >
          <Group gap="md" mt={6}>
            <Radio value="formal" label={t('pop.learning.formal')} />
            <Radio value="informal" label={t('pop.learning.informal')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <FundingSourceSelect
            currentId={action?.fundingSourceId ?? null}
            inputProps={form.getInputProps('fundingSourceId')}
          />
          <TextInput
            label={t('plan.actions.form.funding')}
            description={t('plan.actions.form.fundingHint')}
            {...form.getInputProps('funding')}
          />
        </SimpleGrid>
        {isBelgian && (
          <Checkbox
            label={t('budgets.action.countsForTrainingRight')}
            description={t('budgets.action.countsForTrainingRightHint')}
            {...form.getInputProps('countsForTrainingRight', { type: 'checkbox' })}
          />
        )}
        <Fieldset legend={t('plan.actions.form.support')} variant="filled">
          <Stack gap="sm">
            <TextInput
              label={t('pop.support.time')}
              description={t('plan.actions.form.supportTimeHint')}
              {...form.getInputProps('supportTime')}
            />
            <TextInput label={t('pop.support.budget')} {...form.getInputProps('supportBudget')} />
            <TextInput label={t('pop.support.logistics')} {...form.getInputProps('supportLogistics')} />
            <TextInput
              label={t('pop.support.coach')}
              description={t('plan.actions.form.supportCoachHint')}
              {...form.getInputProps('supportCoach')}
            />
          </Stack>
        </Fieldset>
        <TextInput
          label={t('plan.actions.form.followUp')}
          description={t('plan.actions.form.followUpHint')}
          {...form.getInputProps('followUp')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {action ? t('common.save') : t('plan.actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
