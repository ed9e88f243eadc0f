import type { Kysely } from 'kysely';
import type { Database, JobFunctionRow } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface JobFunctionView {
  id: string;
  organisation_id: string;
  name: string;
  description: string | null;
  archived_at: string | null;
  version: number;
  people_count: number | string | null;
}

export interface LinkedCompetency {
  function_id: string;
  id: string;
  name: string;
}

/** Functions with the number of active people holding them, in one query. */
function functionViews(db: Db, organisationId: string) {
  return db
    .selectFrom('job_functions as f')
    .select(['f.id', 'f.organisation_id', 'f.name', 'f.description', 'f.archived_at', 'f.version'])
    .select((eb) =>
      eb
        .selectFrom('people as p')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('p.function_id', '=', 'f.id')
        .where('p.status', '=', 'active')
        .as('people_count'),
    )
    .where('f.organisation_id', '=', organisationId);
}

export async function listJobFunctions(db: Db, organisationId: string): Promise<JobFunctionView[]> {
  return functionViews(db, organisationId).orderBy('f.name_key').orderBy('f.id').execute();
}

export async function findJobFunction(
  db: Db,
  organisationId: string,
  id: string,
): Promise<JobFunctionView | undefined> {
  return functionViews(db, organisationId).where('f.id', '=', id).executeTakeFirst();
}

/** The competencies of all functions of the organisation (or of one), in their order. */
export async function linkedCompetencies(
  db: Db,
  organisationId: string,
  functionId?: string,
): Promise<LinkedCompetency[]> {
  let query = db
    .selectFrom('function_competencies as fc')
    .innerJoin('competencies as c', 'c.id', 'fc.competency_id')
    .select(['fc.function_id', 'c.id', 'c.name'])
    .where('fc.organisation_id', '=', organisationId);
  if (functionId) query = query.where('fc.function_id', '=', functionId);
  return query.orderBy('fc.function_id').orderBy('fc.position').execute();
}

export async function findJobFunctionRow(
  db: Db,
  organisationId: string,
  id: string,
): Promise<JobFunctionRow | undefined> {
  return db
    .selectFrom('job_functions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every function of the organisation, archived ones included (their names stay taken). */
export async function listJobFunctionRows(db: Db, organisationId: string): Promise<JobFunctionRow[]> {
  return db.selectFrom('job_functions').selectAll().where('organisation_id', '=', organisationId).execute();
}

export async function isFunctionNameTaken(
  db: Db,
  organisationId: string,
  nameKey: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('job_functions')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('name_key', '=', nameKey);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function competencyIdsOfOrganisation(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('competencies')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface JobFunctionInsert {
  id: string;
  organisationId: string;
  name: string;
  nameKey: string;
  description?: string | null;
  now: string;
}

export async function insertJobFunction(db: Db, fn: JobFunctionInsert): Promise<void> {
  await db
    .insertInto('job_functions')
    .values({
      id: fn.id,
      organisation_id: fn.organisationId,
      name: fn.name,
      name_key: fn.nameKey,
      description: fn.description ?? null,
      archived_at: null,
      created_at: fn.now,
      updated_at: fn.now,
    })
    .execute();
}

/** Sets the ordered competency list of a function; position follows the list. */
export async function replaceFunctionCompetencies(
  db: Db,
  organisationId: string,
  functionId: string,
  competencyIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('function_competencies')
    .where('organisation_id', '=', organisationId)
    .where('function_id', '=', functionId)
    .execute();
  if (competencyIds.length === 0) return;
  await db
    .insertInto('function_competencies')
    .values(
      competencyIds.map((competencyId, position) => ({
        function_id: functionId,
        competency_id: competencyId,
        organisation_id: organisationId,
        position,
      })),
    )
    .execute();
}
