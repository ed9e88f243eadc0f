import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface OrganisationFacts {
  name: string;
  time_zone: string;
  locale: string;
}

export async function findOrganisation(
  db: Db,
  organisationId: string,
): Promise<OrganisationFacts | undefined> {
  return db
    .selectFrom('organisations')
    .select(['name', 'time_zone', 'locale'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** The language a person reads Groeipad in (`nl-BE` or `en`). */
export async function personLocale(db: Db, organisationId: string, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('people')
    .select('locale')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.locale ?? null;
}

/** The names of the organisation's own kinds of action among `ids`. */
export async function actionTypeNames(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Array<{ id: string; name_nl: string; name_en: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action_types')
    .select(['id', 'name_nl', 'name_en'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
}
