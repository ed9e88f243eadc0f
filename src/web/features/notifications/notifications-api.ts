import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CalendarFeed,
  CreatedCalendarFeed,
  NotificationList,
  NotificationSettings,
  PreferenceItem,
  UpdatePreferencesInput,
} from '../../../shared/contracts/notifications.js';
import { type OutboxMessage, request } from '../../api/client.js';

/** The calls of this area, next to the shared client: notifications, email choices and calendar feeds. */
export const notificationsApi = {
  list: (params: { unread?: boolean; limit?: number }) => {
    const search = new URLSearchParams();
    if (params.unread) search.set('unread', 'true');
    if (params.limit) search.set('limit', String(params.limit));
    const query = search.toString();
    return request<NotificationList>('GET', `/api/notifications${query ? `?${query}` : ''}`);
  },
  unread: () => request<{ unread: number }>('GET', '/api/notifications/unread'),
  markRead: (id: string) =>
    request<{ unread: number }>('POST', `/api/notifications/${encodeURIComponent(id)}/read`, {}),
  markAllRead: () => request<{ unread: number }>('POST', '/api/notifications/read-all', {}),
  preferences: () => request<{ items: PreferenceItem[] }>('GET', '/api/notifications/preferences'),
  savePreferences: (body: UpdatePreferencesInput) =>
    request<{ items: PreferenceItem[] }>('PUT', '/api/notifications/preferences', body),
  settings: () => request<NotificationSettings>('GET', '/api/admin/notification-settings'),
  saveSettings: (body: NotificationSettings) =>
    request<NotificationSettings>('PUT', '/api/admin/notification-settings', body),
  feed: () => request<CalendarFeed>('GET', '/api/calendar/feed'),
  createFeed: () => request<CreatedCalendarFeed>('POST', '/api/calendar/feed', {}),
  revokeFeed: () => request<{ ok: true }>('DELETE', '/api/calendar/feed'),
  retryEmail: (id: string) =>
    request<OutboxMessage>('POST', `/api/admin/outbox/${encodeURIComponent(id)}/retry`, {}),
};

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unread: boolean, limit: number) => ['notifications', 'list', unread, limit] as const,
  preferences: ['notifications', 'preferences'] as const,
  settings: ['notifications', 'settings'] as const,
  feed: ['calendar-feed'] as const,
};

/** The bell's count: read again every minute and whenever the window comes back into view. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: notificationsApi.unread,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });

export const useNotifications = (unread: boolean, limit: number) =>
  useQuery({
    queryKey: notificationKeys.list(unread, limit),
    queryFn: () => notificationsApi.list({ unread, limit }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
