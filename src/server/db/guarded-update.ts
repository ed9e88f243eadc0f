import type { Kysely, Selectable, UpdateObject } from 'kysely';
import { AppError } from '../../shared/errors.js';
import { plainColumns, preparedFamily, preparedQuery } from './prepared-query.js';
import type { Database } from './schema.js';

/** Tables that users edit: each has `id`, `organisation_id`, `version` and `updated_at`. */
export type VersionedTable =
  | 'organisations'
  | 'teams'
  | 'job_functions'
  | 'competencies'
  | 'people'
  | 'preparation_templates'
  | 'action_types'
  | 'plans'
  | 'preparations'
  | 'talking_points'
  | 'goals'
  | 'actions'
  | 'follow_ups'
  | 'evaluations'
  | 'notification_settings'
  | 'training_day_norms'
  | 'funding_sources'
  | 'budgets'
  | 'training_plan_tasks';

/**
 * The only way an edited row changes: `UPDATE ... WHERE id = ? AND organisation_id = ? AND version = ?`, bumping the
 * version. No row changed means either another organisation's id (NOT_FOUND) or a stale version (VERSION_CONFLICT,
 * carrying the current version so the client can reload without losing its text).
 */
export async function guardedUpdate<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  target: { id: string; organisationId: string; version: number },
  values: UpdateObject<Database, T, T>,
  now: Date,
): Promise<number> {
  const result = await runGuarded(db, table, target, values, now, false);
  if (Number(result.numAffectedRows) === 1) return target.version + 1;
  return refused(db, table, target);
}

/**
 * `guardedUpdate` that answers the row as it is after the change (`RETURNING *`, on both databases), for a caller
 * that would otherwise read it again.
 */
export async function guardedUpdateReturning<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  target: { id: string; organisationId: string; version: number },
  values: UpdateObject<Database, T, T>,
  now: Date,
): Promise<Selectable<Database[T]>> {
  const [row] = (await runGuarded(db, table, target, values, now, true)).rows;
  if (row) return row as Selectable<Database[T]>;
  return refused(db, table, target);
}

// biome-ignore lint/suspicious/noExplicitAny: Kysely cannot follow a generic table name through update chains
type AnyDb = Kysely<any>;
type GuardedParams = Record<string, unknown> & {
  id: string;
  organisationId: string;
  version: number;
  now: string;
};
interface GuardedShape {
  table: VersionedTable;
  columns: string[];
  returning: boolean;
}

/** Prepared once per table, set of columns and `RETURNING` (an autosave sends one or two fields at a time). */
const guardedShapes = preparedFamily(
  (shape: GuardedShape) => `${shape.table}|${shape.returning ? 'r' : ''}|${shape.columns.join(',')}`,
  (shape: GuardedShape) =>
    preparedQuery((db: AnyDb, p: GuardedParams) => {
      const values = Object.fromEntries(shape.columns.map((column) => [column, p[`set_${column}`]]));
      const query = guardedUpdateQuery(db, shape.table, p, values, p.now);
      return shape.returning ? query.returningAll() : query;
    }),
);

async function runGuarded(
  db: Kysely<Database>,
  table: VersionedTable,
  target: { id: string; organisationId: string; version: number },
  values: object,
  now: Date,
  returning: boolean,
) {
  // `updated_at` and `version` are the guard's own: they win over the same keys in `values`, as they did in the spread.
  const columns = plainColumns(values)?.filter((column) => column !== 'updated_at' && column !== 'version');
  if (!columns) {
    // A value that is an expression: built as a one-off.
    const query = guardedUpdateQuery(db, table, target, values, now.toISOString());
    return db.executeQuery(returning ? query.returningAll().compile() : query.compile());
  }
  const params: GuardedParams = { ...target, now: now.toISOString() };
  for (const column of columns) params[`set_${column}`] = (values as Record<string, unknown>)[column];
  return guardedShapes({ table, columns, returning }).run(db, params);
}

/** `UPDATE ... SET values, updated_at, version = version + 1 WHERE id, organisation and version match`. */
function guardedUpdateQuery(
  db: AnyDb,
  table: VersionedTable,
  target: { id: string; organisationId: string; version: number },
  values: object,
  now: string,
) {
  return db
    .updateTable(table)
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', target.id)
    .where(table === 'organisations' ? 'id' : 'organisation_id', '=', target.organisationId)
    .where('version', '=', target.version);
}

/** Why a guarded update changed no row: another organisation's or no such row, or a stale version. */
async function refused(
  database: Kysely<Database>,
  table: VersionedTable,
  target: { id: string; organisationId: string },
): Promise<never> {
  const current = await (database as AnyDb)
    .selectFrom(table)
    .select('version')
    .where('id', '=', target.id)
    .where(table === 'organisations' ? 'id' : 'organisation_id', '=', target.organisationId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { currentVersion: Number(current.version) });
}
