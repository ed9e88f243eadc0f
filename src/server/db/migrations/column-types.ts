import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Column types that differ between the two databases. Migrations use only this file and Kysely: they never
 * import application types, so they stay frozen in time.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export function columnTypes(db: Kysely<any>) {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    isPostgres,
    timestamp: isPostgres ? sql`timestamptz` : sql`text`,
    date: isPostgres ? sql`date` : sql`text`,
    boolean: isPostgres ? sql`boolean` : sql`integer`,
    real: isPostgres ? sql`double precision` : sql`real`,
    falseValue: isPostgres ? sql`false` : sql`0`,
    trueValue: isPostgres ? sql`true` : sql`1`,
  };
}
