import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NotificationItem } from '../../../shared/contracts/notifications.js';
import { useMe } from '../../app/session.js';
import { notifyError } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { formatDateTime } from '../../i18n/format.js';
import { useNotificationText } from './notification-text.js';
import { notificationKeys, notificationsApi, useNotifications } from './notifications-api.js';

const pageSize = 30;

function useMarkRead() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) => (id ? notificationsApi.markRead(id) : notificationsApi.markAllRead()),
    onSuccess: async (answer) => {
      queryClient.setQueryData(notificationKeys.unread, answer);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
    onError: (error) => notifyError(t, error),
  });
}

function NotificationRow({
  item,
  onRead,
  busy,
}: {
  item: NotificationItem;
  onRead: (id: string) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const text = useNotificationText()(item);
  const zone = useMe().organisation.timeZone;
  const unread = item.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      style={{
        listStyle: 'none',
        borderLeft: unread ? '4px solid var(--mantine-color-groeipad-6)' : undefined,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {unread && (
              <Badge size="xs" color="groeipad" variant="light" mt={4} style={{ flexShrink: 0 }}>
                {t('notifications.page.unread')}
              </Badge>
            )}
            <Anchor
              component={Link}
              to={item.link}
              fw={unread ? 700 : 500}
              onClick={(event) => {
                if (!unread) return;
                event.preventDefault();
                onRead(item.id);
                void navigate(item.link);
              }}
              style={{ overflowWrap: 'anywhere' }}
            >
              {text.title}
            </Anchor>
          </Group>
          {text.detail && (
            <Text size="sm" c="dimmed">
              {text.detail}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt, zone)}
          </Text>
        </Stack>
        {unread && (
          <Button
            size="compact-sm"
            variant="default"
            loading={busy}
            onClick={() => onRead(item.id)}
            aria-label={t('notifications.page.markReadNamed', { title: text.title })}
          >
            {t('notifications.page.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [limit, setLimit] = useState(pageSize);
  const list = useNotifications(filter === 'unread', limit);
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <Stack maw={820} gap="md">
      <PageHeader
        title={t('notifications.page.title')}
        description={t('notifications.page.intro')}
        actions={
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markRead.isPending && markRead.variables === null}
            onClick={() => markRead.mutate(null)}
          >
            {t('notifications.page.markAllRead')}
          </Button>
        }
      />
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value === 'unread' ? 'unread' : 'all');
            setLimit(pageSize);
          }}
          aria-label={t('notifications.page.filterLabel')}
          data={[
            { value: 'all', label: t('notifications.page.filters.all') },
            { value: 'unread', label: `${t('notifications.page.filters.unread')} (${unread})` },
          ]}
        />
        <Anchor component={Link} to="/profile#emails" size="sm">
          {t('notifications.page.preferences')}
        </Anchor>
      </Group>
      {list.isPending && <Skeleton height={240} />}
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed">
          {filter === 'unread' ? t('notifications.page.emptyUnread') : t('notifications.page.empty')}
        </Text>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('notifications.page.listLabel')}>
          {items.map((item) => (
            <NotificationRow
              key={item.id}
              item={item}
              busy={markRead.isPending && markRead.variables === item.id}
              onRead={(id) => markRead.mutate(id)}
            />
          ))}
        </Stack>
      )}
      {list.data && list.data.total > items.length && (
        <Group justify="center">
          <Button variant="default" loading={list.isFetching} onClick={() => setLimit((l) => l + pageSize)}>
            {t('notifications.page.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
