import type { z } from 'zod';
import type { NotificationList, notificationListQuery } from '../../../shared/contracts/notifications.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { presentNotifications } from './notifications.presenter.js';
import * as repo from './notifications.repository.js';
import { scheduleForPerson } from './scheduler.service.js';

/**
 * The in-app notifications of the signed-in person. Reading them first plans that person's plans, so what another
 * party just did (an approval) shows at once, without waiting for the job runner's next tick.
 */
async function refresh(ctx: AppContext, actor: Actor): Promise<void> {
  try {
    await scheduleForPerson(ctx, actor.organisationId, actor.personId);
  } catch (error) {
    // The list itself still answers; the runner plans again on its next tick.
    ctx.logger.warn({ err: error }, 'notifications could not be planned on request');
  }
}

export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof notificationListQuery>,
): Promise<NotificationList> {
  await refresh(ctx, actor);
  const { rows, total, unread } = await repo.listNotifications(
    ctx.database.db,
    actor.organisationId,
    actor.personId,
    {
      unreadOnly: query.unread === true,
      limit: query.limit,
      offset: query.offset,
    },
  );
  return { items: presentNotifications(rows), total, unread };
}

/**
 * The state of each person's plans their notifications were last planned for, per process. The bell polls often; planning a
 * person's plans costs tens of milliseconds, the check two indexed lookups. Planning is idempotent, so a second
 * process planning the same change again does no harm.
 */
const plannedFor = new Map<string, string>();
const plannedForLimit = 50_000;

async function refreshIfPlansChanged(ctx: AppContext, actor: Actor): Promise<void> {
  const key = `${actor.organisationId}:${actor.personId}`;
  const fingerprint = await repo.planFingerprint(ctx.database.db, actor.organisationId, actor.personId);
  if (plannedFor.get(key) === fingerprint) return;
  await refresh(ctx, actor);
  if (plannedFor.size >= plannedForLimit) plannedFor.clear();
  plannedFor.set(key, fingerprint);
}

export async function unreadCount(ctx: AppContext, actor: Actor): Promise<{ unread: number }> {
  await refreshIfPlansChanged(ctx, actor);
  return { unread: await repo.countUnread(ctx.database.db, actor.organisationId, actor.personId) };
}

export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<{ unread: number }> {
  const db = ctx.database.db;
  const row = await repo.findNotification(db, actor.organisationId, actor.personId, id);
  if (!row) throw new AppError('NOT_FOUND');
  await repo.markRead(db, actor.organisationId, actor.personId, id, ctx.clock.now().toISOString());
  return { unread: await repo.countUnread(db, actor.organisationId, actor.personId) };
}

export async function markAllRead(ctx: AppContext, actor: Actor): Promise<{ unread: number }> {
  const db = ctx.database.db;
  await repo.markRead(db, actor.organisationId, actor.personId, null, ctx.clock.now().toISOString());
  return { unread: 0 };
}
