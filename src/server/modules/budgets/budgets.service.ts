import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Budget,
  BudgetOverview,
  CreateBudgetInput,
  CreateFundingSourceInput,
  FundingSource,
  FundingSourceKind,
  SourceStatus,
  TeamStatus,
  UpdateBudgetInput,
  UpdateFundingSourceInput,
} from '../../../shared/contracts/budgets.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import {
  type Actor,
  canManageBudgets,
  canReadCatalogue,
  canViewBudgetOverview,
  isHr,
} from '../../../shared/policies.js';
import { dateIn } from '../../../shared/pop/dates.js';
import type { PlanSnapshot } from '../../../shared/pop/plan-snapshot.js';
import type { Timing } from '../../../shared/pop/timing.js';
import { searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, violationMentions } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { BudgetRow, Database, FundingSourceRow } from '../../db/schema.js';
import { budgetAuditValues, fundingSourceAuditValues, recordChange } from '../audit/index.js';
import {
  actionsOfSnapshot,
  addUp,
  asPlanned,
  type BudgetAction,
  type BudgetFacts,
  budgetStatus,
  candidateScopes,
  checkPlan,
  type FigureLine,
  linesOfActions,
  notCountedOf,
  scopeKey,
  type TeamParents,
} from './budgets.domain.js';
import { type NamedCheckItem, type Names, presentBudget, presentFundingSource } from './budgets.presenter.js';
import * as repo from './budgets.repository.js';

type Db = Kysely<Database>;

const sourceNameTaken = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path: 'name', code: 'name_taken' }], cause });
const scopeTaken = (cause?: unknown) =>
  new AppError('ALREADY_EXISTS', { params: { messageKey: 'BUDGET_SCOPE_TAKEN' }, cause });

function requireBudgetManager(actor: Actor): void {
  if (!canManageBudgets(actor)) throw new AppError('FORBIDDEN');
}

async function currentYear(db: Db, organisationId: string, now: Date): Promise<number> {
  const organisation = await repo.findOrganisation(db, organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  return Number(dateIn(organisation.time_zone, now).slice(0, 4));
}

/** Budgets and funding sources in the audit log: HR's settings of the organisation. */
async function auditBudgets(
  db: Db,
  actor: Actor,
  change:
    | {
        objectType: 'budget';
        action: 'budget.created' | 'budget.updated' | 'budget.deleted';
        id: string;
        before: BudgetRow | null;
      }
    | {
        objectType: 'funding_source';
        action: 'funding_source.created' | 'funding_source.updated';
        id: string;
        before: FundingSourceRow | null;
      },
  now: Date,
): Promise<void> {
  const deleted = change.action === 'budget.deleted';
  let before = null;
  let after = null;
  if (change.objectType === 'budget') {
    before = change.before && budgetAuditValues(change.before);
    const row = deleted ? undefined : await repo.findBudget(db, actor.organisationId, change.id);
    after = row ? budgetAuditValues(row) : null;
  } else {
    before = change.before && fundingSourceAuditValues(change.before);
    const row = await repo.findFundingSource(db, actor.organisationId, change.id);
    after = row ? fundingSourceAuditValues(row) : null;
  }
  await recordChange(db, {
    organisationId: actor.organisationId,
    actor,
    actorRole: 'hr',
    action: change.action,
    objectType: change.objectType,
    objectId: change.id,
    before,
    after,
    at: now,
    always: !change.action.endsWith('.updated'),
  });
}

// Funding sources.

/** Everyone of the organisation reads the sources (they choose one per action); HR also reads their rules. */
export async function listFundingSources(ctx: AppContext, actor: Actor): Promise<FundingSource[]> {
  if (!canReadCatalogue(actor, { organisationId: actor.organisationId })) throw new AppError('FORBIDDEN');
  const rows = await repo.listFundingSources(ctx.database.db, actor.organisationId);
  return rows.map((row) => presentFundingSource(row, canManageBudgets(actor)));
}

export async function getFundingSource(ctx: AppContext, actor: Actor, id: string): Promise<FundingSource> {
  requireBudgetManager(actor);
  const row = await repo.findFundingSource(ctx.database.db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentFundingSource(row, true);
}

export async function createFundingSource(
  ctx: AppContext,
  actor: Actor,
  input: CreateFundingSourceInput,
): Promise<FundingSource> {
  requireBudgetManager(actor);
  const id = randomUUID();
  const db = ctx.database.db;
  if (await repo.isFundingSourceNameTaken(db, actor.organisationId, searchKey(input.name)))
    throw sourceNameTaken();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertFundingSource(trx, {
        id,
        organisationId: actor.organisationId,
        name: input.name,
        nameKey: searchKey(input.name),
        kind: input.kind,
        rules: input.rules ?? null,
        now: ctx.clock.now().toISOString(),
      });
      await auditBudgets(
        trx,
        actor,
        { objectType: 'funding_source', action: 'funding_source.created', id, before: null },
        ctx.clock.now(),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sourceNameTaken(error);
    throw error;
  }
  return getFundingSource(ctx, actor, id);
}

export async function updateFundingSource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateFundingSourceInput,
): Promise<FundingSource> {
  requireBudgetManager(actor);
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findFundingSource(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (
        input.name !== undefined &&
        (await repo.isFundingSourceNameTaken(trx, actor.organisationId, searchKey(input.name), id))
      )
        throw sourceNameTaken();
      const archivedAt =
        input.active === undefined
          ? undefined
          : input.active
            ? null
            : (current.archived_at ?? now.toISOString());
      await guardedUpdate(
        trx,
        'funding_sources',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          ...(input.name !== undefined ? { name: input.name, name_key: searchKey(input.name) } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.rules !== undefined ? { rules: input.rules } : {}),
          ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
        },
        now,
      );
      await auditBudgets(
        trx,
        actor,
        { objectType: 'funding_source', action: 'funding_source.updated', id, before: current },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sourceNameTaken(error);
    throw error;
  }
  return getFundingSource(ctx, actor, id);
}

/** For the plans module: whether an action may be given this source (an active one of the organisation). */
export async function isUsableFundingSource(db: Db, organisationId: string, id: string): Promise<boolean> {
  const row = await repo.findFundingSource(db, organisationId, id);
  return row !== undefined && row.archived_at === null;
}

/** For the plans module: every source's name (archived ones too), as a frozen version records it. */
export async function fundingSourceNames(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = await repo.listFundingSources(db, organisationId);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** For the plans module: the sources a carried-over action may keep. */
export async function activeFundingSourceIds(db: Db, organisationId: string): Promise<Set<string>> {
  const rows = await repo.listFundingSources(db, organisationId);
  return new Set(rows.filter((row) => row.archived_at === null).map((row) => row.id));
}

// Budgets.

async function namesOf(db: Db, organisationId: string): Promise<Names & { teamRows: repo.BudgetTeam[] }> {
  const [teams, sources] = await Promise.all([
    repo.listTeams(db, organisationId),
    repo.listFundingSources(db, organisationId),
  ]);
  return {
    teamRows: teams,
    teams: new Map(teams.map((team) => [team.id, team.name])),
    sources: new Map(sources.map((source) => [source.id, source.name])),
  };
}

export async function listBudgets(
  ctx: AppContext,
  actor: Actor,
  year: number | undefined,
): Promise<{ year: number; items: Budget[] }> {
  requireBudgetManager(actor);
  const db = ctx.database.db;
  const chosen = year ?? (await currentYear(db, actor.organisationId, ctx.clock.now()));
  const [rows, names] = await Promise.all([
    repo.listBudgets(db, actor.organisationId, chosen),
    namesOf(db, actor.organisationId),
  ]);
  return { year: chosen, items: rows.map((row) => presentBudget(row, names)) };
}

export async function getBudget(ctx: AppContext, actor: Actor, id: string): Promise<Budget> {
  requireBudgetManager(actor);
  const db = ctx.database.db;
  const row = await repo.findBudget(db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentBudget(row, await namesOf(db, actor.organisationId));
}

/** A budget's team and source must be the organisation's own; one budget per scope and year. */
async function checkScope(
  db: Db,
  organisationId: string,
  scope: { id?: string; year: number; teamId: string | null; fundingSourceId: string | null },
): Promise<string> {
  const errors: FieldError[] = [];
  const names = await namesOf(db, organisationId);
  if (scope.teamId && !names.teams.has(scope.teamId))
    errors.push({ path: 'teamId', code: 'unknown_reference' });
  if (scope.fundingSourceId && !names.sources.has(scope.fundingSourceId))
    errors.push({ path: 'fundingSourceId', code: 'unknown_reference' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
  const key = scopeKey(scope.teamId, scope.fundingSourceId);
  if (await repo.isScopeTaken(db, organisationId, scope.year, key, scope.id)) throw scopeTaken();
  return key;
}

const budgetWriteError = (error: unknown): unknown =>
  isUniqueViolation(error) && violationMentions(error, 'budgets') ? scopeTaken(error) : error;

export async function createBudget(ctx: AppContext, actor: Actor, input: CreateBudgetInput): Promise<Budget> {
  requireBudgetManager(actor);
  const id = randomUUID();
  const teamId = input.teamId ?? null;
  const fundingSourceId = input.fundingSourceId ?? null;
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const key = await checkScope(trx, actor.organisationId, { year: input.year, teamId, fundingSourceId });
      await repo.insertBudget(trx, {
        id,
        organisationId: actor.organisationId,
        year: input.year,
        teamId,
        fundingSourceId,
        scopeKey: key,
        amount: input.amount,
        currency: input.currency ?? 'EUR',
        isHard: input.isHard ?? false,
        note: input.note ?? null,
        now: ctx.clock.now().toISOString(),
      });
      await auditBudgets(
        trx,
        actor,
        { objectType: 'budget', action: 'budget.created', id, before: null },
        ctx.clock.now(),
      );
    });
  } catch (error) {
    throw budgetWriteError(error);
  }
  return getBudget(ctx, actor, id);
}

export async function updateBudget(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateBudgetInput,
): Promise<Budget> {
  requireBudgetManager(actor);
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findBudget(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      const year = input.year ?? current.year;
      const teamId = input.teamId !== undefined ? input.teamId : current.team_id;
      const fundingSourceId =
        input.fundingSourceId !== undefined ? input.fundingSourceId : current.funding_source_id;
      const key = await checkScope(trx, actor.organisationId, { id, year, teamId, fundingSourceId });
      await guardedUpdate(
        trx,
        'budgets',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          year,
          team_id: teamId,
          funding_source_id: fundingSourceId,
          scope_key: key,
          ...(input.amount !== undefined ? { amount: input.amount } : {}),
          ...(input.currency !== undefined ? { currency: input.currency } : {}),
          ...(input.isHard !== undefined ? { is_hard: input.isHard ? (1 as const) : (0 as const) } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
        },
        now,
      );
      await auditBudgets(
        trx,
        actor,
        { objectType: 'budget', action: 'budget.updated', id, before: current },
        now,
      );
    });
  } catch (error) {
    throw budgetWriteError(error);
  }
  return getBudget(ctx, actor, id);
}

export async function deleteBudget(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<void> {
  requireBudgetManager(actor);
  const db = ctx.database.db;
  const current = await repo.findBudget(db, actor.organisationId, id);
  if (!current) throw new AppError('NOT_FOUND');
  const deleted = await db.transaction().execute(async (trx) => {
    const count = await repo.deleteBudget(trx, actor.organisationId, id, version);
    if (count > 0)
      await auditBudgets(
        trx,
        actor,
        { objectType: 'budget', action: 'budget.deleted', id, before: current },
        ctx.clock.now(),
      );
    return count;
  });
  if (deleted === 0) {
    const after = await repo.findBudget(db, actor.organisationId, id);
    if (!after) throw new AppError('NOT_FOUND');
    throw new AppError('VERSION_CONFLICT', { currentVersion: after.version });
  }
}

// Figures.

const facts = (row: BudgetRow): BudgetFacts => ({
  id: row.id,
  year: Number(row.year),
  teamId: row.team_id,
  sourceId: row.funding_source_id,
  amount: Number(row.amount),
  currency: row.currency,
  isHard: Boolean(row.is_hard),
});

const parentsOf = (teams: readonly repo.BudgetTeam[]): TeamParents =>
  new Map(teams.map((team) => [team.id, team.parent_id]));

const timingOf = (text: string | null): Timing | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as Timing;
  } catch {
    return null;
  }
};

const snapshotOf = (text: string | undefined): PlanSnapshot | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as PlanSnapshot;
  } catch {
    return null;
  }
};

/** The SQL sums as lines: planned and committed cost by figure, actual cost as spent whatever the figure. */
function linesOfRows(rows: readonly repo.FigureRow[]): FigureLine[] {
  return rows.map((row) => ({
    year: Number(row.year),
    teamId: row.team_id,
    sourceId: row.funding_source_id,
    currency: row.currency,
    planned: row.bucket === 'planned' ? Number(row.cost ?? 0) : 0,
    committed: row.bucket === 'committed' ? Number(row.cost ?? 0) : 0,
    spent: Number(row.spent ?? 0),
    actions: row.bucket === 'none' ? 0 : Number(row.actions),
  }));
}

/**
 * While a revision is open its plan's actions count as planned (SQL); the approved version stays committed, and
 * the planned figure shows only what the revision changes: its content minus the approved one.
 */
async function revisionLines(
  db: Db,
  organisationId: string,
  years: readonly number[],
  excludePlanId?: string,
): Promise<FigureLine[]> {
  const plans = await repo.revisionPlans(db, organisationId, excludePlanId ? { excludePlanId } : {});
  const states = await repo.actionStatesOfPlans(
    db,
    organisationId,
    plans.map((plan) => plan.id),
  );
  const lines: FigureLine[] = [];
  for (const plan of plans) {
    const snapshot = snapshotOf(plan.snapshot);
    if (!snapshot) continue;
    const now = new Map(
      states
        .filter((state) => state.plan_id === plan.id)
        .map((state) => [
          state.id,
          { status: state.status, actualStart: state.actual_start, actualEnd: state.actual_end },
        ]),
    );
    const approved = linesOfActions(actionsOfSnapshot(snapshot, now), {
      periodStart: plan.period_start,
      teamId: plan.team_id,
    }).filter((line) => years.includes(line.year));
    lines.push(...approved, ...asPlanned(approved, -1));
  }
  return lines;
}

async function figureLines(db: Db, organisationId: string, years: readonly number[], excludePlanId?: string) {
  const [rows, revisions] = await Promise.all([
    repo.figureRows(db, organisationId, { years, ...(excludePlanId ? { excludePlanId } : {}) }),
    revisionLines(db, organisationId, years, excludePlanId),
  ]);
  return [...linesOfRows(rows), ...revisions];
}

/**
 * Planned, committed and spent per budget, funding source and team for one year. HR sees the whole organisation; a
 * manager the teams they lead (and their sub-teams). A fixed number of queries whatever the organisation holds.
 */
export async function budgetOverview(
  ctx: AppContext,
  actor: Actor,
  year: number | undefined,
): Promise<BudgetOverview> {
  if (!canViewBudgetOverview(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const chosen = year ?? (await currentYear(db, actor.organisationId, ctx.clock.now()));
  const [budgetRows, sources, teams, allLines] = await Promise.all([
    repo.listBudgets(db, actor.organisationId, chosen),
    repo.listFundingSources(db, actor.organisationId),
    repo.listTeams(db, actor.organisationId),
    figureLines(db, actor.organisationId, [chosen]),
  ]);
  const parents = parentsOf(teams);
  const wholeOrganisation = isHr(actor);
  const led = new Set(teams.filter((team) => team.manager_id === actor.personId).map((team) => team.id));
  const visibleTeams = wholeOrganisation
    ? null
    : new Set(teams.filter((t) => led.has(t.id) || (t.parent_id && led.has(t.parent_id))).map((t) => t.id));
  const seesTeam = (teamId: string | null) =>
    visibleTeams === null || (teamId !== null && visibleTeams.has(teamId));
  const lines = allLines.filter((line) => seesTeam(line.teamId));
  const budgets = budgetRows.filter((row) =>
    wholeOrganisation ? true : row.team_id !== null && visibleTeams?.has(row.team_id),
  );
  const names: Names = {
    teams: new Map(teams.map((team) => [team.id, team.name])),
    sources: new Map(sources.map((source) => [source.id, source.name])),
  };
  const currency =
    budgetRows.find((row) => row.scope_key === scopeKey(null, null))?.currency ??
    budgetRows[0]?.currency ??
    'EUR';
  const inCurrency = lines.filter((line) => line.currency === currency);
  const amountOf = (teamId: string | null, sourceId: string | null) => {
    const row = budgets.find((b) => b.scope_key === scopeKey(teamId, sourceId) && b.currency === currency);
    return row ? Number(row.amount) : null;
  };

  const sourceRows: SourceStatus[] = sources
    .filter((source) => source.archived_at === null || inCurrency.some((l) => l.sourceId === source.id))
    .map((source) => ({
      id: source.id,
      name: source.name,
      kind: source.kind as FundingSourceKind,
      active: source.archived_at === null,
      figures: addUp(inCurrency.filter((line) => line.sourceId === source.id)),
      budgetAmount: amountOf(null, source.id),
    }));
  const withoutSource = inCurrency.filter((line) => line.sourceId === null);
  if (withoutSource.length > 0)
    sourceRows.push({
      id: null,
      name: null,
      kind: null,
      active: true,
      figures: addUp(withoutSource),
      budgetAmount: null,
    });

  const teamRows: TeamStatus[] = teams
    .filter((team) => seesTeam(team.id))
    .filter((team) => team.archived_at === null || inCurrency.some((l) => l.teamId === team.id))
    .map((team) => ({
      id: team.id,
      name: team.name,
      figures: addUp(inCurrency.filter((line) => line.teamId === team.id)),
      budgetAmount: amountOf(team.id, null),
    }));
  const withoutTeam = inCurrency.filter((line) => line.teamId === null);
  if (withoutTeam.length > 0)
    teamRows.push({ id: null, name: null, figures: addUp(withoutTeam), budgetAmount: null });

  return {
    year: chosen,
    currency,
    scope: wholeOrganisation ? 'organisation' : 'teams',
    budgets: budgets.map((row) => ({
      ...presentBudget(row, names),
      ...budgetStatus(facts(row), lines, parents),
    })),
    sources: sourceRows,
    teams: teamRows,
    notCounted: notCountedOf(lines, currency),
  };
}

const budgetActionOf = (row: repo.CheckedAction): BudgetAction => ({
  cost: row.cost === null ? null : Number(row.cost),
  actualCost: row.actual_cost === null ? null : Number(row.actual_cost),
  currency: row.currency,
  sourceId: row.funding_source_id,
  status: row.status,
  timing: timingOf(row.timing),
  actualStart: row.actual_start,
  actualEnd: row.actual_end,
});

export interface PlanBudgetCheck {
  planId: string;
  items: NamedCheckItem[];
  organisationName: string;
}

/**
 * What approving the plan's current content does to the budgets it draws on (the organisation's, its employee's
 * team and that team's parent, each funding source it uses), against what every other plan has committed. With
 * `lock` (PostgreSQL, inside the approval's transaction) the budget rows are locked in id order before anything is
 * summed, so two approvals drawing on one budget take turns and the second sees the first. On SQLite the write
 * transaction itself runs alone.
 */
export async function checkPlanBudgets(
  db: Db,
  input: { organisationId: string; planId: string; lock: boolean },
): Promise<PlanBudgetCheck> {
  const { organisationId, planId } = input;
  const [plan, actions, teams, sources, organisation] = await Promise.all([
    repo.findCheckedPlan(db, organisationId, planId),
    repo.actionsOfPlan(db, organisationId, planId),
    repo.listTeams(db, organisationId),
    repo.listFundingSources(db, organisationId),
    repo.findOrganisation(db, organisationId),
  ]);
  if (!plan || !organisation) throw new AppError('NOT_FOUND');
  const parents = parentsOf(teams);
  const owner = { periodStart: plan.period_start, teamId: plan.team_id };
  const planLines = linesOfActions(actions.map(budgetActionOf), owner);
  const { years, scopeKeys } = candidateScopes(planLines, plan.team_id, parents);
  const budgetRows = await repo.budgetsInScopes(db, organisationId, years, scopeKeys, input.lock);
  const result: PlanBudgetCheck = { planId, items: [], organisationName: organisation.name };
  if (budgetRows.length === 0) return result;

  const others = await figureLines(db, organisationId, years, planId);
  let previous: FigureLine[] = [];
  if (plan.revision_open && Number(plan.approved_version) > 0) {
    const snapshot = snapshotOf(
      await repo.findVersionSnapshot(db, organisationId, planId, Number(plan.approved_version)),
    );
    const now = new Map(
      actions.map((a) => [a.id, { status: a.status, actualStart: a.actual_start, actualEnd: a.actual_end }]),
    );
    if (snapshot) previous = linesOfActions(actionsOfSnapshot(snapshot, now), owner);
  }
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const sourceNames = new Map(sources.map((source) => [source.id, source.name]));
  result.items = checkPlan({
    budgets: budgetRows.map(facts),
    plan: planLines,
    previous,
    others: others.filter((line) => line.committed !== 0),
    parents,
  }).map((item) => ({
    ...item,
    teamName: item.budget.teamId ? (teamNames.get(item.budget.teamId) ?? null) : null,
    sourceName: item.budget.sourceId ? (sourceNames.get(item.budget.sourceId) ?? null) : null,
  }));
  return result;
}

/** The name of a budget in a sentence: its team and/or source, or the organisation's name. */
export function budgetLabel(item: NamedCheckItem, organisationName: string): string {
  const parts = [item.teamName, item.sourceName].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : organisationName;
}

/** The approval that would freeze the plan is refused when it overspends a hard budget. */
export function hardBudgetError(check: PlanBudgetCheck): AppError | null {
  const blocking = check.items.find((item) => item.blocking);
  if (!blocking) return null;
  return new AppError('INVALID_STATE', {
    params: {
      messageKey: 'BUDGET_EXCEEDED',
      budget: budgetLabel(blocking, check.organisationName),
      year: blocking.budget.year,
    },
  });
}

/**
 * Gives actions a funding source after the fact, in the plans' approved versions as well (the demo writes its POPs
 * before the sources exist). Versions record the source's name as it was when they were approved.
 */
export async function assignFundingSources(
  db: Db,
  organisationId: string,
  assignments: ReadonlyMap<string, string>,
): Promise<void> {
  const names = await fundingSourceNames(db, organisationId);
  const bySource = new Map<string, string[]>();
  for (const [actionId, sourceId] of assignments)
    bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), actionId]);
  for (const [sourceId, actionIds] of bySource)
    await repo.setActionSource(db, organisationId, actionIds, sourceId);
  for (const version of await repo.versionsOfOrganisation(db, organisationId)) {
    const snapshot = snapshotOf(version.snapshot);
    if (!snapshot) continue;
    let changed = false;
    for (const goal of snapshot.goals)
      for (const action of goal.actions) {
        const sourceId = assignments.get(action.id);
        if (!sourceId) continue;
        action.fundingSourceId = sourceId;
        action.fundingSourceName = names.get(sourceId) ?? null;
        changed = true;
      }
    if (changed) await repo.updateVersionSnapshot(db, organisationId, version.id, JSON.stringify(snapshot));
  }
}
