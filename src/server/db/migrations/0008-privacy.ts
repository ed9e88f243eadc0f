import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * Privacy (GDPR / AVG): retention periods per organisation and category, a legal hold on people, the record of an
 * erasure, and the bookkeeping of the daily purge.
 *
 * - A person "left" on `people.end_date` (the last day of employment, a date). A disabled person without an end date
 *   has not left as far as retention goes: their data stays until the date is entered.
 * - `retention_settings`: one row per organisation, months per category; null = the country's default
 *   (src/shared/privacy/retention.ts). Absent row = every default, version 1.
 * - `people.legal_hold*`: while set, nothing about the person is purged or erased (and the organisation's audit log
 *   is not purged either).
 * - `person_erasures`: who erased whom, when, why, and what was kept and why. It holds the person's id and pseudonym,
 *   never the erased name, email or content.
 * - `retention_purges`: which category of which person the purge has removed, so it is done once.
 * - `privacy_purge_runs`: one row per organisation and day, claimed before the purge runs (several job runners may
 *   run at once); a claim that was never finished may be taken over after a timeout.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  const people = () => db.schema.alterTable('people');
  await people()
    .addColumn('legal_hold', t.boolean, (c) => c.notNull().defaultTo(t.falseValue))
    .execute();
  await people().addColumn('legal_hold_reason', 'text').execute();
  await people().addColumn('legal_hold_set_by', 'text').execute();
  await people().addColumn('legal_hold_set_at', t.timestamp).execute();
  await people().addColumn('erased_at', t.timestamp).execute();
  // The purge looks for people who left before a date.
  await db.schema
    .createIndex('people_org_end_date')
    .on('people')
    .columns(['organisation_id', 'end_date'])
    .execute();

  await db.schema
    .createTable('retention_settings')
    .addColumn('organisation_id', 'text', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('plan_content_months', 'integer')
    .addColumn('training_records_months', 'integer')
    .addColumn('audit_log_months', 'integer')
    .addColumn('accounts_months', 'integer')
    .addColumn('updated_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('person_erasures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    // No foreign key: the record outlives whatever happens to the (pseudonymised) person row.
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('erased_at', t.timestamp, (c) => c.notNull())
    .addColumn('erased_by', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON: [{ category, count, basis }] — what stayed, and the legal duty it stayed for.
    .addColumn('kept', 'text', (c) => c.notNull())
    // JSON: { kind: count } — what was removed, counted.
    .addColumn('removed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_erasures_person')
    .on('person_erasures')
    .columns(['organisation_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('retention_purges')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    // plan_content | training_records | accounts
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('purged_at', t.timestamp, (c) => c.notNull())
    // JSON: { kind: count }.
    .addColumn('removed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_purges_pk', ['person_id', 'category'])
    .execute();
  await db.schema
    .createIndex('retention_purges_org')
    .on('retention_purges')
    .columns(['organisation_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('privacy_purge_runs')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('day', t.date, (c) => c.notNull())
    .addColumn('claimed_at', t.timestamp, (c) => c.notNull())
    .addColumn('claim_token', 'text', (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    // JSON: what the run removed, counted per category.
    .addColumn('report', 'text')
    .addPrimaryKeyConstraint('privacy_purge_runs_pk', ['organisation_id', 'day'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['privacy_purge_runs', 'retention_purges', 'person_erasures', 'retention_settings'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('people_org_end_date').execute();
  for (const column of [
    'erased_at',
    'legal_hold_set_at',
    'legal_hold_set_by',
    'legal_hold_reason',
    'legal_hold',
  ])
    await db.schema.alterTable('people').dropColumn(column).execute();
}
