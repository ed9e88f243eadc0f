import type { Kysely } from 'kysely';
import type { Database, EmailRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function latestEmails(db: Db, organisationId: string, limit: number): Promise<EmailRow[]> {
  return db
    .selectFrom('emails')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Puts a failed (or waiting) email back in the beheerder's hands: claimed by the caller for an attempt now. Only an
 * email that is not delivered and not being delivered by another process.
 */
export async function claimForRetry(
  db: Db,
  organisationId: string,
  id: string,
  token: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('emails')
    .set({ status: 'pending', claimed_at: now, claim_token: token, next_attempt_at: null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([eb('status', '=', 'pending'), eb('claim_token', 'is', null)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findEmail(db: Db, organisationId: string, id: string): Promise<EmailRow | undefined> {
  return db
    .selectFrom('emails')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
