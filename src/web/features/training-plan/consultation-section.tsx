import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingPlan, TrainingPlanTask } from '../../../shared/contracts/training-plan.js';
import { type ConsultationBody, consultationBodies } from '../../../shared/pop/training-plan.js';
import { AppModal } from '../../components/app-modal.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/i18n.js';
import { trainingPlanApi, trainingPlanKeys } from './training-plan-api.js';

type TitleVariant = 'title' | 'titleWorksCouncil' | 'titleUnionDelegation';

const titleVariant = (body: ConsultationBody | null): TitleVariant =>
  body === 'works_council'
    ? 'titleWorksCouncil'
    : body === 'union_delegation'
      ? 'titleUnionDelegation'
      : 'title';

/**
 * The Belgian side of the plan: whether the organisation must draw one up, who advises on it, and the consultation
 * steps of the year as dated tasks to tick off.
 */
export function ConsultationSection({ plan, timeZone }: { plan: TrainingPlan; timeZone: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { belgium } = plan;
  const [editing, setEditing] = useState<TrainingPlanTask | null>(null);
  const [note, setNote] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainingPlanKeys.all });

  const saveBody = useMutation({
    mutationFn: (body: ConsultationBody | null) =>
      trainingPlanApi.updateSettings({ consultationBody: body, version: belgium.organisationVersion }),
    onSuccess: () => {
      notifySuccess(t, t('trainingPlan.belgium.bodySaved'));
      void refresh();
    },
    onError: (error) => {
      notifyError(t, error);
      void refresh();
    },
  });

  const saveTask = useMutation({
    mutationFn: (input: { task: TrainingPlanTask; done: boolean; note?: string }) =>
      trainingPlanApi.updateTask(plan.year, input.task.key, {
        done: input.done,
        ...(input.note !== undefined ? { note: input.note } : {}),
        version: input.task.version,
      }),
    onSuccess: () => {
      setEditing(null);
      notifySuccess(t, t('trainingPlan.tasks.saved'));
      void refresh();
    },
    onError: (error) => {
      notifyError(t, error);
      void refresh();
    },
  });

  if (!belgium.applies) {
    return (
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('trainingPlan.belgium.heading')}
        </Title>
        <Text>{t('trainingPlan.belgium.notBelgian')}</Text>
      </Stack>
    );
  }

  const workers = formatNumber(belgium.workers, currentLocale());
  const source =
    belgium.workerSource === 'average_fte'
      ? t('trainingPlan.belgium.workersFromFte')
      : t('trainingPlan.belgium.workersFromPeople', { year: plan.year });
  const variant = titleVariant(belgium.consultationBody);
  const titleOf = (task: TrainingPlanTask) => t(`trainingPlan.tasks.${task.key}.${variant}`);

  const statusOf = (task: TrainingPlanTask): { text: string; color: string } => {
    if (!task.applies) return { text: t('trainingPlan.tasks.notApplicable'), color: 'dimmed' };
    if (task.done && task.doneAt) {
      const date = formatDateTime(task.doneAt, timeZone).slice(0, 10);
      return {
        text: task.doneBy
          ? t('trainingPlan.tasks.doneBy', { date, name: task.doneBy })
          : t('trainingPlan.tasks.done', { date }),
        color: 'groeipad.9',
      };
    }
    if (task.overdue)
      return { text: t('trainingPlan.tasks.overdue', { date: formatDate(task.dueDate) }), color: 'red.9' };
    return { text: t('trainingPlan.tasks.open'), color: 'dimmed' };
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('trainingPlan.belgium.heading')}
      </Title>
      <Text fw={600}>
        {belgium.obliged
          ? t('trainingPlan.belgium.obliged', { workers, threshold: belgium.threshold })
          : t('trainingPlan.belgium.notObliged', { workers, threshold: belgium.threshold })}{' '}
        <Text span fw={400} c="dimmed">
          {t('trainingPlan.belgium.workerSource', { source })}
        </Text>
      </Text>
      <Text size="sm" c="dimmed" maw={820}>
        {t('trainingPlan.belgium.intro', { threshold: belgium.threshold })}
      </Text>
      <Select
        label={t('trainingPlan.belgium.body')}
        description={t('trainingPlan.belgium.bodyHint')}
        placeholder={t('trainingPlan.belgium.bodyPlaceholder')}
        data={consultationBodies.map((body) => ({
          value: body,
          label: t(`trainingPlan.belgium.bodies.${body}`),
        }))}
        value={belgium.consultationBody}
        onChange={(value) => saveBody.mutate(value as ConsultationBody | null)}
        disabled={saveBody.isPending}
        allowDeselect={false}
        maw={360}
      />
      {belgium.consultationBody === 'none' && (
        <Alert color="blue">{t('trainingPlan.belgium.bodyNone')}</Alert>
      )}

      <Title order={3} size="h4">
        {t('trainingPlan.belgium.timeline', { year: plan.year })}
      </Title>
      <Stack
        component="ol"
        gap="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('trainingPlan.belgium.timelineLabel', { year: plan.year })}
      >
        {belgium.tasks.map((task) => {
          const status = statusOf(task);
          const title = titleOf(task);
          return (
            <Paper key={task.key} component="li" withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                  <Text fw={600}>{title}</Text>
                  <Text size="sm">
                    {t('trainingPlan.tasks.due', { date: formatDate(task.dueDate) })} ·{' '}
                    {t(`trainingPlan.tasks.${task.key}.hint`)}
                  </Text>
                  <Text size="sm" c={status.color} fw={task.overdue ? 600 : 400}>
                    {status.text}
                  </Text>
                  {task.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {t('trainingPlan.tasks.note')}: {task.note}
                    </Text>
                  )}
                </Stack>
                {task.applies && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant={task.done ? 'default' : 'filled'}
                      loading={saveTask.isPending && saveTask.variables?.task.key === task.key}
                      aria-label={`${task.done ? t('trainingPlan.tasks.markOpen') : t('trainingPlan.tasks.markDone')}: ${title}`}
                      onClick={() => saveTask.mutate({ task, done: !task.done })}
                    >
                      {task.done ? t('trainingPlan.tasks.markOpen') : t('trainingPlan.tasks.markDone')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`${t('trainingPlan.tasks.editNote')}: ${title}`}
                      onClick={() => {
                        setNote(task.note ?? '');
                        setEditing(task);
                      }}
                    >
                      {t('trainingPlan.tasks.editNote')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <AppModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? titleOf(editing) : t('trainingPlan.tasks.editNote')}
      >
        {editing && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              saveTask.mutate({ task: editing, done: editing.done, note });
            }}
          >
            <Stack>
              <GrowingTextarea
                label={t('trainingPlan.tasks.note')}
                description={t('trainingPlan.tasks.noteHint')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                minRows={3}
                maxLength={2000}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={saveTask.isPending}>
                  {t('trainingPlan.tasks.saveNote')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </AppModal>
    </Stack>
  );
}
