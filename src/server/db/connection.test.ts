import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowFunction, withStatementCache } from './connection.js';

describe('withStatementCache', () => {
  const database = () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer)');
    sqlite.exec('insert into t values (1), (2), (3)');
    return withStatementCache(sqlite, 2);
  };

  it('prepares a statement once and hands it out again', () => {
    const db = database();
    const first = db.prepare('select n from t');
    expect(db.prepare('select n from t')).toBe(first);
    expect(first.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('gives a fresh statement while the cached one is busy in a streamed read', () => {
    const db = database();
    const streaming = db.prepare('select n from t');
    const rows = streaming.iterate([]);
    rows.next();
    const other = db.prepare('select n from t');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toHaveLength(3);
    expect([...rows]).toHaveLength(2);
    expect(db.prepare('select n from t')).toBe(streaming);
  });

  it('forgets the least recently used statement beyond its size', () => {
    const db = database();
    const a = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(b);
  });

  describe('rows', () => {
    const wide = () => {
      const sqlite = new SQLite(':memory:');
      sqlite.exec(`create table a (id text, "position" integer, cost real, note text, data blob);
        insert into a values ('x', 1, 2.5, null, x'0102'), ('y', 2, null, 'één "twee"', null);`);
      return { sqlite, db: withStatementCache(sqlite, 10) };
    };

    it.each([
      ['select * from a order by id', []],
      [
        'select a.id, b.id, a.note as "weird ""name"" \\", a.position from a join a as b on b.id = ? order by a.id',
        ['y'],
      ],
      ['select id, count(*) as n from a group by id having n > ? order by id', [5]],
      ['update a set cost = cost + 1 where id = ? returning id, cost', ['x']],
    ])('answers the rows better-sqlite3 makes for %s', (sql, parameters) => {
      const { sqlite, db } = wide();
      const expected = sqlite.prepare(sql).all(...parameters);
      sqlite.exec("update a set cost = 2.5 where id = 'x'");
      const rows = db.prepare(sql).all(parameters);
      expect(rows).toEqual(expected);
      expect(rows.map((row) => Object.keys(row as object))).toEqual(
        expected.map((row) => Object.keys(row as object)),
      );
    });

    it('streams the same rows as objects', () => {
      const { sqlite, db } = wide();
      expect([...db.prepare('select * from a order by id').iterate([])]).toEqual(
        sqlite.prepare('select * from a order by id').all(),
      );
    });

    it('frees the statement when a stream stops early', () => {
      const { db } = wide();
      const statement = db.prepare('select * from a order by id');
      for (const row of statement.iterate([])) {
        expect(row).toMatchObject({ id: 'x' });
        break;
      }
      expect(db.prepare('select * from a order by id')).toBe(statement);
    });

    it('reads the columns again after the schema changed, through the connection or another one', () => {
      const { sqlite, db } = wide();
      const all = () => db.prepare('select * from a order by id').all([]) as Array<Record<string, unknown>>;
      expect(Object.keys(all()[0]!)).toEqual(['id', 'position', 'cost', 'note', 'data']);
      db.prepare('alter table a add column extra text').run([]);
      expect(all()[0]).toMatchObject({ id: 'x', extra: null });
      sqlite.exec('alter table a drop column note');
      expect(Object.keys(all()[1]!)).toEqual(['id', 'position', 'cost', 'data', 'extra']);
    });

    it('leaves a column list an object literal cannot copy to better-sqlite3', () => {
      expect(rowFunction(['id', '__proto__'])).toBeNull();
      const { sqlite, db } = wide();
      const sql = `select id, 'x' as "__proto__" from a order by id`;
      const [row] = db.prepare(sql).all([]) as object[];
      const [expected] = sqlite.prepare(sql).all() as object[];
      expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(expected));
      expect(Object.keys(row!)).toEqual(Object.keys(expected!));
    });
  });
});
