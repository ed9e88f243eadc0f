import '@mantine/dates/styles.css';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  MultiSelect,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BatchPlansResult } from '../../../shared/contracts/plans.js';
import { zonedTimeToUtc } from '../../../shared/pop/dates.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { DateField } from '../../components/date-field.js';
import { FormAlert } from '../../components/form-alert.js';
import type { InputProps } from '../../components/form-types.js';
import { notifySuccess } from '../../components/notify.js';
import type { Option } from '../../components/options.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDateTime } from '../../i18n/format.js';

interface PeriodValues {
  periodStart: string | null;
  periodEnd: string | null;
}

const periodBody = (values: PeriodValues) => ({
  ...(values.periodStart ? { periodStart: values.periodStart } : {}),
  ...(values.periodEnd ? { periodEnd: values.periodEnd } : {}),
});

/** Starting one person's cycle: an optional conversation moment and period (one calendar year by default). */
export function StartPlanForm({
  person,
  onDone,
}: {
  person: { id: string; name: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const form = useForm<PeriodValues & { date: string | null; time: string }>({
    initialValues: { date: null, time: '10:00', periodStart: null, periodEnd: null },
  });
  const start = useMutation({
    mutationFn: (values: PeriodValues & { date: string | null; time: string }) =>
      api.plans.create({
        employeeId: person.id,
        conversationAt: values.date
          ? zonedTimeToUtc(values.date, values.time || '10:00', me.organisation.timeZone).toISOString()
          : null,
        ...periodBody(values),
      }),
    onSuccess: (plan) => {
      queryClient.setQueryData(queryKeys.plan(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      notifySuccess(t, t('cycles.start.startedOne', { name: person.name }));
      setStarted(plan.id);
    },
    onError: (error) =>
      setFailure(applyServerErrors(form, error, t, { mapPath: (p) => (p === 'employeeId' ? '' : p) })),
  });
  if (started) {
    return (
      <Stack gap="sm">
        <Alert color="green" title={t('cycles.start.startedTitle')}>
          {t('cycles.start.startedOne', { name: person.name })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.close')}
          </Button>
          <Button component={Link} to={`/plans/${started}`}>
            {t('cycles.openPlan')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        start.mutate(values);
      })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('cycles.start.oneIntro', { name: person.name })}</Text>
        <FormAlert failure={failure} title={t('cycles.start.failed')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateField label={t('cycles.start.conversationDate')} inputProps={form.getInputProps('date')} />
          <TimeInput
            label={t('plan.header.time')}
            disabled={!form.values.date}
            {...form.getInputProps('time')}
          />
        </SimpleGrid>
        <PeriodFields form={form} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending}>
            {t('cycles.start.submitOne')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PeriodFields({
  form,
}: {
  form: { getInputProps: (path: 'periodStart' | 'periodEnd') => InputProps };
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <DateField label={t('cycles.start.periodStart')} inputProps={form.getInputProps('periodStart')} />
        <DateField label={t('cycles.start.periodEnd')} inputProps={form.getInputProps('periodEnd')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('cycles.start.periodHint')}
      </Text>
    </>
  );
}

export type BatchTarget = 'people' | 'team' | 'organisation';

interface BatchValues extends PeriodValues {
  target: BatchTarget;
  personIds: string[];
  teamId: string | null;
  from: string | null;
  to: string | null;
}

interface BatchStartProps {
  targets: BatchTarget[];
  people?: Option[];
  teams?: Option[];
  defaultPeople?: string[];
  onDone: () => void;
}

/** Several cycles at once, with conversation moments spread over the working days of a window. */
export function BatchStartForm({
  targets,
  people = [],
  teams = [],
  defaultPeople = [],
  onDone,
}: BatchStartProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [result, setResult] = useState<BatchPlansResult | null>(null);
  const form = useForm<BatchValues>({
    initialValues: {
      target: targets[0] ?? 'people',
      personIds: defaultPeople,
      teamId: teams[0]?.value ?? null,
      from: null,
      to: null,
      periodStart: null,
      periodEnd: null,
    },
    validate: {
      from: (v) => (v ? null : t('validation.required')),
      to: (v, values) =>
        !v
          ? t('validation.required')
          : values.from && v < values.from
            ? t('validation.end_before_start')
            : null,
      personIds: (v, values) =>
        values.target === 'people' && v.length === 0 ? t('validation.required') : null,
      teamId: (v, values) => (values.target === 'team' && !v ? t('validation.required') : null),
    },
  });
  const start = useMutation({
    mutationFn: (values: BatchValues) =>
      api.plans.batch({
        ...(values.target === 'people' ? { personIds: values.personIds } : {}),
        ...(values.target === 'team' && values.teamId ? { teamId: values.teamId } : {}),
        ...(values.target === 'organisation' ? { wholeOrganisation: true as const } : {}),
        window: { from: values.from ?? '', to: values.to ?? '' },
        ...periodBody(values),
      }),
    onSuccess: (answer) => {
      setResult(answer);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
    },
    onError: (error) =>
      setFailure(
        applyServerErrors(form, error, t, {
          mapPath: (p) => (p === 'window.to' ? 'to' : p === 'window.from' || p === 'window' ? 'from' : p),
        }),
      ),
  });
  if (result) return <BatchResult result={result} onDone={onDone} />;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        start.mutate(values);
      })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('cycles.start.batchIntro')}</Text>
        <FormAlert failure={failure} title={t('cycles.start.failed')} />
        {targets.length > 1 && (
          <Radio.Group label={t('cycles.start.target')} {...form.getInputProps('target')}>
            <Group gap="md" mt={6}>
              {targets.map((target) => (
                <Radio key={target} value={target} label={t(`cycles.start.targets.${target}`)} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {form.values.target === 'people' && (
          <MultiSelect
            label={t('cycles.start.people')}
            data={people}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('cycles.start.clearPeople') }}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('personIds')}
          />
        )}
        {form.values.target === 'team' && (
          <Select
            label={t('common.fields.team')}
            data={teams}
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('teamId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateField label={t('cycles.start.windowFrom')} inputProps={form.getInputProps('from')} />
          <DateField label={t('cycles.start.windowTo')} inputProps={form.getInputProps('to')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('cycles.start.windowHint')}
        </Text>
        <PeriodFields form={form} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending}>
            {t('cycles.start.submitBatch')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BatchResult({ result, onDone }: { result: BatchPlansResult; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="md" aria-live="polite">
      <Alert color={result.created.length > 0 ? 'green' : 'gray'} title={t('cycles.start.resultTitle')}>
        {t('cycles.start.result', { created: result.created.length, skipped: result.skipped.length })}
      </Alert>
      {result.created.length > 0 && (
        <div>
          <Text size="sm" fw={700}>
            {t('cycles.start.createdList')}
          </Text>
          <List size="sm" spacing={2}>
            {result.created.map((c) => (
              <List.Item key={c.planId}>
                <Anchor component={Link} to={`/plans/${c.planId}`}>
                  {c.employeeName}
                </Anchor>
                {' · '}
                {formatDateTime(c.conversationAt, me.organisation.timeZone)}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {result.skipped.length > 0 && (
        <div>
          <Text size="sm" fw={700}>
            {t('cycles.start.skippedList')}
          </Text>
          <List size="sm" spacing={2}>
            {result.skipped.map((s) => (
              <List.Item key={s.personId}>
                {t('cycles.start.skipped', {
                  name: s.name ?? t('cycles.start.unknownPerson'),
                  reason: t(`pop.batchSkipReasons.${s.reason}`),
                })}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}
