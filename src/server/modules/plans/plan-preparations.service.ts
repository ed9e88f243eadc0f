import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  createTalkingPointBody,
  savePreparationBody,
  TalkingPoint,
  updateTalkingPointBody,
  VisiblePreparation,
} from '../../../shared/contracts/plans.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import type { Actor } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { recordAudit } from '../audit/index.js';
import { invalidState, loadPlan, requireParty } from './plan-context.js';
import { parseJson } from './plan-rows.mapper.js';
import { presentTalkingPoint, presentVisiblePreparation } from './plans.presenter.js';
import * as repo from './plans.repository.js';

export type SavePreparationInput = z.infer<typeof savePreparationBody>;
export type CreateTalkingPointInput = z.infer<typeof createTalkingPointBody>;
export type UpdateTalkingPointInput = z.infer<typeof updateTalkingPointBody>;

/**
 * A party's preparation and talking points. Every route here acts on the caller's own side only: there is no way
 * to address the other party's preparation, so nothing of it can leak through an answer or an error.
 */
async function ownPreparation(ctx: AppContext, actor: Actor, planId: string) {
  const db = ctx.database.db;
  const plan = await loadPlan(ctx, db, actor, planId);
  const party = requireParty(plan);
  const row = await repo.findPreparation(db, actor.organisationId, planId, party);
  if (!row) throw new AppError('NOT_FOUND');
  return { plan, party, row };
}

export async function getOwnPreparation(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<VisiblePreparation> {
  return presentVisiblePreparation((await ownPreparation(ctx, actor, planId)).row);
}

const sameAnswers = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
};

/**
 * Autosave: replaces the answers as typed. Sending what is already stored answers the stored preparation without a
 * new version (a retry after a lost answer is harmless); a stale version answers 409 with the stored text, so the
 * client can merge instead of overwriting.
 */
export async function savePreparation(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: SavePreparationInput,
): Promise<VisiblePreparation> {
  const { plan, party, row } = await ownPreparation(ctx, actor, planId);
  if (plan.state.phase !== 'preparation') throw invalidState('PREPARATION_CLOSED');
  const stored = parseJson<Record<string, string>>(row.answers, {});
  if (sameAnswers(stored, input.answers)) return presentVisiblePreparation(row);
  const current = () => ({ answers: stored, version: Number(row.version), updatedAt: row.updated_at });
  if (row.version !== input.version)
    throw new AppError('VERSION_CONFLICT', { currentVersion: row.version, current: current() });
  const questions = new Set(parseJson<Array<{ id: string }>>(row.questions, []).map((q) => q.id));
  const errors: FieldError[] = Object.keys(input.answers)
    .filter((key) => !questions.has(key))
    .map((key) => ({ path: `answers.${key}`, code: 'unknown_question' }));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  try {
    await guardedUpdate(
      ctx.database.db,
      'preparations',
      { id: row.id, organisationId: actor.organisationId, version: input.version },
      { answers: JSON.stringify(input.answers) },
      ctx.clock.now(),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'VERSION_CONFLICT') {
      const latest = await repo.findPreparation(ctx.database.db, actor.organisationId, planId, party);
      throw new AppError('VERSION_CONFLICT', {
        currentVersion: latest?.version ?? row.version,
        ...(latest
          ? {
              current: {
                answers: parseJson(latest.answers, {}),
                version: Number(latest.version),
                updatedAt: latest.updated_at,
              },
            }
          : {}),
      });
    }
    throw error;
  }
  return getOwnPreparation(ctx, actor, planId);
}

/** Sharing is explicit and once: from then on the other party reads the preparation and the talking points. */
export async function sharePreparation(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  version: number,
): Promise<VisiblePreparation> {
  const { plan, party, row } = await ownPreparation(ctx, actor, planId);
  if (plan.state.phase !== 'preparation' && plan.state.phase !== 'conversation')
    throw invalidState('PREPARATION_CLOSED');
  if (row.shared_at !== null) throw invalidState('PREPARATION_ALREADY_SHARED');
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    await guardedUpdate(
      trx,
      'preparations',
      { id: row.id, organisationId: actor.organisationId, version },
      { shared_at: now.toISOString() },
      now,
    );
    // That it was shared, never what it says.
    await recordAudit(trx, {
      organisationId: actor.organisationId,
      actor,
      actorRole: party,
      action: 'preparation.shared',
      objectType: 'preparation',
      objectId: row.id,
      subjectPersonId: plan.row.employee_id,
      planId,
      changes: { party: { after: party }, sharedAt: { after: now.toISOString() } },
      at: now,
    });
  });
  return getOwnPreparation(ctx, actor, planId);
}

async function editablePoints(ctx: AppContext, actor: Actor, planId: string) {
  const plan = await loadPlan(ctx, ctx.database.db, actor, planId);
  const party = requireParty(plan);
  if (plan.state.phase !== 'preparation') throw invalidState('PREPARATION_CLOSED');
  return party;
}

export async function addTalkingPoint(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateTalkingPointInput,
): Promise<TalkingPoint> {
  const party = await editablePoints(ctx, actor, planId);
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.insertTalkingPoint(trx, {
      id,
      organisationId: actor.organisationId,
      planId,
      party,
      text: input.text,
      position: await repo.nextTalkingPointPosition(trx, actor.organisationId, planId, party),
      now: ctx.clock.now().toISOString(),
    });
  });
  const row = await repo.findTalkingPoint(ctx.database.db, actor.organisationId, planId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentTalkingPoint(row);
}

/** The other party's talking point is not found, whatever its id: the caller addresses their own list only. */
async function ownPoint(ctx: AppContext, actor: Actor, planId: string, pointId: string) {
  const party = await editablePoints(ctx, actor, planId);
  const row = await repo.findTalkingPoint(ctx.database.db, actor.organisationId, planId, pointId);
  if (!row || row.party !== party) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateTalkingPoint(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  pointId: string,
  input: UpdateTalkingPointInput,
): Promise<TalkingPoint> {
  await ownPoint(ctx, actor, planId, pointId);
  await guardedUpdate(
    ctx.database.db,
    'talking_points',
    { id: pointId, organisationId: actor.organisationId, version: input.version },
    {
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
    },
    ctx.clock.now(),
  );
  const row = await repo.findTalkingPoint(ctx.database.db, actor.organisationId, planId, pointId);
  if (!row) throw new AppError('NOT_FOUND');
  return presentTalkingPoint(row);
}

export async function deleteTalkingPoint(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  pointId: string,
  version: number,
): Promise<void> {
  const row = await ownPoint(ctx, actor, planId, pointId);
  const deleted = await repo.deleteVersioned(ctx.database.db, 'talking_points', {
    id: pointId,
    organisationId: actor.organisationId,
    version,
  });
  if (!deleted) throw new AppError('VERSION_CONFLICT', { currentVersion: row.version });
}
