import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/**
 * The team view reads everything in a fixed number of queries, whatever the size of the team: the people, their
 * plans, then the parts of the current plans by plan id.
 */
export type PeopleScope =
  | { kind: 'team'; teamId: string; actorId: string }
  | { kind: 'led'; actorId: string };

export interface TeamViewSettings {
  time_zone: string;
  exchange_days: number;
  hr_sees_plan_content: boolean | number;
  catalogue_revision: number;
}

const settingsOf = preparedQuery((db: Db, p: { organisationId: string }) =>
  db
    .selectFrom('organisations')
    .select(['time_zone', 'exchange_days', 'hr_sees_plan_content', 'catalogue_revision'])
    .where('id', '=', p.organisationId),
);

export async function findSettings(db: Db, organisationId: string): Promise<TeamViewSettings | undefined> {
  return settingsOf.executeTakeFirst(db, { organisationId });
}

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

/** Active teams: all of the organisation, or those one person leads. */
export async function listTeams(
  db: Db,
  organisationId: string,
  filter: { managerId?: string },
): Promise<Array<{ id: string; name: string }>> {
  let query = db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('archived_at', 'is', null);
  if (filter.managerId) query = query.where('manager_id', '=', filter.managerId);
  return query.orderBy('name_key').orderBy('id').execute();
}

/** Whether anyone active has this person as direct manager or belongs to a team they lead: two indexed probes. */
export async function leadsAnyone(db: Db, organisationId: string, personId: string): Promise<boolean> {
  const direct = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('manager_id', '=', personId)
    .where('status', '=', 'active')
    .where('id', '!=', personId)
    .limit(1)
    .executeTakeFirst();
  if (direct) return true;
  const member = await db
    .selectFrom('teams as lt')
    .innerJoin('people as m', (join) =>
      join.onRef('m.team_id', '=', 'lt.id').onRef('m.organisation_id', '=', 'lt.organisation_id'),
    )
    .select('m.id')
    .where('lt.organisation_id', '=', organisationId)
    .where('lt.manager_id', '=', personId)
    .where('m.status', '=', 'active')
    .where('m.id', '!=', personId)
    .limit(1)
    .executeTakeFirst();
  return member !== undefined;
}

function scopedPeople(db: Db, organisationId: string, scope: PeopleScope) {
  let query = db
    .selectFrom('people as p')
    .where('p.organisation_id', '=', organisationId)
    .where('p.status', '=', 'active')
    .where('p.id', '!=', scope.actorId);
  if (scope.kind === 'team') query = query.where('p.team_id', '=', scope.teamId);
  // Two indexed lookups joined by UNION: an OR of the two made SQLite walk the whole organisation.
  else
    query = query.where(
      'p.id',
      'in',
      db
        .selectFrom('people as direct')
        .select('direct.id')
        .where('direct.organisation_id', '=', organisationId)
        .where('direct.manager_id', '=', scope.actorId)
        .union(
          db
            .selectFrom('people as member')
            .select('member.id')
            .where('member.organisation_id', '=', organisationId)
            .where(
              'member.team_id',
              'in',
              db
                .selectFrom('teams as lt')
                .select('lt.id')
                .where('lt.organisation_id', '=', organisationId)
                .where('lt.manager_id', '=', scope.actorId),
            ),
        ),
    );
  return query;
}

export interface TeamViewPersonRow {
  id: string;
  first_name: string;
  last_name: string;
  manager_id: string | null;
  function_id: string | null;
  function_name: string | null;
  team_id: string | null;
  team_name: string | null;
  team_manager_id: string | null;
}

export async function listPeople(
  db: Db,
  organisationId: string,
  scope: PeopleScope,
): Promise<TeamViewPersonRow[]> {
  return scopedPeople(db, organisationId, scope)
    .leftJoin('job_functions as f', 'f.id', 'p.function_id')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.manager_id',
      'p.function_id',
      'f.name as function_name',
      'p.team_id',
      't.name as team_name',
      't.manager_id as team_manager_id',
    ])
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute();
}

export interface TeamViewPlanRow {
  id: string;
  employee_id: string;
  manager_id: string;
  period_start: string;
  period_end: string;
  phase: string;
  conversation_at: string | null;
  employee_approved_at: string | null;
  manager_approved_at: string | null;
  disagreement: boolean | number;
  revision_open: boolean | number;
  evaluation_complete: boolean | number;
  cancelled: boolean | number;
  evaluation_date: string | null;
  created_at: string;
}

/** Every plan of the people in scope (a handful each): the service picks each person's current one. */
export async function listPlansOfPeople(
  db: Db,
  organisationId: string,
  scope: PeopleScope,
): Promise<TeamViewPlanRow[]> {
  return db
    .selectFrom('plans')
    .select([
      'id',
      'employee_id',
      'manager_id',
      'period_start',
      'period_end',
      'phase',
      'conversation_at',
      'employee_approved_at',
      'manager_approved_at',
      'disagreement',
      'revision_open',
      'evaluation_complete',
      'cancelled',
      'evaluation_date',
      'created_at',
    ])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', 'in', scopedPeople(db, organisationId, scope).select('p.id'))
    .execute();
}

/**
 * A fingerprint of every plan of the people in scope: their count, the sums of `version` and `page_revision` (both
 * only grow) and the last change. Any change of a plan or of what its page shows moves it.
 */
const plansStampQuery = (
  db: Db,
  kind: PeopleScope['kind'],
  p: { organisationId: string; teamId: string; actorId: string },
) =>
  db
    .selectFrom('plans')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('page_revision').as('revisions'),
      eb.fn.sum<number>('version').as('versions'),
      eb.fn.max('updated_at').as('last_change'),
    ])
    .where('organisation_id', '=', p.organisationId)
    .where(
      'employee_id',
      'in',
      scopedPeople(
        db,
        p.organisationId,
        kind === 'team' ? { kind, teamId: p.teamId, actorId: p.actorId } : { kind, actorId: p.actorId },
      ).select('p.id'),
    );
const plansStampOf = (kind: PeopleScope['kind']) =>
  preparedQuery((db: Db, p: { organisationId: string; teamId: string; actorId: string }) =>
    plansStampQuery(db, kind, p),
  );
const plansStamps = { team: plansStampOf('team'), led: plansStampOf('led') };

export interface PlansStamp {
  n: number;
  revisions: number | null;
  versions: number | null;
  last_change: string | null;
}

export async function plansOfPeopleStamp(
  db: Db,
  organisationId: string,
  scope: PeopleScope,
): Promise<PlansStamp | undefined> {
  // A scope of the people one leads has no team: its statement takes no `teamId`.
  const teamId = scope.kind === 'team' ? scope.teamId : '';
  return plansStamps[scope.kind].executeTakeFirst(db, { organisationId, actorId: scope.actorId, teamId });
}

/** The settings and the plans' fingerprint in one statement: what every request for a kept team view asks. */
const settingsWithPlansStampOf = (kind: PeopleScope['kind']) =>
  preparedQuery((db: Db, p: { organisationId: string; teamId: string; actorId: string }) =>
    db
      .selectFrom('organisations as o')
      .innerJoin(plansStampQuery(db, kind, p).as('s'), (join) => join.onTrue())
      .select([
        'o.time_zone',
        'o.exchange_days',
        'o.hr_sees_plan_content',
        'o.catalogue_revision',
        's.n',
        's.revisions',
        's.versions',
        's.last_change',
      ])
      .where('o.id', '=', p.organisationId),
  );
const settingsWithPlansStamps = {
  team: settingsWithPlansStampOf('team'),
  led: settingsWithPlansStampOf('led'),
};

export async function findSettingsWithPlansStamp(
  db: Db,
  organisationId: string,
  scope: PeopleScope,
): Promise<{ settings: TeamViewSettings; plans: PlansStamp } | undefined> {
  const teamId = scope.kind === 'team' ? scope.teamId : '';
  const row = await settingsWithPlansStamps[scope.kind].executeTakeFirst(db, {
    organisationId,
    actorId: scope.actorId,
    teamId,
  });
  if (!row) return undefined;
  // The same objects, keys in the same order, as `findSettings` and `plansOfPeopleStamp` answer.
  return {
    settings: {
      time_zone: row.time_zone,
      exchange_days: row.exchange_days,
      hr_sees_plan_content: row.hr_sees_plan_content,
      catalogue_revision: row.catalogue_revision,
    },
    plans: { n: row.n, revisions: row.revisions, versions: row.versions, last_change: row.last_change },
  };
}

export interface CurrentPlanParts {
  preparations: Array<{ plan_id: string; party: string; shared_at: string | null }>;
  followUps: Array<{ plan_id: string; planned_date: string; held_at: string | null }>;
  goals: Array<{
    id: string;
    plan_id: string;
    title: string;
    competency_id: string | null;
    competency_name: string | null;
  }>;
  actions: Array<{
    id: string;
    plan_id: string;
    goal_id: string;
    type: string;
    status: string;
    timing: string | null;
    hours: number | string | null;
    cost: number | string | null;
    actual_start: string | null;
    actual_end: string | null;
  }>;
  talkingPoints: Array<{ plan_id: string; party: string; text: string }>;
}

/**
 * The parts of the current plans the team view needs. Talking points are read only for the plans in
 * `talkingPointPlanIds` (those the caller is a party of); the service filters them further by who shared.
 * Preparation answers are never read here: only whether each side shared.
 */
export async function loadCurrentPlanParts(
  db: Db,
  organisationId: string,
  planIds: readonly string[],
  talkingPointPlanIds: readonly string[],
): Promise<CurrentPlanParts> {
  if (planIds.length === 0)
    return { preparations: [], followUps: [], goals: [], actions: [], talkingPoints: [] };
  const ids = [...planIds];
  const [preparations, followUps, goals, actions, talkingPoints] = await Promise.all([
    db
      .selectFrom('preparations')
      .select(['plan_id', 'party', 'shared_at'])
      .where('organisation_id', '=', organisationId)
      .where('plan_id', 'in', ids)
      .execute(),
    db
      .selectFrom('follow_ups')
      .select(['plan_id', 'planned_date', 'held_at'])
      .where('organisation_id', '=', organisationId)
      .where('plan_id', 'in', ids)
      .execute(),
    db
      .selectFrom('goals as g')
      .leftJoin('competencies as c', 'c.id', 'g.competency_id')
      .select(['g.id', 'g.plan_id', 'g.title', 'g.competency_id', 'c.name as competency_name'])
      .where('g.organisation_id', '=', organisationId)
      .where('g.plan_id', 'in', ids)
      .orderBy('g.plan_id')
      .orderBy('g.position')
      .orderBy('g.id')
      .execute(),
    db
      .selectFrom('actions')
      .select([
        'id',
        'plan_id',
        'goal_id',
        'type',
        'status',
        'timing',
        'hours',
        'cost',
        'actual_start',
        'actual_end',
      ])
      .where('organisation_id', '=', organisationId)
      .where('plan_id', 'in', ids)
      .orderBy('plan_id')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    talkingPointPlanIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('talking_points')
          .select(['plan_id', 'party', 'text'])
          .where('organisation_id', '=', organisationId)
          .where('plan_id', 'in', [...talkingPointPlanIds])
          .orderBy('plan_id')
          .orderBy('party')
          .orderBy('position')
          .orderBy('id')
          .execute(),
  ]);
  return { preparations, followUps, goals, actions, talkingPoints };
}

/** The competencies of the given functions, in profile order. */
export async function functionCompetencies(
  db: Db,
  organisationId: string,
  functionIds: readonly string[],
): Promise<Array<{ function_id: string; competency_id: string; name: string }>> {
  if (functionIds.length === 0) return [];
  return db
    .selectFrom('function_competencies as fc')
    .innerJoin('competencies as c', 'c.id', 'fc.competency_id')
    .select(['fc.function_id', 'fc.competency_id', 'c.name'])
    .where('fc.organisation_id', '=', organisationId)
    .where('fc.function_id', 'in', [...functionIds])
    .orderBy('fc.function_id')
    .orderBy('fc.position')
    .execute();
}

/** The organisation's own kinds of action, to name them in themes. */
export async function ownActionTypes(
  db: Db,
  organisationId: string,
): Promise<Array<{ id: string; name_nl: string; name_en: string | null }>> {
  return db
    .selectFrom('action_types')
    .select(['id', 'name_nl', 'name_en'])
    .where('organisation_id', '=', organisationId)
    .execute();
}
