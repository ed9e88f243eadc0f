import { Alert, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { formatDateTime } from '../../i18n/format.js';
import { notificationsApi } from './notifications-api.js';

/** The outbox's status words, with "retrying" for a delivery that failed and waits for its next attempt. */
export function useOutboxStatusLabel() {
  const { t } = useTranslation();
  return (message: OutboxMessage): string =>
    message.status === 'retrying' ? t('notifications.outbox.retrying') : t(`outbox.status.${message.status}`);
}

/** Above the outbox: how many emails could not be delivered, and how many wait for a retry. */
export function OutboxProblems({ items }: { items: readonly OutboxMessage[] }) {
  const { t } = useTranslation();
  const failed = items.filter((i) => i.status === 'failed').length;
  const retrying = items.filter((i) => i.status === 'retrying').length;
  if (failed === 0 && retrying === 0) return null;
  return (
    <Alert color={failed > 0 ? 'red' : 'orange'} mb="md" role="status">
      {failed > 0 && <Text size="sm">{t('notifications.outbox.problems', { count: failed })}</Text>}
      {retrying > 0 && <Text size="sm">{t('notifications.outbox.retryingInfo', { count: retrying })}</Text>}
    </Alert>
  );
}

/** In the detail of a failed or waiting email: when the next attempt comes, and a button to try now. */
export function RetryEmailButton({
  message,
  onDone,
}: {
  message: OutboxMessage;
  onDone: (message: OutboxMessage | null) => void;
}) {
  const { t } = useTranslation();
  const zone = useMe().organisation.timeZone;
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => notificationsApi.retryEmail(message.id),
    onSuccess: async (updated) => {
      notifySuccess(t, t('notifications.outbox.retried'));
      onDone(updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    },
    onError: (error) => notifyError(t, error),
  });
  if (message.status !== 'failed' && message.status !== 'retrying') return null;
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm">
        {t('notifications.outbox.attempts', { count: message.attempts })}
        {message.nextAttemptAt &&
          ` · ${t('notifications.outbox.nextAttempt', { date: formatDateTime(message.nextAttemptAt, zone) })}`}
      </Text>
      <Button
        size="compact-sm"
        loading={retry.isPending}
        onClick={() => retry.mutate()}
        aria-label={t('notifications.outbox.retryNamed', { subject: message.subject, to: message.to })}
      >
        {t('notifications.outbox.retryNow')}
      </Button>
    </Group>
  );
}
