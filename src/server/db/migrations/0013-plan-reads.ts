import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * "Did this person read this plan in the last hour?" is asked on every plan page someone other than its employee
 * opens; the answer decides whether a `plan.read` row is added to the audit log. It was answered by an index on the
 * audit log itself, `audit_events_reads (organisation_id, plan_id, actor_id, action, occurred_at)`, which every audit
 * row of every write had to join at a random place: 20-45 µs of a save's 700 on SQLite, for a question about reads
 * only. `plan_reads` keeps the last recorded read per plan and reader instead, written only when a read is recorded
 * (at most once an hour per pair). The audit log keeps every read; this table only says when the last one was.
 *
 * The reads of the last hour are carried over, so the upgrade records no read twice.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('plan_reads')
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('reader_id', 'text', (c) => c.notNull())
    .addColumn('read_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_reads_pk', ['plan_id', 'reader_id'])
    .execute();
  // The privacy purge removes a reader's rows and those older than the hour, per organisation.
  await db.schema
    .createIndex('plan_reads_org_time')
    .on('plan_reads')
    .columns(['organisation_id', 'read_at'])
    .execute();

  const since = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const organisations = await db.selectFrom('organisations').select('id').execute();
  for (const { id } of organisations) {
    // One range of `audit_events_org_time` per organisation: the reads of the last hour, the newest per pair.
    await sql`
      INSERT INTO plan_reads (organisation_id, plan_id, reader_id, read_at)
      SELECT e.organisation_id, e.plan_id, e.actor_id, MAX(e.occurred_at)
      FROM audit_events e
      JOIN plans p ON p.id = e.plan_id
      WHERE e.organisation_id = ${id} AND e.occurred_at >= ${since} AND e.action = 'plan.read'
        AND e.actor_id IS NOT NULL
      GROUP BY e.organisation_id, e.plan_id, e.actor_id`.execute(db);
  }
  await db.schema.dropIndex('audit_events_reads').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_events_reads')
    .on('audit_events')
    .columns(['organisation_id', 'plan_id', 'actor_id', 'action', 'occurred_at'])
    .execute();
  await db.schema.dropTable('plan_reads').execute();
}
