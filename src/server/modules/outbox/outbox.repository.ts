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
