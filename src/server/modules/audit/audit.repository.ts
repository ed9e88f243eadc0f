import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/connection.js';
import { plainColumns, preparedFamily, preparedQuery } from '../../db/prepared-query.js';
import type { Database, NewAuditEvent, OrganisationRow } from '../../db/schema.js';

type Db = Kysely<Database>;

/** One insert prepared per set of columns (every write of the application adds one row). */
const auditInserts = preparedFamily(
  (columns: string[]) => columns.join(','),
  (columns: string[]) =>
    preparedQuery((db: Db, p: Record<string, unknown>) =>
      db
        .insertInto('audit_events')
        .values(Object.fromEntries(columns.map((column) => [column, p[column]])) as unknown as NewAuditEvent),
    ),
);

/** Rows are only ever inserted: the database refuses UPDATE and DELETE (migration 0007). */
export async function insertAuditEvent(db: Db, row: NewAuditEvent): Promise<void> {
  const columns = plainColumns(row);
  if (columns) await auditInserts(columns).run(db, row as unknown as Record<string, unknown>);
  else await db.insertInto('audit_events').values(row).execute();
}

/** Many rows in one statement (an import). */
export async function insertAuditEvents(db: Db, rows: NewAuditEvent[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200)
    await db
      .insertInto('audit_events')
      .values(rows.slice(start, start + 200))
      .execute();
}

const lastRead = preparedQuery((db: Db, p: { planId: string; readerId: string }) =>
  db
    .selectFrom('plan_reads')
    .select('read_at')
    .where('plan_id', '=', p.planId)
    .where('reader_id', '=', p.readerId),
);

/** When this person's last read of this plan was recorded, if ever: one seek on the key of `plan_reads`. */
export async function lastReadAt(db: Db, planId: string, readerId: string): Promise<string | undefined> {
  return (await lastRead.executeTakeFirst(db, { planId, readerId }))?.read_at;
}

/** Notes a recorded read as this person's last of this plan. */
export async function noteRead(
  db: Db,
  read: { organisationId: string; planId: string; readerId: string; at: string },
): Promise<void> {
  await db
    .insertInto('plan_reads')
    .values({
      organisation_id: read.organisationId,
      plan_id: read.planId,
      reader_id: read.readerId,
      read_at: read.at,
    })
    .onConflict((oc) => oc.columns(['plan_id', 'reader_id']).doUpdateSet({ read_at: read.at }))
    .execute();
}

/** Forgets the recorded reads older than `before`: they no longer decide anything (the audit log keeps them). */
export async function forgetReadsBefore(db: Db, organisationId: string, before: string): Promise<number> {
  const result = await db
    .deleteFrom('plan_reads')
    .where('organisation_id', '=', organisationId)
    .where('read_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface PlanParties {
  employee_id: string;
  manager_id: string;
}

export async function findPlanParties(
  db: Db,
  organisationId: string,
  planId: string,
): Promise<PlanParties | undefined> {
  return db
    .selectFrom('plans')
    .select(['employee_id', 'manager_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', planId)
    .executeTakeFirst();
}

export async function findOrganisationRow(
  db: Db,
  organisationId: string,
): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

export async function findTimeZone(db: Db, organisationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.time_zone;
}

export interface AuditFilter {
  planId?: string;
  actorId?: string;
  subjectPersonId?: string;
  action?: string;
  objectType?: string;
  /** ISO instants: from included, until excluded. */
  from?: string;
  until?: string;
  excludeActions?: readonly string[];
  /** Keyset cursor: rows with a smaller id. */
  before?: number;
  limit: number;
  /** Join the current title of goals and description of actions (for the plan's parties only). */
  withLabels?: boolean;
}

export interface AuditEventView {
  id: number;
  occurred_at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  subject_person_id: string | null;
  plan_id: string | null;
  changes: string | null;
  request_id: string | null;
  actor_first_name: string | null;
  actor_last_name: string | null;
  subject_first_name: string | null;
  subject_last_name: string | null;
  goal_title: string | null;
  action_description: string | null;
}

/** One page of an organisation's log, newest first, with the names of the people involved. */
export async function listAuditEvents(
  db: Db,
  organisationId: string,
  filter: AuditFilter,
): Promise<AuditEventView[]> {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('people as actor', (join) =>
      join.onRef('actor.id', '=', 'e.actor_id').onRef('actor.organisation_id', '=', 'e.organisation_id'),
    )
    .leftJoin('people as subject', (join) =>
      join
        .onRef('subject.id', '=', 'e.subject_person_id')
        .onRef('subject.organisation_id', '=', 'e.organisation_id'),
    )
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_id',
      'e.actor_role',
      'e.action',
      'e.object_type',
      'e.object_id',
      'e.subject_person_id',
      'e.plan_id',
      'e.changes',
      'e.request_id',
      'actor.first_name as actor_first_name',
      'actor.last_name as actor_last_name',
      'subject.first_name as subject_first_name',
      'subject.last_name as subject_last_name',
    ])
    .where('e.organisation_id', '=', organisationId);
  if (filter.planId !== undefined) query = query.where('e.plan_id', '=', filter.planId);
  if (filter.actorId !== undefined) query = query.where('e.actor_id', '=', filter.actorId);
  if (filter.subjectPersonId !== undefined)
    query = query.where('e.subject_person_id', '=', filter.subjectPersonId);
  if (filter.action !== undefined) query = query.where('e.action', '=', filter.action);
  if (filter.objectType !== undefined) query = query.where('e.object_type', '=', filter.objectType);
  if (filter.from !== undefined) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.until !== undefined) query = query.where('e.occurred_at', '<', filter.until);
  if (filter.excludeActions && filter.excludeActions.length > 0)
    query = query.where('e.action', 'not in', [...filter.excludeActions]);
  if (filter.before !== undefined) query = query.where('e.id', '<', filter.before);
  const labelled = filter.withLabels
    ? query
        .leftJoin('goals as g', (join) =>
          join
            .onRef('g.id', '=', 'e.object_id')
            .onRef('g.organisation_id', '=', 'e.organisation_id')
            .on('e.object_type', '=', 'goal'),
        )
        .leftJoin('actions as a', (join) =>
          join
            .onRef('a.id', '=', 'e.object_id')
            .onRef('a.organisation_id', '=', 'e.organisation_id')
            .on('e.object_type', '=', 'action'),
        )
        .select(['g.title as goal_title', 'a.description as action_description'])
    : query.select([sql<null>`null`.as('goal_title'), sql<null>`null`.as('action_description')]);
  const rows = await labelled.orderBy('e.id', 'desc').limit(filter.limit).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/**
 * The retention purge: removes an organisation's rows older than `before`. The one DELETE the append-only guard
 * lets through, switched on inside this function's own transaction only (see migration 0007). Takes the database
 * itself, not a transaction.
 */
export async function purgeAuditEventsBefore(
  db: Db,
  dialect: Dialect,
  organisationId: string,
  before: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgresql')
      await sql`select set_config('groeipad.audit_purge', 'on', true)`.execute(trx);
    else await sql`update audit_purge_control set enabled = 1 where id = 1`.execute(trx);
    const result = await trx
      .deleteFrom('audit_events')
      .where('organisation_id', '=', organisationId)
      .where('occurred_at', '<', before)
      .executeTakeFirst();
    if (dialect === 'sqlite') await sql`update audit_purge_control set enabled = 0 where id = 1`.execute(trx);
    return Number(result.numDeletedRows);
  });
}
