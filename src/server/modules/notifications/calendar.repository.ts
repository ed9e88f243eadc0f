import type { Kysely } from 'kysely';
import type { DerivedEvent, StoredEvent } from '../../../shared/notifications/calendar.js';
import type { CalendarEventRow, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function eventsOfPlans(
  db: Db,
  organisationId: string,
  planIds: readonly string[],
): Promise<CalendarEventRow[]> {
  const rows: CalendarEventRow[] = [];
  for (let i = 0; i < planIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('calendar_events')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', planIds.slice(i, i + 500))
        .orderBy('created_at')
        .orderBy('uid')
        .execute()),
    );
  }
  return rows;
}

/** A new event at SEQUENCE 0; a second process inserting the same UID at the same moment changes nothing. */
export async function insertEvent(
  db: Db,
  organisationId: string,
  event: DerivedEvent,
  id: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('calendar_events')
    .values({
      id,
      organisation_id: organisationId,
      uid: event.uid,
      plan_id: event.planId,
      kind: event.kind,
      ref_id: event.refId,
      signature: event.signature,
      sequence: 0,
      cancelled_at: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'uid']).doNothing())
    .execute();
}

/**
 * Moves an event one SEQUENCE on, guarded by the sequence it was read at: of two processes that see the same change,
 * one moves it and the other changes nothing.
 */
export async function moveEvent(
  db: Db,
  organisationId: string,
  stored: StoredEvent,
  values: { signature: string; cancelledAt: string | null },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('calendar_events')
    .set({
      signature: values.signature,
      cancelled_at: values.cancelledAt,
      sequence: stored.sequence + 1,
      updated_at: now,
    })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', stored.id)
    .where('sequence', '=', stored.sequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Feeds.

export async function findFeedByHash(db: Db, tokenHash: string) {
  return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findFeedOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function deleteFeedOf(db: Db, organisationId: string, personId: string): Promise<number> {
  const result = await db
    .deleteFrom('calendar_feeds')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertFeed(
  db: Db,
  feed: { id: string; organisationId: string; personId: string; tokenHash: string; now: string },
): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({
      id: feed.id,
      organisation_id: feed.organisationId,
      person_id: feed.personId,
      token_hash: feed.tokenHash,
      created_at: feed.now,
      last_used_at: null,
    })
    .execute();
}

export async function touchFeed(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Plans a person takes part in, for their feed: those still running or of the past year. */
export async function planIdsOfPerson(
  db: Db,
  organisationId: string,
  personId: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('employee_id', '=', personId), eb('manager_id', '=', personId)]))
    .where('period_end', '>=', since)
    .orderBy('period_start')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function findPersonForFeed(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'locale', 'status', 'end_date'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
}
