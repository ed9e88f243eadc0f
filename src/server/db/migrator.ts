import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-pop-cycle.js';
import * as m0003 from './migrations/0003-training-and-budgets.js';
import * as m0004TrainingPlan from './migrations/0004-training-plan.js';
import * as m0005Notifications from './migrations/0005-notifications.js';
import * as m0006PerformanceIndexes from './migrations/0006-performance-indexes.js';
import * as m0007AuditLog from './migrations/0007-audit-log.js';
import * as m0008Privacy from './migrations/0008-privacy.js';
import * as m0009PlanPageRevision from './migrations/0009-plan-page-revision.js';
import * as m0010TeamManagerIndex from './migrations/0010-team-manager-index.js';
import * as m0011CatalogueRevision from './migrations/0011-catalogue-revision.js';
import * as m0012AuditSearchIndexes from './migrations/0012-audit-search-indexes.js';
import * as m0013PlanReads from './migrations/0013-plan-reads.js';

/** Every migration, in order. Listed statically so the same list works from sources and from the build. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-pop-cycle': m0002,
  '0003-training-and-budgets': m0003,
  '0004-training-plan': m0004TrainingPlan,
  '0005-notifications': m0005Notifications,
  '0006-performance-indexes': m0006PerformanceIndexes,
  '0007-audit-log': m0007AuditLog,
  '0008-privacy': m0008Privacy,
  '0009-plan-page-revision': m0009PlanPageRevision,
  '0010-team-manager-index': m0010TeamManagerIndex,
  '0011-catalogue-revision': m0011CatalogueRevision,
  '0012-audit-search-indexes': m0012AuditSearchIndexes,
  '0013-plan-reads': m0013PlanReads,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; with several Groeipad schemas in
  // one PostgreSQL database (a federation, or the tests) it must be the schema this connection works in.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  // Before migrating, Kysely reads the catalog of every schema in the database; a schema that another process drops
  // at that moment makes that read fail with "relation does not exist" (42P01), "schema does not exist" (3F000; seen
  // when the crash test restarted the server, and when test files running side by side drop their schemas) or "column
  // does not exist" (42703: the serial sequence of a column whose table was dropped during the read).
  // Migrations run in one transaction, so trying again is safe.
  const vanished = (e: unknown) =>
    ['42P01', '3F000', '42703'].includes(String((e as { code?: unknown } | undefined)?.code));
  let { error, results } = await migrator.migrateToLatest();
  for (let attempt = 1; attempt < 5 && vanished(error); attempt++)
    ({ error, results } = await migrator.migrateToLatest());
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
