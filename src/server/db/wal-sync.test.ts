import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, openSqlite, withStatementCache } from './connection.js';
import { WalSync, walFileSync } from './wal-sync.js';

/** A flush that stays open until the test lets it finish. */
function gatedSync() {
  const gates: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const sync = () => new Promise<void>((resolve, reject) => gates.push({ resolve, reject }));
  return { sync, gates };
}

const turn = () => new Promise((r) => setImmediate(r));
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await turn();
  return done;
};

describe('WalSync', () => {
  it('has nothing to wait for before a commit', async () => {
    const wal = new WalSync(async () => {});
    expect(wal.pending).toBe(false);
    await expect(wal.whenDurable()).resolves.toBeUndefined();
    expect(wal.flushes).toBe(0);
  });

  it('covers the commits of one turn with one flush, and answers their waiters after it', async () => {
    const { sync, gates } = gatedSync();
    const wal = new WalSync(sync);
    wal.noteCommit();
    wal.noteCommit();
    wal.noteCommit();
    const waiting = wal.whenDurable();
    expect(wal.pending).toBe(true);
    expect(await settled(waiting)).toBe(false);
    expect(gates).toHaveLength(1);
    gates[0]?.resolve();
    await expect(waiting).resolves.toBeUndefined();
    expect(wal.pending).toBe(false);
    expect(wal.flushes).toBe(1);
  });

  it('does not count a commit made during a flush as flushed by it', async () => {
    const { sync, gates } = gatedSync();
    const wal = new WalSync(sync);
    wal.noteCommit();
    const first = wal.whenDurable();
    await turn();
    wal.noteCommit();
    const second = wal.whenDurable();
    gates[0]?.resolve();
    await first;
    expect(await settled(second)).toBe(false);
    expect(gates).toHaveLength(2);
    gates[1]?.resolve();
    await expect(second).resolves.toBeUndefined();
    expect(wal.flushes).toBe(2);
  });

  it('refuses from the first failed flush on', async () => {
    const { sync, gates } = gatedSync();
    const wal = new WalSync(sync);
    wal.noteCommit();
    const waiting = wal.whenDurable();
    await turn();
    gates[0]?.reject(new Error('EIO'));
    await expect(waiting).rejects.toThrow(/could not be flushed to disk: Error: EIO/);
    await expect(wal.whenDurable()).rejects.toThrow(/could not be flushed/);
  });
});

describe('group commit on a SQLite file', () => {
  const folders: string[] = [];
  const file = () => {
    const folder = mkdtempSync(join(tmpdir(), 'groeipad-wal-'));
    folders.push(folder);
    return join(folder, 'g.db');
  };
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('notes a commit for each transaction and each write outside one, none for reads or a rollback', async () => {
    const path = file();
    const sqlite = openSqlite(path, { groupCommit: true });
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    const flushed: number[] = [];
    const wal = new WalSync(async () => {
      flushed.push(Date.now());
    });
    const db = new Kysely<{ t: { n: number } }>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite, 50, wal) }),
    });
    await db.schema.createTable('t').addColumn('n', 'integer').execute();
    await wal.whenDurable();
    const afterSchema = wal.flushes;
    expect(afterSchema).toBe(1);

    await db.selectFrom('t').selectAll().execute();
    expect(wal.pending).toBe(false);

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute();
      await trx.insertInto('t').values({ n: 2 }).execute();
      expect(wal.pending).toBe(false);
    });
    expect(wal.pending).toBe(true);
    await db.insertInto('t').values({ n: 3 }).execute();
    await wal.whenDurable();
    expect(wal.flushes).toBe(afterSchema + 1);

    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 4 }).execute();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(wal.pending).toBe(false);
    expect((await db.selectFrom('t').select('n').execute()).map((r) => r.n)).toEqual([1, 2, 3]);
    await db.destroy();
  });

  it('flushes the real log file, and waits for it before the connection closes', async () => {
    const path = file();
    const handle = connect(`sqlite:${path}`);
    const db = handle.db as unknown as Kysely<{ t: { n: number } }>;
    await db.schema.createTable('t').addColumn('n', 'integer').execute();
    await db.insertInto('t').values({ n: 1 }).execute();
    expect(existsSync(`${path}-wal`)).toBe(true);
    await handle.whenDurable();
    await db.insertInto('t').values({ n: 2 }).execute();
    await handle.close();
    const reopened = connect(`sqlite:${path}`);
    const again = reopened.db as unknown as Kysely<{ t: { n: number } }>;
    expect(await again.selectFrom('t').select('n').execute()).toEqual([{ n: 1 }, { n: 2 }]);
    await reopened.close();
  });

  it('has nothing to flush when the log is gone', async () => {
    await expect(walFileSync(file())()).resolves.toBeUndefined();
  });
});
