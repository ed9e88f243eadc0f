import { z } from 'zod';
import { deliveryModes, notificationKinds } from '../notifications/kinds.js';
import { id, version } from './common.js';

/** In-app notifications, email preferences, the organisation's mandatory kinds, and calendar feeds. */

const paramValue = z.union([z.string(), z.number()]);

export const notificationItem = z.object({
  id,
  kind: z.enum(notificationKinds),
  planId: id.nullable(),
  /** Names and dates the message is written with (the web app formats them in the reader's language). */
  params: z.record(z.string(), paramValue),
  /** Path in the web app. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(30),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const notificationListResponse = z.object({
  items: z.array(notificationItem),
  total: z.number(),
  unread: z.number(),
});
export type NotificationList = z.infer<typeof notificationListResponse>;

export const unreadCountResponse = z.object({ unread: z.number() });

export const preferenceItem = z.object({
  kind: z.enum(notificationKinds),
  mode: z.enum(deliveryModes),
  /** The modes this person may choose for this kind. */
  modes: z.array(z.enum(deliveryModes)),
  mandatory: z.boolean(),
});
export type PreferenceItem = z.infer<typeof preferenceItem>;

export const preferencesResponse = z.object({ items: z.array(preferenceItem) });

export const updatePreferencesBody = z.strictObject({
  items: z
    .array(z.strictObject({ kind: z.enum(notificationKinds), mode: z.enum(deliveryModes) }))
    .min(1)
    .max(notificationKinds.length),
});
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesBody>;

export const notificationSettingsResponse = z.object({
  mandatoryKinds: z.array(z.enum(notificationKinds)),
  version: z.number(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsResponse>;

export const updateNotificationSettingsBody = z.strictObject({
  mandatoryKinds: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
  version,
});

// Calendar.

export const calendarFeedResponse = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedResponse>;

/** Answered once, when the feed is (re)created: only a hash of the token is kept. */
export const createdCalendarFeedResponse = calendarFeedResponse.extend({
  url: z.string(),
  webcalUrl: z.string(),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedResponse>;

export const feedTokenParams = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .max(43),
});

export const planEventParams = z.strictObject({
  id,
  kind: z.enum(['conversation', 'evaluation']),
});

export const followUpEventParams = z.strictObject({ id, followUpId: id });
