import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuditAction } from '../../../shared/contracts/audit.js';
import type {
  ActionProgressInput,
  CreateActionInput,
  CreateGoalInput,
  createCommentBody,
  PlanAction,
  PlanGoal,
  UpdateActionInput,
  UpdateGoalInput,
} from '../../../shared/contracts/plans.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import type { Actor } from '../../../shared/policies.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { isContentEditable } from '../../../shared/pop/phases.js';
import type { Timing } from '../../../shared/pop/timing.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate, guardedUpdateReturning } from '../../db/guarded-update.js';
import type { ActionRow, Database, GoalRow } from '../../db/schema.js';
import { resolveActionType } from '../action-types/index.js';
import {
  actionAuditValues,
  goalAuditValues,
  planActorRole,
  recordAudit,
  recordChange,
} from '../audit/index.js';
import { isUsableFundingSource } from '../budgets/index.js';
import {
  afterContentChanged,
  canLock,
  contentLockedError,
  invalidState,
  type LoadedPlan,
  loadPlan,
  planFor,
  requireContentAccess,
  requireContentEditable,
  requireParty,
} from './plan-context.js';
import { presentAction, presentGoal } from './plans.presenter.js';
import * as repo from './plans.repository.js';

type Db = Kysely<Database>;
export type CommentInput = z.infer<typeof createCommentBody>;

const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

/**
 * Goals (ontwikkeldoelen) and their actions. They change while the content is editable (voorbereiding, gesprek,
 * an open revision) by the two parties; every change withdraws the approvals given so far, in the same
 * transaction. Progress and comments on actions belong to the execution and leave the agreement alone.
 */
/** The goal or action as it was (null: created) and as it is now (null: deleted), for the audit log. */
async function auditContent(
  db: Db,
  actor: Actor,
  plan: LoadedPlan,
  change: { action: AuditAction; now: Date } & (
    | { objectType: 'goal'; id: string; before: GoalRow | null; after?: GoalRow }
    | { objectType: 'action'; id: string; before: ActionRow | null }
  ),
): Promise<void> {
  const deleted = change.action.endsWith('.deleted');
  let before = null;
  let after = null;
  if (change.objectType === 'goal') {
    before = change.before && goalAuditValues(change.before);
    const row = deleted
      ? undefined
      : (change.after ?? (await repo.findGoal(db, actor.organisationId, change.id)));
    after = row ? goalAuditValues(row) : null;
  } else {
    before = change.before && actionAuditValues(change.before);
    const row = deleted ? undefined : await repo.findAction(db, actor.organisationId, change.id);
    after = row ? actionAuditValues(row) : null;
  }
  await recordChange(db, {
    organisationId: actor.organisationId,
    actor,
    actorRole: planActorRole(plan),
    action: change.action,
    objectType: change.objectType,
    objectId: change.id,
    subjectPersonId: plan.row.employee_id,
    planId: plan.row.id,
    before,
    after,
    at: change.now,
    // Updates that changed nothing the log keeps (an autosave of the stored text) leave no row.
    always: !change.action.endsWith('updated'),
  });
}

/** The goal and its plan in one read; with `lock`, concurrent writes to the plan wait for each other. */
async function planOfGoal(ctx: AppContext, db: Db, actor: Actor, goalId: string, lock = true) {
  const found = await repo.findGoalWithPlan(db, actor.organisationId, goalId, lock && canLock(ctx));
  if (!found) throw new AppError('NOT_FOUND');
  const plan = planFor(actor, found.plan, found.settings);
  requireContentAccess(plan);
  return { goal: found.goal, plan };
}

async function planOfAction(ctx: AppContext, db: Db, actor: Actor, actionId: string, lock = true) {
  const action = await repo.findAction(db, actor.organisationId, actionId);
  if (!action) throw new AppError('NOT_FOUND');
  const plan = await loadPlan(ctx, db, actor, action.plan_id, { lock });
  requireContentAccess(plan);
  return { action, plan };
}

export async function getGoal(ctx: AppContext, actor: Actor, goalId: string): Promise<PlanGoal> {
  const db = ctx.database.db;
  const { goal, plan } = await planOfGoal(ctx, db, actor, goalId, false);
  const { actions, comments } = await repo.actionsWithCommentsOfGoal(db, actor.organisationId, goalId);
  return presentGoal(goal, actions, comments, plan.row, dateIn(plan.settings.time_zone, ctx.clock.now()));
}

export async function getAction(ctx: AppContext, actor: Actor, actionId: string): Promise<PlanAction> {
  const db = ctx.database.db;
  const { action } = await planOfAction(ctx, db, actor, actionId, false);
  return presentAction(action, await repo.commentsOfAction(db, actor.organisationId, actionId));
}

async function competencyErrors(db: Db, organisationId: string, competencyId: string | null | undefined) {
  return competencyId && (await repo.competencyName(db, organisationId, competencyId)) === undefined
    ? [{ path: 'competencyId', code: 'unknown_reference' }]
    : [];
}

async function knownCompetencyName(db: Db, organisationId: string, competencyId: string): Promise<string> {
  const name = await repo.competencyName(db, organisationId, competencyId);
  if (name === undefined)
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'competencyId', code: 'unknown_reference' }],
    });
  return name;
}

export async function createGoal(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateGoalInput,
): Promise<PlanGoal> {
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    const plan = await loadPlan(ctx, trx, actor, planId, { lock: true });
    const party = requireContentEditable(plan);
    const errors = await competencyErrors(trx, actor.organisationId, input.competencyId);
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
    await repo.insertGoals(trx, [
      {
        id,
        organisation_id: actor.organisationId,
        plan_id: planId,
        position: input.position ?? (await repo.countGoals(trx, actor.organisationId, planId)),
        title: input.title,
        description: input.description ?? null,
        reason: input.reason ?? null,
        organisation_goal: input.organisationGoal ?? null,
        competency_id: input.competencyId ?? null,
        priority: input.priority ?? 'medium',
        horizon: input.horizon ?? 'short',
        target_date: input.targetDate ?? null,
        measure: input.measure ?? null,
        confirm_specific: bit(input.confirmSpecific ?? false),
        confirm_measurable: bit(input.confirmMeasurable ?? false),
        confirm_realistic: bit(input.confirmRealistic ?? false),
        confirm_time_bound: bit(input.confirmTimeBound ?? false),
        acceptable_by_employee: bit(party === 'employee' && input.acceptable === true),
        acceptable_by_manager: bit(party === 'manager' && input.acceptable === true),
        carried_from_goal_id: null,
        evaluation_result: null,
        evaluation_note: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    ]);
    await afterContentChanged(trx, plan, now);
    await auditContent(trx, actor, plan, {
      action: 'goal.created',
      objectType: 'goal',
      id,
      before: null,
      now,
    });
  });
  return getGoal(ctx, actor, id);
}

const contentKeys = [
  'title',
  'description',
  'reason',
  'organisationGoal',
  'competencyId',
  'priority',
  'horizon',
  'targetDate',
  'measure',
  'position',
  'confirmSpecific',
  'confirmMeasurable',
  'confirmRealistic',
  'confirmTimeBound',
  'acceptable',
] as const;

export async function updateGoal(
  ctx: AppContext,
  actor: Actor,
  goalId: string,
  input: UpdateGoalInput,
): Promise<PlanGoal> {
  const now = ctx.clock.now();
  // The answer is read inside the transaction: the saved goal, its own actions and their comments.
  return ctx.database.db.transaction().execute(async (trx) => {
    const { goal, plan } = await planOfGoal(ctx, trx, actor, goalId);
    const party = requireParty(plan);
    const changesContent = contentKeys.some((key) => input[key] !== undefined);
    const changesEvaluation = input.evaluationResult !== undefined || input.evaluationNote !== undefined;
    if (changesContent && !isContentEditable(plan.state)) throw contentLockedError(plan.state);
    if (changesEvaluation && plan.state.phase !== 'evaluation') throw invalidState('EVALUATION_NOT_OPEN');
    // The competency's name for the answer: the goal's own, or the one chosen now, which must exist.
    const competencyName = input.competencyId
      ? await knownCompetencyName(trx, actor.organisationId, input.competencyId)
      : input.competencyId === null
        ? null
        : goal.competency_name;
    const updated = await guardedUpdateReturning(
      trx,
      'goals',
      { id: goalId, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.reason !== undefined ? { reason: input.reason } : {}),
        ...(input.organisationGoal !== undefined ? { organisation_goal: input.organisationGoal } : {}),
        ...(input.competencyId !== undefined ? { competency_id: input.competencyId } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.horizon !== undefined ? { horizon: input.horizon } : {}),
        ...(input.targetDate !== undefined ? { target_date: input.targetDate } : {}),
        ...(input.measure !== undefined ? { measure: input.measure } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        ...(input.confirmSpecific !== undefined ? { confirm_specific: bit(input.confirmSpecific) } : {}),
        ...(input.confirmMeasurable !== undefined
          ? { confirm_measurable: bit(input.confirmMeasurable) }
          : {}),
        ...(input.confirmRealistic !== undefined ? { confirm_realistic: bit(input.confirmRealistic) } : {}),
        ...(input.confirmTimeBound !== undefined ? { confirm_time_bound: bit(input.confirmTimeBound) } : {}),
        ...(input.acceptable !== undefined
          ? party === 'employee'
            ? { acceptable_by_employee: bit(input.acceptable) }
            : { acceptable_by_manager: bit(input.acceptable) }
          : {}),
        ...(input.evaluationResult !== undefined ? { evaluation_result: input.evaluationResult } : {}),
        ...(input.evaluationNote !== undefined ? { evaluation_note: input.evaluationNote } : {}),
      },
      now,
    );
    if (changesContent) await afterContentChanged(trx, plan, now);
    const saved: repo.GoalView = { ...updated, competency_name: competencyName };
    await auditContent(trx, actor, plan, {
      action: 'goal.updated',
      objectType: 'goal',
      id: goalId,
      before: goal,
      after: saved,
      now,
    });
    const { actions, comments } = await repo.actionsWithCommentsOfGoal(trx, actor.organisationId, goalId);
    return presentGoal(saved, actions, comments, plan.row, dateIn(plan.settings.time_zone, now));
  });
}

export async function deleteGoal(
  ctx: AppContext,
  actor: Actor,
  goalId: string,
  version: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { goal, plan } = await planOfGoal(ctx, trx, actor, goalId);
    requireContentEditable(plan);
    const deleted = await repo.deleteVersioned(trx, 'goals', {
      id: goalId,
      organisationId: actor.organisationId,
      version,
    });
    if (!deleted) throw new AppError('VERSION_CONFLICT', { currentVersion: goal.version });
    await afterContentChanged(trx, plan, now);
    await auditContent(trx, actor, plan, {
      action: 'goal.deleted',
      objectType: 'goal',
      id: goalId,
      before: goal,
      now,
    });
  });
}

/** A funding source must be an active one of the organisation; one kept unchanged may since have been archived. */
async function fundingSourceErrors(
  db: Db,
  organisationId: string,
  fundingSourceId: string | null | undefined,
  current: string | null = null,
): Promise<FieldError[]> {
  if (!fundingSourceId || fundingSourceId === current) return [];
  return (await isUsableFundingSource(db, organisationId, fundingSourceId))
    ? []
    : [{ path: 'fundingSourceId', code: 'unknown_reference' }];
}

function timingErrors(timing: Timing | null | undefined): FieldError[] {
  return timing?.kind === 'range' && timing.to < timing.from
    ? [{ path: 'timing.to', code: 'end_before_start' }]
    : [];
}

export async function createAction(
  ctx: AppContext,
  actor: Actor,
  goalId: string,
  input: CreateActionInput,
): Promise<PlanAction> {
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { goal, plan } = await planOfGoal(ctx, trx, actor, goalId);
    requireContentEditable(plan);
    const type = await resolveActionType(trx, actor.organisationId, input.type);
    const errors: FieldError[] = [
      ...(type ? [] : [{ path: 'type', code: 'unknown_action_type' }]),
      ...timingErrors(input.timing),
      ...(await fundingSourceErrors(trx, actor.organisationId, input.fundingSourceId)),
    ];
    if (errors.length > 0 || !type) throw new AppError('VALIDATION_FAILED', { fields: errors });
    await repo.insertActions(trx, [
      {
        id,
        organisation_id: actor.organisationId,
        plan_id: goal.plan_id,
        goal_id: goalId,
        position: input.position ?? (await repo.countActions(trx, actor.organisationId, goalId)),
        type: type.key,
        description: input.description,
        provider: input.provider ?? null,
        timing: input.timing ? JSON.stringify(input.timing) : null,
        hours: input.hours ?? null,
        cost: input.cost ?? null,
        currency: input.currency ?? 'EUR',
        is_formal: bit(input.isFormal ?? type.isFormal),
        funding: input.funding ?? null,
        funding_source_id: input.fundingSourceId ?? null,
        counts_for_training_right: bit(input.countsForTrainingRight ?? type.countsForTrainingRight),
        support_time: input.supportTime ?? null,
        support_budget: input.supportBudget ?? null,
        support_logistics: input.supportLogistics ?? null,
        support_coach: input.supportCoach ?? null,
        follow_up: input.followUp ?? null,
        status: 'planned',
        actual_hours: null,
        actual_cost: null,
        actual_start: null,
        actual_end: null,
        certificate_note: null,
        carried_from_action_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    ]);
    await afterContentChanged(trx, plan, now);
    await auditContent(trx, actor, plan, {
      action: 'action.created',
      objectType: 'action',
      id,
      before: null,
      now,
    });
  });
  return getAction(ctx, actor, id);
}

export async function updateAction(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
  input: UpdateActionInput,
): Promise<PlanAction> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { action, plan } = await planOfAction(ctx, trx, actor, actionId);
    requireContentEditable(plan);
    const errors: FieldError[] = [
      ...timingErrors(input.timing),
      ...(await fundingSourceErrors(
        trx,
        actor.organisationId,
        input.fundingSourceId,
        action.funding_source_id,
      )),
    ];
    const type =
      input.type === undefined ? undefined : await resolveActionType(trx, actor.organisationId, input.type);
    if (input.type !== undefined && !type) errors.push({ path: 'type', code: 'unknown_action_type' });
    let target: GoalRow | undefined;
    if (input.goalId !== undefined && input.goalId !== action.goal_id) {
      target = await repo.findGoal(trx, actor.organisationId, input.goalId);
      if (!target || target.plan_id !== action.plan_id) errors.push({ path: 'goalId', code: 'other_plan' });
    }
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
    await guardedUpdate(
      trx,
      'actions',
      { id: actionId, organisationId: actor.organisationId, version: input.version },
      {
        ...(type ? { type: type.key } : {}),
        ...(target ? { goal_id: target.id } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.provider !== undefined ? { provider: input.provider } : {}),
        ...(input.timing !== undefined ? { timing: input.timing ? JSON.stringify(input.timing) : null } : {}),
        ...(input.hours !== undefined ? { hours: input.hours } : {}),
        ...(input.cost !== undefined ? { cost: input.cost } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
        ...(input.isFormal !== undefined ? { is_formal: bit(input.isFormal) } : {}),
        ...(input.funding !== undefined ? { funding: input.funding } : {}),
        ...(input.fundingSourceId !== undefined ? { funding_source_id: input.fundingSourceId } : {}),
        ...(input.countsForTrainingRight !== undefined
          ? { counts_for_training_right: bit(input.countsForTrainingRight) }
          : {}),
        ...(input.supportTime !== undefined ? { support_time: input.supportTime } : {}),
        ...(input.supportBudget !== undefined ? { support_budget: input.supportBudget } : {}),
        ...(input.supportLogistics !== undefined ? { support_logistics: input.supportLogistics } : {}),
        ...(input.supportCoach !== undefined ? { support_coach: input.supportCoach } : {}),
        ...(input.followUp !== undefined ? { follow_up: input.followUp } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
      },
      now,
    );
    await afterContentChanged(trx, plan, now);
    await auditContent(trx, actor, plan, {
      action: 'action.updated',
      objectType: 'action',
      id: actionId,
      before: action,
      now,
    });
  });
  return getAction(ctx, actor, actionId);
}

export async function deleteAction(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
  version: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const { action, plan } = await planOfAction(ctx, trx, actor, actionId);
    requireContentEditable(plan);
    const deleted = await repo.deleteVersioned(trx, 'actions', {
      id: actionId,
      organisationId: actor.organisationId,
      version,
    });
    if (!deleted) throw new AppError('VERSION_CONFLICT', { currentVersion: action.version });
    await afterContentChanged(trx, plan, now);
    await auditContent(trx, actor, plan, {
      action: 'action.deleted',
      objectType: 'action',
      id: actionId,
      before: action,
      now,
    });
  });
}

/** Progress is kept during the execution: the approved plan without an open revision, and its evaluation. */
function requireExecution(plan: LoadedPlan): void {
  const { phase, revisionOpen } = plan.state;
  if (!((phase === 'approved' && !revisionOpen) || phase === 'evaluation'))
    throw invalidState('PROGRESS_NOT_ALLOWED');
}

export async function updateProgress(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
  input: ActionProgressInput,
): Promise<PlanAction> {
  await ctx.database.db.transaction().execute(async (trx) => {
    const { action, plan } = await planOfAction(ctx, trx, actor, actionId);
    requireParty(plan);
    requireExecution(plan);
    const start = input.actualStart !== undefined ? input.actualStart : action.actual_start;
    const end = input.actualEnd !== undefined ? input.actualEnd : action.actual_end;
    if (start && end && end < start)
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'actualEnd', code: 'end_before_start' }] });
    await guardedUpdate(
      trx,
      'actions',
      { id: actionId, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.actualHours !== undefined ? { actual_hours: input.actualHours } : {}),
        ...(input.actualCost !== undefined ? { actual_cost: input.actualCost } : {}),
        ...(input.actualStart !== undefined ? { actual_start: input.actualStart } : {}),
        ...(input.actualEnd !== undefined ? { actual_end: input.actualEnd } : {}),
        ...(input.certificateNote !== undefined ? { certificate_note: input.certificateNote } : {}),
      },
      ctx.clock.now(),
    );
    await auditContent(trx, actor, plan, {
      action: 'action.progress_updated',
      objectType: 'action',
      id: actionId,
      before: action,
      now: ctx.clock.now(),
    });
  });
  return getAction(ctx, actor, actionId);
}

/** Both parties comment on an action while the plan is open. */
export async function addComment(
  ctx: AppContext,
  actor: Actor,
  actionId: string,
  input: CommentInput,
): Promise<PlanAction> {
  const db = ctx.database.db;
  const { action, plan } = await planOfAction(ctx, db, actor, actionId, false);
  requireParty(plan);
  if (plan.state.phase === 'closed') throw invalidState('PLAN_CLOSED');
  const now = ctx.clock.now();
  await db.transaction().execute(async (trx) => {
    await repo.insertComment(trx, {
      id: randomUUID(),
      organisationId: actor.organisationId,
      planId: action.plan_id,
      actionId,
      authorId: actor.personId,
      text: input.text,
      now: now.toISOString(),
    });
    // That a comment was added; its text stays with the action.
    await recordAudit(trx, {
      organisationId: actor.organisationId,
      actor,
      actorRole: planActorRole(plan),
      action: 'action.commented',
      objectType: 'action',
      objectId: actionId,
      subjectPersonId: plan.row.employee_id,
      planId: plan.row.id,
      at: now,
    });
  });
  return getAction(ctx, actor, actionId);
}
