import type { Kysely, Selectable, UpdateObject } from 'kysely';
import { AppError } from '../../shared/errors.js';
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
  const result = await guardedUpdateQuery(db, table, target, values, now).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return target.version + 1;
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
  const row = await guardedUpdateQuery(db, table, target, values, now).returningAll().executeTakeFirst();
  if (row) return row as Selectable<Database[T]>;
  return refused(db, table, target);
}

/** `UPDATE ... SET values, updated_at, version = version + 1 WHERE id, organisation and version match`. */
function guardedUpdateQuery<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  target: { id: string; organisationId: string; version: number },
  values: UpdateObject<Database, T, T>,
  now: Date,
) {
  // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot follow a generic table name through update chains
  return (
    (db as Kysely<any>)
      .updateTable(table as string)
      // biome-ignore lint/suspicious/noExplicitAny: see above
      .set((eb: any) => ({ ...values, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .where(table === 'organisations' ? 'id' : 'organisation_id', '=', target.organisationId)
      .where('version', '=', target.version)
  );
}

/** Why a guarded update changed no row: another organisation's or no such row, or a stale version. */
async function refused(
  database: Kysely<Database>,
  table: VersionedTable,
  target: { id: string; organisationId: string },
): Promise<never> {
  // biome-ignore lint/suspicious/noExplicitAny: see guardedUpdateQuery
  const current = await (database as Kysely<any>)
    .selectFrom(table)
    .select('version')
    .where('id', '=', target.id)
    .where(table === 'organisations' ? 'id' : 'organisation_id', '=', target.organisationId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { currentVersion: Number(current.version) });
}
