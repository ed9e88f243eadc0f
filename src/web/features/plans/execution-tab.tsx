import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAction, PlanDetail } from '../../../shared/contracts/plans.js';
import type { ActionType } from '../../../shared/contracts/templates.js';
import { type ActionStatus, actionStatuses } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { useActionTypes } from '../../api/hooks.js';
import { useMe } from '../../app/session.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { DateField } from '../../components/date-field.js';
import { errorMessage } from '../../components/error-message.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { ActionSummary } from './goal-card.js';
import { usesCustomActionTypes } from './plan-labels.js';
import { type PlanCache, replaceAction } from './use-plan.js';

export const statusColor: Record<ActionStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'red',
  postponed: 'orange',
};

interface TabProps {
  plan: PlanDetail;
  cache: PlanCache;
}

/** Uitvoering: per action its status, what it actually took, a certificate note and the comments of both. */
export function ExecutionTab({ plan, cache }: TabProps) {
  const { t } = useTranslation();
  const goals = plan.content?.goals ?? [];
  const actionTypes = useActionTypes(usesCustomActionTypes(goals));
  const all = goals.flatMap((g) => g.actions);
  const done = all.filter((a) => a.status === 'done').length;
  return (
    <Stack gap="lg">
      <Text size="sm">
        {t('plan.execution.intro')} {t('plan.execution.progress', { done, total: all.length })}
      </Text>
      {plan.revisionOpen && <Alert color="orange">{t('plan.execution.revisionOpen')}</Alert>}
      {goals.map((goal, index) => (
        <section key={goal.id} aria-labelledby={`exec-${goal.id}`}>
          <Title order={2} fz="h3" id={`exec-${goal.id}`} mb="sm">
            {t('plan.goals.numbered', { number: index + 1, title: goal.title })}
          </Title>
          {goal.actions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plan.actions.none')}
            </Text>
          ) : (
            <Stack gap="md">
              {goal.actions.map((action) => (
                <ActionProgress
                  key={action.id}
                  plan={plan}
                  cache={cache}
                  action={action}
                  actionTypes={actionTypes.data?.items}
                />
              ))}
            </Stack>
          )}
        </section>
      ))}
    </Stack>
  );
}

interface ProgressValues {
  status: ActionStatus;
  actualHours: number | string;
  actualCost: number | string;
  actualStart: string | null;
  actualEnd: string | null;
  certificateNote: string;
}

const progressOf = (action: PlanAction): ProgressValues => ({
  status: action.status,
  actualHours: action.actualHours ?? '',
  actualCost: action.actualCost ?? '',
  actualStart: action.actualStart,
  actualEnd: action.actualEnd,
  certificateNote: action.certificateNote ?? '',
});

const numberOrNull = (value: number | string): number | null =>
  value === '' || Number.isNaN(Number(value)) ? null : Number(value);

function ActionProgress({
  plan,
  cache,
  action,
  actionTypes,
}: TabProps & { action: PlanAction; actionTypes: readonly ActionType[] | undefined }) {
  const { t, i18n } = useTranslation();
  const editable = plan.permissions.canUpdateProgress;
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<PlanAction>(action.version, async () => {
    const latest = await cache.fetchLatest();
    return latest.content?.goals.flatMap((g) => g.actions).find((a) => a.id === action.id);
  });
  const form = useForm<ProgressValues>({
    initialValues: progressOf(action),
    validate: {
      actualEnd: (value, values) =>
        value && values.actualStart && value < values.actualStart ? t('validation.end_before_start') : null,
      certificateNote: (value) =>
        value.trim().length > 1000 ? t('validation.too_long', { max: 1000 }) : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: ProgressValues) =>
      api.actions.progress(action.id, {
        status: values.status,
        actualHours: numberOrNull(values.actualHours),
        actualCost: numberOrNull(values.actualCost),
        actualStart: values.actualStart,
        actualEnd: values.actualEnd,
        certificateNote: values.certificateNote.trim() || null,
        version: guard.version,
      }),
    onSuccess: (saved, values) => {
      guard.saved(saved);
      form.resetDirty(values);
      cache.update((p) => replaceAction(p, saved));
      notifySuccess(t, t('plan.execution.saved'));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  const numberProps = {
    decimalSeparator: i18n.language === 'en' ? '.' : ',',
    thousandSeparator: i18n.language === 'en' ? ',' : '.',
    min: 0,
    hideControls: true,
  };
  // One region per action, named after it: its status, hours and cost fields are told apart by where they are.
  return (
    <Card withBorder padding="md" component="article" aria-label={action.description}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <ActionSummary action={action} actionTypes={actionTypes} />
        </div>
        <Badge variant="light" color={statusColor[action.status]}>
          {t(`pop.actionStatuses.${action.status}`)}
        </Badge>
      </Group>
      {editable ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFailure(null);
            save.mutate(values);
          })}
        >
          <Stack gap="sm" mt="md">
            <ConflictAlert guard={guard} />
            <FormAlert failure={failure} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('plan.execution.status')}
                data={actionStatuses.map((s) => ({ value: s, label: t(`pop.actionStatuses.${s}`) }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('status')}
              />
              <NumberInput
                label={t('plan.execution.actualHours')}
                max={10000}
                decimalScale={1}
                {...numberProps}
                {...form.getInputProps('actualHours')}
              />
              <NumberInput
                label={t('plan.execution.actualCost')}
                max={10000000}
                decimalScale={2}
                leftSection={<span aria-hidden="true">€</span>}
                {...numberProps}
                {...form.getInputProps('actualCost')}
              />
              <DateField
                label={t('plan.execution.actualStart')}
                inputProps={form.getInputProps('actualStart')}
              />
              <DateField label={t('plan.execution.actualEnd')} inputProps={form.getInputProps('actualEnd')} />
              <TextInput
                label={t('plan.execution.certificate')}
                description={t('plan.execution.certificateHint')}
                {...form.getInputProps('certificateNote')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={save.isPending} disabled={!form.isDirty()}>
                {t('plan.execution.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="sm" mt="sm">
          {[
            action.actualHours !== null
              ? t('plan.actions.hours', { hours: formatNumber(action.actualHours, i18n.language) })
              : null,
            action.actualCost !== null
              ? formatMoney(action.actualCost, action.currency, i18n.language)
              : null,
            action.actualStart ? formatDate(action.actualStart) : null,
            action.actualEnd ? formatDate(action.actualEnd) : null,
            action.certificateNote,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      <Comments plan={plan} cache={cache} action={action} />
    </Card>
  );
}

function Comments({ plan, cache, action }: TabProps & { action: PlanAction }) {
  const { t } = useTranslation();
  const me = useMe();
  const [text, setText] = useState('');
  const add = useMutation({
    mutationFn: (value: string) => api.actions.comment(action.id, value),
    onSuccess: (saved) => {
      setText('');
      cache.update((p) => replaceAction(p, saved));
    },
  });
  return (
    <Stack
      gap="xs"
      mt="md"
      component="section"
      aria-label={t('plan.execution.commentsOn', { description: action.description })}
    >
      <Text size="sm" fw={600}>
        {t('plan.execution.comments', { count: action.comments.length })}
      </Text>
      {action.comments.map((comment) => (
        <Paper key={comment.id} bg="gray.0" p="xs">
          <Text size="xs" c="dimmed">
            {t('plan.execution.commentBy', {
              name: comment.authorName ?? t('plan.execution.formerUser'),
              date: formatDateTime(comment.createdAt, me.organisation.timeZone),
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {comment.text}
          </Text>
        </Paper>
      ))}
      {plan.permissions.canComment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) add.mutate(text.trim());
          }}
        >
          <Group align="flex-end" gap="xs">
            <GrowingTextarea
              label={t('plan.execution.newComment')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              minRows={1}
              maxRows={6}
              maxLength={4000}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" variant="outline" size="sm" loading={add.isPending} disabled={!text.trim()}>
              {t('plan.execution.addComment')}
            </Button>
          </Group>
          {add.isError && (
            <Text size="sm" c="red.9" role="alert" mt={4}>
              {errorMessage(add.error, t)}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}
