import { type Kysely, sql } from 'kysely';
import { planCountColumns } from '../../db/plan-counts.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * The rows of the plan exports, read page by page: first a page of employees (keyset on their name and id, so the
 * next page starts where the last ended whatever was written meanwhile), then the rows of just those employees.
 * Memory stays at one page whatever the size of the export.
 */
export interface ExportFilter {
  phase?: string;
  teamId?: string;
  year?: number;
  /** Words that must all occur in the employee's search key (name and email, accents folded). */
  words: string[];
  /** Only plans with this leidinggevende. */
  managerId?: string;
}

export interface EmployeeCursor {
  id: string;
  last_name: string;
  first_name: string;
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likeContains = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** The plan conditions of the filter (leidinggevende, phase, year), on `plans as p`. */
function matchingPlans(db: Db, organisationId: string, filter: ExportFilter) {
  let query = db.selectFrom('plans as p').where('p.organisation_id', '=', organisationId);
  if (filter.managerId) query = query.where('p.manager_id', '=', filter.managerId);
  if (filter.phase) query = query.where('p.phase', '=', filter.phase);
  if (filter.year)
    query = query
      .where('p.period_start', '<=', `${filter.year}-12-31`)
      .where('p.period_end', '>=', `${filter.year}-01-01`);
  return query;
}

const searchCondition = (word: string) =>
  sql<boolean>`${sql.ref('e.search_key')} like ${likeContains(word)} escape '!'`;

/** Plans with their employee, every condition of the filter applied. */
function filteredPlans(db: Db, organisationId: string, filter: ExportFilter) {
  let query = matchingPlans(db, organisationId, filter).innerJoin('people as e', 'e.id', 'p.employee_id');
  if (filter.teamId) query = query.where('e.team_id', '=', filter.teamId);
  for (const word of filter.words) query = query.where(searchCondition(word));
  return query;
}

/**
 * The next employees (by name) who have at least one matching plan. It walks the people of the organisation in
 * name order (an index) and stops after `limit`, instead of sorting every matching plan for each page.
 */
export async function employeePage(
  db: Db,
  organisationId: string,
  filter: ExportFilter,
  after: EmployeeCursor | null,
  limit: number,
): Promise<EmployeeCursor[]> {
  let query = db
    .selectFrom('people as e')
    .select(['e.id', 'e.last_name', 'e.first_name'])
    .where('e.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(
        matchingPlans(db, organisationId, filter)
          .select('p.id')
          // The outer row: Kysely cannot type a reference across the two builders.
          .where(sql<boolean>`${sql.ref('p.employee_id')} = ${sql.ref('e.id')}`),
      ),
    );
  if (filter.teamId) query = query.where('e.team_id', '=', filter.teamId);
  for (const word of filter.words) query = query.where(searchCondition(word));
  if (after)
    query = query.where((eb) =>
      eb(
        eb.refTuple('e.last_name', 'e.first_name', 'e.id'),
        '>',
        eb.tuple(after.last_name, after.first_name, after.id),
      ),
    );
  return query.orderBy('e.last_name').orderBy('e.first_name').orderBy('e.id').limit(limit).execute();
}

export async function countRows(
  db: Db,
  organisationId: string,
  filter: ExportFilter,
  kind: 'plans' | 'goals' | 'actions',
): Promise<number> {
  const base = filteredPlans(db, organisationId, filter);
  const query =
    kind === 'plans'
      ? base
      : kind === 'goals'
        ? base.innerJoin('goals as g', 'g.plan_id', 'p.id')
        : base.innerJoin('actions as a', 'a.plan_id', 'p.id');
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The plan and the people around it, as every export row carries them. */
function withPeople(db: Db, organisationId: string, filter: ExportFilter, employeeIds: readonly string[]) {
  return filteredPlans(db, organisationId, filter)
    .innerJoin('people as m', 'm.id', 'p.manager_id')
    .leftJoin('teams as t', 't.id', 'e.team_id')
    .leftJoin('job_functions as f', 'f.id', 'e.function_id')
    .where('p.employee_id', 'in', [...employeeIds])
    .select([
      'p.id as plan_id',
      'e.first_name as employee_first_name',
      'e.last_name as employee_last_name',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      't.name as team_name',
      'f.name as function_name',
      'p.period_start',
      'p.period_end',
      'p.phase',
      'p.cancelled',
    ])
    .orderBy('e.last_name')
    .orderBy('e.first_name')
    .orderBy('e.id')
    .orderBy('p.period_start', 'desc')
    .orderBy('p.id');
}

export async function planRows(
  db: Db,
  organisationId: string,
  filter: ExportFilter,
  employeeIds: readonly string[],
) {
  if (employeeIds.length === 0) return [];
  return withPeople(db, organisationId, filter, employeeIds)
    .select([
      'p.conversation_at',
      'p.disagreement',
      'p.revision_open',
      'p.evaluation_date',
      'p.closed_at',
      'p.facilities',
      'p.approved_version',
      'p.requested_by',
    ])
    .select((eb) => [
      eb
        .selectFrom('preparations as pe')
        .select('pe.shared_at')
        .whereRef('pe.plan_id', '=', 'p.id')
        .where('pe.party', '=', 'employee')
        .as('employee_shared_at'),
      eb
        .selectFrom('preparations as pm')
        .select('pm.shared_at')
        .whereRef('pm.plan_id', '=', 'p.id')
        .where('pm.party', '=', 'manager')
        .as('manager_shared_at'),
      ...planCountColumns(eb),
    ])
    .execute();
}
export type PlanExportRow = Awaited<ReturnType<typeof planRows>>[number];

export async function goalRows(
  db: Db,
  organisationId: string,
  filter: ExportFilter,
  employeeIds: readonly string[],
) {
  if (employeeIds.length === 0) return [];
  return withPeople(db, organisationId, filter, employeeIds)
    .innerJoin('goals as g', 'g.plan_id', 'p.id')
    .leftJoin('competencies as c', 'c.id', 'g.competency_id')
    .select([
      'g.id',
      'g.position',
      'g.title',
      'g.description',
      'g.reason',
      'g.organisation_goal',
      'g.measure',
      'g.priority',
      'g.horizon',
      'g.target_date',
      'g.evaluation_result',
      'g.evaluation_note',
      'c.name as competency_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('actions as ga')
        .select((s) => s.fn.countAll<number>().as('n'))
        .whereRef('ga.goal_id', '=', 'g.id')
        .as('action_count'),
    ])
    .orderBy('g.position')
    .orderBy('g.id')
    .execute();
}
export type GoalExportRow = Awaited<ReturnType<typeof goalRows>>[number];

export async function actionRows(
  db: Db,
  organisationId: string,
  filter: ExportFilter,
  employeeIds: readonly string[],
) {
  if (employeeIds.length === 0) return [];
  return withPeople(db, organisationId, filter, employeeIds)
    .innerJoin('actions as a', 'a.plan_id', 'p.id')
    .innerJoin('goals as g', 'g.id', 'a.goal_id')
    .leftJoin('competencies as c', 'c.id', 'g.competency_id')
    .leftJoin('action_types as at', (join) =>
      join.onRef('at.id', '=', 'a.type').on('at.organisation_id', '=', organisationId),
    )
    .leftJoin('funding_sources as fs', 'fs.id', 'a.funding_source_id')
    .select([
      'a.id',
      'a.type',
      'at.name_nl as type_name_nl',
      'at.name_en as type_name_en',
      'a.description',
      'a.provider',
      'a.timing',
      'a.hours',
      'a.cost',
      'a.currency',
      'a.is_formal',
      'a.counts_for_training_right',
      'a.funding',
      'fs.name as funding_source_name',
      'a.support_time',
      'a.support_budget',
      'a.support_logistics',
      'a.support_coach',
      'a.follow_up',
      'a.status',
      'a.actual_hours',
      'a.actual_cost',
      'a.actual_start',
      'a.actual_end',
      'a.certificate_note',
      'g.title as goal_title',
      'c.name as competency_name',
    ])
    .orderBy('g.position')
    .orderBy('g.id')
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
}
export type ActionExportRow = Awaited<ReturnType<typeof actionRows>>[number];

/** Whether a team of the organisation exists, and who leads it. */
export async function findTeam(
  db: Db,
  organisationId: string,
  id: string,
): Promise<{ id: string; organisation_id: string; manager_id: string | null } | undefined> {
  return db
    .selectFrom('teams')
    .select(['id', 'organisation_id', 'manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSettings(
  db: Db,
  organisationId: string,
): Promise<{ time_zone: string; hr_sees_plan_content: boolean | number; exchange_days: number } | undefined> {
  return db
    .selectFrom('organisations')
    .select(['time_zone', 'hr_sees_plan_content', 'exchange_days'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}
