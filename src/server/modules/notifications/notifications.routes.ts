import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  notificationListQuery,
  notificationListResponse,
  notificationSettingsResponse,
  preferencesResponse,
  unreadCountResponse,
  updateNotificationSettingsBody,
  updatePreferencesBody,
} from '../../../shared/contracts/notifications.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './notifications.service.js';
import * as preferences from './preferences.service.js';

export function notificationsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My notifications, newest first, with the unread count (everyone signed in)',
          querystring: notificationListQuery,
          response: { 200: notificationListResponse },
        },
      },
      async (request) => service.listNotifications(ctx, requireActor(request), request.query),
    );
    app.get(
      '/api/notifications/unread',
      {
        schema: {
          tags: ['notifications'],
          summary: 'How many of my notifications are unread (the bell; everyone signed in)',
          response: { 200: unreadCountResponse },
        },
      },
      async (request) => service.unreadCount(ctx, requireActor(request)),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of my notifications read',
          params: idParams,
          response: { 200: unreadCountResponse },
        },
      },
      async (request) => service.markRead(ctx, requireActor(request), request.params.id),
    );
    app.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all my notifications read',
          response: { 200: unreadCountResponse },
        },
      },
      async (request) => service.markAllRead(ctx, requireActor(request)),
    );
    app.get(
      '/api/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Which emails I receive: per kind at once, in the weekly digest, or off',
          response: { 200: preferencesResponse },
        },
      },
      async (request) => preferences.getPreferences(ctx, requireActor(request)),
    );
    app.put(
      '/api/notifications/preferences',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Change which emails I receive (mandatory kinds stay at once)',
          body: updatePreferencesBody,
          response: { 200: preferencesResponse },
        },
      },
      async (request) => preferences.updatePreferences(ctx, requireActor(request), request.body),
    );
    app.get(
      '/api/admin/notification-settings',
      {
        schema: {
          tags: ['admin'],
          summary: 'The emails the organisation makes mandatory (beheerder)',
          response: { 200: notificationSettingsResponse },
        },
      },
      async (request) => preferences.getSettings(ctx, requireActor(request)),
    );
    app.put(
      '/api/admin/notification-settings',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change the emails the organisation makes mandatory (beheerder)',
          body: updateNotificationSettingsBody,
          response: { 200: notificationSettingsResponse },
        },
      },
      async (request) => preferences.updateSettings(ctx, requireActor(request), request.body),
    );
  };
}

export const icsHeaders = (filename: string) => ({
  'content-type': 'text/calendar; charset=utf-8',
  'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
});

export const icsResponse = z.string().describe('An iCalendar file (text/calendar)');
