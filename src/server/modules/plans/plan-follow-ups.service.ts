import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../shared/contracts/audit.js';
import type { FollowUp, SaveEvaluationInput, UpdateFollowUpInput } from '../../../shared/contracts/plans.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import type { Actor } from '../../../shared/policies.js';
import { applyPlanEvent, isContentEditable } from '../../../shared/pop/phases.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database, FollowUpEntryRow, FollowUpRow } from '../../db/schema.js';
import {
  type AuditValues,
  followUpAuditValues,
  planActorRole,
  planAuditValues,
  recordAudit,
  recordChange,
} from '../audit/index.js';
import {
  afterContentChanged,
  invalidState,
  type LoadedPlan,
  loadPlan,
  requireContentAccess,
  requireParty,
  savePlanState,
} from './plan-context.js';
import { presentFollowUp, presentVisibleEvaluation } from './plans.presenter.js';
import * as repo from './plans.repository.js';

type Db = Kysely<Database>;

/**
 * Opvolgingsmomenten and the evaluation. The dates of follow-ups are part of the agreement while it is being made
 * (gesprek, revision); holding one, with the three questions per goal, happens during the execution.
 */
async function planOfFollowUp(ctx: AppContext, db: Db, actor: Actor, followUpId: string) {
  const followUp = await repo.findFollowUp(db, actor.organisationId, followUpId);
  if (!followUp) throw new AppError('NOT_FOUND');
  const plan = await loadPlan(ctx, db, actor, followUp.plan_id, { lock: true });
  requireContentAccess(plan);
  requireParty(plan);
  return { followUp, plan };
}

/** The goals' results of a follow-up, in goal order, as the audit log keeps them. */
const entriesAudit = (rows: FollowUpEntryRow[]) =>
  [...rows]
    .sort((a, b) => a.goal_id.localeCompare(b.goal_id))
    .map((e) => ({
      goalId: e.goal_id,
      state: e.state,
      progress: e.progress,
      acceleration: e.acceleration,
      expectations: e.expectations,
      notes: e.notes,
    }));

async function auditFollowUp(
  db: Db,
  actor: Actor,
  plan: LoadedPlan,
  change: {
    action: AuditAction;
    id: string;
    before: AuditValues | null;
    withEntries?: boolean;
    now: Date;
  },
): Promise<void> {
  let after: AuditValues | null = null;
  if (!change.action.endsWith('.deleted')) {
    const row: FollowUpRow | undefined = await repo.findFollowUp(db, actor.organisationId, change.id);
    if (row)
      after = {
        ...followUpAuditValues(row),
        ...(change.withEntries
          ? { entries: entriesAudit(await repo.entriesOf(db, actor.organisationId, change.id)) }
          : {}),
      };
  }
  await recordChange(db, {
    organisationId: actor.organisationId,
    actor,
    actorRole: planActorRole(plan),
    action: change.action,
    objectType: 'follow_up',
    objectId: change.id,
    subjectPersonId: plan.row.employee_id,
    planId: plan.row.id,
    before: change.before,
    after,
    at: change.now,
    always: !change.action.endsWith('.updated'),
  });
}

function requirePlanning(plan: LoadedPlan): void {
  const { phase } = plan.state;
  if (phase === 'preparation' || phase === 'closed') throw invalidState('FOLLOW_UP_NOT_ALLOWED');
}

export async function getFollowUp(ctx: AppContext, actor: Actor, followUpId: string): Promise<FollowUp> {
  const db = ctx.database.db;
  const followUp = await repo.findFollowUp(db, actor.organisationId, followUpId);
  if (!followUp) throw new AppError('NOT_FOUND');
  requireContentAccess(await loadPlan(ctx, db, actor, followUp.plan_id));
  return presentFollowUp(followUp, await repo.entriesOf(db, actor.organisationId, followUpId));
}

export async function createFollowUp(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  plannedDate: string,
): Promise<FollowUp> {
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    const plan = await loadPlan(ctx, trx, actor, planId, { lock: true });
    requireParty(plan);
    requirePlanning(plan);
    await repo.insertFollowUp(trx, {
      id,
      organisationId: actor.organisationId,
      planId,
      plannedDate,
      now: now.toISOString(),
    });
    if (isContentEditable(plan.state)) await afterContentChanged(trx, plan, now);
    await auditFollowUp(trx, actor, plan, { action: 'follow_up.created', id, before: null, now });
  });
  return getFollowUp(ctx, actor, id);
}

export async function updateFollowUp(
  ctx: AppContext,
  actor: Actor,
  followUpId: string,
  input: UpdateFollowUpInput,
): Promise<FollowUp> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { followUp, plan } = await planOfFollowUp(ctx, trx, actor, followUpId);
    requirePlanning(plan);
    const holds = input.held !== undefined || input.notes !== undefined || input.entries !== undefined;
    if (holds && plan.state.phase !== 'approved') throw invalidState('FOLLOW_UP_NOT_ALLOWED');
    const errors: FieldError[] = [];
    if (input.entries) {
      const goals = new Set(
        (await repo.goalsOfPlan(trx, actor.organisationId, plan.row.id)).map((g) => g.id),
      );
      input.entries.forEach((entry, i) => {
        if (!goals.has(entry.goalId)) errors.push({ path: `entries.${i}.goalId`, code: 'other_plan' });
      });
    }
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
    const before: AuditValues = {
      ...followUpAuditValues(followUp),
      ...(input.entries
        ? { entries: entriesAudit(await repo.entriesOf(trx, actor.organisationId, followUpId)) }
        : {}),
    };
    await guardedUpdate(
      trx,
      'follow_ups',
      { id: followUpId, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.plannedDate !== undefined ? { planned_date: input.plannedDate } : {}),
        ...(input.held !== undefined ? { held_at: input.held ? (followUp.held_at ?? at) : null } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
      },
      now,
    );
    for (const entry of input.entries ?? []) {
      await repo.upsertEntry(trx, {
        id: randomUUID(),
        organisationId: actor.organisationId,
        planId: plan.row.id,
        followUpId,
        goalId: entry.goalId,
        state: entry.state,
        progress: entry.progress ?? null,
        acceleration: entry.acceleration ?? null,
        expectations: entry.expectations ?? null,
        notes: entry.notes ?? null,
        now: at,
      });
    }
    // Bijsturen changes the agreement: an adjusted goal opens a revision that both approve as the next version.
    await auditFollowUp(trx, actor, plan, {
      action: 'follow_up.updated',
      id: followUpId,
      before,
      withEntries: input.entries !== undefined,
      now,
    });
    const adjusts = (input.entries ?? []).some((e) => e.state === 'adjusted');
    if (adjusts && !plan.state.revisionOpen) {
      const outcome = applyPlanEvent(plan.state, 'start_revision', requireParty(plan), now);
      if (outcome.ok) {
        const planBefore = planAuditValues(plan.row);
        await savePlanState(trx, plan, outcome.state, now);
        const planAfter = await repo.findPlanRow(trx, actor.organisationId, plan.row.id);
        await recordChange(trx, {
          organisationId: actor.organisationId,
          actor,
          actorRole: planActorRole(plan),
          action: 'plan.revision_started',
          objectType: 'plan',
          objectId: plan.row.id,
          subjectPersonId: plan.row.employee_id,
          planId: plan.row.id,
          before: planBefore,
          after: planAfter ? planAuditValues(planAfter) : null,
          at: now,
          always: true,
        });
      }
    } else if (input.plannedDate !== undefined && isContentEditable(plan.state)) {
      await afterContentChanged(trx, plan, now);
    }
  });
  return getFollowUp(ctx, actor, followUpId);
}

export async function deleteFollowUp(
  ctx: AppContext,
  actor: Actor,
  followUpId: string,
  version: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { followUp, plan } = await planOfFollowUp(ctx, trx, actor, followUpId);
    requirePlanning(plan);
    // A follow-up that took place is part of the plan's history.
    if (followUp.held_at !== null) throw invalidState('FOLLOW_UP_NOT_ALLOWED');
    const deleted = await repo.deleteVersioned(trx, 'follow_ups', {
      id: followUpId,
      organisationId: actor.organisationId,
      version,
    });
    if (!deleted) throw new AppError('VERSION_CONFLICT', { currentVersion: followUp.version });
    if (isContentEditable(plan.state)) await afterContentChanged(trx, plan, now);
    await auditFollowUp(trx, actor, plan, {
      action: 'follow_up.deleted',
      id: followUpId,
      before: followUpAuditValues(followUp),
      now,
    });
  });
}

// Evaluation: each party answers the three questions; the other party reads them once submitted.

async function ownEvaluation(ctx: AppContext, db: Db, actor: Actor, planId: string, lock: boolean) {
  const plan = await loadPlan(ctx, db, actor, planId, { lock });
  const party = requireParty(plan);
  if (plan.state.phase !== 'evaluation') throw invalidState('EVALUATION_NOT_OPEN');
  const row = await repo.findEvaluation(db, actor.organisationId, planId, party);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.submitted_at !== null) throw invalidState('EVALUATION_SUBMITTED');
  return { plan, party, row };
}

async function presentOwnEvaluation(ctx: AppContext, actor: Actor, planId: string, party: string) {
  const row = await repo.findEvaluation(ctx.database.db, actor.organisationId, planId, party);
  if (!row) throw new AppError('NOT_FOUND');
  return presentVisibleEvaluation(row);
}

export async function saveEvaluation(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: SaveEvaluationInput,
) {
  const { party, row } = await ownEvaluation(ctx, ctx.database.db, actor, planId, false);
  await guardedUpdate(
    ctx.database.db,
    'evaluations',
    { id: row.id, organisationId: actor.organisationId, version: input.version },
    {
      ...(input.goalsReached !== undefined ? { goals_reached: input.goalsReached } : {}),
      ...(input.effectOnFunctioning !== undefined
        ? { effect_on_functioning: input.effectOnFunctioning }
        : {}),
      ...(input.effectOnCareer !== undefined ? { effect_on_career: input.effectOnCareer } : {}),
    },
    ctx.clock.now(),
  );
  return presentOwnEvaluation(ctx, actor, planId, party);
}

/** Submitting makes the answers final and readable for the other party; when both submitted, the plan may close. */
export async function submitEvaluation(ctx: AppContext, actor: Actor, planId: string, version: number) {
  const now = ctx.clock.now();
  const party = await ctx.database.db.transaction().execute(async (trx) => {
    const { plan, party, row } = await ownEvaluation(ctx, trx, actor, planId, true);
    await guardedUpdate(
      trx,
      'evaluations',
      { id: row.id, organisationId: actor.organisationId, version },
      { submitted_at: now.toISOString() },
      now,
    );
    // That it was submitted; the answers stay with the evaluation.
    await recordAudit(trx, {
      organisationId: actor.organisationId,
      actor,
      actorRole: party,
      action: 'evaluation.submitted',
      objectType: 'evaluation',
      objectId: row.id,
      subjectPersonId: plan.row.employee_id,
      planId: plan.row.id,
      changes: { party: { after: party }, submittedAt: { after: now.toISOString() } },
      at: now,
    });
    const other = await repo.findEvaluation(
      trx,
      actor.organisationId,
      planId,
      party === 'employee' ? 'manager' : 'employee',
    );
    if (other?.submitted_at) await savePlanState(trx, plan, { ...plan.state, evaluationComplete: true }, now);
    return party;
  });
  return presentOwnEvaluation(ctx, actor, planId, party);
}
