import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { Dialect } from '../../src/server/db/connection.js';
import type { Database } from '../../src/server/db/schema.js';

type Db = Kysely<Database>;

/**
 * Multi-row INSERTs sized to the database's limit on bound parameters (SQLite 32,766; PostgreSQL 65,535), kept
 * well under it: one statement per batch, many batches per transaction. Counts every row it writes per table.
 *
 * A batch whose rows all have the columns of the first row, none undefined, goes out as plain SQL with its values
 * bound in order (the same text for every full batch, so SQLite's statement cache keeps it prepared); any other
 * batch goes through Kysely's builder, which fills missing values with DEFAULT.
 */
export class BatchWriter {
  readonly counts = new Map<string, number>();
  /** Milliseconds spent in INSERT statements per table (generation time is the rest). */
  readonly millis = new Map<string, number>();
  private readonly maxParams: number;
  private readonly statements = new Map<string, string>();

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
    const columns = Object.keys(rows[0] as object);
    const perBatch = Math.max(1, Math.floor(this.maxParams / Math.max(1, columns.length)));
    for (let start = 0; start < rows.length; start += perBatch) {
      const batch = rows.slice(start, start + perBatch);
      const values = valuesInOrder(batch as ReadonlyArray<Record<string, unknown>>, columns);
      if (values)
        await db.executeQuery(CompiledQuery.raw(this.statement(table, columns, batch.length), values));
      // biome-ignore lint/suspicious/noExplicitAny: the rows are typed by the caller's table
      else await (db as Kysely<any>).insertInto(table).values(batch).execute();
    }
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    this.millis.set(table, (this.millis.get(table) ?? 0) + performance.now() - started);
  }

  private statement(table: string, columns: readonly string[], rowCount: number): string {
    const key = `${table}\u0000${columns.join(',')}\u0000${rowCount}`;
    let text = this.statements.get(key);
    if (text === undefined) {
      let n = 0;
      const row = () =>
        `(${columns.map(() => (this.dialect === 'postgresql' ? `$${++n}` : '?')).join(', ')})`;
      const tuples = Array.from({ length: rowCount }, row).join(', ');
      text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples}`;
      this.statements.set(key, text);
    }
    return text;
  }
}

/** The rows' values column by column, or undefined when a row lacks one of `columns` or has another. */
function valuesInOrder(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]) {
  const values: unknown[] = new Array(rows.length * columns.length);
  let i = 0;
  for (const row of rows) {
    let keys = 0;
    for (const _ in row) keys++;
    if (keys !== columns.length) return undefined;
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) return undefined;
      values[i++] = value;
    }
  }
  return values;
}
