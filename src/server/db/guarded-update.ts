import type { Kysely, UpdateObject } from 'kysely';
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
  // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot follow a generic table name through update chains
  const anyDb = db as Kysely<any>;
  const orgColumn = table === 'organisations' ? 'id' : 'organisation_id';
  const result = await anyDb
    .updateTable(table as string)
    // biome-ignore lint/suspicious/noExplicitAny: see above
    .set((eb: any) => ({ ...values, updated_at: now.toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', target.id)
    .where(orgColumn, '=', target.organisationId)
    .where('version', '=', target.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return target.version + 1;
  const current = await anyDb
    .selectFrom(table as string)
    .select('version')
    .where('id', '=', target.id)
    .where(orgColumn, '=', target.organisationId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  throw new AppError('VERSION_CONFLICT', { currentVersion: Number(current.version) });
}
