import type { Kysely } from 'kysely';
import type { Database, OrganisationRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function isSetupDone(db: Db): Promise<boolean> {
  return (
    (await db.selectFrom('install_state').select('key').where('key', '=', 'setup').executeTakeFirst()) !==
    undefined
  );
}

/** Fails on the primary key when set-up already ran, even when two set-ups race. */
export async function markSetupDone(db: Db, now: string): Promise<void> {
  await db.insertInto('install_state').values({ key: 'setup', value: 'done', created_at: now }).execute();
}

export async function insertOrganisation(
  db: Db,
  org: {
    id: string;
    name: string;
    country: string;
    locale: string;
    timeZone: string;
    isDemo: boolean;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      id: org.id,
      name: org.name,
      country: org.country,
      locale: org.locale,
      time_zone: org.timeZone,
      is_demo: org.isDemo ? 1 : 0,
      created_at: org.now,
      updated_at: org.now,
    })
    .execute();
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}
