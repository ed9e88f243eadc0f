import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { backupDatabase } from '../../src/server/db/backup.js';
import { connect, type DatabaseHandle } from '../../src/server/db/connection.js';
import { describeEachDatabase, postgresUrl } from '../support/harness.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'groeipad-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every application table, sorted, so two databases can be compared whole. */
async function snapshot(handle: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const tables =
    handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
            handle.db,
          )
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
            handle.db,
          )
        ).rows.map((r) => r.name);
  const result: Record<string, unknown[]> = {};
  for (const table of tables.sort()) {
    const rows = (await sql`select * from ${sql.table(table)}`.execute(handle.db)).rows;
    result[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return result;
}

describeEachDatabase('backup and restore', (h) => {
  it('restores a backup with every row', async () => {
    const org = await h.createOrganisation({ name: 'Back-up vzw Zoë' });
    for (let i = 0; i < 5; i++)
      await h.createPerson(org.id, { firstName: `Persoon ${i}`, lastName: 'Dupré' });
    const client = await h.login(org.admin);
    await client.get('/api/auth/me');

    const before = await snapshot(h.ctx.database);
    expect(before.people?.length).toBeGreaterThanOrEqual(6);

    if (h.dialect === 'sqlite') {
      const path = await backupDatabase(h.ctx.database, {
        url: h.ctx.config.database.url,
        dir,
        now: h.clock.now(),
      });
      const restored = connect(`sqlite:${path}`);
      expect(await snapshot(restored)).toEqual(before);
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(restored.db);
      expect(check.rows[0]?.integrity_check).toBe('ok');
      await restored.close();
    } else {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(h.ctx.database.db))
        .rows[0]!.s;
      const path = await backupDatabase(h.ctx.database, {
        url: postgresUrl,
        dir,
        now: h.clock.now(),
        schema,
      });
      const database = `restore_${schema}`;
      await run('psql', [postgresUrl, '-c', `CREATE DATABASE ${database}`]);
      try {
        const url = postgresUrl.replace(/\/[^/]*$/, `/${database}`);
        await run('pg_restore', ['--no-owner', `--dbname=${url}`, path]);
        const restored = connect(url, { schema });
        expect(await snapshot(restored)).toEqual(before);
        await restored.close();
      } finally {
        await run('psql', [postgresUrl, '-c', `DROP DATABASE IF EXISTS ${database}`]);
      }
    }
  });
});
