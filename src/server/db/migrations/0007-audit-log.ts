import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The audit log: who did what to which object when, with the before and after of the fields that changed, and who
 * read a plan's content other than its employee.
 *
 * - `id` grows with every row (AUTOINCREMENT on SQLite, an identity on PostgreSQL): the order rows were written in,
 *   and the cursor of keyset paging.
 * - No foreign keys: a row outlives the goal, action or person it talks about, and an organisation's rows are removed
 *   only by the retention purge below.
 * - `subject_person_id` is the person whose plan or record the row concerns (the access log of a data export);
 *   `occurred_at` is indexed per organisation for the retention purge.
 * - `changes` is a JSON object `{ field: { before?, after? } }` of whitelisted fields only (never passwords, tokens,
 *   session ids, preparation answers or talking points).
 *
 * Append-only, enforced by the database: triggers refuse every UPDATE and DELETE (PostgreSQL also TRUNCATE). The
 * retention purge is the one controlled exception, and it must switch the guard off inside its own transaction:
 * - PostgreSQL: `SELECT set_config('groeipad.audit_purge', 'on', true)` (transaction-local), then DELETE;
 * - SQLite: `UPDATE audit_purge_control SET enabled = 1`, DELETE, `UPDATE audit_purge_control SET enabled = 0`, in
 *   one transaction (SQLite runs one writer at a time, so no other transaction sees the switch on).
 * This guards against application mistakes; whoever holds the database itself can always change its data.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('audit_events')
    .addColumn('id', t.isPostgres ? 'bigint' : 'integer', (c) =>
      t.isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    // The person who acted; null for the system (jobs).
    .addColumn('actor_id', 'text')
    // The capacity they acted in at that moment: employee | manager | hr | admin | system.
    .addColumn('actor_role', 'text')
    // A dotted code: plan.read, plan.approved, goal.updated, person.role_changed...
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('subject_person_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('changes', 'text')
    .addColumn('request_id', 'text')
    .execute();

  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('audit_events').columns(columns).execute();
  await index('audit_events_org', ['organisation_id', 'id']);
  await index('audit_events_org_time', ['organisation_id', 'occurred_at']);
  await index('audit_events_plan', ['organisation_id', 'plan_id', 'id']);
  await index('audit_events_subject', ['organisation_id', 'subject_person_id', 'id']);
  await index('audit_events_actor', ['organisation_id', 'actor_id', 'id']);
  // "Did this person read this plan in the last hour?": one seek, whatever else they did.
  await index('audit_events_reads', ['organisation_id', 'plan_id', 'actor_id', 'action', 'occurred_at']);

  if (t.isPostgres) {
    await sql`
      CREATE FUNCTION groeipad_audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('groeipad.audit_purge', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`.execute(db);
    await sql`
      CREATE TRIGGER audit_events_append_only
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION groeipad_audit_events_append_only()`.execute(db);
    await sql`
      CREATE TRIGGER audit_events_no_truncate
      BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION groeipad_audit_events_append_only()`.execute(db);
  } else {
    await db.schema
      .createTable('audit_purge_control')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`INSERT INTO audit_purge_control (id, enabled) VALUES (1, 0)`.execute(db);
    await sql`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused');
      END`.execute(db);
    await sql`
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      WHEN (SELECT enabled FROM audit_purge_control WHERE id = 1) IS NOT 1
      BEGIN
        SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused');
      END`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  if (t.isPostgres) {
    await sql`DROP TABLE audit_events`.execute(db);
    await sql`DROP FUNCTION groeipad_audit_events_append_only()`.execute(db);
  } else {
    await db.schema.dropTable('audit_events').execute();
    await db.schema.dropTable('audit_purge_control').execute();
  }
}
