import type { Kysely } from 'kysely';
import type { CompetencyRow, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** Every competency of the organisation, archived ones included, by name. */
export async function listCompetencies(db: Db, organisationId: string): Promise<CompetencyRow[]> {
  return db
    .selectFrom('competencies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name_key')
    .orderBy('id')
    .execute();
}

export async function findCompetency(
  db: Db,
  organisationId: string,
  id: string,
): Promise<CompetencyRow | undefined> {
  return db
    .selectFrom('competencies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function isCompetencyNameTaken(
  db: Db,
  organisationId: string,
  nameKey: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('competencies')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface CompetencyInsert {
  id: string;
  organisationId: string;
  name: string;
  nameKey: string;
  description?: string | null;
  indicators?: readonly string[];
  now: string;
}

export async function insertCompetency(db: Db, competency: CompetencyInsert): Promise<void> {
  await db
    .insertInto('competencies')
    .values({
      id: competency.id,
      organisation_id: competency.organisationId,
      name: competency.name,
      name_key: competency.nameKey,
      description: competency.description ?? null,
      indicators: JSON.stringify(competency.indicators ?? []),
      archived_at: null,
      created_at: competency.now,
      updated_at: competency.now,
    })
    .execute();
}
