import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes the write-ahead log to the disk (fdatasync); resolves once the bytes are stored. */
export type SyncWal = () => Promise<void>;

/**
 * Group commit for SQLite (docs/decisions/0008-sqlite-group-commit.md). The connection runs with
 * `synchronous = NORMAL`: a commit writes its frames to the write-ahead log without waiting for the disk. Every commit
 * is noted here, and one flush of the log, started on the next turn of the event loop and run off the main thread,
 * makes all commits noted before it durable at once. Nothing that depends on a commit leaves the process before
 * `whenDurable()` resolves: the HTTP layer holds every answer until then. An acknowledged write is therefore as
 * durable as with `synchronous = FULL`, which flushes the log on every commit while the server waits.
 *
 * A flush that fails leaves the durability of the commits unknown (and a retried fsync may report success for data
 * it lost), so the handle refuses from then on, like PostgreSQL does after a failed fsync.
 */
export class WalSync {
  private committed = 0;
  private synced = 0;
  private flushing = false;
  private failure: Error | null = null;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = [];
  /** Flushes run so far (each covers every commit noted before it started). */
  flushes = 0;

  constructor(private readonly syncWal: SyncWal) {}

  /** Commits not yet known to be on disk. */
  get pending(): boolean {
    return this.synced < this.committed;
  }

  /**
   * A commit is about to run (synchronously, before any other code): flush it on the next turn. `now`: the commit
   * has run, start the flush at once.
   */
  noteCommit(options: { now?: boolean } = {}): void {
    this.committed++;
    if (!this.flushing) {
      this.flushing = true;
      if (options.now) void this.flush();
      else setImmediate(() => void this.flush());
    }
  }

  /** Resolves when every commit noted so far is on disk. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.synced >= this.committed) return Promise.resolve();
    const upTo = this.committed;
    return new Promise((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
  }

  private async flush(): Promise<void> {
    try {
      while (this.synced < this.committed && !this.failure) {
        const upTo = this.committed;
        this.flushes++;
        await this.syncWal();
        this.synced = upTo;
        const ready = this.waiters.filter((w) => w.upTo <= upTo);
        this.waiters = this.waiters.filter((w) => w.upTo > upTo);
        for (const w of ready) w.resolve();
      }
    } catch (error) {
      this.failure = new Error(`the SQLite write-ahead log could not be flushed to disk: ${String(error)}`, {
        cause: error,
      });
      for (const w of this.waiters) w.reject(this.failure);
      this.waiters = [];
    } finally {
      this.flushing = false;
    }
  }
}

/**
 * fdatasync of `<database>-wal`, and once of its folder (a log created since the process started is then found after a
 * power cut). No log file means a checkpoint removed it, after flushing the database file itself: nothing to do.
 */
export function walFileSync(databasePath: string): SyncWal {
  const walPath = `${databasePath}-wal`;
  let folderSynced = false;
  return async () => {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(walPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!folderSynced) {
      const folder = await open(dirname(walPath), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
      folderSynced = true;
    }
  };
}
