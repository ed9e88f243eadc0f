import type { Kysely } from 'kysely';

/**
 * Indexes the benchmarks (bench/, docs/performance.md) showed missing.
 *
 * The plan page reads a plan's actions with `WHERE organisation_id = ? AND plan_id = ?`. Since 0004 added
 * `actions_org_plan_year (organisation_id, plan_year)`, SQLite (no statistics: nothing runs ANALYZE) preferred that
 * index for the organisation_id equality over `actions_plan (plan_id)` and read every action of the organisation:
 * 150 ms per plan page at 1,000 people, linear in the organisation's size. An index that leads with both columns of
 * the query is the best match on either database, whatever the statistics say.
 *
 * The team view reads a team's members `WHERE organisation_id = ? AND team_id = ? ORDER BY last_name, first_name`;
 * SQLite walked `people_org_name` (the whole organisation, already in name order) rather than `people_org_team` and
 * a sort: 48 ms at 10,000 people. An index on the team and the names serves both the filter and the order.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('actions_org_plan')
    .on('actions')
    .columns(['organisation_id', 'plan_id', 'position'])
    .execute();
  await db.schema
    .createIndex('people_org_team_name')
    .on('people')
    .columns(['organisation_id', 'team_id', 'last_name', 'first_name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('people_org_team_name').execute();
  await db.schema.dropIndex('actions_org_plan').execute();
}
