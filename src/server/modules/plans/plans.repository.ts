import { type Kysely, sql } from 'kysely';
import { planCountColumns } from '../../db/plan-counts.js';
import { plainColumns, preparedFamily, preparedQuery } from '../../db/prepared-query.js';
import type {
  ActionCommentRow,
  ActionRow,
  Database,
  EvaluationRow,
  FollowUpEntryRow,
  FollowUpRow,
  GoalRow,
  NewAction,
  NewGoal,
  PlanRow,
  PlanVersionRow,
  PreparationRow,
  TalkingPointRow,
} from '../../db/schema.js';

type Db = Kysely<Database>;

export interface OrganisationSettings {
  time_zone: string;
  locale: string;
  hr_sees_plan_content: boolean | number;
  exchange_days: number;
}

const organisationSettings = preparedQuery((db: Db, p: { organisationId: string }) =>
  db
    .selectFrom('organisations')
    .select(['time_zone', 'locale', 'hr_sees_plan_content', 'exchange_days'])
    .where('id', '=', p.organisationId),
);

export async function findOrganisationSettings(
  db: Db,
  organisationId: string,
): Promise<OrganisationSettings | undefined> {
  return organisationSettings.executeTakeFirst(db, { organisationId });
}

/** A plan with the names around it and its counts: what lists show. Never any content. */
export interface PlanView extends PlanRow {
  employee_first_name: string;
  employee_last_name: string;
  manager_first_name: string;
  manager_last_name: string;
  team_name: string | null;
  employee_shared_at: string | null;
  manager_shared_at: string | null;
  next_plan_id: string | null;
  goal_count: number | string | null;
  action_count: number | string | null;
  actions_done: number | string | null;
  follow_up_count: number | string | null;
  follow_ups_held: number | string | null;
}

export interface PlanFilter {
  scope: 'organisation' | 'own';
  actorId: string;
  as?: 'employee' | 'manager';
  employeeId?: string;
  phase?: string;
  teamId?: string;
  year?: number;
  /** Words that must all occur in the employee's search key (name and email, accents folded). */
  words?: readonly string[];
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likeContains = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** What decides a plan filter's SQL text: which conditions it has. Their values are the statement's parameters. */
interface PlanFilterShape {
  scope: PlanFilter['scope'];
  as: PlanFilter['as'] | null;
  employeeId: boolean;
  phase: boolean;
  teamId: boolean;
  year: boolean;
  words: number;
}

const shapeOf = (filter: PlanFilter): PlanFilterShape => ({
  scope: filter.scope,
  as: filter.as ?? null,
  employeeId: Boolean(filter.employeeId),
  phase: Boolean(filter.phase),
  teamId: Boolean(filter.teamId),
  year: Boolean(filter.year),
  words: filter.words?.length ?? 0,
});

const shapeKey = (shape: PlanFilterShape): string =>
  `${shape.scope}/${shape.as ?? ''}/${Number(shape.employeeId)}${Number(shape.phase)}${Number(shape.teamId)}${Number(shape.year)}/${shape.words}`;

/** The values of a filter's conditions, by the names `filterQuery` gives them (`word0`, `word1`... for the words). */
function filterParams(organisationId: string, filter: PlanFilter): Record<string, string> {
  const params: Record<string, string> = { organisationId, actorId: filter.actorId };
  if (filter.employeeId) params.employeeId = filter.employeeId;
  if (filter.phase) params.phase = filter.phase;
  if (filter.teamId) params.teamId = filter.teamId;
  if (filter.year) {
    params.yearStart = `${filter.year}-01-01`;
    params.yearEnd = `${filter.year}-12-31`;
  }
  for (const [i, word] of (filter.words ?? []).entries()) params[`word${i}`] = likeContains(word);
  return params;
}

/** The plans a filter selects, with its values from `p` (the values themselves, or a prepared query's placeholders). */
function filterQuery(db: Db, shape: PlanFilterShape, p: Record<string, string>) {
  let query = db
    .selectFrom('plans as p')
    .innerJoin('people as e', 'e.id', 'p.employee_id')
    .where('p.organisation_id', '=', p.organisationId!);
  if (shape.scope === 'own')
    query = query.where((eb) =>
      eb.or([eb('p.employee_id', '=', p.actorId!), eb('p.manager_id', '=', p.actorId!)]),
    );
  if (shape.as === 'employee') query = query.where('p.employee_id', '=', p.actorId!);
  if (shape.as === 'manager') query = query.where('p.manager_id', '=', p.actorId!);
  if (shape.employeeId) query = query.where('p.employee_id', '=', p.employeeId!);
  if (shape.phase) query = query.where('p.phase', '=', p.phase!);
  if (shape.teamId) query = query.where('e.team_id', '=', p.teamId!);
  if (shape.year)
    query = query.where('p.period_start', '<=', p.yearEnd!).where('p.period_end', '>=', p.yearStart!);
  for (let i = 0; i < shape.words; i++)
    query = query.where(sql<boolean>`${sql.ref('e.search_key')} like ${p[`word${i}`]} escape '!'`);
  return query;
}

function filteredPlans(db: Db, organisationId: string, filter: PlanFilter) {
  return filterQuery(db, shapeOf(filter), filterParams(organisationId, filter));
}

function withSummary<Q extends ReturnType<typeof filteredPlans>>(query: Q) {
  return query
    .innerJoin('people as m', 'm.id', 'p.manager_id')
    .leftJoin('teams as t', 't.id', 'e.team_id')
    .selectAll('p')
    .select([
      'e.first_name as employee_first_name',
      'e.last_name as employee_last_name',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      't.name as team_name',
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
      eb
        .selectFrom('plans as n')
        .select('n.id')
        .whereRef('n.previous_plan_id', '=', 'p.id')
        .limit(1)
        .as('next_plan_id'),
      ...planCountColumns(eb),
    ]);
}

/**
 * One page of plans. Its total and a fingerprint of every plan the filter selects come from `planListStamp`: the
 * count, and sums and maximum of what moves when anything a list shows changes (`version`, `page_revision`,
 * `updated_at`).
 */
export async function listPlans(
  db: Db,
  organisationId: string,
  filter: PlanFilter,
  page: { limit: number; offset: number },
): Promise<PlanView[]> {
  const rows = await withSummary(filteredPlans(db, organisationId, filter))
    .orderBy('p.period_start', 'desc')
    .orderBy('e.last_name')
    .orderBy('e.first_name')
    .orderBy('p.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows as PlanView[];
}

export interface PlanListStamp {
  n: number | string;
  revisions: number | string | null;
  versions: number | string | null;
  last_change: string | null;
}

/** The fingerprint's statement, one per filter shape: the home page and the team's list ask for it on every visit. */
const planListStamps = preparedFamily(shapeKey, (shape: PlanFilterShape) =>
  preparedQuery((db: Db, p: Record<string, string>) =>
    filterQuery(db, shape, p).select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('p.page_revision').as('revisions'),
      eb.fn.sum<number>('p.version').as('versions'),
      eb.fn.max('p.updated_at').as('last_change'),
    ]),
  ),
);

export async function planListStamp(
  db: Db,
  organisationId: string,
  filter: PlanFilter,
): Promise<PlanListStamp> {
  const row = await planListStamps(shapeOf(filter)).executeTakeFirst(
    db,
    filterParams(organisationId, filter),
  );
  return row ?? { n: 0, revisions: null, versions: null, last_change: null };
}

export async function findPlanView(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PlanView | undefined> {
  const row = await withSummary(filteredPlans(db, organisationId, { scope: 'organisation', actorId: '' }))
    .where('p.id', '=', id)
    .executeTakeFirst();
  return row as PlanView | undefined;
}

/** The plan row; `lock` (PostgreSQL) holds it until the transaction ends so writes to one plan take turns. */
export async function findPlanRow(
  db: Db,
  organisationId: string,
  id: string,
  lock = false,
): Promise<PlanRow | undefined> {
  let query = db
    .selectFrom('plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The organisation's settings a plan request needs, read beside the plan (`o`) under prefixed names. */
const settingsColumns = [
  'o.time_zone as settings_time_zone',
  'o.locale as settings_locale',
  'o.hr_sees_plan_content as settings_hr_sees_plan_content',
  'o.exchange_days as settings_exchange_days',
] as const;

interface SettingsRead {
  settings_time_zone: string;
  settings_locale: string;
  settings_hr_sees_plan_content: boolean | number;
  settings_exchange_days: number;
}

const settingsKeys: ReadonlySet<string> = new Set<keyof SettingsRead>([
  'settings_time_zone',
  'settings_locale',
  'settings_hr_sees_plan_content',
  'settings_exchange_days',
]);

/** The settings read by `settingsColumns`. */
function settingsOf(found: SettingsRead): OrganisationSettings {
  return {
    time_zone: found.settings_time_zone,
    locale: found.settings_locale,
    hr_sees_plan_content: found.settings_hr_sees_plan_content,
    exchange_days: found.settings_exchange_days,
  };
}

/**
 * Splits the settings read by `settingsColumns` off a row: the settings, and the rest of the row. A loop rather than
 * a rest pattern, which copies a row of fifty columns several times slower.
 */
function splitSettings<R extends SettingsRead>(
  found: R,
): { settings: OrganisationSettings; rest: Omit<R, keyof SettingsRead> } {
  const rest: Record<string, unknown> = {};
  for (const key in found) if (!settingsKeys.has(key)) rest[key] = found[key];
  return { settings: settingsOf(found), rest: rest as Omit<R, keyof SettingsRead> };
}

/**
 * The plan row with the organisation's settings that every plan request needs, in one statement, prepared once with
 * and once without the lock. `lock` takes the plan row alone FOR UPDATE on PostgreSQL (the organisation row stays
 * free for the organisation's other plans).
 */
const planWithSettings = (lock: boolean) =>
  preparedQuery((db: Db, p: { organisationId: string; id: string }) => {
    const query = db
      .selectFrom('plans')
      .innerJoin('organisations as o', 'o.id', 'plans.organisation_id')
      .selectAll('plans')
      .select(settingsColumns)
      .where('plans.organisation_id', '=', p.organisationId)
      .where('plans.id', '=', p.id);
    return lock ? query.forUpdate('plans') : query;
  });
const planWithSettingsLocked = planWithSettings(true);
const planWithSettingsRead = planWithSettings(false);

export async function findPlanWithSettings(
  db: Db,
  organisationId: string,
  id: string,
  lock = false,
): Promise<{ row: PlanRow; settings: OrganisationSettings } | undefined> {
  const found = await (lock ? planWithSettingsLocked : planWithSettingsRead).executeTakeFirst(db, {
    organisationId,
    id,
  });
  if (!found) return undefined;
  const { settings, rest } = splitSettings(found);
  return { row: rest, settings };
}

type PlanRowValues = Partial<Omit<PlanRow, 'id' | 'organisation_id' | 'version' | 'created_at'>>;
const ownPlanRowColumns = new Set(['updated_at', 'version', 'page_revision']);
type PlanRowParams = Record<string, unknown> & { organisationId: string; id: string; now: string };

function updatePlanRowQuery(db: Db, organisationId: string, id: string, values: object, now: string) {
  return db
    .updateTable('plans')
    .set((eb) => ({
      ...(values as Record<string, never>),
      updated_at: now,
      version: eb('version', '+', 1),
      page_revision: eb('page_revision', '+', 1),
    }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
}

/** Prepared once per set of columns: a plan's writes change a handful of column sets (approvals, state, period). */
const planRowUpdates = preparedFamily(
  (columns: string[]) => columns.join(','),
  (columns: string[]) =>
    preparedQuery((db: Db, p: PlanRowParams) =>
      updatePlanRowQuery(
        db,
        p.organisationId,
        p.id,
        Object.fromEntries(columns.map((column) => [column, p[`set_${column}`]])),
        p.now,
      ),
    ),
);

/**
 * Changes a plan row the caller holds locked, moving its version on. It moves `page_revision` in the same statement:
 * the database would otherwise do it with a second update (migration 0009's trigger on SQLite).
 */
export async function updatePlanRow(
  db: Db,
  organisationId: string,
  id: string,
  values: PlanRowValues,
  now: string,
): Promise<void> {
  // The statement's own columns win over the same keys in `values`, as they do in the spread.
  const columns = plainColumns(values)?.filter((column) => !ownPlanRowColumns.has(column));
  if (!columns) {
    await updatePlanRowQuery(db, organisationId, id, values, now).execute();
    return;
  }
  const params: PlanRowParams = { organisationId, id, now };
  for (const column of columns) params[`set_${column}`] = (values as Record<string, unknown>)[column];
  await planRowUpdates(columns).run(db, params);
}

/** What a new plan needs to know about its employee. */
export interface PlanPerson {
  id: string;
  organisation_id: string;
  first_name: string;
  last_name: string;
  status: string;
  manager_id: string | null;
  team_id: string | null;
  function_id: string | null;
  team_manager_id: string | null;
  direct_manager_status: string | null;
  team_manager_status: string | null;
}

function planPeople(db: Db, organisationId: string) {
  return db
    .selectFrom('people as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .leftJoin('people as dm', 'dm.id', 'p.manager_id')
    .leftJoin('people as tm', 'tm.id', 't.manager_id')
    .select([
      'p.id',
      'p.organisation_id',
      'p.first_name',
      'p.last_name',
      'p.status',
      'p.manager_id',
      'p.team_id',
      'p.function_id',
      't.manager_id as team_manager_id',
      'dm.status as direct_manager_status',
      'tm.status as team_manager_status',
    ])
    .where('p.organisation_id', '=', organisationId);
}

export async function findPlanPerson(
  db: Db,
  organisationId: string,
  id: string,
  lock = false,
): Promise<PlanPerson | undefined> {
  if (lock) {
    // Two cycles started at once for one person must not both pass the "no open plan" check.
    await db
      .selectFrom('people')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  }
  return planPeople(db, organisationId).where('p.id', '=', id).executeTakeFirst();
}

export async function listPlanPeople(
  db: Db,
  organisationId: string,
  selector: { ids: readonly string[] } | { teamId: string } | { all: true },
): Promise<PlanPerson[]> {
  let query = planPeople(db, organisationId);
  if ('ids' in selector) {
    if (selector.ids.length === 0) return [];
    query = query.where('p.id', 'in', [...selector.ids]);
  } else if ('teamId' in selector) {
    query = query.where('p.team_id', '=', selector.teamId);
  }
  return query.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').execute();
}

export async function findTeam(
  db: Db,
  organisationId: string,
  id: string,
): Promise<{ id: string; manager_id: string | null } | undefined> {
  return db
    .selectFrom('teams')
    .select(['id', 'manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findPersonStatus(
  db: Db,
  organisationId: string,
  id: string,
): Promise<{ id: string; status: string } | undefined> {
  return db
    .selectFrom('people')
    .select(['id', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Employees among `ids` who have a plan that is not closed. */
export async function employeesWithOpenPlans(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('plans')
      .select('employee_id')
      .where('organisation_id', '=', organisationId)
      .where('phase', '!=', 'closed')
      .where('employee_id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(row.employee_id);
  }
  return found;
}

export interface PlanInsert {
  id: string;
  organisationId: string;
  employeeId: string;
  managerId: string;
  periodStart: string;
  periodEnd: string;
  conversationAt: string | null;
  requestedBy: string;
  previousPlanId: string | null;
  now: string;
}

export async function insertPlan(db: Db, plan: PlanInsert): Promise<void> {
  await db
    .insertInto('plans')
    .values({
      id: plan.id,
      organisation_id: plan.organisationId,
      employee_id: plan.employeeId,
      manager_id: plan.managerId,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      phase: 'preparation',
      conversation_at: plan.conversationAt,
      employee_approved_at: null,
      manager_approved_at: null,
      disagreement: 0,
      disagreement_comment: null,
      revision_open: 0,
      evaluation_complete: 0,
      cancelled: 0,
      previous_plan_id: plan.previousPlanId,
      requested_by: plan.requestedBy,
      facilities: null,
      evaluation_date: null,
      conversation_notes: '{}',
      closed_at: null,
      created_at: plan.now,
      updated_at: plan.now,
    })
    .execute();
}

export async function insertPreparation(
  db: Db,
  preparation: {
    id: string;
    organisationId: string;
    planId: string;
    party: string;
    templateId: string | null;
    templateName: string;
    questions: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('preparations')
    .values({
      id: preparation.id,
      organisation_id: preparation.organisationId,
      plan_id: preparation.planId,
      party: preparation.party,
      template_id: preparation.templateId,
      template_name: preparation.templateName,
      questions: preparation.questions,
      answers: '{}',
      shared_at: null,
      created_at: preparation.now,
      updated_at: preparation.now,
    })
    .execute();
}

export async function insertEvaluation(
  db: Db,
  evaluation: { id: string; organisationId: string; planId: string; party: string; now: string },
): Promise<void> {
  await db
    .insertInto('evaluations')
    .values({
      id: evaluation.id,
      organisation_id: evaluation.organisationId,
      plan_id: evaluation.planId,
      party: evaluation.party,
      goals_reached: null,
      effect_on_functioning: null,
      effect_on_career: null,
      submitted_at: null,
      created_at: evaluation.now,
      updated_at: evaluation.now,
    })
    .execute();
}

export type GoalView = GoalRow & { competency_name: string | null };
export type CommentView = ActionCommentRow & {
  author_first_name: string | null;
  author_last_name: string | null;
};

/** Everything on a plan page, in a fixed number of queries whatever the size of the plan. */
export interface PlanContentRows {
  preparations: PreparationRow[];
  talkingPoints: TalkingPointRow[];
  goals: GoalView[];
  actions: ActionRow[];
  comments: CommentView[];
  followUps: FollowUpRow[];
  entries: FollowUpEntryRow[];
  evaluations: EvaluationRow[];
  versions: Array<Omit<PlanVersionRow, 'snapshot'>>;
}

export async function loadPlanContent(
  db: Db,
  organisationId: string,
  planId: string,
  parts: { content: boolean; preparations: boolean },
): Promise<PlanContentRows> {
  const byPlan = <T extends keyof Database>(table: T) =>
    // biome-ignore lint/suspicious/noExplicitAny: every table listed here has organisation_id and plan_id
    (db as Kysely<any>)
      .selectFrom(table)
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('plan_id', '=', planId);
  const none = Promise.resolve([]);
  const [preparations, talkingPoints, goals, actions, comments, followUps, entries, evaluations, versions] =
    await Promise.all([
      parts.preparations ? byPlan('preparations').orderBy('party').execute() : none,
      parts.preparations
        ? byPlan('talking_points').orderBy('party').orderBy('position').orderBy('id').execute()
        : none,
      parts.content ? goalViewsOfPlan(db, organisationId, planId) : none,
      parts.content
        ? byPlan('actions').orderBy('position').orderBy('created_at').orderBy('id').execute()
        : none,
      parts.content ? commentsOfPlan(db, organisationId, planId) : none,
      parts.content ? byPlan('follow_ups').orderBy('planned_date').orderBy('id').execute() : none,
      parts.content ? byPlan('follow_up_entries').orderBy('id').execute() : none,
      parts.content ? byPlan('evaluations').orderBy('party').execute() : none,
      db
        .selectFrom('plan_versions')
        .select([
          'id',
          'organisation_id',
          'plan_id',
          'number',
          'employee_approved_at',
          'manager_approved_at',
          'created_at',
        ])
        .where('organisation_id', '=', organisationId)
        .where('plan_id', '=', planId)
        .orderBy('number')
        .execute(),
    ]);
  return {
    preparations,
    talkingPoints,
    goals,
    actions,
    comments,
    followUps,
    entries,
    evaluations,
    versions,
  } as PlanContentRows;
}

// Preparations and talking points.
export async function findPreparation(
  db: Db,
  organisationId: string,
  planId: string,
  party: string,
): Promise<PreparationRow | undefined> {
  return db
    .selectFrom('preparations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('party', '=', party)
    .executeTakeFirst();
}

export async function talkingPointsOf(
  db: Db,
  organisationId: string,
  planId: string,
  party: string,
): Promise<TalkingPointRow[]> {
  return db
    .selectFrom('talking_points')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('party', '=', party)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findTalkingPoint(
  db: Db,
  organisationId: string,
  planId: string,
  id: string,
): Promise<TalkingPointRow | undefined> {
  return db
    .selectFrom('talking_points')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTalkingPoint(
  db: Db,
  point: {
    id: string;
    organisationId: string;
    planId: string;
    party: string;
    text: string;
    position: number;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('talking_points')
    .values({
      id: point.id,
      organisation_id: point.organisationId,
      plan_id: point.planId,
      party: point.party,
      text: point.text,
      position: point.position,
      created_at: point.now,
      updated_at: point.now,
    })
    .execute();
}

/**
 * Deletes a row of a versioned table when its version still matches. Answers false when nothing was deleted; the
 * caller then tells a stale version from a missing row.
 */
export async function deleteVersioned(
  db: Db,
  table: 'talking_points' | 'goals' | 'actions' | 'follow_ups',
  target: { id: string; organisationId: string; version: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom(table)
    .where('organisation_id', '=', target.organisationId)
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// Goals and actions.
export async function findGoal(db: Db, organisationId: string, id: string): Promise<GoalRow | undefined> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Each prefixed column name without its prefix, cut once per process: a name cut anew on every row is a new string
 * the engine must look up again before it can be a key (a third of the split's time). The names are this file's own
 * column aliases, a fixed few.
 */
const unprefixedNames = new Map<string, Map<string, string>>();

function unprefixed(prefix: string, key: string): string {
  let names = unprefixedNames.get(prefix);
  if (!names) {
    names = new Map();
    unprefixedNames.set(prefix, names);
  }
  let name = names.get(key);
  if (name === undefined) {
    name = key.slice(prefix.length);
    names.set(key, name);
  }
  return name;
}

/** Splits a joined row: the columns read under `prefix` (without it), and the others but those in `skip`. */
function splitPrefixed(
  row: Record<string, unknown>,
  prefix: string,
  skip?: ReadonlySet<string>,
): { prefixed: Record<string, unknown>; rest: Record<string, unknown> } {
  const prefixed: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const key in row) {
    if (skip?.has(key)) continue;
    if (key.startsWith(prefix)) prefixed[unprefixed(prefix, key)] = row[key];
    else rest[key] = row[key];
  }
  return { prefixed, rest };
}

/** Every column of a plan row, to read it beside another table's row under prefixed names. */
const planColumns = [
  'id',
  'organisation_id',
  'employee_id',
  'manager_id',
  'period_start',
  'period_end',
  'phase',
  'conversation_at',
  'employee_approved_at',
  'manager_approved_at',
  'disagreement',
  'disagreement_comment',
  'revision_open',
  'evaluation_complete',
  'cancelled',
  'approved_version',
  'previous_plan_id',
  'requested_by',
  'facilities',
  'evaluation_date',
  'conversation_notes',
  'closed_at',
  'created_at',
  'updated_at',
  'version',
  'page_revision',
] as const satisfies ReadonlyArray<keyof PlanRow>;
// A column added to the plans table and not to the list above fails to compile here.
const everyPlanColumn: Exclude<keyof PlanRow, (typeof planColumns)[number]> extends never ? true : never =
  true;
void everyPlanColumn;

/**
 * A goal with its plan and the organisation's settings, in one statement: what every request on a goal reads first.
 * `lock` takes the plan row alone FOR UPDATE on PostgreSQL, as `findPlanWithSettings` does.
 */
const goalWithPlan = (lock: boolean) =>
  preparedQuery((db: Db, p: { organisationId: string; id: string }) => {
    const query = db
      .selectFrom('goals as g')
      .innerJoin('plans as p', (join) =>
        join.onRef('p.id', '=', 'g.plan_id').onRef('p.organisation_id', '=', 'g.organisation_id'),
      )
      .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
      .leftJoin('competencies as c', 'c.id', 'g.competency_id')
      .selectAll('g')
      .select('c.name as competency_name')
      .select((eb) => planColumns.map((column) => eb.ref(`p.${column}`).as(`plan__${column}`)))
      .select(settingsColumns)
      .where('g.organisation_id', '=', p.organisationId)
      .where('g.id', '=', p.id);
    return lock ? query.forUpdate('p') : query;
  });
const goalWithPlanLocked = goalWithPlan(true);
const goalWithPlanRead = goalWithPlan(false);

export async function findGoalWithPlan(
  db: Db,
  organisationId: string,
  id: string,
  lock = false,
): Promise<{ goal: GoalView; plan: PlanRow; settings: OrganisationSettings } | undefined> {
  const found = await (lock ? goalWithPlanLocked : goalWithPlanRead).executeTakeFirst(db, {
    organisationId,
    id,
  });
  if (!found) return undefined;
  // One pass over the row: the settings are read by name, the goal and the plan split by prefix.
  const { prefixed: plan, rest: goal } = splitPrefixed(found, 'plan__', settingsKeys);
  return { goal: goal as GoalView, plan: plan as unknown as PlanRow, settings: settingsOf(found) };
}

export async function goalViewsOfPlan(db: Db, organisationId: string, planId: string): Promise<GoalView[]> {
  return db
    .selectFrom('goals as g')
    .leftJoin('competencies as c', 'c.id', 'g.competency_id')
    .selectAll('g')
    .select('c.name as competency_name')
    .where('g.organisation_id', '=', organisationId)
    .where('g.plan_id', '=', planId)
    .orderBy('g.position')
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute();
}

export async function goalsOfPlan(db: Db, organisationId: string, planId: string): Promise<GoalRow[]> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The actions of one plan, in the order of the plan page. */
const actionsByPlan = preparedQuery((db: Db, p: { organisationId: string; id: string }) =>
  db
    .selectFrom('actions')
    .selectAll()
    .where('organisation_id', '=', p.organisationId)
    .where('plan_id', '=', p.id)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id'),
);

export async function actionsOfPlan(db: Db, organisationId: string, planId: string): Promise<ActionRow[]> {
  return actionsByPlan.execute(db, { organisationId, id: planId });
}

/** Comments of one organisation with their authors' names, in the shape the plan page presents. */
function commentViews(db: Db, organisationId: string) {
  return db
    .selectFrom('action_comments as ac')
    .leftJoin('people as a', 'a.id', 'ac.author_id')
    .selectAll('ac')
    .select(['a.first_name as author_first_name', 'a.last_name as author_last_name'])
    .where('ac.organisation_id', '=', organisationId);
}

/** Every column of a comment row, to read it beside its action under prefixed names. */
const commentColumns = [
  'id',
  'organisation_id',
  'plan_id',
  'action_id',
  'author_id',
  'text',
  'created_at',
] as const satisfies ReadonlyArray<keyof ActionCommentRow>;
// A column added to action_comments and not to the list above fails to compile here.
const everyCommentColumn: Exclude<keyof ActionCommentRow, (typeof commentColumns)[number]> extends never
  ? true
  : never = true;
void everyCommentColumn;

/** The actions of one goal with their comments (and the comments' authors), in one statement. */
const actionsWithCommentsByGoal = preparedQuery((db: Db, p: { organisationId: string; goalId: string }) =>
  db
    .selectFrom('actions as a')
    .leftJoin('action_comments as ac', (join) =>
      join.onRef('ac.action_id', '=', 'a.id').onRef('ac.organisation_id', '=', 'a.organisation_id'),
    )
    .leftJoin('people as author', 'author.id', 'ac.author_id')
    .selectAll('a')
    .select((eb) => commentColumns.map((column) => eb.ref(`ac.${column}`).as(`comment__${column}`)))
    .select([
      'author.first_name as comment__author_first_name',
      'author.last_name as comment__author_last_name',
    ])
    .where('a.organisation_id', '=', p.organisationId)
    .where('a.goal_id', '=', p.goalId)
    .orderBy('a.position')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .orderBy('ac.created_at')
    .orderBy('ac.id'),
);

/** A goal's actions in the plan page's order, and their comments, in one statement. */
export async function actionsWithCommentsOfGoal(
  db: Db,
  organisationId: string,
  goalId: string,
): Promise<{ actions: ActionRow[]; comments: CommentView[] }> {
  const rows = await actionsWithCommentsByGoal.execute(db, { organisationId, goalId });
  const actions: ActionRow[] = [];
  const comments: CommentView[] = [];
  for (const row of rows) {
    const { prefixed: comment, rest: action } = splitPrefixed(row, 'comment__');
    if (actions[actions.length - 1]?.id !== action.id) actions.push(action as unknown as ActionRow);
    if (comment.id !== null && comment.id !== undefined) comments.push(comment as unknown as CommentView);
  }
  // The plan page's order: by when they were written, whichever action they belong to.
  comments.sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1,
  );
  return { actions, comments };
}

export async function followUpsOfPlan(
  db: Db,
  organisationId: string,
  planId: string,
): Promise<FollowUpRow[]> {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .orderBy('planned_date')
    .orderBy('id')
    .execute();
}

export async function countGoals(db: Db, organisationId: string, planId: string): Promise<number> {
  const row = await db
    .selectFrom('goals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countActions(db: Db, organisationId: string, goalId: string): Promise<number> {
  const row = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('goal_id', '=', goalId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertGoals(db: Db, goals: readonly NewGoal[]): Promise<void> {
  if (goals.length > 0)
    await db
      .insertInto('goals')
      .values([...goals])
      .execute();
}

export async function insertActions(db: Db, actions: readonly NewAction[]): Promise<void> {
  if (actions.length > 0)
    await db
      .insertInto('actions')
      .values([...actions])
      .execute();
}

export async function findAction(db: Db, organisationId: string, id: string): Promise<ActionRow | undefined> {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function commentsOfPlan(db: Db, organisationId: string, planId: string): Promise<CommentView[]> {
  return commentViews(db, organisationId)
    .where('ac.plan_id', '=', planId)
    .orderBy('ac.created_at')
    .orderBy('ac.id')
    .execute();
}

export async function commentsOfAction(
  db: Db,
  organisationId: string,
  actionId: string,
): Promise<CommentView[]> {
  return commentViews(db, organisationId)
    .where('ac.action_id', '=', actionId)
    .orderBy('ac.created_at')
    .orderBy('ac.id')
    .execute();
}

export async function insertComment(
  db: Db,
  comment: {
    id: string;
    organisationId: string;
    planId: string;
    actionId: string;
    authorId: string;
    text: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('action_comments')
    .values({
      id: comment.id,
      organisation_id: comment.organisationId,
      plan_id: comment.planId,
      action_id: comment.actionId,
      author_id: comment.authorId,
      text: comment.text,
      created_at: comment.now,
    })
    .execute();
}

/** Removes the goals and actions of a plan that are not in the given lists (restoring an approved version). */
export async function deleteContentExcept(
  db: Db,
  organisationId: string,
  planId: string,
  keep: { goalIds: readonly string[]; actionIds: readonly string[] },
): Promise<void> {
  let actions = db
    .deleteFrom('actions')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId);
  if (keep.actionIds.length > 0) actions = actions.where('id', 'not in', [...keep.actionIds]);
  await actions.execute();
  let goals = db
    .deleteFrom('goals')
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId);
  if (keep.goalIds.length > 0) goals = goals.where('id', 'not in', [...keep.goalIds]);
  await goals.execute();
}

export async function upsertGoal(db: Db, goal: NewGoal, update: Partial<NewGoal>): Promise<void> {
  await db
    .insertInto('goals')
    .values(goal)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({ ...update, version: eb('goals.version', '+', 1) })),
    )
    .execute();
}

export async function upsertAction(db: Db, action: NewAction, update: Partial<NewAction>): Promise<void> {
  await db
    .insertInto('actions')
    .values(action)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({ ...update, version: eb('actions.version', '+', 1) })),
    )
    .execute();
}

// Follow-ups.
export async function findFollowUp(
  db: Db,
  organisationId: string,
  id: string,
): Promise<FollowUpRow | undefined> {
  return db
    .selectFrom('follow_ups')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function entriesOf(
  db: Db,
  organisationId: string,
  followUpId: string,
): Promise<FollowUpEntryRow[]> {
  return db
    .selectFrom('follow_up_entries')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('follow_up_id', '=', followUpId)
    .orderBy('id')
    .execute();
}

export async function insertFollowUp(
  db: Db,
  followUp: { id: string; organisationId: string; planId: string; plannedDate: string; now: string },
): Promise<void> {
  await db
    .insertInto('follow_ups')
    .values({
      id: followUp.id,
      organisation_id: followUp.organisationId,
      plan_id: followUp.planId,
      planned_date: followUp.plannedDate,
      held_at: null,
      notes: null,
      created_at: followUp.now,
      updated_at: followUp.now,
    })
    .execute();
}

export async function upsertEntry(
  db: Db,
  entry: {
    id: string;
    organisationId: string;
    planId: string;
    followUpId: string;
    goalId: string;
    state: string;
    progress: string | null;
    acceleration: string | null;
    expectations: string | null;
    notes: string | null;
    now: string;
  },
): Promise<void> {
  const values = {
    state: entry.state,
    progress: entry.progress,
    acceleration: entry.acceleration,
    expectations: entry.expectations,
    notes: entry.notes,
    updated_at: entry.now,
  };
  await db
    .insertInto('follow_up_entries')
    .values({
      id: entry.id,
      organisation_id: entry.organisationId,
      plan_id: entry.planId,
      follow_up_id: entry.followUpId,
      goal_id: entry.goalId,
      created_at: entry.now,
      ...values,
    })
    .onConflict((oc) => oc.columns(['follow_up_id', 'goal_id']).doUpdateSet(values))
    .execute();
}

// Versions and evaluations.
export async function insertVersion(
  db: Db,
  version: {
    id: string;
    organisationId: string;
    planId: string;
    number: number;
    snapshot: string;
    employeeApprovedAt: string;
    managerApprovedAt: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('plan_versions')
    .values({
      id: version.id,
      organisation_id: version.organisationId,
      plan_id: version.planId,
      number: version.number,
      snapshot: version.snapshot,
      employee_approved_at: version.employeeApprovedAt,
      manager_approved_at: version.managerApprovedAt,
      created_at: version.now,
    })
    .execute();
}

export async function findVersion(
  db: Db,
  organisationId: string,
  planId: string,
  number: number,
): Promise<PlanVersionRow | undefined> {
  return db
    .selectFrom('plan_versions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function findEvaluation(
  db: Db,
  organisationId: string,
  planId: string,
  party: string,
): Promise<EvaluationRow | undefined> {
  return db
    .selectFrom('evaluations')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('party', '=', party)
    .executeTakeFirst();
}

/** The name of one of the organisation's competencies; undefined when it has no such competency. */
export async function competencyName(
  db: Db,
  organisationId: string,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('competencies')
    .select('name')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name;
}

/** The maximum position in use, so a new item goes last. */
export async function nextTalkingPointPosition(
  db: Db,
  organisationId: string,
  planId: string,
  party: string,
): Promise<number> {
  const row = await db
    .selectFrom('talking_points')
    .select(sql<number | null>`max(position)`.as('m'))
    .where('organisation_id', '=', organisationId)
    .where('plan_id', '=', planId)
    .where('party', '=', party)
    .executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 1;
}
