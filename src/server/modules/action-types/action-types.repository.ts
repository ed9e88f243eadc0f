import type { Kysely } from 'kysely';
import type { ActionTypeRow, Database } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function listActionTypes(db: Db, organisationId: string): Promise<ActionTypeRow[]> {
  return db
    .selectFrom('action_types')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('position')
    .orderBy('name_nl')
    .orderBy('id')
    .execute();
}

export async function findActionType(
  db: Db,
  organisationId: string,
  id: string,
): Promise<ActionTypeRow | undefined> {
  return db
    .selectFrom('action_types')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertActionType(
  db: Db,
  type: {
    id: string;
    organisationId: string;
    nameNl: string;
    nameEn: string | null;
    isFormal: boolean;
    countsForTrainingRight: boolean;
    position: number;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('action_types')
    .values({
      id: type.id,
      organisation_id: type.organisationId,
      name_nl: type.nameNl,
      name_en: type.nameEn,
      is_formal: type.isFormal ? 1 : 0,
      counts_for_training_right: type.countsForTrainingRight ? 1 : 0,
      active: 1,
      position: type.position,
      created_at: type.now,
      updated_at: type.now,
    })
    .execute();
}
