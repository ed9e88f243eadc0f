import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedCalendarFeed } from '../../../shared/contracts/notifications.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { formatDateTime } from '../../i18n/format.js';
import { notificationKeys, notificationsApi } from './notifications-api.js';

/** Profile section: a private calendar feed (webcal) with copy, renew and revoke. The URL is shown once. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const zone = useMe().organisation.timeZone;
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: notificationKeys.feed, queryFn: notificationsApi.feed });
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  const [confirming, setConfirming] = useState(false);
  const create = useMutation({
    mutationFn: notificationsApi.createFeed,
    onSuccess: (answer) => {
      setCreated(answer);
      queryClient.setQueryData(notificationKeys.feed, {
        active: true,
        createdAt: answer.createdAt,
        lastUsedAt: null,
      });
      notifySuccess(t, t('notifications.feed.created'));
    },
    onError: (error) => notifyError(t, error),
  });
  const revoke = useMutation({
    mutationFn: notificationsApi.revokeFeed,
    onSuccess: () => {
      setCreated(null);
      setConfirming(false);
      queryClient.setQueryData(notificationKeys.feed, { active: false, createdAt: null, lastUsedAt: null });
      notifySuccess(t, t('notifications.feed.revoked'));
    },
    onError: (error) => notifyError(t, error),
  });
  const status = feed.data;
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="feed-heading">
      <Title order={2} fz="h4" id="feed-heading">
        {t('notifications.feed.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('notifications.feed.intro')}
      </Text>
      {feed.isPending && <Skeleton height={60} />}
      {feed.isError && <QueryError error={feed.error} onRetry={() => void feed.refetch()} />}
      {status && (
        <Stack gap="sm">
          {!status.active && <Text size="sm">{t('notifications.feed.none')}</Text>}
          {status.active && status.createdAt && (
            <Text size="sm">
              {t('notifications.feed.activeSince', { date: formatDateTime(status.createdAt, zone) })}{' '}
              {status.lastUsedAt
                ? t('notifications.feed.lastUsed', { date: formatDateTime(status.lastUsedAt, zone) })
                : t('notifications.feed.neverUsed')}
            </Text>
          )}
          {created && (
            <Alert color="groeipad" variant="light">
              <Stack gap="xs">
                <Group gap="xs" wrap="nowrap" align="flex-end">
                  <TextInput
                    readOnly
                    value={created.url}
                    label={t('notifications.feed.urlLabel')}
                    style={{ flex: 1, minWidth: 0 }}
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <CopyButton value={created.url}>
                    {({ copied, copy }) => (
                      <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                        {copied ? t('notifications.feed.copied') : t('notifications.feed.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Text size="sm">{t('notifications.feed.shownOnce')}</Text>
                <Anchor href={created.webcalUrl} size="sm">
                  {t('notifications.feed.subscribe')}
                </Anchor>
                <List size="sm" spacing={2}>
                  <List.Item>{t('notifications.feed.howOutlook')}</List.Item>
                  <List.Item>{t('notifications.feed.howGoogle')}</List.Item>
                </List>
              </Stack>
            </Alert>
          )}
          <Group gap="sm">
            <Button
              onClick={() => create.mutate()}
              loading={create.isPending}
              variant={status.active ? 'default' : 'filled'}
            >
              {status.active ? t('notifications.feed.renew') : t('notifications.feed.create')}
            </Button>
            {status.active && (
              <Button color="red" variant="light" onClick={() => setConfirming(true)}>
                {t('notifications.feed.revoke')}
              </Button>
            )}
          </Group>
          {status.active && (
            <Text size="xs" c="dimmed">
              {t('notifications.feed.renewHint')}
            </Text>
          )}
        </Stack>
      )}
      <AppModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('notifications.feed.revokeTitle')}
      >
        <Stack>
          <Text>{t('notifications.feed.revokeBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('notifications.feed.revoke')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Paper>
  );
}
