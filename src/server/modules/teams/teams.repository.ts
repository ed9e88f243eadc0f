import type { Kysely } from 'kysely';
import type { Database, TeamRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface TeamView {
  id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  manager_id: string | null;
  manager_first_name: string | null;
  manager_last_name: string | null;
  member_count: number | string | null;
  archived_at: string | null;
  version: number;
}

/** Teams with their manager's name and the number of active members, in one query. */
function teamViews(db: Db, organisationId: string) {
  return db
    .selectFrom('teams as t')
    .leftJoin('people as m', 'm.id', 't.manager_id')
    .select([
      't.id',
      't.organisation_id',
      't.name',
      't.description',
      't.parent_id',
      't.manager_id',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      't.archived_at',
      't.version',
    ])
    .select((eb) =>
      eb
        .selectFrom('people as p')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('p.team_id', '=', 't.id')
        .where('p.status', '=', 'active')
        .as('member_count'),
    )
    .where('t.organisation_id', '=', organisationId);
}

export async function listTeams(
  db: Db,
  organisationId: string,
  filter: { managerId?: string } = {},
): Promise<TeamView[]> {
  let query = teamViews(db, organisationId);
  if (filter.managerId) query = query.where('t.manager_id', '=', filter.managerId);
  return query.orderBy('t.name_key').orderBy('t.id').execute();
}

export async function findTeam(db: Db, organisationId: string, id: string): Promise<TeamView | undefined> {
  return teamViews(db, organisationId).where('t.id', '=', id).executeTakeFirst();
}

export async function findTeamRow(db: Db, organisationId: string, id: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every team of the organisation, archived ones included (their names stay taken). */
export async function listTeamRows(db: Db, organisationId: string): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('organisation_id', '=', organisationId).execute();
}

export async function isTeamNameTaken(
  db: Db,
  organisationId: string,
  nameKey: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('teams')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function hasChildTeams(db: Db, organisationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('teams')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('parent_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function isPersonOfOrganisation(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface TeamInsert {
  id: string;
  organisationId: string;
  name: string;
  nameKey: string;
  description?: string | null;
  parentId?: string | null;
  managerId?: string | null;
  now: string;
}

export async function insertTeam(db: Db, team: TeamInsert): Promise<void> {
  await db
    .insertInto('teams')
    .values({
      id: team.id,
      organisation_id: team.organisationId,
      name: team.name,
      name_key: team.nameKey,
      description: team.description ?? null,
      parent_id: team.parentId ?? null,
      manager_id: team.managerId ?? null,
      archived_at: null,
      created_at: team.now,
      updated_at: team.now,
    })
    .execute();
}
