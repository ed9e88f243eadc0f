import { ActionIcon, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, TalkingPoint } from '../../../shared/contracts/plans.js';
import type { PlanParty } from '../../../shared/pop/vocabulary.js';
import { api, isAppError } from '../../api/client.js';
import { errorMessage } from '../../components/error-message.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError } from '../../components/notify.js';
import { OrderControls } from '../../components/ordered-list-controls.js';
import { type PlanCache, replaceTalkingPoints } from './use-plan.js';

interface TalkingPointsProps {
  plan: PlanDetail;
  party: PlanParty;
  points: TalkingPoint[];
  editable: boolean;
  cache: PlanCache;
}

/** A party's list of gesprekspunten: added, reworded, moved and removed one at a time. */
export function TalkingPointsEditor({ plan, party, points, editable, cache }: TalkingPointsProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const setPoints = (next: TalkingPoint[]) => cache.update((p) => replaceTalkingPoints(p, party, next));
  const current = () => cache.current()?.talkingPoints?.[party] ?? points;
  const onFailure = (error: unknown) => {
    setFailure(errorMessage(error, t));
    if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
  };

  const add = useMutation({
    mutationFn: (value: string) => api.preparations.addPoint(plan.id, value),
    onSuccess: (point) => {
      setFailure(null);
      setText('');
      setPoints([...current(), point]);
    },
    onError: onFailure,
  });
  const reword = useMutation({
    mutationFn: (input: { point: TalkingPoint; text: string }) =>
      api.preparations.updatePoint(plan.id, input.point.id, {
        text: input.text,
        version: input.point.version,
      }),
    onSuccess: (point) => {
      setFailure(null);
      setEditing(null);
      setPoints(current().map((p) => (p.id === point.id ? point : p)));
    },
    onError: onFailure,
  });
  const remove = useMutation({
    mutationFn: (point: TalkingPoint) => api.preparations.removePoint(plan.id, point.id, point.version),
    onSuccess: (_, point) => {
      setFailure(null);
      setPoints(current().filter((p) => p.id !== point.id));
    },
    onError: onFailure,
  });
  const move = useMutation({
    mutationFn: async ({ from, to }: { from: number; to: number }) => {
      const list = current();
      const a = list[from];
      const b = list[to];
      if (!a || !b) return list;
      // Swapping the two positions keeps every other point where it is, whatever gaps the list has.
      const posA = a.position === b.position ? to : b.position;
      const posB = a.position === b.position ? from : a.position;
      const movedA = await api.preparations.updatePoint(plan.id, a.id, {
        position: posA,
        version: a.version,
      });
      const movedB = await api.preparations.updatePoint(plan.id, b.id, {
        position: posB,
        version: b.version,
      });
      return list.map((p) => (p.id === a.id ? movedA : p.id === b.id ? movedB : p));
    },
    onSuccess: (list) => {
      setFailure(null);
      setPoints(list);
    },
    onError: (error) => {
      notifyError(t, error);
      void cache.refresh();
    },
  });

  if (!editable) {
    return points.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('plan.points.none')}
      </Text>
    ) : (
      <List type="ordered" spacing={4} size="sm">
        {points.map((point) => (
          <List.Item key={point.id} style={{ whiteSpace: 'pre-wrap' }}>
            {point.text}
          </List.Item>
        ))}
      </List>
    );
  }

  return (
    <Stack gap="sm">
      {failure && (
        <Text size="sm" c="red.9" role="alert">
          {failure}
        </Text>
      )}
      {points.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('plan.points.none')}
        </Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {points.map((point, index) => {
          const label = t('plan.points.item', { number: index + 1 });
          return (
            <Paper key={point.id} withBorder p="xs" component="li">
              {editing?.id === point.id ? (
                <Stack gap="xs">
                  <GrowingTextarea
                    label={t('plan.points.editLabel', { number: index + 1 })}
                    value={editing.text}
                    onChange={(e) => setEditing({ id: point.id, text: e.currentTarget.value })}
                    minRows={2}
                    maxLength={2000}
                  />
                  <Group gap="xs" justify="flex-end">
                    <Button size="xs" variant="default" onClick={() => setEditing(null)}>
                      {t('common.cancel')}
                    </Button>
                    <Button
                      size="xs"
                      loading={reword.isPending}
                      disabled={!editing.text.trim()}
                      onClick={() => reword.mutate({ point, text: editing.text.trim() })}
                    >
                      {t('common.save')}
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}>
                    <Text span fw={700} mr={6}>
                      {index + 1}.
                    </Text>
                    {point.text}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('plan.points.edit', { item: label })}
                      onClick={() => setEditing({ id: point.id, text: point.text })}
                    >
                      <span aria-hidden="true">✎</span>
                    </ActionIcon>
                    <OrderControls
                      index={index}
                      count={points.length}
                      itemLabel={label}
                      onMove={(from, to) => move.mutate({ from, to })}
                      onRemove={() => remove.mutate(point)}
                    />
                  </Group>
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim()) add.mutate(text.trim());
        }}
      >
        <Stack gap="xs">
          <GrowingTextarea
            label={t('plan.points.new')}
            description={t('plan.points.newHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button type="submit" size="sm" variant="outline" loading={add.isPending} disabled={!text.trim()}>
              {t('plan.points.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
