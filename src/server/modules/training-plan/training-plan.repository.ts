import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database, TrainingPlanTaskRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface TrainingPlanFilter {
  year: number;
  teamId?: string | undefined;
  functionId?: string | undefined;
  formal?: boolean | undefined;
}

export type FigureDimension = 'total' | 'type' | 'learning' | 'team' | 'function' | 'risk' | 'gender';

/** One group of one dimension, for agreed plans (`agreed`) or plans still in preparation. */
export interface FigureRow {
  dim: FigureDimension;
  k1: string | null;
  k2: string | null;
  agreed: boolean;
  actions: number;
  done: number;
  hours: number;
  actualHours: number;
  cost: number;
  actualCost: number;
  people: number;
  peopleDone: number;
}

export interface HeadcountRow {
  teamId: string | null;
  functionId: string | null;
  riskGroup: boolean;
  gender: string | null;
  count: number;
}

export interface TrainingRow {
  type: string;
  isFormal: boolean;
  description: string;
  provider: string | null;
  actions: number;
  done: number;
  hours: number;
  actualHours: number;
  cost: number;
  actualCost: number;
  participants: number;
}

export interface TrainingPlanOrganisation {
  name: string;
  country: string;
  timeZone: string;
  hrSeesPlanContent: boolean;
  averageFte: number | null;
  consultationBody: string | null;
  version: number;
}

export interface TaskView {
  row: TrainingPlanTaskRow;
  doneByFirstName: string | null;
  doneByLastName: string | null;
}

const num = (value: unknown): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/**
 * The actions that count in one year's plan: the year's actions (`plan_year`, kept by triggers after the rule of
 * `actionYear()`), without cancelled ones; of a stopped POP only what was completed. Plans in these phases were
 * agreed: `approved`, `evaluation`, `closed`.
 */
function countedActions(organisationId: string, filter: TrainingPlanFilter): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [
    sql`a.organisation_id = ${organisationId}`,
    sql`a.plan_year = ${filter.year}`,
    sql`p.organisation_id = ${organisationId}`,
    sql`a.status <> 'cancelled'`,
    sql`(NOT p.cancelled OR a.status = 'done')`,
  ];
  // Team and function filters read the employee's record only when asked for.
  const people: RawBuilder<unknown>[] = [sql`f.organisation_id = ${organisationId}`];
  if (filter.teamId) people.push(sql`f.team_id = ${filter.teamId}`);
  if (filter.functionId) people.push(sql`f.function_id = ${filter.functionId}`);
  if (people.length > 1)
    conditions.push(sql`p.employee_id IN (SELECT f.id FROM people f WHERE ${sql.join(people, sql` AND `)})`);
  if (filter.formal !== undefined) conditions.push(filter.formal ? sql`a.is_formal` : sql`NOT a.is_formal`);
  // The year's actions lead (index on organisation and year), each joined to its plan by primary key: a join
  // condition on the organisation too let SQLite start from every plan of the organisation instead.
  return sql`
    FROM actions a
    INNER JOIN plans p ON p.id = a.plan_id
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

const agreedSql = sql`CASE WHEN p.phase IN ('approved', 'evaluation', 'closed') THEN 1 ELSE 0 END`;

/**
 * Every figure of the plan in one statement. The year's counted actions are summed once per employee, kind of action
 * and agreed-or-not (one pass over the actions); everything else groups those few rows. A person is one row per
 * group at that level, so "people reached" is a plain count, never a DISTINCT over every action, and never summed
 * twice across groups.
 */
export async function figureRows(
  db: Db,
  organisationId: string,
  filter: TrainingPlanFilter,
): Promise<FigureRow[]> {
  const sums = sql`
    sum(actions) AS actions, sum(done) AS done, sum(hours) AS hours, sum(actual_hours) AS actual_hours,
    sum(cost) AS cost, sum(actual_cost) AS actual_cost`;
  /** One row per person in the source: people = rows, people who completed something = rows with any_done. */
  const aggregates = sql`${sums}, count(*) AS people, sum(any_done) AS people_done`;
  const branch = (
    dim: FigureDimension,
    from: string,
    k1: RawBuilder<unknown>,
    k2: RawBuilder<unknown>,
    groupBy: string[],
  ) =>
    sql`SELECT ${sql.lit(dim)} AS dim, ${k1} AS k1, ${k2} AS k2, agreed, ${aggregates}
      FROM ${sql.table(from)} GROUP BY ${sql.join([...groupBy, 'agreed'].map((c) => sql.ref(c)))}`;
  const none = sql`CAST(NULL AS TEXT)`;
  const result = await sql<{
    dim: FigureDimension;
    k1: string | null;
    k2: string | null;
    agreed: number | boolean;
    actions: unknown;
    done: unknown;
    hours: unknown;
    actual_hours: unknown;
    cost: unknown;
    actual_cost: unknown;
    people: unknown;
    people_done: unknown;
  }>`
    WITH by_kind AS MATERIALIZED (
      SELECT
        p.employee_id AS employee_id,
        ${agreedSql} AS agreed,
        a.type AS type,
        CASE WHEN a.is_formal THEN 'formal' ELSE 'informal' END AS learning,
        count(*) AS actions,
        sum(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS done,
        sum(coalesce(a.hours, 0)) AS hours,
        sum(coalesce(a.actual_hours, 0)) AS actual_hours,
        sum(coalesce(a.cost, 0)) AS cost,
        sum(coalesce(a.actual_cost, 0)) AS actual_cost,
        max(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS any_done
      ${countedActions(organisationId, filter)}
      GROUP BY p.employee_id, ${agreedSql}, a.type, CASE WHEN a.is_formal THEN 'formal' ELSE 'informal' END
    ),
    by_learning AS MATERIALIZED (
      SELECT employee_id, agreed, learning, ${sums}, max(any_done) AS any_done
      FROM by_kind GROUP BY employee_id, agreed, learning
    ),
    by_person AS MATERIALIZED (
      SELECT
        k.employee_id AS employee_id,
        k.agreed AS agreed,
        e.team_id AS team_id,
        e.function_id AS function_id,
        CASE WHEN e.risk_group THEN 'yes' ELSE 'no' END AS risk,
        coalesce(e.gender, 'unknown') AS gender,
        ${sums},
        max(any_done) AS any_done
      FROM by_learning k
      INNER JOIN people e ON e.id = k.employee_id
      GROUP BY k.employee_id, k.agreed, e.team_id, e.function_id, e.risk_group, e.gender
    )
    ${branch('total', 'by_person', none, none, [])}
    UNION ALL ${branch('type', 'by_kind', sql.ref('type'), sql.ref('learning'), ['type', 'learning'])}
    UNION ALL ${branch('learning', 'by_learning', sql.ref('learning'), none, ['learning'])}
    UNION ALL ${branch('team', 'by_person', sql.ref('team_id'), none, ['team_id'])}
    UNION ALL ${branch('function', 'by_person', sql.ref('function_id'), none, ['function_id'])}
    UNION ALL ${branch('risk', 'by_person', sql.ref('risk'), none, ['risk'])}
    UNION ALL ${branch('gender', 'by_person', sql.ref('gender'), none, ['gender'])}
  `.execute(db);
  return result.rows.map((r) => ({
    dim: r.dim,
    k1: r.k1,
    k2: r.k2,
    agreed: Boolean(Number(r.agreed)),
    actions: num(r.actions),
    done: num(r.done),
    hours: num(r.hours),
    actualHours: num(r.actual_hours),
    cost: num(r.cost),
    actualCost: num(r.actual_cost),
    people: num(r.people),
    peopleDone: num(r.people_done),
  }));
}

/**
 * What the plans name as trainings (agreed plans only), with how many people follow each: for HR when the
 * organisation lets HR read plan content. The most-followed first; `limit` rows at most.
 */
export async function trainingRows(
  db: Db,
  organisationId: string,
  filter: TrainingPlanFilter,
  limit: number,
): Promise<TrainingRow[]> {
  const result = await sql<{
    type: string;
    is_formal: number | boolean;
    description: string;
    provider: string | null;
    actions: unknown;
    done: unknown;
    hours: unknown;
    actual_hours: unknown;
    cost: unknown;
    actual_cost: unknown;
    participants: unknown;
  }>`
    SELECT a.type AS type, a.is_formal AS is_formal, a.description AS description, a.provider AS provider,
      count(*) AS actions,
      sum(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS done,
      sum(coalesce(a.hours, 0)) AS hours,
      sum(coalesce(a.actual_hours, 0)) AS actual_hours,
      sum(coalesce(a.cost, 0)) AS cost,
      sum(coalesce(a.actual_cost, 0)) AS actual_cost,
      count(DISTINCT p.employee_id) AS participants
    ${countedActions(organisationId, filter)}
      AND ${agreedSql} = 1
    GROUP BY a.type, a.is_formal, a.description, a.provider
    ORDER BY participants DESC, hours DESC, a.description, a.type
    LIMIT ${limit}
  `.execute(db);
  return result.rows.map((r) => ({
    type: r.type,
    isFormal: Boolean(r.is_formal),
    description: r.description,
    provider: r.provider,
    actions: num(r.actions),
    done: num(r.done),
    hours: num(r.hours),
    actualHours: num(r.actual_hours),
    cost: num(r.cost),
    actualCost: num(r.actual_cost),
    participants: num(r.participants),
  }));
}

/** Active people employed at some moment of the year, per team, function, risk group and gender. */
export async function headcountRows(db: Db, organisationId: string, year: number): Promise<HeadcountRow[]> {
  const rows = await db
    .selectFrom('people')
    .select(['team_id', 'function_id', 'risk_group', 'gender'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', `${year}-12-31`)]))
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', `${year}-01-01`)]))
    .groupBy(['team_id', 'function_id', 'risk_group', 'gender'])
    .execute();
  return rows.map((r) => ({
    teamId: r.team_id,
    functionId: r.function_id,
    riskGroup: Boolean(r.risk_group),
    gender: r.gender,
    count: num(r.n),
  }));
}

export async function findOrganisation(
  db: Db,
  organisationId: string,
): Promise<TrainingPlanOrganisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select([
      'name',
      'country',
      'time_zone',
      'hr_sees_plan_content',
      'average_fte',
      'consultation_body',
      'version',
    ])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row
    ? {
        name: row.name,
        country: row.country,
        timeZone: row.time_zone,
        hrSeesPlanContent: Boolean(row.hr_sees_plan_content),
        averageFte: row.average_fte === null ? null : Number(row.average_fte),
        consultationBody: row.consultation_body,
        version: Number(row.version),
      }
    : undefined;
}

export async function tasksOfYear(db: Db, organisationId: string, year: number): Promise<TaskView[]> {
  const rows = await db
    .selectFrom('training_plan_tasks as k')
    .leftJoin('people as d', 'd.id', 'k.done_by')
    .selectAll('k')
    .select(['d.first_name as done_by_first_name', 'd.last_name as done_by_last_name'])
    .where('k.organisation_id', '=', organisationId)
    .where('k.year', '=', year)
    .execute();
  return rows.map(({ done_by_first_name, done_by_last_name, ...row }) => ({
    row: { ...row, version: Number(row.version) },
    doneByFirstName: done_by_first_name,
    doneByLastName: done_by_last_name,
  }));
}

export async function findTask(
  db: Db,
  organisationId: string,
  year: number,
  key: string,
): Promise<TrainingPlanTaskRow | undefined> {
  return db
    .selectFrom('training_plan_tasks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('task_key', '=', key)
    .executeTakeFirst();
}

export async function insertTask(
  db: Db,
  task: {
    id: string;
    organisationId: string;
    year: number;
    key: string;
    doneAt: string | null;
    doneBy: string | null;
    note: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('training_plan_tasks')
    .values({
      id: task.id,
      organisation_id: task.organisationId,
      year: task.year,
      task_key: task.key,
      done_at: task.doneAt,
      done_by: task.doneBy,
      note: task.note,
      created_at: task.now,
      updated_at: task.now,
    })
    .execute();
}

/** Names of teams, functions and the organisation's own kinds of action, for the rows' labels. */
export async function labels(db: Db, organisationId: string) {
  const [teams, functions, types] = await Promise.all([
    db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).execute(),
    db
      .selectFrom('job_functions')
      .select(['id', 'name'])
      .where('organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('action_types')
      .select(['id', 'name_nl', 'name_en', 'is_formal', 'position'])
      .where('organisation_id', '=', organisationId)
      .execute(),
  ]);
  return {
    teams: new Map(teams.map((t) => [t.id, t.name])),
    functions: new Map(functions.map((f) => [f.id, f.name])),
    types: types.map((t) => ({
      id: t.id,
      nameNl: t.name_nl,
      nameEn: t.name_en,
      isFormal: Boolean(t.is_formal),
      position: Number(t.position),
    })),
  };
}
