import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuditAction, AuditActorRole } from '../../../shared/contracts/audit.js';
import type {
  BatchPlansInput,
  BatchPlansResult,
  CreatePlanInput,
  PlanDetail,
  PlanEventInput,
  PlanSummary,
  planListQuery,
  requestPlanBody,
  UpdatePlanInput,
} from '../../../shared/contracts/plans.js';
import { AppError, type ErrorCode, type FieldError } from '../../../shared/errors.js';
import { type Actor, isHr, isManagerOf } from '../../../shared/policies.js';
import { addDays, addYears, dateIn, defaultPeriod, spreadConversations } from '../../../shared/pop/dates.js';
import {
  allowedEvents,
  applyPlanEvent,
  type Party,
  type PlanEvent,
  type PlanEventOutcome,
} from '../../../shared/pop/phases.js';
import {
  canSeePlanContent,
  canStartBatch,
  canStartPlanFor,
  planListScopeOf,
  planPermissions,
} from '../../../shared/pop/plan-access.js';
import { diffSnapshots, type PlanSnapshot } from '../../../shared/pop/plan-snapshot.js';
import type { Requester } from '../../../shared/pop/vocabulary.js';
import { fullName, searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { ActionRow, Database, GoalRow, NewAction, NewGoal } from '../../db/schema.js';
import { answerCacheOf, readerKey } from '../../http/answer-cache.js';
import { planActorRole, planAuditValues, recordChange, recordPlanRead } from '../audit/index.js';
import {
  activeFundingSourceIds,
  checkPlanBudgets,
  fundingSourceNames,
  hardBudgetError,
} from '../budgets/index.js';
import { ensureDefaultTemplates, preparationFormFor } from '../templates/index.js';
import {
  canLock,
  contentLockedError,
  invalidState,
  type LoadedPlan,
  loadPlan,
  requireContentAccess,
  savePlanState,
} from './plan-context.js';
import {
  actionContentColumns,
  goalContentColumns,
  normaliseSnapshot,
  parseJson,
  snapshotOf,
} from './plan-rows.mapper.js';
import { presentPlanDetail, presentPlanSummary } from './plans.presenter.js';
import * as repo from './plans.repository.js';

type Db = Kysely<Database>;
export type PlanListQuery = z.infer<typeof planListQuery>;
export type RequestPlanInput = z.infer<typeof requestPlanBody>;

/** A POP usually covers a year; career goals may take longer, up to this many years. */
const maxPeriodYears = 5;
const openActionStatuses = new Set(['planned', 'in_progress', 'postponed']);

/**
 * A page of the plan list as the route answers it, serialized, and kept while the fingerprint of every plan the
 * filter selects (count, sums of `version` and `page_revision`, last change), the organisation's settings, the
 * reader and the day are the same.
 */
export async function listPlans(
  ctx: AppContext,
  actor: Actor & { locale?: string },
  query: PlanListQuery,
  serialize: (list: { items: PlanSummary[]; total: number }) => string,
): Promise<Buffer> {
  const db = ctx.database.db;
  const settings = await repo.findOrganisationSettings(db, actor.organisationId);
  if (!settings) throw new AppError('NOT_FOUND');
  const filter: repo.PlanFilter = {
    scope: planListScopeOf(actor),
    actorId: actor.personId,
    ...(query.as ? { as: query.as } : {}),
    ...(query.employeeId ? { employeeId: query.employeeId } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
    ...(query.teamId ? { teamId: query.teamId } : {}),
    ...(query.year ? { year: query.year } : {}),
    ...(query.q ? { words: searchKey(query.q).split(' ').filter(Boolean) } : {}),
  };
  const fingerprint = await repo.planListStamp(db, actor.organisationId, filter);
  const key = `list\u0000${readerKey(actor)}\u0000${JSON.stringify(query)}`;
  const stamp = JSON.stringify([fingerprint, settings, dateIn(settings.time_zone, ctx.clock.now())]);
  const cache = answerCacheOf(ctx.database, 'plans');
  const cached = cache.get(key, stamp);
  if (cached !== undefined) return cached;
  const rows = await repo.listPlans(db, actor.organisationId, filter, {
    limit: query.limit,
    offset: query.offset,
  });
  return cache.set(
    key,
    stamp,
    serialize({
      items: rows.map((row) => presentPlanSummary(row, actor, settings)),
      total: Number(fingerprint.n),
    }),
  );
}

/** Someone other than the employee read the plan's content: the audit log keeps it (once an hour per reader). */
async function recordContentRead(ctx: AppContext, actor: Actor, plan: LoadedPlan): Promise<void> {
  if (!plan.canSeeContent) return;
  await recordPlanRead(ctx.database.db, {
    organisationId: actor.organisationId,
    actor,
    actorRole: planActorRole(plan),
    planId: plan.row.id,
    employeeId: plan.row.employee_id,
    at: ctx.clock.now(),
  });
}

/** What the audit log records of a new plan. */
const newPlanAudit = (plan: NewPlan) => ({
  employeeId: plan.person.id,
  managerId: plan.managerId,
  periodStart: plan.periodStart,
  periodEnd: plan.periodEnd,
  conversationAt: plan.conversationAt,
  previousPlanId: plan.previousPlanId,
  carriedGoals: plan.carry?.goals.length ?? 0,
  carriedActions: plan.carry?.actions.length ?? 0,
});

/** The plan page in one answer: a fixed number of queries whatever the plan holds. */
export async function getPlan(ctx: AppContext, actor: Actor, id: string): Promise<PlanDetail> {
  const plan = await loadPlan(ctx, ctx.database.db, actor, id);
  await recordContentRead(ctx, actor, plan);
  return planDetailOf(ctx, actor, plan, ctx.clock.now());
}

/**
 * The plan page as the GET route answers it: serialized by the route's own serializer, and kept while the plan
 * row (with its `page_revision`), the organisation's settings, the reader and the day are the same. A page that
 * did not change costs two indexed reads (plan row and settings) instead of fourteen and the serialization.
 * Reads are recorded in the audit log on every request, cached or not.
 */
export async function getPlanPage(
  ctx: AppContext,
  actor: Actor & { locale?: string },
  id: string,
  serialize: (detail: PlanDetail) => string,
): Promise<Buffer> {
  const plan = await loadPlan(ctx, ctx.database.db, actor, id);
  await recordContentRead(ctx, actor, plan);
  const now = ctx.clock.now();
  const key = `page\u0000${id}\u0000${readerKey(actor)}`;
  const stamp = JSON.stringify([plan.row, plan.settings, dateIn(plan.settings.time_zone, now)]);
  const cache = answerCacheOf(ctx.database, 'plans');
  const cached = cache.get(key, stamp);
  if (cached !== undefined) return cached;
  return cache.set(key, stamp, serialize(await planDetailOf(ctx, actor, plan, now)));
}

async function planDetailOf(ctx: AppContext, actor: Actor, plan: LoadedPlan, now: Date): Promise<PlanDetail> {
  const db = ctx.database.db;
  const id = plan.row.id;
  const view = await repo.findPlanView(db, actor.organisationId, id);
  if (!view) throw new AppError('NOT_FOUND');
  // Preparations are read only for the two parties; everyone else never even loads them.
  const rows = await repo.loadPlanContent(db, actor.organisationId, id, {
    content: plan.canSeeContent,
    preparations: plan.party !== null,
  });
  const own = plan.party;
  return presentPlanDetail(view, rows, {
    actor,
    settings: plan.settings,
    myParty: own,
    canSeeContent: plan.canSeeContent,
    allowedEvents: allowedEvents(plan.state, plan.parties, now),
    permissions: planPermissions(actor, { ...plan.scope, state: plan.state }, plan.planSettings, {
      ownPreparationShared:
        own !== null && rows.preparations.some((p) => p.party === own && p.shared_at !== null),
      ownEvaluationSubmitted:
        own !== null && rows.evaluations.some((e) => e.party === own && e.submitted_at !== null),
    }),
    now,
  });
}

// Starting plans.

interface NewPlan {
  person: repo.PlanPerson;
  managerId: string;
  periodStart: string;
  periodEnd: string;
  conversationAt: string | null;
  requestedBy: Requester;
  previousPlanId: string | null;
  carry: { goals: GoalRow[]; actions: ActionRow[] } | null;
}

const fieldError = (path: string, code: string, params?: Record<string, string | number>): AppError =>
  new AppError('VALIDATION_FAILED', { fields: [{ path, code, ...(params ? { params } : {}) }] });

/** The leidinggevende of a person: their direct manager, else the manager of their team; active, not themselves. */
function managerOf(person: repo.PlanPerson): string | null {
  if (person.manager_id && person.manager_id !== person.id && person.direct_manager_status === 'active')
    return person.manager_id;
  if (
    person.team_manager_id &&
    person.team_manager_id !== person.id &&
    person.team_manager_status === 'active'
  )
    return person.team_manager_id;
  return null;
}

function periodOf(
  input: { periodStart?: string | undefined; periodEnd?: string | undefined },
  today: string,
) {
  const fallback = defaultPeriod(today);
  const start = input.periodStart ?? fallback.start;
  const end = input.periodEnd ?? (input.periodStart ? addDays(addYears(start, 1), -1) : fallback.end);
  const errors: FieldError[] = [];
  if (end < start) errors.push({ path: 'periodEnd', code: 'end_before_start' });
  else if (end > addYears(start, maxPeriodYears))
    errors.push({ path: 'periodEnd', code: 'period_too_long', params: { years: maxPeriodYears } });
  return { start, end, errors };
}

async function insertNewPlan(
  db: Db,
  organisationId: string,
  plan: NewPlan,
  language: 'nl' | 'en',
  now: string,
) {
  const id = randomUUID();
  await repo.insertPlan(db, {
    id,
    organisationId,
    employeeId: plan.person.id,
    managerId: plan.managerId,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    conversationAt: plan.conversationAt,
    requestedBy: plan.requestedBy,
    previousPlanId: plan.previousPlanId,
    now,
  });
  // Each party fills in a copy of its form: later changes to the template never reach a running plan.
  for (const party of ['employee', 'manager'] as const) {
    const form = await preparationFormFor(
      db,
      organisationId,
      party,
      { teamId: plan.person.team_id, functionId: plan.person.function_id },
      language,
    );
    await repo.insertPreparation(db, {
      id: randomUUID(),
      organisationId,
      planId: id,
      party,
      templateId: form.templateId,
      templateName: form.templateName,
      questions: JSON.stringify(form.questions),
      now,
    });
    await repo.insertEvaluation(db, { id: randomUUID(), organisationId, planId: id, party, now });
  }
  if (plan.carry) {
    const goalIds = new Map(plan.carry.goals.map((g) => [g.id, randomUUID()]));
    const goals: NewGoal[] = plan.carry.goals.map((g, position) => ({
      id: goalIds.get(g.id) as string,
      organisation_id: organisationId,
      plan_id: id,
      position,
      title: g.title,
      description: g.description,
      reason: g.reason,
      organisation_goal: g.organisation_goal,
      competency_id: g.competency_id,
      priority: g.priority,
      horizon: g.horizon,
      // A new period asks for a new target date and a new agreement on it.
      target_date: null,
      measure: g.measure,
      confirm_specific: 0,
      confirm_measurable: 0,
      confirm_realistic: 0,
      confirm_time_bound: 0,
      acceptable_by_employee: 0,
      acceptable_by_manager: 0,
      carried_from_goal_id: g.id,
      evaluation_result: null,
      evaluation_note: null,
      created_at: now,
      updated_at: now,
    }));
    // An action keeps its funding source into the next cycle while the source is still in use.
    const usableSources = await activeFundingSourceIds(db, organisationId);
    const actions: NewAction[] = plan.carry.actions.map((a) => ({
      id: randomUUID(),
      organisation_id: organisationId,
      plan_id: id,
      goal_id: goalIds.get(a.goal_id) as string,
      position: a.position,
      type: a.type,
      description: a.description,
      provider: a.provider,
      timing: a.timing,
      hours: a.hours,
      cost: a.cost,
      currency: a.currency,
      is_formal: a.is_formal ? 1 : 0,
      funding: a.funding,
      funding_source_id:
        a.funding_source_id && usableSources.has(a.funding_source_id) ? a.funding_source_id : null,
      counts_for_training_right: a.counts_for_training_right ? 1 : 0,
      support_time: a.support_time,
      support_budget: a.support_budget,
      support_logistics: a.support_logistics,
      support_coach: a.support_coach,
      follow_up: a.follow_up,
      status: 'planned',
      actual_hours: null,
      actual_cost: null,
      actual_start: null,
      actual_end: null,
      certificate_note: null,
      carried_from_action_id: a.id,
      created_at: now,
      updated_at: now,
    }));
    await repo.insertGoals(db, goals);
    await repo.insertActions(db, actions);
  }
  return id;
}

/** Checks what is carried over from the previous plan of the same employee; the previous plan must be closed. */
async function carryOverFrom(
  db: Db,
  actor: Actor,
  employeeId: string,
  input: {
    previousPlanId?: string | undefined;
    carryGoalIds?: string[] | undefined;
    carryActionIds?: string[] | undefined;
  },
): Promise<NewPlan['carry']> {
  if (!input.previousPlanId) {
    if ((input.carryGoalIds ?? []).length > 0 || (input.carryActionIds ?? []).length > 0)
      throw fieldError('previousPlanId', 'required');
    return null;
  }
  const previous = await repo.findPlanRow(db, actor.organisationId, input.previousPlanId);
  const scope = previous && {
    organisationId: previous.organisation_id,
    employeeId: previous.employee_id,
    managerId: previous.manager_id,
  };
  const settings = await repo.findOrganisationSettings(db, actor.organisationId);
  if (
    !previous ||
    !scope ||
    previous.employee_id !== employeeId ||
    !canSeePlanContent(actor, scope, { hrSeesPlanContent: Boolean(settings?.hr_sees_plan_content) })
  )
    throw fieldError('previousPlanId', 'unknown_reference');
  if (previous.phase !== 'closed') throw invalidState('PREVIOUS_PLAN_OPEN');
  const [goals, actions] = await Promise.all([
    repo.goalViewsOfPlan(db, actor.organisationId, previous.id),
    repo.actionsOfPlan(db, actor.organisationId, previous.id),
  ]);
  const errors: FieldError[] = [];
  const goalIds = input.carryGoalIds ?? [];
  const carriedGoals = goalIds.flatMap((goalId, i) => {
    const goal = goals.find((g) => g.id === goalId);
    if (!goal || goal.evaluation_result === 'reached') {
      errors.push({ path: `carryGoalIds.${i}`, code: 'not_carryable' });
      return [];
    }
    return [goal];
  });
  const carriedActions = (input.carryActionIds ?? []).flatMap((actionId, i) => {
    const action = actions.find((a) => a.id === actionId);
    if (!action || !openActionStatuses.has(action.status)) {
      errors.push({ path: `carryActionIds.${i}`, code: 'not_carryable' });
      return [];
    }
    if (!goalIds.includes(action.goal_id)) {
      errors.push({ path: `carryActionIds.${i}`, code: 'carry_goal_missing' });
      return [];
    }
    return [action];
  });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  return {
    goals: [...new Map(carriedGoals.map((g) => [g.id, g])).values()],
    actions: [...new Set(carriedActions)],
  };
}

async function startFor(
  ctx: AppContext,
  actor: Actor,
  employeeId: string,
  input: Omit<CreatePlanInput, 'employeeId'> | RequestPlanInput,
  who: 'starter' | 'self',
): Promise<string> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const settings = await repo.findOrganisationSettings(trx, actor.organisationId);
    if (!settings) throw new AppError('NOT_FOUND');
    const person = await repo.findPlanPerson(trx, actor.organisationId, employeeId, canLock(ctx));
    if (!person) throw fieldError('employeeId', 'unknown_reference');
    let requestedBy: Requester = 'employee';
    if (who === 'starter') {
      const team = person.team_id
        ? { id: person.team_id, organisationId: person.organisation_id, managerId: person.team_manager_id }
        : null;
      const personScope = {
        id: person.id,
        organisationId: person.organisation_id,
        managerId: person.manager_id,
        teamId: person.team_id,
      };
      if (!canStartPlanFor(actor, personScope, team)) throw new AppError('FORBIDDEN');
      requestedBy = isManagerOf(actor, personScope, team) ? 'manager' : 'hr';
    }
    if (person.status !== 'active') throw invalidState('PERSON_DISABLED');
    const managerId = managerOf(person);
    if (!managerId) throw fieldError(who === 'self' ? 'manager' : 'employeeId', 'no_manager');
    const period = periodOf(input, dateIn(settings.time_zone, now));
    if (period.errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: period.errors });
    if ((await repo.employeesWithOpenPlans(trx, actor.organisationId, [person.id])).size > 0)
      throw invalidState('PLAN_ALREADY_OPEN');
    const carry = await carryOverFrom(trx, actor, person.id, input);
    const language = settings.locale === 'en' ? 'en' : 'nl';
    await ensureDefaultTemplates(trx, actor.organisationId, language, at);
    const newPlan: NewPlan = {
      person,
      managerId,
      periodStart: period.start,
      periodEnd: period.end,
      conversationAt:
        'conversationAt' in input && input.conversationAt
          ? new Date(input.conversationAt).toISOString()
          : null,
      requestedBy,
      previousPlanId: input.previousPlanId ?? null,
      carry,
    };
    const planId = await insertNewPlan(trx, actor.organisationId, newPlan, language, at);
    await recordChange(trx, {
      organisationId: actor.organisationId,
      actor,
      actorRole: requestedBy,
      action: 'plan.created',
      objectType: 'plan',
      objectId: planId,
      subjectPersonId: person.id,
      planId,
      before: null,
      after: newPlanAudit(newPlan),
      at: now,
    });
    return planId;
  });
}

/** HR or the manager starts a cycle for one person. */
export async function startPlan(ctx: AppContext, actor: Actor, input: CreatePlanInput): Promise<PlanDetail> {
  const id = await startFor(ctx, actor, input.employeeId, input, 'starter');
  return getPlan(ctx, actor, id);
}

/** An employee asks for a POP: it starts in voorbereiding and appears in their manager's list at once. */
export async function requestPlan(
  ctx: AppContext,
  actor: Actor,
  input: RequestPlanInput,
): Promise<PlanDetail> {
  const id = await startFor(ctx, actor, actor.personId, input, 'self');
  return getPlan(ctx, actor, id);
}

/**
 * Cycles for several people at once, with conversation dates spread over the working days of a window. People who
 * already have an open plan, have no manager or may not be started by the caller are skipped and reported.
 */
export async function startBatch(
  ctx: AppContext,
  actor: Actor,
  input: BatchPlansInput,
): Promise<BatchPlansResult> {
  const selectors = [
    input.personIds !== undefined,
    input.teamId !== undefined,
    input.wholeOrganisation === true,
  ];
  if (selectors.filter(Boolean).length !== 1) throw fieldError('personIds', 'choose_one');
  const scope = input.personIds ? 'people' : input.teamId ? 'team' : 'organisation';
  if (!canStartBatch(actor, scope)) throw new AppError('FORBIDDEN');
  if (input.window.to < input.window.from) throw fieldError('window.to', 'end_before_start');
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.database.db.transaction().execute(async (trx) => {
    const settings = await repo.findOrganisationSettings(trx, actor.organisationId);
    if (!settings) throw new AppError('NOT_FOUND');
    const period = periodOf(input, dateIn(settings.time_zone, now));
    if (period.errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: period.errors });
    if (input.teamId) {
      const team = await repo.findTeam(trx, actor.organisationId, input.teamId);
      const leads = team && team.manager_id === actor.personId;
      if (!team || (!isHr(actor) && !leads)) throw new AppError('NOT_FOUND');
    }
    const people = await repo.listPlanPeople(
      trx,
      actor.organisationId,
      input.personIds
        ? { ids: [...new Set(input.personIds)] }
        : input.teamId
          ? { teamId: input.teamId }
          : { all: true },
    );
    const open = await repo.employeesWithOpenPlans(
      trx,
      actor.organisationId,
      people.map((p) => p.id),
    );
    const skipped: BatchPlansResult['skipped'] = [];
    const known = new Set(people.map((p) => p.id));
    for (const id of input.personIds ?? [])
      if (!known.has(id)) skipped.push({ personId: id, name: null, reason: 'not_found' });
    const chosen: Array<{ person: repo.PlanPerson; managerId: string; requestedBy: Requester }> = [];
    for (const person of people) {
      const name = fullName({ firstName: person.first_name, lastName: person.last_name });
      const personScope = {
        id: person.id,
        organisationId: person.organisation_id,
        managerId: person.manager_id,
        teamId: person.team_id,
      };
      const team = person.team_id
        ? { id: person.team_id, organisationId: person.organisation_id, managerId: person.team_manager_id }
        : null;
      const managerId = managerOf(person);
      if (person.id === actor.personId) skipped.push({ personId: person.id, name, reason: 'self' });
      else if (!canStartPlanFor(actor, personScope, team))
        skipped.push({ personId: person.id, name: null, reason: 'not_found' });
      else if (person.status !== 'active') skipped.push({ personId: person.id, name, reason: 'inactive' });
      else if (!managerId) skipped.push({ personId: person.id, name, reason: 'no_manager' });
      else if (open.has(person.id)) skipped.push({ personId: person.id, name, reason: 'open_plan' });
      else
        chosen.push({
          person,
          managerId,
          requestedBy: isManagerOf(actor, personScope, team) ? 'manager' : 'hr',
        });
    }
    const moments = spreadConversations(chosen.length, input.window, settings.time_zone);
    if (moments === null) throw fieldError('window', 'no_working_days');
    const language = settings.locale === 'en' ? 'en' : 'nl';
    await ensureDefaultTemplates(trx, actor.organisationId, language, at);
    const created: BatchPlansResult['created'] = [];
    for (const [i, { person, managerId, requestedBy }] of chosen.entries()) {
      const conversationAt = moments[i] as string;
      const newPlan: NewPlan = {
        person,
        managerId,
        periodStart: period.start,
        periodEnd: period.end,
        conversationAt,
        requestedBy,
        previousPlanId: null,
        carry: null,
      };
      const planId = await insertNewPlan(trx, actor.organisationId, newPlan, language, at);
      await recordChange(trx, {
        organisationId: actor.organisationId,
        actor,
        actorRole: requestedBy,
        action: 'plan.created',
        objectType: 'plan',
        objectId: planId,
        subjectPersonId: person.id,
        planId,
        before: null,
        after: newPlanAudit(newPlan),
        at: now,
      });
      created.push({
        planId,
        employeeId: person.id,
        employeeName: fullName({ firstName: person.first_name, lastName: person.last_name }),
        conversationAt,
      });
    }
    return { created, skipped };
  });
}

// Changing a plan.

export async function updatePlan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePlanInput,
): Promise<PlanDetail> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const plan = await loadPlan(ctx, trx, actor, id, { lock: true });
    if (plan.row.version !== input.version)
      throw new AppError('VERSION_CONFLICT', { currentVersion: plan.row.version });
    const permissions = planPermissions(actor, { ...plan.scope, state: plan.state }, plan.planSettings);
    const isParty = plan.party !== null;
    const refuse = (messageKey: string) => (isParty ? invalidState(messageKey) : new AppError('FORBIDDEN'));
    const values: Record<string, unknown> = {};

    if (input.conversationAt !== undefined) {
      // Everyone who reaches this point is a party or HR, who both plan the conversation until it took place.
      if (!permissions.canPlanConversation) throw invalidState('CONVERSATION_LOCKED');
      values.conversation_at = input.conversationAt ? new Date(input.conversationAt).toISOString() : null;
    }

    const touchesContent =
      input.periodStart !== undefined ||
      input.periodEnd !== undefined ||
      input.facilities !== undefined ||
      input.evaluationDate !== undefined;
    if (touchesContent) {
      if (!isParty) throw new AppError('FORBIDDEN');
      if (!permissions.canEditContent) throw contentLockedError(plan.state);
      const start = input.periodStart ?? plan.row.period_start;
      const end = input.periodEnd ?? plan.row.period_end;
      if (end < start) throw fieldError('periodEnd', 'end_before_start');
      if (end > addYears(start, maxPeriodYears))
        throw fieldError('periodEnd', 'period_too_long', { years: maxPeriodYears });
      if (input.periodStart !== undefined) values.period_start = input.periodStart;
      if (input.periodEnd !== undefined) values.period_end = input.periodEnd;
      if (input.facilities !== undefined) values.facilities = input.facilities;
      if (input.evaluationDate !== undefined) values.evaluation_date = input.evaluationDate;
      values.employee_approved_at = null;
      values.manager_approved_at = null;
    }

    if (input.conversationNotes !== undefined) {
      if (!permissions.canEditNotes) throw refuse('NOTES_NOT_EDITABLE');
      const notes = parseJson<Record<string, string | null>>(plan.row.conversation_notes, {});
      for (const [step, text] of Object.entries(input.conversationNotes))
        if (text !== undefined) notes[step] = text;
      values.conversation_notes = JSON.stringify(notes);
    }

    if (input.managerId !== undefined && input.managerId !== plan.row.manager_id) {
      if (!permissions.canChangeManager) throw new AppError('FORBIDDEN');
      if (input.managerId === plan.row.employee_id) throw fieldError('managerId', 'manager_self');
      const manager = await repo.findPersonStatus(trx, actor.organisationId, input.managerId);
      if (!manager) throw fieldError('managerId', 'unknown_reference');
      if (manager.status !== 'active') throw fieldError('managerId', 'manager_not_active');
      values.manager_id = input.managerId;
    }

    await repo.updatePlanRow(trx, actor.organisationId, id, values, now.toISOString());
    await recordPlanChange(trx, actor, plan, 'plan.updated', now);
  });
  return getPlan(ctx, actor, id);
}

/** The plan's fields before this change (as loaded) and after it (read back), for the audit log. */
async function recordPlanChange(
  db: Db,
  actor: Actor,
  plan: LoadedPlan,
  action: AuditAction,
  now: Date,
  actorRole: AuditActorRole = planActorRole(plan),
  always = false,
): Promise<void> {
  const after = await repo.findPlanRow(db, actor.organisationId, plan.row.id);
  if (!after) return;
  await recordChange(db, {
    organisationId: actor.organisationId,
    actor,
    actorRole,
    action,
    objectType: 'plan',
    objectId: plan.row.id,
    subjectPersonId: plan.row.employee_id,
    planId: plan.row.id,
    before: planAuditValues(plan.row),
    after: planAuditValues(after),
    at: now,
    always,
  });
}

/** The audit code of each event of the cycle. */
const auditActionOfEvent: Record<PlanEvent, AuditAction> = {
  start_conversation: 'plan.conversation_started',
  approve: 'plan.approved',
  withdraw_approval: 'plan.approval_withdrawn',
  record_disagreement: 'plan.disagreement_recorded',
  resolve_disagreement: 'plan.disagreement_resolved',
  start_revision: 'plan.revision_started',
  discard_revision: 'plan.revision_discarded',
  start_evaluation: 'plan.evaluation_started',
  close: 'plan.closed',
  cancel: 'plan.cancelled',
};

const eventErrorCode = (error: string): ErrorCode =>
  error === 'PARTY_NOT_ALLOWED' ? 'FORBIDDEN' : 'INVALID_STATE';

/** Freezes the content as the next version, in the transaction of the approval that completed the agreement. */
async function freezeVersion(
  db: Db,
  plan: LoadedPlan,
  number: number,
  approvals: { employee: string; manager: string },
  now: string,
) {
  const organisationId = plan.row.organisation_id;
  const [goals, actions, followUps, sourceNames] = await Promise.all([
    repo.goalViewsOfPlan(db, organisationId, plan.row.id),
    repo.actionsOfPlan(db, organisationId, plan.row.id),
    repo.followUpsOfPlan(db, organisationId, plan.row.id),
    fundingSourceNames(db, organisationId),
  ]);
  const snapshot = snapshotOf(plan.row, goals, actions, followUps, sourceNames);
  await repo.insertVersion(db, {
    id: randomUUID(),
    organisationId,
    planId: plan.row.id,
    number,
    snapshot: JSON.stringify(snapshot),
    employeeApprovedAt: approvals.employee,
    managerApprovedAt: approvals.manager,
    now,
  });
}

/** A discarded revision puts the goals and actions back as the last approved version holds them. */
async function restoreVersion(db: Db, plan: LoadedPlan, snapshot: PlanSnapshot, now: string) {
  const organisationId = plan.row.organisation_id;
  const goalIds = snapshot.goals.map((g) => g.id);
  const actionIds = snapshot.goals.flatMap((g) => g.actions.map((a) => a.id));
  await repo.deleteContentExcept(db, organisationId, plan.row.id, { goalIds, actionIds });
  for (const goal of snapshot.goals) {
    const columns = goalContentColumns(goal);
    await repo.upsertGoal(
      db,
      {
        id: goal.id,
        organisation_id: organisationId,
        plan_id: plan.row.id,
        ...columns,
        carried_from_goal_id: null,
        evaluation_result: null,
        evaluation_note: null,
        created_at: now,
        updated_at: now,
      },
      { ...columns, updated_at: now },
    );
    for (const action of goal.actions) {
      const actionColumns = actionContentColumns(action, goal.id);
      await repo.upsertAction(
        db,
        {
          id: action.id,
          organisation_id: organisationId,
          plan_id: plan.row.id,
          ...actionColumns,
          status: 'planned',
          actual_hours: null,
          actual_cost: null,
          actual_start: null,
          actual_end: null,
          certificate_note: null,
          carried_from_action_id: null,
          created_at: now,
          updated_at: now,
        },
        { ...actionColumns, updated_at: now },
      );
    }
  }
  await repo.updatePlanRow(
    db,
    organisationId,
    plan.row.id,
    {
      period_start: snapshot.periodStart,
      period_end: snapshot.periodEnd,
      facilities: snapshot.facilities,
      evaluation_date: snapshot.evaluationDate,
    },
    now,
  );
}

/**
 * Applies one event of the transition table for the caller. The caller may play several parts on the plan (an HR
 * member who is also its manager); the first part for which the table allows the event fires it.
 */
export async function firePlanEvent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: PlanEventInput,
): Promise<PlanDetail> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const plan = await loadPlan(ctx, trx, actor, id, { lock: true });
    if (plan.row.version !== input.version)
      throw new AppError('VERSION_CONFLICT', { currentVersion: plan.row.version });
    if (input.event === 'record_disagreement' && !input.comment)
      throw fieldError('comment', 'disagreement_comment');
    const order: Party[] = ['employee', 'manager', 'hr'];
    let outcome: PlanEventOutcome | undefined;
    let firedAs: Party = 'hr';
    for (const party of order.filter((p) => plan.parties.includes(p))) {
      const attempt = applyPlanEvent(plan.state, input.event, party, now);
      if (attempt.ok || !outcome) outcome = attempt;
      firedAs = party;
      if (attempt.ok) break;
    }
    if (!outcome) throw new AppError('NOT_FOUND');
    if (!outcome.ok)
      throw new AppError(eventErrorCode(outcome.error), { params: { messageKey: outcome.error } });

    const next = outcome.state;
    const extra: Record<string, unknown> = {};
    if (input.event === 'record_disagreement') extra.disagreement_comment = input.comment ?? null;
    if (!next.disagreement) extra.disagreement_comment = null;
    if (next.phase === 'closed' && plan.state.phase !== 'closed') extra.closed_at = at;

    if (outcome.freezeVersion) {
      // The approval that freezes the agreement may not overspend a hard budget; the check locks the budgets it
      // reads (PostgreSQL) so concurrent approvals take turns.
      const budgetError = hardBudgetError(
        await checkPlanBudgets(trx, { organisationId: actor.organisationId, planId: id, lock: canLock(ctx) }),
      );
      if (budgetError) throw budgetError;
      const number = Number(plan.row.approved_version) + 1;
      await freezeVersion(
        trx,
        plan,
        number,
        { employee: next.employeeApprovedAt as string, manager: next.managerApprovedAt as string },
        at,
      );
      extra.approved_version = number;
    }
    if (input.event === 'discard_revision') {
      const last = await repo.findVersion(trx, actor.organisationId, id, Number(plan.row.approved_version));
      if (last) {
        await restoreVersion(
          trx,
          plan,
          normaliseSnapshot(parseJson<PlanSnapshot>(last.snapshot, emptySnapshot(plan))),
          at,
        );
        next.employeeApprovedAt = last.employee_approved_at;
        next.managerApprovedAt = last.manager_approved_at;
      }
    }
    await savePlanState(trx, plan, next, now, extra);
    await recordPlanChange(trx, actor, plan, auditActionOfEvent[input.event], now, firedAs, true);
  });
  return getPlan(ctx, actor, id);
}

const emptySnapshot = (plan: LoadedPlan): PlanSnapshot => ({
  periodStart: plan.row.period_start,
  periodEnd: plan.row.period_end,
  facilities: plan.row.facilities,
  evaluationDate: plan.row.evaluation_date,
  followUpDates: [],
  goals: [],
});

// Versions.

async function versionOf(ctx: AppContext, actor: Actor, planId: string, number: number) {
  const db = ctx.database.db;
  const plan = await loadPlan(ctx, db, actor, planId);
  requireContentAccess(plan);
  const row = await repo.findVersion(db, actor.organisationId, planId, number);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    plan,
    row,
    snapshot: normaliseSnapshot(parseJson<PlanSnapshot>(row.snapshot, emptySnapshot(plan))),
  };
}

export async function getVersion(ctx: AppContext, actor: Actor, planId: string, number: number) {
  const { plan, row, snapshot } = await versionOf(ctx, actor, planId, number);
  await recordContentRead(ctx, actor, plan);
  return {
    number: row.number,
    employeeApprovedAt: row.employee_approved_at,
    managerApprovedAt: row.manager_approved_at,
    createdAt: row.created_at,
    snapshot,
  };
}

export async function diffVersions(ctx: AppContext, actor: Actor, planId: string, a: number, b: number) {
  const [from, to] = await Promise.all([versionOf(ctx, actor, planId, a), versionOf(ctx, actor, planId, b)]);
  await recordContentRead(ctx, actor, from.plan);
  return { from: a, to: b, ...diffSnapshots(from.snapshot, to.snapshot) };
}

/** What a next cycle may take along: goals not reached, with their actions that were not finished. */
export async function carryOverOptions(ctx: AppContext, actor: Actor, planId: string) {
  const db = ctx.database.db;
  const plan = await loadPlan(ctx, db, actor, planId);
  requireContentAccess(plan);
  const [goals, actions] = await Promise.all([
    repo.goalsOfPlan(db, actor.organisationId, planId),
    repo.actionsOfPlan(db, actor.organisationId, planId),
  ]);
  return {
    planId,
    goals: goals
      .filter((g) => g.evaluation_result !== 'reached')
      .map((g) => ({
        id: g.id,
        title: g.title,
        evaluationResult: g.evaluation_result as 'partly' | 'not_reached' | null,
        actions: actions
          .filter((a) => a.goal_id === g.id && openActionStatuses.has(a.status))
          .map((a) => ({ id: a.id, description: a.description, status: a.status as 'planned' })),
      })),
  };
}
