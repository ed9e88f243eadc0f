import SQLite from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { plainColumns, preparedFamily, preparedQuery } from './prepared-query.js';

interface Db {
  items: { id: string; org: string; name: string | null; version: number; tags: string };
}

function sqliteDb(): Kysely<Db> {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table items (id text primary key, org text, name text, version integer, tags text)');
  sqlite.exec(
    "insert into items values ('a', 'o1', 'Anna', 1, 'x'), ('b', 'o1', 'Bert', 1, 'y'), ('c', 'o2', 'Cas', 1, 'z')",
  );
  return new Kysely<Db>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** PostgreSQL's compiler without a server: enough to compare the SQL both ways make. */
function postgresCompiler(): Kysely<Db> {
  return new Kysely<Db>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

type Params = { org: string; from: string; limit: number };
const byOrg = (db: Kysely<Db>, p: Params) =>
  db
    .selectFrom('items')
    .select(['id', 'name'])
    .where('org', '=', p.org)
    .where('id', '>=', p.from)
    .where('version', '<', 10)
    .orderBy('id')
    .limit(p.limit);
const byOrgPrepared = preparedQuery(byOrg);

const bump = preparedQuery((db: Kysely<Db>, p: { id: string; version: number; name: string | null }) =>
  db
    .updateTable('items')
    .set((eb) => ({ name: p.name, version: eb('version', '+', 1) }))
    .where('id', '=', p.id)
    .where('version', '=', p.version),
);

describe('preparedQuery', () => {
  it.each([
    ['sqlite', sqliteDb],
    ['postgresql', postgresCompiler],
  ])(
    'makes the same SQL and parameters as the query builder on %s, with new values every time',
    (_, open) => {
      const db = open();
      for (const values of [
        { org: 'o1', from: 'a', limit: 5 },
        { org: 'o2', from: 'b', limit: 1 },
      ]) {
        const built = byOrg(db, values as Params).compile();
        const prepared = byOrgPrepared.compile(db, values);
        expect(prepared.sql).toBe(built.sql);
        expect(prepared.parameters).toEqual(built.parameters);
      }
      const update = bump.compile(db, { id: 'a', version: 3, name: null });
      expect(update.parameters).toEqual([null, 1, 'a', 3]);
    },
  );

  it('answers rows and changes rows like the builder, inside a transaction too', async () => {
    const db = sqliteDb();
    expect(await byOrgPrepared.execute(db, { org: 'o1', from: 'a', limit: 10 })).toEqual([
      { id: 'a', name: 'Anna' },
      { id: 'b', name: 'Bert' },
    ]);
    expect(await byOrgPrepared.executeTakeFirst(db, { org: 'o1', from: 'b', limit: 10 })).toEqual({
      id: 'b',
      name: 'Bert',
    });
    expect(await byOrgPrepared.executeTakeFirst(db, { org: 'o3', from: 'a', limit: 10 })).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      const changed = await bump.run(trx, { id: 'a', version: 1, name: 'Anne' });
      expect(changed.numAffectedRows).toBe(1n);
      const stale = await bump.run(trx, { id: 'a', version: 1, name: 'Ann' });
      expect(stale.numAffectedRows).toBe(0n);
    });
    expect(await db.selectFrom('items').selectAll().where('id', '=', 'a').executeTakeFirst()).toMatchObject({
      name: 'Anne',
      version: 2,
    });
  });

  it.each([
    [
      'a list for one placeholder',
      preparedQuery((db: Kysely<Db>, p: { ids: string[] }) =>
        db.selectFrom('items').select('id').where('id', 'in', p.ids),
      ),
      { ids: ['a', 'b'] },
      /"ids" cannot take a list/,
    ],
    [
      'a placeholder as an immediate value',
      preparedQuery((db: Kysely<Db>, p: { name: string }) =>
        db.selectFrom('items').select('id').where('name', '=', sql.lit(p.name)),
      ),
      { name: 'Anna' },
      /does not make a parameter/,
    ],
    [
      'a placeholder on the right of is',
      preparedQuery((db: Kysely<Db>, p: { name: string | null }) =>
        db.selectFrom('items').select('id').where('name', 'is', p.name),
      ),
      { name: null },
      /"name" on the right of "is"/,
    ],
    [
      'a placeholder the statement did not use as a value',
      preparedQuery((db: Kysely<Db>, p: { org: string; unused: string }) =>
        db
          .selectFrom('items')
          .select('id')
          .where('org', '=', p.org)
          .where(() => sql<boolean>`${typeof p.unused === 'string'}`),
      ),
      { org: 'o1', unused: 'x' },
      /"unused" did not become a parameter/,
    ],
  ])('refuses %s', (_, prepared, values, message) => {
    const db = sqliteDb();
    // biome-ignore lint/suspicious/noExplicitAny: each row of the table has its own parameter type
    expect(() => (prepared as any).compile(db, values)).toThrow(message);
  });

  it('refuses a missing value', () => {
    const db = sqliteDb();
    expect(() => byOrgPrepared.compile(db, { org: 'o1', from: 'a' } as Params)).toThrow(
      /no value for "limit"/,
    );
  });
});

describe('preparedFamily', () => {
  it('builds one prepared query per shape and keeps no more than its limit', () => {
    let built = 0;
    const family = preparedFamily(
      (columns: string[]) => columns.join(','),
      (columns: string[]) => {
        built += 1;
        return preparedQuery((db: Kysely<Db>, p: Record<string, string>) =>
          db
            .selectFrom('items')
            .select(columns as 'id'[])
            .where('id', '=', p.id ?? ''),
        );
      },
      2,
    );
    expect(family(['id'])).toBe(family(['id']));
    expect(family(['id', 'name'])).toBe(family(['id', 'name']));
    expect(built).toBe(2);
    expect(family(['name'])).not.toBe(family(['name']));
    expect(built).toBe(4);
  });
});

describe('plainColumns', () => {
  it.each([
    [{ a: 1, b: 'x', c: null, d: true }, ['a', 'b', 'c', 'd']],
    [{ b: 1, a: undefined }, ['b']],
    [{ a: sql`1` }, null],
    [{ a: () => 1 }, null],
    [{ a: new Date(0) }, null],
    [{}, []],
  ])('%o -> %o', (values, columns) => {
    expect(plainColumns(values)).toEqual(columns);
  });
});
