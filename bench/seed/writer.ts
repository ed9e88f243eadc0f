import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../../src/server/db/connection.js';
import type { Database } from '../../src/server/db/schema.js';

type Db = Kysely<Database>;

/**
 * Multi-row INSERTs sized to the database's limit on bound parameters (SQLite 32,766; PostgreSQL 65,535), kept
 * well under it: one statement per batch, many batches per transaction. Counts every row it writes per table.
 */
export class BatchWriter {
  readonly counts = new Map<string, number>();
  /** Milliseconds spent in INSERT statements per table (generation time is the rest). */
  readonly millis = new Map<string, number>();
  private readonly maxParams: number;

  constructor(readonly dialect: Dialect) {
    // Larger statements compile slower in Kysely and SQLite; these sizes were the fastest measured here.
    this.maxParams = dialect === 'sqlite' ? 6_000 : 20_000;
  }

  async insert<T extends keyof Database & string>(
    db: Db,
    table: T,
    rows: ReadonlyArray<Insertable<Database[T]>>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const started = performance.now();
    const columns = Object.keys(rows[0] as object).length;
    const perBatch = Math.max(1, Math.floor(this.maxParams / Math.max(1, columns)));
    for (let start = 0; start < rows.length; start += perBatch) {
      const batch = rows.slice(start, start + perBatch);
      // biome-ignore lint/suspicious/noExplicitAny: the rows are typed by the caller's table
      await (db as Kysely<any>).insertInto(table).values(batch).execute();
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    this.millis.set(table, (this.millis.get(table) ?? 0) + performance.now() - started);
  }
}
