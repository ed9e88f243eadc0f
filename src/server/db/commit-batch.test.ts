import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitBatch } from './commit-batch.js';
import { connect, openSqlite, withStatementCache } from './connection.js';
import { WalSync } from './wal-sync.js';

interface Db {
  t: { n: number };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('transactions of one turn share one SQLite commit', () => {
  const folders: string[] = [];
  const opened: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    for (const handle of opened.splice(0).reverse()) await handle.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** A database file through the server's driver with a batch, and a second connection that sees what is committed. */
  async function setUp() {
    const folder = mkdtempSync(join(tmpdir(), 'groeipad-batch-'));
    folders.push(folder);
    const path = join(folder, 'b.db');
    const sqlite = openSqlite(path, { groupCommit: true });
    const wal = new WalSync(async () => {});
    const batch = new CommitBatch(sqlite, () => wal.noteCommit({ now: true }));
    const db = new Kysely<Db>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite, 50, wal, batch) }),
    });
    opened.push({ close: () => db.destroy() });
    await db.schema
      .createTable('t')
      .addColumn('n', 'integer', (c) => c.unique())
      .execute();
    await wal.whenDurable();
    const observer = new SQLite(path, { readonly: true });
    opened.push(observer);
    const seen = () =>
      (observer.prepare('select n from t order by n').all() as Array<{ n: number }>).map((r) => r.n);
    const insert = (n: number) =>
      db.transaction().execute((trx) => trx.insertInto('t').values({ n }).execute());
    return { path, folder, sqlite, wal, batch, db, seen, insert };
  }

  it('commits the transactions of one turn together, on the next turn', async () => {
    const { batch, wal, seen, insert } = await setUp();
    const flushesBefore = wal.flushes;
    await Promise.all([insert(1), insert(2), insert(3)]);
    expect(batch.isOpen).toBe(true);
    expect(seen()).toEqual([]);
    await turn();
    expect(batch.isOpen).toBe(false);
    expect(seen()).toEqual([1, 2, 3]);
    expect(batch.commits).toBe(1);
    expect(batch.transactions).toBe(3);
    await wal.whenDurable();
    expect(wal.flushes).toBe(flushesBefore + 1);
  });

  it('undoes a failed transaction alone, whether it threw or broke a constraint', async () => {
    const { db, seen, insert } = await setUp();
    const results = await Promise.allSettled([
      insert(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 2 }).execute();
        throw new Error('no');
      }),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 3 }).execute();
        await trx.insertInto('t').values({ n: 1 }).execute(); // unique: refused
      }),
      insert(4),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    await turn();
    expect(seen()).toEqual([1, 4]);
  });

  it('commits as a transaction that outlived its turn ends', async () => {
    const { batch, db, seen } = await setUp();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute();
      await new Promise((r) => setTimeout(r, 5));
      expect(batch.isOpen).toBe(true);
      await trx.insertInto('t').values({ n: 2 }).execute();
    });
    expect(batch.isOpen).toBe(false);
    expect(seen()).toEqual([1, 2]);
  });

  it('lets reads and writes outside a transaction join the batch, and commits it before anything else', async () => {
    const { batch, db, seen, insert, folder } = await setUp();
    await insert(1);
    await db.insertInto('t').values({ n: 2 }).execute();
    expect(await db.selectFrom('t').select('n').orderBy('n').execute()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(batch.isOpen).toBe(true);
    expect(seen()).toEqual([]);
    // VACUUM INTO cannot run inside a transaction: the batch commits first.
    const copy = join(folder, 'copy.db');
    await sql`VACUUM INTO ${copy}`.execute(db);
    expect(batch.isOpen).toBe(false);
    expect(seen()).toEqual([1, 2]);
    const copied = new SQLite(copy, { readonly: true });
    expect(copied.prepare('select count(*) as c from t').get()).toEqual({ c: 2 });
    copied.close();
  });

  it('commits the batch before a streamed read, which may hold the connection for long', async () => {
    const { batch, db, seen, insert } = await setUp();
    await insert(1);
    expect(batch.isOpen).toBe(true);
    const rows: number[] = [];
    for await (const row of db.selectFrom('t').select('n').stream()) {
      expect(batch.isOpen).toBe(false);
      expect(seen()).toEqual([1]);
      rows.push(row.n);
    }
    expect(rows).toEqual([1]);
  });

  it('refuses from then on when SQLite rolled the batch back, and confirms none of it', async () => {
    const { batch, db, seen, insert } = await setUp();
    await insert(1);
    const waiting = batch.whenCommitted();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 2 }).execute();
        // What SQLite does by itself after an I/O error or a full disk: the whole transaction is gone.
        await sql.raw('ROLLBACK').execute(trx);
        throw new Error('disk I/O error');
      }),
    ).rejects.toThrow('disk I/O error');
    await expect(waiting).rejects.toThrow(/rolled back a batch/);
    await expect(insert(3)).rejects.toThrow(/rolled back a batch/);
    await turn();
    expect(seen()).toEqual([]);
  });

  it('answers no request of the handle once a batch was lost, not even those that start later', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'groeipad-batch-'));
    folders.push(folder);
    const handle = connect(`sqlite:${join(folder, 'l.db')}`);
    opened.push({ close: () => handle.db.destroy() });
    const db = handle.db as unknown as Kysely<Db>;
    await db.schema.createTable('t').addColumn('n', 'integer').execute();
    await handle.whenDurable();
    await db.transaction().execute((trx) => trx.insertInto('t').values({ n: 1 }).execute());
    const first = handle.whenDurable();
    await expect(
      db.transaction().execute(async (trx) => {
        await sql.raw('ROLLBACK').execute(trx);
        throw new Error('disk I/O error');
      }),
    ).rejects.toThrow('disk I/O error');
    await expect(first).rejects.toThrow(/rolled back a batch/);
    await expect(handle.whenDurable()).rejects.toThrow(/rolled back a batch/);
  });

  it('holds answers until the batch is committed and flushed, and commits it when the handle closes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'groeipad-batch-'));
    folders.push(folder);
    const path = join(folder, 'h.db');
    const handle = connect(`sqlite:${path}`);
    const db = handle.db as unknown as Kysely<Db>;
    await db.schema.createTable('t').addColumn('n', 'integer').execute();
    await db.transaction().execute((trx) => trx.insertInto('t').values({ n: 1 }).execute());
    const observer = new SQLite(path, { readonly: true });
    expect(observer.prepare('select count(*) as c from t').get()).toEqual({ c: 0 });
    await handle.whenDurable();
    expect(observer.prepare('select count(*) as c from t').get()).toEqual({ c: 1 });
    await db.transaction().execute((trx) => trx.insertInto('t').values({ n: 2 }).execute());
    await handle.close();
    expect(observer.prepare('select count(*) as c from t').get()).toEqual({ c: 2 });
    observer.close();
    expect(existsSync(path)).toBe(true);
  });
});
