import type { Kysely } from 'kysely';

/**
 * The team view and the team list ask for the teams a manager leads in name order:
 * `WHERE organisation_id = ? AND manager_id = ? ORDER BY name_key, id`. SQLite (no statistics) preferred the unique
 * `(organisation_id, name_key)` index, which gives the order without a sort, over `teams_org_manager`, and read every
 * team of the organisation: 0.2-0.3 ms per request at 400 teams. An index that serves the filter and the whole order
 * (with `id`, so no sort is left) is the best match on either database; without `id`, SQLite kept the unique index.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('teams_org_manager_name')
    .on('teams')
    .columns(['organisation_id', 'manager_id', 'name_key', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('teams_org_manager_name').execute();
}
