import type { Kysely } from 'kysely';
import type { PlannedItem } from '../../../shared/notifications/planner.js';
import { preparedQuery } from '../../db/prepared-query.js';
import type { Database, NotificationRow, ReminderRow } from '../../db/schema.js';

type Db = Kysely<Database>;

const chunks = <T>(values: readonly T[], size = 200): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};

async function existingKeys(
  db: Db,
  table: 'reminders' | 'notifications',
  organisationId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(keys)], 500)) {
    const rows = await db
      .selectFrom(table)
      .select('dedupe_key')
      .where('organisation_id', '=', organisationId)
      .where('dedupe_key', 'in', part)
      .execute();
    for (const row of rows) found.add(row.dedupe_key);
  }
  return found;
}

/**
 * Stores each planned item once: a key that is already there (planned before, or by another process at the same
 * moment) changes nothing. Answers how many were new.
 */
export async function insertReminders(
  db: Db,
  organisationId: string,
  items: readonly PlannedItem[],
  newId: () => string,
  now: string,
): Promise<number> {
  const known = await existingKeys(
    db,
    'reminders',
    organisationId,
    items.map((i) => i.dedupeKey),
  );
  const fresh = items.filter((i) => !known.has(i.dedupeKey));
  for (const part of chunks(fresh)) {
    await db
      .insertInto('reminders')
      .values(
        part.map((item) => ({
          id: newId(),
          organisation_id: organisationId,
          dedupe_key: item.dedupeKey,
          kind: item.kind,
          recipient_id: item.recipientId,
          plan_id: item.planId,
          due_at: item.dueAt,
          status: 'pending',
          claimed_at: null,
          claim_token: null,
          email_id: null,
          outcome: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
      .execute();
  }
  return fresh.length;
}

export async function insertNotifications(
  db: Db,
  organisationId: string,
  items: readonly PlannedItem[],
  newId: () => string,
): Promise<number> {
  const known = await existingKeys(
    db,
    'notifications',
    organisationId,
    items.map((i) => i.dedupeKey),
  );
  const fresh = items.filter((i) => !known.has(i.dedupeKey));
  for (const part of chunks(fresh)) {
    await db
      .insertInto('notifications')
      .values(
        part.map((item) => ({
          id: newId(),
          organisation_id: organisationId,
          recipient_id: item.recipientId,
          dedupe_key: item.dedupeKey,
          kind: item.kind,
          plan_id: item.planId,
          params: JSON.stringify(item.params),
          link: item.link,
          created_at: item.dueAt,
          read_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
      .execute();
  }
  return fresh.length;
}

// Reminders: claiming and finishing.

/** Pending reminders that are due, and claims left behind by a process that died. */
export async function claimableReminders(
  db: Db,
  now: string,
  staleClaim: string,
  limit: number,
): Promise<ReminderRow[]> {
  return db
    .selectFrom('reminders')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', now)]),
        eb.and([eb('status', '=', 'claimed'), eb('claimed_at', '<', staleClaim)]),
      ]),
    )
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The guarded update that makes reminders one process's to send: it changes a row only while it is still as that
 * process read it (pending, or claimed long ago by a process that died). Of two processes racing for a row, exactly
 * one gets its id back.
 */
export async function claimReminders(
  db: Db,
  ids: readonly string[],
  token: string,
  now: string,
  staleClaim: string,
): Promise<Set<string>> {
  const won = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await db
      .updateTable('reminders')
      .set((eb) => ({
        status: 'claimed',
        claimed_at: now,
        claim_token: token,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', part)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'claimed'), eb('claimed_at', '<', staleClaim)]),
        ]),
      )
      .returning('id')
      .execute();
    for (const row of rows) won.add(row.id);
  }
  return won;
}

/** Finishes a reminder this process holds the claim of; false when the claim was taken over meanwhile. */
export async function finishReminder(
  db: Db,
  id: string,
  token: string,
  values: {
    status: 'sent' | 'skipped' | 'digest' | 'failed';
    emailId?: string | null;
    outcome?: string | null;
  },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('reminders')
    .set({
      status: values.status,
      email_id: values.emailId ?? null,
      outcome: values.outcome ?? null,
      claimed_at: null,
      claim_token: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .where('claim_token', '=', token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Reminders held back for the weekly digest of one person. */
export async function digestItemsOf(
  db: Db,
  organisationId: string,
  recipientId: string,
): Promise<ReminderRow[]> {
  return db
    .selectFrom('reminders')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('recipient_id', '=', recipientId)
    .where('status', '=', 'digest')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
}

/** Takes the given digest items into one digest email; answers the ids it got (another digest may have some). */
export async function takeDigestItems(
  db: Db,
  ids: readonly string[],
  values: { status: 'sent' | 'skipped'; emailId: string | null; outcome: string | null },
  now: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('reminders')
    .set({ status: values.status, email_id: values.emailId, outcome: values.outcome, updated_at: now })
    .where('id', 'in', [...ids])
    .where('status', '=', 'digest')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** People with reminders waiting for a digest, per organisation. */
export async function digestRecipients(
  db: Db,
): Promise<Array<{ organisation_id: string; recipient_id: string }>> {
  return db
    .selectFrom('reminders')
    .select(['organisation_id', 'recipient_id'])
    .where('status', '=', 'digest')
    .groupBy(['organisation_id', 'recipient_id'])
    .orderBy('organisation_id')
    .orderBy('recipient_id')
    .execute();
}

export async function insertDigestReminder(
  db: Db,
  row: {
    id: string;
    organisationId: string;
    recipientId: string;
    dueAt: string;
    dedupeKey: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('reminders')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      dedupe_key: row.dedupeKey,
      kind: 'digest',
      recipient_id: row.recipientId,
      plan_id: null,
      due_at: row.dueAt,
      status: 'pending',
      claimed_at: null,
      claim_token: null,
      email_id: null,
      outcome: null,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'dedupe_key']).doNothing())
    .execute();
}

// Recipients, preferences and settings.

export async function findRecipient(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'email', 'locale', 'status', 'end_date'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function preferencesOf(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<Array<{ kind: string; mode: string }>> {
  return db
    .selectFrom('notification_preferences')
    .select(['kind', 'mode'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .execute();
}

export async function savePreferences(
  db: Db,
  organisationId: string,
  personId: string,
  items: ReadonlyArray<{ kind: string; mode: string }>,
  now: string,
): Promise<void> {
  for (const item of items) {
    await db
      .insertInto('notification_preferences')
      .values({
        organisation_id: organisationId,
        person_id: personId,
        kind: item.kind,
        mode: item.mode,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet({ mode: item.mode, updated_at: now }))
      .execute();
  }
}

export async function findSettings(db: Db, organisationId: string) {
  return db
    .selectFrom('notification_settings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export async function insertSettings(
  db: Db,
  row: { id: string; organisationId: string; mandatoryKinds: string; now: string },
): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      mandatory_kinds: row.mandatoryKinds,
      created_at: row.now,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .execute();
}

// In-app notifications.

export async function listNotifications(
  db: Db,
  organisationId: string,
  recipientId: string,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const base = db
    .selectFrom('notifications')
    .where('organisation_id', '=', organisationId)
    .where('recipient_id', '=', recipientId);
  const filtered = options.unreadOnly ? base.where('read_at', 'is', null) : base;
  const [rows, total, unread] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    base
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0), unread: Number(unread?.n ?? 0) };
}

/** Asked by the bell of every page: prepared once. */
const unreadOf = preparedQuery((db: Db, p: { organisationId: string; recipientId: string }) =>
  db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', p.organisationId)
    .where('recipient_id', '=', p.recipientId)
    .where('read_at', 'is', null),
);

export async function countUnread(db: Db, organisationId: string, recipientId: string): Promise<number> {
  const row = await unreadOf.executeTakeFirst(db, { organisationId, recipientId });
  return Number(row?.n ?? 0);
}

export async function markRead(
  db: Db,
  organisationId: string,
  recipientId: string,
  id: string | null,
  now: string,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('organisation_id', '=', organisationId)
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findNotification(db: Db, organisationId: string, recipientId: string, id: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('recipient_id', '=', recipientId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A fingerprint of the plans the person is a party of (how many, their versions, the last change): it changes with
 * every write to one of them. Two indexed lookups, so the bell can ask on every poll.
 */
const plansStampBy = (column: 'employee_id' | 'manager_id') =>
  preparedQuery((db: Db, p: { organisationId: string; personId: string }) =>
    db
      .selectFrom('plans')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum('version').as('versions'),
        eb.fn.max('updated_at').as('at'),
      ])
      .where('organisation_id', '=', p.organisationId)
      .where(column, '=', p.personId),
  );
const plansStampAsEmployee = plansStampBy('employee_id');
const plansStampAsManager = plansStampBy('manager_id');

export async function planFingerprint(db: Db, organisationId: string, personId: string): Promise<string> {
  const of = async (stamp: typeof plansStampAsEmployee) => {
    const row = await stamp.executeTakeFirst(db, { organisationId, personId });
    return `${Number(row?.n ?? 0)}/${Number(row?.versions ?? 0)}/${row?.at ? String(row.at) : ''}`;
  };
  const [asEmployee, asManager] = await Promise.all([of(plansStampAsEmployee), of(plansStampAsManager)]);
  return `${asEmployee}|${asManager}`;
}
