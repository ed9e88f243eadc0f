import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, openSqlite, withStatementCache } from './connection.js';
import { WalSync, walFlushThread } from './wal-sync.js';

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

  it('keeps the process alive while a flush is asked for, and only then', async () => {
    const path = file();
    const sqlite = openSqlite(path, { groupCommit: true });
    sqlite.exec('create table t (n integer)');
    const flusher = walFlushThread(path);
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    await flusher.sync(); // the thread starts
    const before = ports();
    const flushing = flusher.sync();
    expect(ports()).toBe(before + 1);
    await flushing;
    expect(ports()).toBe(before);
    await flusher.close();
    sqlite.close();
  });

  it('has nothing to flush when the log is gone', async () => {
    const flusher = walFlushThread(file());
    await expect(flusher.sync()).resolves.toBeUndefined();
    expect(flusher.finished()).toBe(1);
    await flusher.close();
  });

  it('flushes in its own thread, and counts each flush finished in shared memory before it answers', async () => {
    const path = file();
    const sqlite = openSqlite(path, { groupCommit: true });
    sqlite.exec('create table t (n integer)');
    const flusher = walFlushThread(path);
    expect(flusher.finished()).toBe(0);
    const flushes = [flusher.sync(), flusher.sync(), flusher.sync()];
    await flushes[0];
    expect(flusher.finished()).toBeGreaterThanOrEqual(1);
    await Promise.all(flushes);
    expect(flusher.finished()).toBe(3);
    await flusher.close();
    sqlite.close();
  });
});

describe('WalSync with flushes finished in another thread', () => {
  /** A flusher whose flushes end only as the test says, seen first through `finished`. */
  function threadLike() {
    const gates: Array<() => void> = [];
    let finished = 0;
    return {
      flusher: {
        sync: () => new Promise<void>((resolve) => gates.push(resolve)),
        finished: () => finished,
        close: async () => {},
      },
      gates,
      finish: (n: number) => {
        finished = n;
      },
    };
  }

  it('answers a waiting save as soon as a poll sees its flush finished, before the flush answers', async () => {
    const thread = threadLike();
    const wal = new WalSync(thread.flusher);
    wal.noteCommit();
    const waiting = wal.whenDurable();
    await turn();
    expect(thread.gates).toHaveLength(1);
    wal.poll();
    expect(await settled(waiting)).toBe(false);
    thread.finish(1);
    wal.poll();
    await expect(waiting).resolves.toBeUndefined();
    expect(wal.pending).toBe(false);
    // The late answer of the same flush changes nothing.
    thread.gates[0]?.();
    await turn();
    expect(wal.flushes).toBe(1);
  });

  it('asks for a second flush while one runs, at most two at a time, the later covering the earlier', async () => {
    const thread = threadLike();
    const wal = new WalSync(thread.flusher);
    wal.noteCommit({ now: true });
    const first = wal.whenDurable();
    wal.noteCommit({ now: true });
    const second = wal.whenDurable();
    wal.noteCommit({ now: true });
    const third = wal.whenDurable();
    expect(thread.gates).toHaveLength(WalSync.maxInFlight);
    // The second flush ends first: it covers the first's commits too.
    thread.gates[1]?.();
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    expect(await settled(third)).toBe(false);
    // A flush slot is free: the third commit's flush starts.
    expect(thread.gates).toHaveLength(3);
    thread.gates[2]?.();
    await expect(third).resolves.toBeUndefined();
    thread.gates[0]?.();
    await turn();
    expect(wal.pending).toBe(false);
    expect(wal.flushes).toBe(3);
  });
});
