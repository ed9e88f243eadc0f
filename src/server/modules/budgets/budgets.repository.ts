import { type Kysely, sql } from 'kysely';
import type { BudgetRow, Database, FundingSourceRow } from '../../db/schema.js';

type Db = Kysely<Database>;

// Funding sources.

export async function listFundingSources(db: Db, organisationId: string): Promise<FundingSourceRow[]> {
  return db
    .selectFrom('funding_sources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

export async function findFundingSource(
  db: Db,
  organisationId: string,
  id: string,
): Promise<FundingSourceRow | undefined> {
  return db
    .selectFrom('funding_sources')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function isFundingSourceNameTaken(
  db: Db,
  organisationId: string,
  nameKey: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('funding_sources')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface FundingSourceInsert {
  id: string;
  organisationId: string;
  name: string;
  nameKey: string;
  kind: string;
  rules: string | null;
  now: string;
}

export async function insertFundingSource(db: Db, source: FundingSourceInsert): Promise<void> {
  await db
    .insertInto('funding_sources')
    .values({
      id: source.id,
      organisation_id: source.organisationId,
      name: source.name,
      name_key: source.nameKey,
      kind: source.kind,
      rules: source.rules,
      archived_at: null,
      created_at: source.now,
      updated_at: source.now,
    })
    .execute();
}

// Teams, as budgets need them: names, nesting, who leads them.

export interface BudgetTeam {
  id: string;
  name: string;
  parent_id: string | null;
  manager_id: string | null;
  archived_at: string | null;
}

export async function listTeams(db: Db, organisationId: string): Promise<BudgetTeam[]> {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'parent_id', 'manager_id', 'archived_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

// Budgets.

export async function listBudgets(db: Db, organisationId: string, year: number): Promise<BudgetRow[]> {
  return db
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .orderBy('scope_key')
    .orderBy('id')
    .execute();
}

export async function findBudget(db: Db, organisationId: string, id: string): Promise<BudgetRow | undefined> {
  return db
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function isScopeTaken(
  db: Db,
  organisationId: string,
  year: number,
  scopeKey: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('budgets')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('scope_key', '=', scopeKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface BudgetInsert {
  id: string;
  organisationId: string;
  year: number;
  teamId: string | null;
  fundingSourceId: string | null;
  scopeKey: string;
  amount: number;
  currency: string;
  isHard: boolean;
  note: string | null;
  now: string;
}

export async function insertBudget(db: Db, budget: BudgetInsert): Promise<void> {
  await db
    .insertInto('budgets')
    .values({
      id: budget.id,
      organisation_id: budget.organisationId,
      year: budget.year,
      team_id: budget.teamId,
      funding_source_id: budget.fundingSourceId,
      scope_key: budget.scopeKey,
      amount: budget.amount,
      currency: budget.currency,
      is_hard: budget.isHard ? 1 : 0,
      note: budget.note,
      created_at: budget.now,
      updated_at: budget.now,
    })
    .execute();
}

/** Deletes a budget at the version the caller saw; 0 when it changed meanwhile or does not exist. */
export async function deleteBudget(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
): Promise<number> {
  const result = await db
    .deleteFrom('budgets')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The budgets of the given years and scopes, in id order. With `lock` (PostgreSQL) they stay locked until the
 * transaction ends: two approvals that draw on the same budget take turns, always locking in the same order.
 */
export async function budgetsInScopes(
  db: Db,
  organisationId: string,
  years: readonly number[],
  scopeKeys: readonly string[],
  lock: boolean,
): Promise<BudgetRow[]> {
  if (years.length === 0 || scopeKeys.length === 0) return [];
  let query = db
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', 'in', [...years])
    .where('scope_key', 'in', [...scopeKeys])
    .orderBy('id');
  if (lock) query = query.forUpdate();
  return query.execute();
}

// The figures.

/**
 * Which figure an action's cost counts in: planned while its plan is not approved yet or has an open revision,
 * committed once approved (also in evaluation and closed), nothing for a stopped plan or a cancelled action.
 */
const bucketSql = sql<string>`case
  when p.cancelled or a.status = 'cancelled' then 'none'
  when p.phase in ('preparation', 'conversation') then 'planned'
  when p.revision_open then 'planned'
  when p.phase in ('approved', 'evaluation', 'closed') then 'committed'
  else 'none'
end`;

export interface FigureRow {
  year: number;
  team_id: string | null;
  funding_source_id: string | null;
  currency: string;
  bucket: string;
  cost: number | string | null;
  spent: number | string | null;
  actions: number | string;
}

/** Sums of cost and actual cost per year, team, funding source, currency and figure: one query. */
export async function figureRows(
  db: Db,
  organisationId: string,
  options: { years: readonly number[]; excludePlanId?: string },
): Promise<FigureRow[]> {
  if (options.years.length === 0) return [];
  const exclude = options.excludePlanId ? sql`and p.id <> ${options.excludePlanId}` : sql``;
  const result = await sql<FigureRow>`
    select x.year, x.team_id, x.funding_source_id, x.currency, x.bucket,
      sum(x.cost) as cost, sum(x.actual_cost) as spent, count(*) as actions
    from (
      select a.plan_year as year, e.team_id, a.funding_source_id, a.currency, ${bucketSql} as bucket,
        coalesce(a.cost, 0) as cost, coalesce(a.actual_cost, 0) as actual_cost
      from actions a
      inner join plans p on p.id = a.plan_id and p.organisation_id = a.organisation_id
      inner join people e on e.id = p.employee_id and e.organisation_id = p.organisation_id
      where a.organisation_id = ${organisationId} and a.plan_year in (${sql.join([...options.years])}) ${exclude}
    ) x
    group by x.year, x.team_id, x.funding_source_id, x.currency, x.bucket`.execute(db);
  return result.rows;
}

export interface RevisionPlan {
  id: string;
  period_start: string;
  team_id: string | null;
  snapshot: string;
}

/** Plans with an open revision and their last approved version: that version stays committed meanwhile. */
export async function revisionPlans(
  db: Db,
  organisationId: string,
  options: { excludePlanId?: string } = {},
): Promise<RevisionPlan[]> {
  let query = db
    .selectFrom('plans as p')
    .innerJoin('people as e', 'e.id', 'p.employee_id')
    .innerJoin('plan_versions as v', (join) =>
      join
        .onRef('v.plan_id', '=', 'p.id')
        .onRef('v.number', '=', 'p.approved_version')
        .onRef('v.organisation_id', '=', 'p.organisation_id'),
    )
    .select(['p.id', 'p.period_start', 'e.team_id', 'v.snapshot'])
    .where('p.organisation_id', '=', organisationId)
    .where(sql<boolean>`p.revision_open`)
    .where(sql<boolean>`not p.cancelled`);
  if (options.excludePlanId) query = query.where('p.id', '!=', options.excludePlanId);
  return query.execute();
}

export interface ActionState {
  id: string;
  plan_id: string;
  status: string;
  actual_start: string | null;
  actual_end: string | null;
}

export async function actionStatesOfPlans(
  db: Db,
  organisationId: string,
  planIds: readonly string[],
): Promise<ActionState[]> {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('actions')
    .select(['id', 'plan_id', 'status', 'actual_start', 'actual_end'])
    .where('organisation_id', '=', organisationId)
    .where('plan_id', 'in', [...planIds])
    .execute();
}

export interface CheckedPlan {
  id: string;
  period_start: string;
  approved_version: number;
  revision_open: boolean | number;
  team_id: string | null;
}

export async function findCheckedPlan(
  db: Db,
  organisationId: string,
  planId: string,
): Promise<CheckedPlan | undefined> {
  return db
    .selectFrom('plans as p')
    .innerJoin('people as e', 'e.id', 'p.employee_id')
    .select(['p.id', 'p.period_start', 'p.approved_version', 'p.revision_open', 'e.team_id'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

export interface CheckedAction {
  id: string;
  cost: number | null;
  actual_cost: number | null;
  currency: string;
  funding_source_id: string | null;
  status: string;
  timing: string | null;
  actual_start: string | null;
  actual_end: string | null;
}

export async function actionsOfPlan(
  db: Db,
  organisationId: string,
  planId: string,
): Promise<CheckedAction[]> {
  return db
    .selectFrom('actions')
    .select([
      'id',
      'cost',
      'actual_cost',
      'currency',
      'funding_source_id',
      'status',
      'timing',
      'actual_start',
      'actual_end',
    ])
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .execute();
}

export async function findVersionSnapshot(
  db: Db,
  organisationId: string,
  planId: string,
  number: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('plan_versions')
    .select('snapshot')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.snapshot;
}

// The demo: actions written before their funding sources existed get one, in their versions too.

export async function setActionSource(
  db: Db,
  organisationId: string,
  actionIds: readonly string[],
  fundingSourceId: string,
): Promise<void> {
  if (actionIds.length === 0) return;
  await db
    .updateTable('actions')
    .set({ funding_source_id: fundingSourceId })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...actionIds])
    .execute();
}

export async function versionsOfOrganisation(
  db: Db,
  organisationId: string,
): Promise<Array<{ id: string; snapshot: string }>> {
  return db
    .selectFrom('plan_versions')
    .select(['id', 'snapshot'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

export async function updateVersionSnapshot(
  db: Db,
  organisationId: string,
  id: string,
  snapshot: string,
): Promise<void> {
  await db
    .updateTable('plan_versions')
    .set({ snapshot })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export interface DemoAction {
  id: string;
  plan_id: string;
  type: string;
  description: string;
  funding: string | null;
  cost: number | null;
}

export async function actionsOfOrganisation(db: Db, organisationId: string): Promise<DemoAction[]> {
  return db
    .selectFrom('actions')
    .select(['id', 'plan_id', 'type', 'description', 'funding', 'cost'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findOrganisation(
  db: Db,
  organisationId: string,
): Promise<{ name: string; time_zone: string } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['name', 'time_zone'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}
