import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import type { PlanEvent } from '../../../shared/pop/phases.js';
import { api, isAppError } from '../../api/client.js';
import { AppModal } from '../../components/app-modal.js';
import { errorMessage } from '../../components/error-message.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifySuccess } from '../../components/notify.js';
import { BudgetCheckNotice } from '../budgets/budget-check-notice.js';
import type { PlanCache } from './use-plan.js';

/** The catalogue's names of the events; a revision is offered as "Wijziging voorstellen". */
export function eventLabel(event: PlanEvent, t: TFunction): string {
  if (event === 'start_revision') return t('plan.events.proposeChange');
  if (event === 'discard_revision') return t('plan.events.discardChange');
  return t(`pop.events.${event}`);
}

type Look = { variant: 'filled' | 'outline' | 'default' | 'light'; color?: string; confirm: boolean };

const looks: Record<PlanEvent, Look> = {
  start_conversation: { variant: 'filled', confirm: true },
  approve: { variant: 'filled', confirm: true },
  withdraw_approval: { variant: 'default', confirm: false },
  record_disagreement: { variant: 'outline', color: 'red', confirm: true },
  resolve_disagreement: { variant: 'outline', confirm: false },
  start_revision: { variant: 'outline', confirm: true },
  discard_revision: { variant: 'outline', color: 'orange', confirm: true },
  start_evaluation: { variant: 'light', confirm: true },
  close: { variant: 'filled', confirm: true },
  cancel: { variant: 'outline', color: 'red', confirm: true },
};

/** The order buttons appear in: what moves the plan forward first, stopping it last. */
const order: PlanEvent[] = [
  'approve',
  'start_conversation',
  'start_evaluation',
  'close',
  'resolve_disagreement',
  'withdraw_approval',
  'start_revision',
  'discard_revision',
  'record_disagreement',
  'cancel',
];

interface PlanEventButtonsProps {
  plan: PlanDetail;
  cache: PlanCache;
  /** Only these events (e.g. "close" at the end of the evaluation); all allowed ones by default. */
  only?: PlanEvent[];
  size?: 'xs' | 'sm' | 'md';
}

/** A button per event the API allows the caller now; those that matter ask for confirmation first. */
export function PlanEventButtons({ plan, cache, only, size = 'sm' }: PlanEventButtonsProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<PlanEvent | null>(null);
  const [comment, setComment] = useState('');
  const fire = useMutation({
    mutationFn: ({ event, text }: { event: PlanEvent; text?: string }) =>
      api.plans.fire(plan.id, { event, version: plan.version, ...(text ? { comment: text } : {}) }),
    onSuccess: (next, { event }) => {
      cache.set(next);
      setAsking(null);
      setComment('');
      notifySuccess(t, t(`plan.events.done.${event}`), eventLabel(event, t));
    },
    onError: (error) => {
      if (isAppError(error, 'VERSION_CONFLICT') || isAppError(error, 'INVALID_STATE')) void cache.refresh();
    },
  });
  const events = order.filter((e) => plan.allowedEvents.includes(e) && (!only || only.includes(e)));
  if (events.length === 0) return null;
  const open = (event: PlanEvent) => {
    fire.reset();
    if (looks[event].confirm) setAsking(event);
    else fire.mutate({ event });
  };
  const needsComment = asking === 'record_disagreement';
  return (
    <>
      <Group gap="xs">
        {events.map((event) => (
          <Button
            key={event}
            size={size}
            variant={looks[event].variant}
            color={looks[event].color}
            loading={fire.isPending && fire.variables?.event === event && !asking}
            onClick={() => open(event)}
          >
            {eventLabel(event, t)}
          </Button>
        ))}
      </Group>
      {fire.isError && !asking && (
        <Alert color="red" role="alert" mt="xs">
          {errorMessage(fire.error, t)}
        </Alert>
      )}
      <AppModal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? t(`plan.events.confirm.${asking}.title`) : ''}
      >
        {asking && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (needsComment && !comment.trim()) return;
              fire.mutate({ event: asking, ...(needsComment ? { text: comment.trim() } : {}) });
            }}
          >
            <Stack gap="sm">
              <Text size="sm">{t(`plan.events.confirm.${asking}.body`, { name: plan.employee.name })}</Text>
              {asking === 'approve' && <BudgetCheckNotice plan={plan} />}
              {needsComment && (
                <GrowingTextarea
                  label={t('plan.events.disagreementComment')}
                  description={t('plan.events.disagreementHint')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  required
                  minRows={3}
                  maxLength={2000}
                  data-autofocus
                />
              )}
              {fire.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(fire.error, t)}
                </Alert>
              )}
              <Group justify="flex-end" mt="sm">
                <Button variant="default" onClick={() => setAsking(null)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  type="submit"
                  color={looks[asking].color}
                  loading={fire.isPending}
                  disabled={needsComment && !comment.trim()}
                >
                  {eventLabel(asking, t)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </AppModal>
    </>
  );
}
