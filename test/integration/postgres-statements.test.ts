import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/connection.js';
import { preparedQuery } from '../../src/server/db/prepared-query.js';
import { postgresUrl } from '../support/harness.js';

/** PostgreSQL only: SQLite's statements are prepared once by the statement cache (src/server/db/connection.test.ts). */
describe('named statements on PostgreSQL', () => {
  it('prepares each statement text with parameters once per connection, and runs the rest as before', async () => {
    const database = connect(postgresUrl, { poolSize: 1 });
    try {
      const db = database.db;
      const twice = async () => {
        for (const n of [1, 2]) {
          const row = await sql<{ n: number }>`select ${n}::int + 1 as n`.execute(db);
          expect(row.rows).toEqual([{ n: n + 1 }]);
        }
      };
      await twice();
      await twice();
      const prepared = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements where statement like ${'select $1::int + 1%'}
      `.execute(db);
      expect(prepared.rows).toEqual([
        { name: expect.stringMatching(/^groeipad_\d+$/), statement: 'select $1::int + 1 as n' },
      ]);
      // A statement without parameters is sent as a simple query, and a failed one leaves the connection usable.
      await expect(sql`select 1 as one`.execute(db)).resolves.toMatchObject({ rows: [{ one: 1 }] });
      await expect(sql`select ${'x'}::int as bad`.execute(db)).rejects.toThrow(/invalid input syntax/);
      await twice();
    } finally {
      await database.close();
    }
  });

  it('plans the fixed-shape statements once per connection outside transactions, the rest as PostgreSQL chooses', async () => {
    const database = connect(postgresUrl, { poolSize: 2 });
    const mode = preparedQuery((db: typeof database.db, p: { n: string }) =>
      db.selectNoFrom((eb) => [
        sql<string>`current_setting('plan_cache_mode')`.as('mode'),
        eb.val(p.n).as('n'),
      ]),
    );
    try {
      const db = database.db;
      expect(await mode.executeTakeFirst(db, { n: 'a' })).toEqual({ mode: 'force_generic_plan', n: 'a' });
      const built = await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`.execute(
        db,
      );
      expect(built.rows).toEqual([{ mode: 'auto' }]);
      // Inside a transaction, on the transaction's own connection.
      await db.transaction().execute(async (trx) => {
        expect(await mode.executeTakeFirst(trx, { n: 'b' })).toEqual({ mode: 'auto', n: 'b' });
      });
    } finally {
      await database.close();
    }
  });

  it('connects through the Unix socket of a database on the same machine, named as `host` in the URL', async () => {
    const socketUrl =
      process.env.TEST_POSTGRES_SOCKET_URL ?? 'postgres://postgres@localhost/test?host=/var/run/postgresql';
    const database = connect(socketUrl, { poolSize: 1 });
    try {
      const row = await sql<{ socket: boolean }>`select inet_server_addr() is null as socket`.execute(
        database.db,
      );
      expect(row.rows).toEqual([{ socket: true }]);
    } finally {
      await database.close();
    }
  });
});
