import type SQLite from 'better-sqlite3';

const savepoint = 'groeipad_batched_transaction';

/** Statements that join an open batch: reads and row writes. Anything else (VACUUM, PRAGMA, DDL) runs after it. */
const joinsBatch = /^\s*(select|insert|update|delete|replace|with)\b/i;

/**
 * Transactions of one moment share one SQLite commit (docs/decisions/0013-sqlite-commit-batches.md).
 *
 * Kysely's SQLite driver runs one transaction at a time on the one connection (`begin` ... `commit`, holding its
 * connection lock in between). With a batch, the first transaction of a moment opens a real transaction
 * (`BEGIN IMMEDIATE`) and each Kysely transaction runs inside it as a savepoint: its `commit` releases the
 * savepoint, its `rollback` rolls back to it, so a failed transaction undoes its own work and nothing else. The real
 * transaction commits on the next turn of the event loop (or when the transaction running then ends): every
 * transaction of that turn shares one commit, and the pages they all change (the audit log's newest index pages, the
 * plan rows) are written to the log once.
 *
 * Nothing of a batch is confirmed before its commit is on disk: `whenCommitted()` resolves at the commit, and the
 * HTTP layer already holds every answer until the group flush after it (`WalSync`). A batch SQLite had to roll back
 * (a full disk, an I/O error) loses the transactions released into it, which were not confirmed: the handle refuses
 * from then on, as after a failed flush.
 */
export class CommitBatch {
  /** A real transaction is open and holds the batch. */
  private open = false;
  /** A Kysely transaction runs inside the batch (its savepoint is open). */
  private inner = false;
  /** The turn ended while a transaction ran: commit as it ends. */
  private due = false;
  private failure: Error | null = null;
  private waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  /** Batches committed so far. */
  commits = 0;
  /** Kysely transactions run inside batches so far. */
  transactions = 0;

  constructor(
    private readonly sqlite: SQLite.Database,
    /** Called right after each batch commits (the group flush takes it from there). */
    private readonly onCommit: () => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** SQLite rolled a batch back, or one could not commit: nothing may be confirmed any more. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /** Kysely's `begin`: opens the batch if none is, then the transaction's savepoint. */
  begin(): void {
    this.refuseAfterFailure();
    if (!this.open) {
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.open = true;
      setImmediate(() => this.endOfTurn());
    }
    this.sqlite.exec(`SAVEPOINT ${savepoint}`);
    this.inner = true;
    this.transactions++;
  }

  /** Kysely's `commit`: the transaction's work stays in the batch, which commits at the end of the turn. */
  release(): void {
    this.sqlite.exec(`RELEASE ${savepoint}`);
    this.inner = false;
    if (this.due) this.commit();
  }

  /** Kysely's `rollback`: undoes the transaction's own work, and nothing the batch held before it. */
  rollback(): void {
    this.inner = false;
    if (!this.sqlite.inTransaction) {
      // SQLite rolled the whole transaction back itself (an I/O error, a full disk): the batch is lost.
      this.lose(new Error('SQLite rolled back a batch of transactions'));
      return;
    }
    this.sqlite.exec(`ROLLBACK TO ${savepoint}`);
    this.sqlite.exec(`RELEASE ${savepoint}`);
    if (this.due) this.commit();
  }

  /**
   * Before a statement outside any Kysely transaction: reads and row writes join the batch; anything else (VACUUM
   * INTO, a PRAGMA, DDL) needs the batch committed first.
   */
  beforeStatement(sql: string): void {
    if (this.open && !this.inner && !joinsBatch.test(sql)) this.commit();
  }

  /** Before a streamed read outside a transaction: it may hold the connection for long, the batch must not wait. */
  beforeStream(): void {
    if (this.open && !this.inner) this.commit();
  }

  /** Resolves once the open batch (if any) has committed. */
  whenCommitted(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.open) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Commits the open batch now (closing the database). */
  commit(): void {
    if (!this.open) return;
    this.due = false;
    if (!this.sqlite.inTransaction) {
      this.lose(new Error('SQLite rolled back a batch of transactions'));
      return;
    }
    try {
      this.sqlite.exec('COMMIT');
    } catch (error) {
      if (this.sqlite.inTransaction) {
        try {
          this.sqlite.exec('ROLLBACK');
        } catch {}
      }
      this.lose(
        new Error(`a batch of SQLite transactions could not commit: ${String(error)}`, { cause: error }),
      );
      return;
    }
    this.open = false;
    this.commits++;
    this.onCommit();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
  }

  private endOfTurn(): void {
    if (!this.open) return;
    if (this.inner) this.due = true;
    else this.commit();
  }

  private lose(failure: Error): void {
    this.open = false;
    this.failure = failure;
    for (const w of this.waiters) w.reject(failure);
    this.waiters = [];
  }

  private refuseAfterFailure(): void {
    if (this.failure) throw this.failure;
  }
}
