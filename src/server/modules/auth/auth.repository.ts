import type { Kysely } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface SessionLookup {
  sessionId: string;
  personId: string;
  organisationId: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  locale: string;
  status: string;
  /** The person's roles (person_roles), read in the same statement: every request asks for them. */
  roles: string[];
}

/** One row per role (one with a null role for a person without any). Asked by every request: prepared once. */
const sessionRows = preparedQuery((db: Db, p: { sessionId: string }) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .leftJoin('person_roles as r', 'r.person_id', 's.person_id')
    .select([
      's.id as sessionId',
      's.person_id as personId',
      's.organisation_id as organisationId',
      's.csrf_token as csrfToken',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'p.locale as locale',
      'p.status as status',
      'r.role as role',
    ])
    .where('s.id', '=', p.sessionId),
);

export async function findSession(db: Db, sessionId: string): Promise<SessionLookup | undefined> {
  const rows = await sessionRows.execute(db, { sessionId });
  const [first] = rows;
  if (!first) return undefined;
  const { role: _role, ...session } = first;
  return { ...session, roles: rows.flatMap((row) => (row.role === null ? [] : [row.role])) };
}

export async function rolesOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('person_roles').select('role').where('person_id', '=', personId).execute();
  return rows.map((r) => r.role);
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    personId: string;
    organisationId: string;
    csrfToken: string;
    now: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      person_id: session.personId,
      organisation_id: session.organisationId,
      csrf_token: session.csrfToken,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function touchSession(db: Db, sessionId: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfPerson(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}

export async function findLoginCandidate(db: Db, emailKey: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.organisation_id',
      'p.password_hash',
      'p.status',
      'p.first_name',
      'p.locale',
      'o.name as organisation_name',
    ])
    .where('p.email_key', '=', emailKey)
    .executeTakeFirst();
}

export async function recordLogin(db: Db, personId: string, now: string): Promise<void> {
  await db.updateTable('people').set({ last_login_at: now }).where('id', '=', personId).execute();
}

export async function setPasswordHash(
  db: Db,
  personId: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();
}

export async function passwordHashOf(db: Db, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('password_hash')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

// One-time tokens (invitation, password reset).

export async function insertAuthToken(
  db: Db,
  token: {
    id: string;
    tokenHash: string;
    organisationId: string;
    personId: string;
    purpose: string;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('auth_tokens')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      organisation_id: token.organisationId,
      person_id: token.personId,
      purpose: token.purpose,
      created_at: token.now,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

export async function findAuthToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('auth_tokens as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select([
      't.id',
      't.person_id',
      't.organisation_id',
      't.purpose',
      't.expires_at',
      't.used_at',
      'p.first_name',
      'p.status',
      'o.name as organisation_name',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Marks a token used; answers false when another request used it first. */
export async function useAuthToken(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeTokensOfPerson(db: Db, personId: string, now: string): Promise<void> {
  await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
}

// Throttles (login and reset attempts per account and per IP).

export async function findThrottle(db: Db, key: string) {
  return db.selectFrom('throttles').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(
  db: Db,
  row: { key: string; failures: number; window_started_at: string; blocked_until: string | null },
): Promise<void> {
  await db
    .insertInto('throttles')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        window_started_at: row.window_started_at,
        blocked_until: row.blocked_until,
      }),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('throttles').where('key', '=', key).execute();
}
