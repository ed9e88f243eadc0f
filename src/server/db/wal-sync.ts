import { Worker } from 'node:worker_threads';

/** Flushes the write-ahead log to the disk (fdatasync); resolves once the bytes are stored. */
export type SyncWal = () => Promise<void>;

/**
 * Group commit for SQLite (docs/decisions/0008-sqlite-group-commit.md). The connection runs with
 * `synchronous = NORMAL`: a commit writes its frames to the write-ahead log without waiting for the disk. Every commit
 * is noted here, and one flush of the log, asked for on the next turn of the event loop and run in a thread of its own
 * (`walFlushThread`, decisions/0015), makes all commits noted before it durable at once. Nothing that depends on a
 * commit leaves the process before `whenDurable()` resolves: the HTTP layer holds every answer until then. An
 * acknowledged write is therefore as durable as with `synchronous = FULL`, which flushes the log on every commit while
 * the server waits.
 *
 * A flush that fails leaves the durability of the commits unknown (and a retried fsync may report success for data
 * it lost), so the handle refuses from then on, like PostgreSQL does after a failed fsync.
 */
export class WalSync {
  /** At most this many flushes wait at once (the next one covers every commit made meanwhile). */
  static readonly maxInFlight = 2;
  private committed = 0;
  /** Every commit up to this one is covered by a flush started so far. */
  private started = 0;
  private synced = 0;
  /** Flushes started and not yet finished: their number (from 1, in the order started) and the commits they cover. */
  private readonly inFlight = new Map<number, number>();
  private scheduled = false;
  private failure: Error | null = null;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly syncWal: SyncWal;
  private readonly finished: (() => number) | null;
  /** Flushes run so far (each covers every commit noted before it started). */
  flushes = 0;

  constructor(flusher: SyncWal | WalFlusher) {
    this.syncWal = typeof flusher === 'function' ? flusher : flusher.sync;
    this.finished = typeof flusher === 'function' ? null : flusher.finished;
  }

  /** Commits not yet known to be on disk. */
  get pending(): boolean {
    return this.synced < this.committed;
  }

  /**
   * A commit is about to run (synchronously, before any other code): flush it on the next turn. `now`: the commit
   * has run, start the flush at once.
   *
   * A commit made while a flush runs does not wait for it to end: a second flush is asked for it (the flush of a file
   * covers everything written to it before the flush began). Beyond `maxInFlight`, the next flush starts as one ends
   * and covers every commit made meanwhile.
   */
  noteCommit(options: { now?: boolean } = {}): void {
    this.committed++;
    if (options.now) this.startFlush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.startFlush();
      });
    }
  }

  /** Resolves when every commit noted so far is on disk. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.poll();
    if (this.synced >= this.committed) return Promise.resolve();
    const upTo = this.committed;
    return new Promise((resolve, reject) => this.waiters.push({ upTo, resolve, reject }));
  }

  /**
   * Takes in the flushes the flusher reports finished in shared memory, before their completion reaches this event
   * loop: a busy server reaches it only after every request already read in the same turn (10-20 ms under load),
   * while a check at the start of each request answers the waiting saves within one request's time.
   */
  poll(): void {
    if (!this.finished || this.inFlight.size === 0 || this.failure) return;
    const finished = this.finished();
    for (const number of this.inFlight.keys()) if (number <= finished) this.complete(number);
  }

  private startFlush(): void {
    if (this.failure || this.started >= this.committed || this.inFlight.size >= WalSync.maxInFlight) return;
    const upTo = this.committed;
    this.started = upTo;
    this.flushes++;
    const number = this.flushes;
    this.inFlight.set(number, upTo);
    this.syncWal().then(
      () => this.complete(number),
      (error: unknown) => this.fail(error),
    );
  }

  private complete(number: number): void {
    const upTo = this.inFlight.get(number);
    if (upTo === undefined || this.failure) return;
    this.inFlight.delete(number);
    if (upTo > this.synced) {
      this.synced = upTo;
      const ready = this.waiters.filter((w) => w.upTo <= upTo);
      this.waiters = this.waiters.filter((w) => w.upTo > upTo);
      for (const w of ready) w.resolve();
    }
    this.startFlush();
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.inFlight.clear();
    this.failure = new Error(`the SQLite write-ahead log could not be flushed to disk: ${String(error)}`, {
      cause: error,
    });
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }
}

/** A flusher whose finished flushes can be read synchronously (see `WalSync.poll`). */
export interface WalFlusher {
  /** Flushes the log; resolves once the bytes are stored. */
  sync: SyncWal;
  /** How many of the flushes asked for by `sync`, counted from 1 in the order asked, have finished. */
  finished: () => number;
  close: () => Promise<void>;
}

/**
 * The flushing thread's code (CommonJS, evaluated by the worker). Each message asks for one flush: fdatasync of
 * `<database>-wal`, and once of its folder (a log created since the process started is then found after a power
 * cut). No log file means a checkpoint removed it, after flushing the database file itself: nothing to do. Flushes
 * run one after the other; the number of the last one finished is stored in shared memory before it is answered.
 * After a failure the thread refuses every flush: the durability of what it was to cover is unknown.
 */
const flushThreadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fdatasyncSync, fsyncSync, openSync } = require('node:fs');
const { dirname } = require('node:path');
const finished = new Int32Array(workerData.finished);
let folderSynced = false;
let failure = null;
let asked = 0;
parentPort.on('message', () => {
  asked++;
  if (failure === null) {
    try {
      let fd = -1;
      try {
        fd = openSync(workerData.walPath, 'r');
      } catch (error) {
        if (error.code !== 'ENOENT') throw error;
      }
      if (fd >= 0) {
        try {
          fdatasyncSync(fd);
        } finally {
          closeSync(fd);
        }
        if (!folderSynced) {
          const folder = openSync(dirname(workerData.walPath), 'r');
          try {
            fsyncSync(folder);
          } finally {
            closeSync(folder);
          }
          folderSynced = true;
        }
      }
      Atomics.store(finished, 0, asked);
    } catch (error) {
      failure = String(error && error.stack ? error.stack : error);
    }
  }
  parentPort.postMessage(failure);
});
`;

/**
 * Flushes `<database>-wal` in a thread of its own, started with the first flush. Its answers also come as messages
 * (what an idle server waits for); a busy one reads them earlier from shared memory (`WalSync.poll`). The thread keeps
 * the process alive only while a flush is asked for: a process closing its database waits for the last one.
 */
export function walFlushThread(databasePath: string): WalFlusher {
  const finished = new Int32Array(new SharedArrayBuffer(4));
  const waiting: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  let worker: Worker | null = null;
  let exited: Error | null = null;
  const start = (): Worker => {
    const started = new Worker(flushThreadSource, {
      eval: true,
      // None of the process's flags (a loader, `--input-type=module`): the code is CommonJS and needs nothing else.
      execArgv: [],
      workerData: { walPath: `${databasePath}-wal`, finished: finished.buffer },
    });
    started.on('message', (failure: string | null) => {
      const next = waiting.shift();
      if (waiting.length === 0) started.unref();
      if (failure === null) next?.resolve();
      else next?.reject(new Error(failure));
    });
    const refuse = (error: Error) => {
      exited = error;
      for (const w of waiting.splice(0)) w.reject(error);
    };
    started.on('error', refuse);
    started.on('exit', (code) => refuse(new Error(`the flushing thread stopped (${code})`)));
    return started;
  };
  return {
    sync: () => {
      if (exited) return Promise.reject(exited);
      worker ??= start();
      const asked = new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
      if (waiting.length === 1) worker.ref();
      worker.postMessage(null);
      return asked;
    },
    finished: () => Atomics.load(finished, 0),
    close: async () => {
      const stopping = worker;
      worker = null;
      if (stopping) {
        stopping.removeAllListeners('exit');
        await stopping.terminate();
      }
    },
  };
}
