import { type Kysely, sql } from 'kysely';
import type { PeopleScope } from '../../../shared/policies.js';
import { roles as allRoles, type Role } from '../../../shared/roles.js';
import { emailKey, searchKey } from '../../../shared/text.js';
import type { Database, NewPerson, PersonRow } from '../../db/schema.js';

type Db = Kysely<Database>;

const isRole = (value: string): value is Role => (allRoles as readonly string[]).includes(value);

export interface PersonInsert {
  id: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string;
  functionId?: string | null;
  teamId?: string | null;
  managerId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  fte?: number;
  workRegime?: string | null;
  employmentCountry: string;
  locale: string;
  passwordHash?: string | null;
  /** HR-only facts for the training plan's counts. */
  riskGroup?: boolean;
  gender?: string | null;
  now: string;
}

export const personSearchKey = (p: { firstName: string; lastName: string; email: string }): string =>
  searchKey(`${p.firstName} ${p.lastName} ${p.email}`);

export function personRow(p: PersonInsert): NewPerson {
  return {
    id: p.id,
    organisation_id: p.organisationId,
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email.trim(),
    email_key: emailKey(p.email),
    search_key: personSearchKey(p),
    function_id: p.functionId ?? null,
    team_id: p.teamId ?? null,
    manager_id: p.managerId ?? null,
    start_date: p.startDate ?? null,
    end_date: p.endDate ?? null,
    fte: p.fte ?? 1,
    work_regime: p.workRegime ?? null,
    risk_group: p.riskGroup ? 1 : 0,
    gender: p.gender ?? null,
    employment_country: p.employmentCountry,
    locale: p.locale,
    status: 'active',
    password_hash: p.passwordHash ?? null,
    invited_at: null,
    last_login_at: null,
    created_at: p.now,
    updated_at: p.now,
  };
}

export async function insertPerson(db: Db, person: PersonInsert): Promise<void> {
  await db.insertInto('people').values(personRow(person)).execute();
}

/**
 * Many people and their roles in two statements (an import chunk). A row may name a manager inserted by the same
 * statement: both databases check foreign keys at the end of the statement.
 */
export async function insertPeopleWithRoles(
  db: Db,
  people: readonly (PersonInsert & { roles: readonly Role[] })[],
): Promise<void> {
  if (people.length === 0) return;
  await db.insertInto('people').values(people.map(personRow)).execute();
  const roles = people.flatMap((p) =>
    [...new Set(p.roles)].map((role) => ({ person_id: p.id, organisation_id: p.organisationId, role })),
  );
  if (roles.length > 0) await db.insertInto('person_roles').values(roles).execute();
}

export async function emailInUse(db: Db, email: string, exceptPersonId?: string): Promise<boolean> {
  let query = db.selectFrom('people').select('id').where('email_key', '=', emailKey(email));
  if (exceptPersonId) query = query.where('id', '!=', exceptPersonId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function replaceRoles(
  db: Db,
  organisationId: string,
  personId: string,
  roles: readonly Role[],
): Promise<void> {
  await db
    .deleteFrom('person_roles')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .execute();
  if (roles.length === 0) return;
  await db
    .insertInto('person_roles')
    .values(
      [...new Set(roles)].map((role) => ({ person_id: personId, organisation_id: organisationId, role })),
    )
    .execute();
}

export interface PersonView {
  id: string;
  organisation_id: string;
  first_name: string;
  last_name: string;
  email: string;
  function_id: string | null;
  function_name: string | null;
  team_id: string | null;
  team_name: string | null;
  manager_id: string | null;
  manager_first_name: string | null;
  manager_last_name: string | null;
  start_date: string | null;
  end_date: string | null;
  fte: number;
  work_regime: string | null;
  risk_group: boolean | number;
  gender: string | null;
  employment_country: string;
  locale: string;
  status: string;
  has_account: boolean | number;
  invited_at: string | null;
  last_login_at: string | null;
  version: number;
}

export interface PersonFilter {
  scope: PeopleScope;
  actorId: string;
  /** Words that must all occur in the normalised name and email. */
  words: string[];
  teamId?: string;
  status: 'active' | 'disabled' | 'all';
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likeContains = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

function filteredPeople(db: Db, organisationId: string, filter: PersonFilter) {
  let query = db.selectFrom('people as p').where('p.organisation_id', '=', organisationId);
  if (filter.scope === 'self') query = query.where('p.id', '=', filter.actorId);
  if (filter.scope === 'managed') {
    query = query.where((eb) =>
      eb.or([
        eb('p.id', '=', filter.actorId),
        eb('p.manager_id', '=', filter.actorId),
        eb(
          'p.team_id',
          'in',
          eb
            .selectFrom('teams as lt')
            .select('lt.id')
            .where('lt.organisation_id', '=', organisationId)
            .where('lt.manager_id', '=', filter.actorId),
        ),
      ]),
    );
  }
  for (const word of filter.words)
    query = query.where(sql<boolean>`${sql.ref('p.search_key')} like ${likeContains(word)} escape '!'`);
  if (filter.teamId) query = query.where('p.team_id', '=', filter.teamId);
  if (filter.status !== 'all') query = query.where('p.status', '=', filter.status);
  return query;
}

function withDetails<Q extends ReturnType<typeof filteredPeople>>(query: Q) {
  return query
    .leftJoin('job_functions as f', 'f.id', 'p.function_id')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .select([
      'p.id',
      'p.organisation_id',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.function_id',
      'f.name as function_name',
      'p.team_id',
      't.name as team_name',
      'p.manager_id',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
      'p.start_date',
      'p.end_date',
      'p.fte',
      'p.work_regime',
      'p.risk_group',
      'p.gender',
      'p.employment_country',
      'p.locale',
      'p.status',
      sql<boolean | number>`(p.password_hash is not null)`.as('has_account'),
      'p.invited_at',
      'p.last_login_at',
      'p.version',
    ]);
}

export async function listPeople(
  db: Db,
  organisationId: string,
  filter: PersonFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonView[]; total: number }> {
  const base = filteredPeople(db, organisationId, filter);
  const [rows, count] = await Promise.all([
    withDetails(base)
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('p.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findPersonView(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PersonView | undefined> {
  return withDetails(db.selectFrom('people as p').where('p.organisation_id', '=', organisationId))
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findPersonRow(
  db: Db,
  organisationId: string,
  id: string,
): Promise<PersonRow | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Roles of several people in one query. */
export async function rolesOfPeople(
  db: Db,
  organisationId: string,
  personIds: readonly string[],
): Promise<Map<string, Role[]>> {
  const result = new Map<string, Role[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('person_roles')
    .select(['person_id', 'role'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', 'in', [...personIds])
    .execute();
  for (const row of rows) if (isRole(row.role)) result.get(row.person_id)?.push(row.role);
  return result;
}

/** Roles of everyone in the organisation, for an import that compares a whole file at once. */
export async function rolesOfOrganisation(db: Db, organisationId: string): Promise<Map<string, Role[]>> {
  const result = new Map<string, Role[]>();
  const rows = await db
    .selectFrom('person_roles')
    .select(['person_id', 'role'])
    .where('organisation_id', '=', organisationId)
    .execute();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const list = result.get(row.person_id);
    if (list) list.push(row.role);
    else result.set(row.person_id, [row.role]);
  }
  return result;
}

export async function findTeamScope(
  db: Db,
  organisationId: string,
  teamId: string,
): Promise<{ id: string; organisationId: string; managerId: string | null } | undefined> {
  const row = await db
    .selectFrom('teams')
    .select(['id', 'organisation_id', 'manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  return row && { id: row.id, organisationId: row.organisation_id, managerId: row.manager_id };
}

export async function existsInOrganisation(
  db: Db,
  table: 'teams' | 'job_functions' | 'people',
  organisationId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function managerIdOf(db: Db, organisationId: string, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('manager_id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.manager_id ?? null;
}

/**
 * The active beheerders of the organisation. With `lock` (PostgreSQL) their rows stay locked until the transaction
 * ends, so two requests that each remove a different admin cannot both see the other one as remaining.
 */
export async function activeAdminIds(db: Db, organisationId: string, lock: boolean): Promise<string[]> {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('person_roles as r', 'r.person_id', 'p.id')
    .select('p.id')
    .where('p.organisation_id', '=', organisationId)
    .where('p.status', '=', 'active')
    .where('r.role', '=', 'admin')
    .$if(lock, (q) => q.forUpdate())
    .execute();
  return rows.map((r) => r.id);
}

export async function findOrganisationOf(db: Db, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['name', 'country', 'locale'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** Everyone of the organisation with what an import compares against. */
export async function listPeopleForImport(db: Db, organisationId: string) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'first_name',
      'last_name',
      'email',
      'email_key',
      'function_id',
      'team_id',
      'manager_id',
      'start_date',
      'end_date',
      'fte',
      'work_regime',
      'employment_country',
      'locale',
      'status',
      'version',
    ])
    .where('organisation_id', '=', organisationId)
    .execute();
}

/** Which of these email keys belong to people of other organisations (emails are unique install-wide). */
export async function emailKeysElsewhere(
  db: Db,
  organisationId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await db
      .selectFrom('people')
      .select('email_key')
      .where('organisation_id', '!=', organisationId)
      .where('email_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) found.add(row.email_key);
  }
  return found;
}
