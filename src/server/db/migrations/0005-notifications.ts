import type { Kysely } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * Reminders (emails scheduled in the database and claimed before sending), in-app notifications, each person's
 * choices, the organisation's mandatory kinds, calendar events with their SEQUENCE, private calendar feeds, and
 * retries with backoff for the email outbox.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // The outbox retries a failed delivery with backoff; a process claims a row before it talks to the SMTP server,
  // and a claim older than a timeout (the process died) may be taken over.
  const emails = () => db.schema.alterTable('emails');
  await emails().addColumn('next_attempt_at', t.timestamp).execute();
  await emails().addColumn('claimed_at', t.timestamp).execute();
  await emails().addColumn('claim_token', 'text').execute();
  // JSON array of { filename, contentType, content, method? } (an .ics invitation carries its METHOD).
  await emails().addColumn('attachments', 'text').execute();
  await db.schema
    .createIndex('emails_status_due')
    .on('emails')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    // e.g. `exchange_deadline:<planId>:<date>:<personId>`: one reminder per key, whoever plans it how often.
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.references('plans.id').onDelete('cascade'))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    // pending | claimed | sent | digest | skipped | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_at', t.timestamp)
    .addColumn('claim_token', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // The outbox row that carried it (its own email, or the weekly digest).
    .addColumn('email_id', 'text', (c) => c.references('emails.id').onDelete('set null'))
    // moved_on | off | nobody; or the error of the last attempt.
    .addColumn('outcome', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('reminders_dedupe_unique', ['organisation_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('reminders_status_due').on('reminders').columns(['status', 'due_at']).execute();
  await db.schema
    .createIndex('reminders_recipient')
    .on('reminders')
    .columns(['organisation_id', 'recipient_id', 'status'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.references('plans.id').onDelete('cascade'))
    // JSON: names and dates the message is written with (never plan content).
    .addColumn('params', 'text', (c) => c.notNull())
    // Path in the web app, ids only.
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .addUniqueConstraint('notifications_dedupe_unique', ['organisation_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['organisation_id', 'recipient_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // instant | digest | off
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().unique().references('organisations.id').onDelete('cascade'),
    )
    // JSON array of the kinds everyone receives at once, whatever they chose.
    .addColumn('mandatory_kinds', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('calendar_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // conversation | follow_up | evaluation
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    // The moment as a calendar shows it (ISO timestamp, or YYYY-MM-DD for all-day events).
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancelled_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('calendar_events_uid_unique', ['organisation_id', 'uid'])
    .execute();
  await db.schema
    .createIndex('calendar_events_plan')
    .on('calendar_events')
    .columns(['organisation_id', 'plan_id'])
    .execute();

  // One private feed per person; only the SHA-256 of its token is stored.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .execute();
}
