import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connection.js';

const run = promisify(execFile);

const stamp = (now: Date): string => now.toISOString().replace(/[:.]/g, '-');

/**
 * Writes a consistent backup and answers its path. SQLite: `VACUUM INTO`, a transactionally consistent copy taken
 * while the server keeps running. PostgreSQL: `pg_dump` in custom format (restore with `pg_restore`).
 */
export async function backupDatabase(
  handle: DatabaseHandle,
  options: { url: string; dir: string; now: Date; schema?: string },
): Promise<string> {
  const dir = resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  if (handle.dialect === 'sqlite') {
    const target = join(dir, `groeipad-${stamp(options.now)}.db`);
    await sql`VACUUM INTO ${target}`.execute(handle.db);
    return target;
  }
  const target = join(dir, `groeipad-${stamp(options.now)}.dump`);
  const args = ['--format=custom', '--no-owner', `--file=${target}`];
  if (options.schema) args.push(`--schema=${options.schema}`);
  args.push(`--dbname=${options.url}`);
  try {
    await run('pg_dump', args);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `pg_dump failed (is the PostgreSQL client installed and of the server's version?): ${reason}`,
    );
  }
  return target;
}
