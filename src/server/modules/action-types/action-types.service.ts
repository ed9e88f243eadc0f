import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ActionType,
  createActionTypeBody,
  updateActionTypeBody,
} from '../../../shared/contracts/templates.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canReadCatalogue } from '../../../shared/policies.js';
import { builtInActionTypes, isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { canManageActionTypes } from '../../../shared/pop/plan-access.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import { presentActionType, presentBuiltInActionTypes } from './action-types.presenter.js';
import * as repo from './action-types.repository.js';

export type CreateActionTypeInput = z.infer<typeof createActionTypeBody>;
export type UpdateActionTypeInput = z.infer<typeof updateActionTypeBody>;

/** Every member reads the kinds of action: they fill in POP actions with them. */
export async function listActionTypes(ctx: AppContext, actor: Actor, locale: Locale): Promise<ActionType[]> {
  if (!canReadCatalogue(actor, { organisationId: actor.organisationId })) throw new AppError('FORBIDDEN');
  const own = await repo.listActionTypes(ctx.database.db, actor.organisationId);
  return [...presentBuiltInActionTypes(locale), ...own.map((row) => presentActionType(row, locale))];
}

async function getActionType(ctx: AppContext, actor: Actor, id: string, locale: Locale): Promise<ActionType> {
  const row = await repo.findActionType(ctx.database.db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentActionType(row, locale);
}

export async function createActionType(
  ctx: AppContext,
  actor: Actor,
  input: CreateActionTypeInput,
  locale: Locale,
): Promise<ActionType> {
  if (!canManageActionTypes(actor)) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  await repo.insertActionType(ctx.database.db, {
    id,
    organisationId: actor.organisationId,
    nameNl: input.nameNl,
    nameEn: input.nameEn ?? null,
    isFormal: input.isFormal ?? false,
    countsForTrainingRight: input.countsForTrainingRight ?? true,
    position: input.position ?? builtInActionTypes.length,
    now: ctx.clock.now().toISOString(),
  });
  return getActionType(ctx, actor, id, locale);
}

export async function updateActionType(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateActionTypeInput,
  locale: Locale,
): Promise<ActionType> {
  if (!canManageActionTypes(actor)) throw new AppError('FORBIDDEN');
  await guardedUpdate(
    ctx.database.db,
    'action_types',
    { id, organisationId: actor.organisationId, version: input.version },
    {
      ...(input.nameNl !== undefined ? { name_nl: input.nameNl } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.isFormal !== undefined ? { is_formal: input.isFormal ? (1 as const) : (0 as const) } : {}),
      ...(input.countsForTrainingRight !== undefined
        ? { counts_for_training_right: input.countsForTrainingRight ? (1 as const) : (0 as const) }
        : {}),
      ...(input.active !== undefined ? { active: input.active ? (1 as const) : (0 as const) } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
    },
    ctx.clock.now(),
  );
  return getActionType(ctx, actor, id, locale);
}

/**
 * The kind of an action as the plan stores it: a built-in key or one of the organisation's own (active) kinds,
 * with whether it counts as formal learning by default. Undefined for anything else.
 */
export async function resolveActionType(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
): Promise<{ key: string; isFormal: boolean; countsForTrainingRight: boolean } | undefined> {
  if (isBuiltInActionType(key)) {
    const builtIn = builtInActionTypes.find((t) => t.key === key);
    // Formal and informal learning both count toward the training right unless HR marks a kind of its own otherwise.
    return { key, isFormal: builtIn?.isFormal ?? false, countsForTrainingRight: true };
  }
  if (!/^[0-9a-f-]{36}$/i.test(key)) return undefined;
  const row = await repo.findActionType(db, organisationId, key);
  if (!row?.active) return undefined;
  return {
    key: row.id,
    isFormal: Boolean(row.is_formal),
    countsForTrainingRight: Boolean(row.counts_for_training_right),
  };
}
