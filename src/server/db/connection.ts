import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  type PostgresPool,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
} from 'kysely';
import type pg from 'pg';
import { CommitBatch } from './commit-batch.js';
import { runPreparedOn } from './prepared-query.js';
import type { Database } from './schema.js';
import { WalSync, walFlushThread } from './wal-sync.js';

export type Dialect = 'sqlite' | 'postgresql';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Absolute path of the SQLite file, for backups; undefined on PostgreSQL. */
  sqlitePath: string | undefined;
  /**
   * Resolves when every commit made so far is on disk. PostgreSQL commits durably (resolved at once); SQLite files
   * commit in groups (`WalSync`): the HTTP layer waits for this before it answers.
   */
  whenDurable(): Promise<void>;
  /**
   * Takes in the flushes of the log finished since (SQLite files): called as each request starts, so the answers
   * waiting for them leave then rather than at the end of the event loop's turn.
   */
  pollDurable(): void;
  close(): Promise<void>;
}

let pgLoaded: Promise<typeof pg> | undefined;

/**
 * node-postgres, loaded with the first PostgreSQL connection (a SQLite server never loads it). PostgreSQL answers dates
 * and timestamps as JS Dates by default; Groeipad keeps them as ISO strings on both databases so one codebase reads
 * them the same way.
 */
function loadPg(): Promise<typeof pg> {
  pgLoaded ??= import('pg').then(({ default: driver }) => {
    driver.types.setTypeParser(driver.types.builtins.DATE, (v) => v);
    driver.types.setTypeParser(driver.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
    driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number(v));
    driver.types.setTypeParser(driver.types.builtins.NUMERIC, (v) => Number(v));
    return driver;
  });
  return pgLoaded;
}

export function sqlitePathFromUrl(url: string): string {
  return resolve(url.replace(/^sqlite:(\/\/)?/, ''));
}

/**
 * `groupCommit`: the caller flushes the write-ahead log itself after commits (`WalSync`), so SQLite does not at each
 * commit (`synchronous = NORMAL`); otherwise every commit waits for the disk (`FULL`).
 */
export function openSqlite(path: string, options: { groupCommit?: boolean } = {}): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(options.groupCommit ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** A row object made from a statement's values, by a function made for its columns (`readerOf`). */
type RowOf = (values: unknown[]) => Record<string, unknown>;

/**
 * A function that makes a row object from the values of a row, with the columns as the properties of one object
 * literal: V8 makes every row of the statement in one step and with one shape. better-sqlite3 sets the properties one
 * by one, which cost a wide row (an action's 32 columns) 60 % more, and the code that reads the rows pays again for
 * objects of that size made that way. Null for a column list an object literal would not copy as such (`__proto__`).
 */
export function rowFunction(columns: readonly string[]): RowOf | null {
  if (columns.includes('__proto__')) return null;
  const fields = columns.map((name, i) => `${JSON.stringify(name)}: values[${i}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as RowOf;
}

/** `rowFunction`, or for the columns it leaves the rows better-sqlite3 would make: one property set at a time. */
function rowMaker(columns: readonly string[]): RowOf {
  return (
    rowFunction(columns) ??
    ((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
      return row;
    })
  );
}

/**
 * A statement that answers rows, as Kysely's driver runs it: better-sqlite3 answers the values (`raw`), `rowMaker`
 * makes the objects. The columns are read again after a change of the schema through this connection (`schema`), or
 * when a row's width differs from them (a change made by another connection).
 */
function readerOf(statement: SQLite.Statement, schema: { generation: number }): SqliteStatement {
  statement.raw(true);
  let builtFor = -1;
  let width = 0;
  let rowOf: RowOf = () => ({});
  const read = (): RowOf => {
    const names = statement.columns().map((column) => column.name);
    rowOf = rowMaker(names);
    width = names.length;
    builtFor = schema.generation;
    return rowOf;
  };
  const current = (): RowOf => (builtFor === schema.generation ? rowOf : read());
  return {
    reader: true,
    all: (parameters) => {
      let make = current();
      const rows = statement.all(parameters) as unknown[][];
      if (rows.length > 0 && rows[0]?.length !== width) make = read();
      const objects: unknown[] = rows;
      for (let i = 0; i < rows.length; i++) objects[i] = make(rows[i] as unknown[]);
      return objects;
    },
    run: (parameters) => statement.run(parameters),
    iterate: (parameters) => {
      let make = current();
      const rows = statement.iterate(parameters) as IterableIterator<unknown[]>;
      return (function* () {
        for (const values of rows) {
          if (values.length !== width) make = read();
          yield make(values);
        }
      })();
    },
  };
}

const changesSchema = /^\s*(create|drop|alter)\b/i;

/**
 * The database as Kysely's SQLite driver sees it, with a cache of prepared statements: the driver prepares every
 * statement again, which cost an eighth of a plan page's time. A statement busy in a streamed read (Kysely's `stream()`,
 * through `iterate()`) is never handed out twice: the caller gets a fresh one. Rows are made by `readerOf`. With a
 * `batch`, Kysely's `begin`, `commit` and `rollback` become the savepoints of the turn's batch (`CommitBatch`,
 * decisions/0013).
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  size = 500,
  walSync: WalSync | null = null,
  batch: CommitBatch | null = null,
): SqliteDatabase {
  interface Prepared {
    statement: SQLite.Statement;
    /** What Kysely's driver runs: the statement, or for one that answers rows its `readerOf`. */
    runs: SqliteStatement;
  }
  const cache = new Map<string, Prepared>();
  const schema = { generation: 0 };
  const prepare = (sql: string): Prepared => {
    const statement = sqlite.prepare(sql);
    if (batch && statement.reader) {
      const iterate = statement.iterate;
      statement.iterate = function (this: SQLite.Statement, ...parameters: unknown[]) {
        batch.beforeStream();
        return iterate.apply(this, parameters);
      } as typeof statement.iterate;
    }
    return { statement, runs: statement.reader ? readerOf(statement, schema) : statement };
  };
  const lookup = (sql: string): Prepared => {
    const cached = cache.get(sql);
    if (cached && !cached.statement.busy) {
      // Least recently used last: re-insert on every hit.
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const prepared = prepare(sql);
    if (!cached) {
      cache.set(sql, prepared);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    return prepared;
  };
  // Kysely's transaction control, in a batch: a savepoint in the batch's transaction (CommitBatch).
  const control = (run: () => void): SqliteStatement => ({
    reader: false,
    run: () => {
      run();
      return { changes: 0, lastInsertRowid: 0 };
    },
    all: () => [],
    iterate: () => [][Symbol.iterator](),
  });
  const batched = batch && {
    begin: control(() => batch.begin()),
    commit: control(() => batch.release()),
    rollback: control(() => batch.rollback()),
  };
  return {
    close: () => {
      batch?.commit();
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      if (batched) {
        if (sql === 'begin' || sql === 'commit' || sql === 'rollback') return batched[sql];
        batch.beforeStatement(sql);
      }
      if (changesSchema.test(sql)) schema.generation++;
      const { statement, runs } = lookup(sql);
      // Kysely runs the statement right after preparing it, synchronously: a `commit`, or a write outside a
      // transaction (which commits by itself), is a commit the group flush must cover.
      if (walSync && (sql === 'commit' || (!statement.readonly && !sqlite.inTransaction)))
        walSync.noteCommit();
      return runs;
    },
  };
}

/**
 * Kysely's PostgreSQL driver sends every statement unnamed, which PostgreSQL parses and plans again each time. Here
 * each statement text with parameters gets a name, the first time it is seen, so each pooled connection prepares it
 * once and then only binds and executes it (node-postgres keeps track per connection). The names are bounded
 * (`max` texts): statements beyond them run unnamed, as before.
 */
export function withNamedStatements(pool: pg.Pool, max = 2000): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < max) {
      name = `groeipad_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  const named = new WeakSet<pg.PoolClient>();
  return {
    end: () => pool.end(),
    async connect() {
      const client = await pool.connect();
      if (!named.has(client)) {
        named.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        // biome-ignore lint/suspicious/noExplicitAny: the overloads of pg's query cannot be restated here
        (client as any).query = (first: unknown, values?: unknown, callback?: unknown) => {
          if (
            typeof first === 'string' &&
            Array.isArray(values) &&
            values.length > 0 &&
            callback === undefined
          ) {
            const name = nameOf(first);
            if (name) return query({ name, text: first, values });
          }
          return callback === undefined ? query(first, values) : query(first, values, callback);
        };
      }
      return client;
    },
  };
}

export interface ConnectOptions {
  /** PostgreSQL only: schema to use as search_path (tests isolate each file in its own schema). */
  schema?: string;
  poolSize?: number;
}

export function connect(url: string, options: ConnectOptions = {}): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const path = sqlitePathFromUrl(url);
    const groupCommit = path !== ':memory:';
    const sqlite = openSqlite(path, { groupCommit });
    const flusher = groupCommit ? walFlushThread(path) : null;
    const walSync = flusher ? new WalSync(flusher) : null;
    const batch = walSync ? new CommitBatch(sqlite, () => walSync.noteCommit({ now: true })) : null;
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite, 500, walSync, batch) }),
    });
    const whenDurable =
      walSync && batch
        ? () =>
            batch.isOpen || batch.failed
              ? batch.whenCommitted().then(() => walSync.whenDurable())
              : walSync.whenDurable()
        : () => Promise.resolve();
    return {
      db,
      dialect: 'sqlite',
      sqlitePath: path,
      whenDurable,
      pollDurable: () => walSync?.poll(),
      close: async () => {
        try {
          await whenDurable();
        } finally {
          await db.destroy();
          await flusher?.close();
        }
      },
    };
  }
  const poolSize = options.poolSize ?? 10;
  const pool = (size: number, planOnce: boolean) => async () => {
    const driver = await loadPg();
    const pool = new driver.Pool({
      connectionString: url,
      max: size,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // Runs before anything the pool hands the connection out for (node-postgres queues a connection's queries). A
    // server without the setting (before PostgreSQL 12) plans as it chooses, as the other pool does.
    if (planOnce)
      pool.on('connect', (client) => {
        client.query('set plan_cache_mode = force_generic_plan').catch(() => {});
      });
    return withNamedStatements(pool);
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool(poolSize, false) }) });
  // The fixed-shape statements (`preparedQuery`: sessions, plan rows, fingerprints) outside transactions: planned once
  // per connection, not again on each call when PostgreSQL's estimates favour a custom plan (decisions/0019).
  const lookups = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool(Math.max(1, Math.ceil(poolSize / 2)), true) }),
  });
  runPreparedOn(db, lookups);
  return {
    db,
    dialect: 'postgresql',
    sqlitePath: undefined,
    whenDurable: () => Promise.resolve(),
    pollDurable: () => {},
    close: async () => {
      await Promise.all([db.destroy(), lookups.destroy()]);
    },
  };
}
