import type { Kysely } from 'kysely';
import type { Database, PlanRow } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * What the planner needs to know about some plans, read straight from the plan tables (read only: the plans module
 * owns every write). Lists are read in chunks so a large organisation never builds an oversized `IN (...)`.
 */
export type FactsScope =
  | { all: true; closedSince: string }
  | { planIds: readonly string[] }
  | { personId: string; closedSince: string };

export type FactPlan = Pick<
  PlanRow,
  | 'id'
  | 'organisation_id'
  | 'employee_id'
  | 'manager_id'
  | 'phase'
  | 'cancelled'
  | 'requested_by'
  | 'created_at'
  | 'period_start'
  | 'period_end'
  | 'conversation_at'
  | 'employee_approved_at'
  | 'manager_approved_at'
  | 'disagreement'
  | 'revision_open'
  | 'evaluation_date'
  | 'closed_at'
>;

export interface FactRows {
  plans: FactPlan[];
  preparations: Array<{ plan_id: string; party: string; shared_at: string | null }>;
  evaluations: Array<{ plan_id: string; party: string; submitted_at: string | null }>;
  followUps: Array<{ id: string; plan_id: string; planned_date: string; held_at: string | null }>;
  actions: Array<{ id: string; plan_id: string; status: string; timing: string | null; updated_at: string }>;
}

const chunks = <T>(values: readonly T[], size = 500): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};

export async function loadFactRows(db: Db, organisationId: string, scope: FactsScope): Promise<FactRows> {
  let query = db
    .selectFrom('plans')
    .select([
      'id',
      'organisation_id',
      'employee_id',
      'manager_id',
      'phase',
      'cancelled',
      'requested_by',
      'created_at',
      'period_start',
      'period_end',
      'conversation_at',
      'employee_approved_at',
      'manager_approved_at',
      'disagreement',
      'revision_open',
      'evaluation_date',
      'closed_at',
    ])
    .where('organisation_id', '=', organisationId);
  if ('planIds' in scope) {
    if (scope.planIds.length === 0)
      return { plans: [], preparations: [], evaluations: [], followUps: [], actions: [] };
    query = query.where('id', 'in', [...scope.planIds]);
  } else {
    // Open plans, and plans closed lately (a cancellation still has to reach the calendars).
    query = query.where((eb) =>
      eb.or([eb('phase', '!=', 'closed'), eb('closed_at', '>=', scope.closedSince)]),
    );
    if ('personId' in scope)
      query = query.where((eb) =>
        eb.or([eb('employee_id', '=', scope.personId), eb('manager_id', '=', scope.personId)]),
      );
  }
  const plans = await query.orderBy('created_at').orderBy('id').execute();
  const rows: FactRows = { plans, preparations: [], evaluations: [], followUps: [], actions: [] };
  // Each kind of row is read only for the plans whose phase makes it matter (and the queries stay small).
  const idsIn = (phases: readonly string[]) => plans.filter((p) => phases.includes(p.phase)).map((p) => p.id);
  for (const ids of chunks(idsIn(['preparation'])))
    rows.preparations.push(
      ...(await db
        .selectFrom('preparations')
        .select(['plan_id', 'party', 'shared_at'])
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', ids)
        .execute()),
    );
  for (const ids of chunks(idsIn(['approved', 'evaluation'])))
    rows.evaluations.push(
      ...(await db
        .selectFrom('evaluations')
        .select(['plan_id', 'party', 'submitted_at'])
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', ids)
        .execute()),
    );
  // Follow-ups of every plan: they are calendar events, also to be cancelled.
  for (const ids of chunks(plans.map((p) => p.id)))
    rows.followUps.push(
      ...(await db
        .selectFrom('follow_ups')
        .select(['id', 'plan_id', 'planned_date', 'held_at'])
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', ids)
        .orderBy('planned_date')
        .orderBy('id')
        .execute()),
    );
  for (const ids of chunks(idsIn(['approved'])))
    rows.actions.push(
      ...(await db
        .selectFrom('actions')
        .select(['id', 'plan_id', 'status', 'timing', 'updated_at'])
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', ids)
        .where('status', 'in', ['planned', 'in_progress'])
        .orderBy('position')
        .orderBy('id')
        .execute()),
    );
  return rows;
}

export interface FactPerson {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  locale: string;
  status: string;
  end_date: string | null;
}

export async function loadPeople(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<FactPerson[]> {
  const people: FactPerson[] = [];
  for (const part of chunks([...new Set(ids)])) {
    people.push(
      ...(await db
        .selectFrom('people')
        .select(['id', 'first_name', 'last_name', 'email', 'locale', 'status', 'end_date'])
        .where('organisation_id', '=', organisationId)
        .where('id', 'in', part)
        .execute()),
    );
  }
  return people;
}

export async function hrIdsOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_roles')
    .select('person_id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'hr')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function lastBalanceStatementAt(db: Db, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('balance_statements')
    .select((eb) => eb.fn.max('sent_at').as('last'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

export interface OrganisationFacts {
  id: string;
  name: string;
  time_zone: string;
  exchange_days: number;
  country: string;
}

export async function findOrganisation(
  db: Db,
  organisationId: string,
): Promise<OrganisationFacts | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'time_zone', 'exchange_days', 'country'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

export async function organisationIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('organisations').select('id').orderBy('id').execute()).map((r) => r.id);
}
