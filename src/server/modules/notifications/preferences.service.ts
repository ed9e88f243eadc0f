import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  NotificationSettings,
  PreferenceItem,
  UpdatePreferencesInput,
  updateNotificationSettingsBody,
} from '../../../shared/contracts/notifications.js';
import { AppError } from '../../../shared/errors.js';
import {
  type DeliveryMode,
  effectiveMode,
  isNotificationKind,
  kindInfo,
  modesFor,
  type NotificationKind,
  notificationKinds,
} from '../../../shared/notifications/kinds.js';
import { type Actor, canManageOrganisation, isHr } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { recordChange } from '../audit/index.js';
import * as repo from './notifications.repository.js';

/** Each person's choice per kind (instant, weekly digest, off) and the kinds the organisation made mandatory. */

const parseKinds = (json: string | undefined): NotificationKind[] => {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter(isNotificationKind) : [];
  } catch {
    return [];
  }
};

export async function mandatoryKindsOf(ctx: AppContext, organisationId: string): Promise<NotificationKind[]> {
  return parseKinds((await repo.findSettings(ctx.database.db, organisationId))?.mandatory_kinds);
}

/** The kinds a person can receive: the POP ones, and HR's own for HR. */
const kindsFor = (actor: Actor): NotificationKind[] =>
  notificationKinds.filter((kind) => kindInfo[kind].audience === 'party' || isHr(actor));

export async function getPreferences(ctx: AppContext, actor: Actor): Promise<{ items: PreferenceItem[] }> {
  const [chosen, mandatory] = await Promise.all([
    repo.preferencesOf(ctx.database.db, actor.organisationId, actor.personId),
    mandatoryKindsOf(ctx, actor.organisationId),
  ]);
  return {
    items: kindsFor(actor).map((kind) => ({
      kind,
      mode: effectiveMode(
        kind,
        chosen.find((c) => c.kind === kind)?.mode as DeliveryMode | undefined,
        mandatory,
      ),
      modes: modesFor(kind, mandatory),
      mandatory: mandatory.includes(kind),
    })),
  };
}

export async function updatePreferences(
  ctx: AppContext,
  actor: Actor,
  input: UpdatePreferencesInput,
): Promise<{ items: PreferenceItem[] }> {
  const mandatory = await mandatoryKindsOf(ctx, actor.organisationId);
  const allowed = kindsFor(actor);
  for (const item of input.items) {
    if (!allowed.includes(item.kind)) throw invalid('NOTIFICATION_NOT_FOR_YOU');
    if (!modesFor(item.kind, mandatory).includes(item.mode))
      throw invalid(mandatory.includes(item.kind) ? 'NOTIFICATION_MANDATORY' : 'NOTIFICATION_NO_DIGEST');
  }
  await repo.savePreferences(
    ctx.database.db,
    actor.organisationId,
    actor.personId,
    input.items,
    ctx.clock.now().toISOString(),
  );
  return getPreferences(ctx, actor);
}

const invalid = (messageKey: string) => new AppError('INVALID_STATE', { params: { messageKey } });

async function settingsRow(ctx: AppContext, organisationId: string) {
  const db = ctx.database.db;
  const found = await repo.findSettings(db, organisationId);
  if (found) return found;
  await repo.insertSettings(db, {
    id: randomUUID(),
    organisationId,
    mandatoryKinds: '[]',
    now: ctx.clock.now().toISOString(),
  });
  const created = await repo.findSettings(db, organisationId);
  if (!created) throw new AppError('NOT_FOUND');
  return created;
}

export async function getSettings(ctx: AppContext, actor: Actor): Promise<NotificationSettings> {
  if (!canManageOrganisation(actor)) throw new AppError('FORBIDDEN');
  const row = await settingsRow(ctx, actor.organisationId);
  return { mandatoryKinds: parseKinds(row.mandatory_kinds), version: Number(row.version) };
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof updateNotificationSettingsBody>,
): Promise<NotificationSettings> {
  if (!canManageOrganisation(actor)) throw new AppError('FORBIDDEN');
  const row = await settingsRow(ctx, actor.organisationId);
  const kinds = notificationKinds.filter((k) => input.mandatoryKinds.includes(k));
  const now = ctx.clock.now();
  const version = await ctx.database.db.transaction().execute(async (trx) => {
    const next = await guardedUpdate(
      trx,
      'notification_settings',
      { id: row.id, organisationId: actor.organisationId, version: input.version },
      { mandatory_kinds: JSON.stringify(kinds) },
      now,
    );
    await recordChange(trx, {
      organisationId: actor.organisationId,
      actor,
      actorRole: 'admin',
      action: 'organisation.settings_changed',
      objectType: 'notification_settings',
      objectId: row.id,
      before: { mandatoryKinds: parseKinds(row.mandatory_kinds) },
      after: { mandatoryKinds: kinds },
      at: now,
    });
    return next;
  });
  return { mandatoryKinds: kinds, version };
}
