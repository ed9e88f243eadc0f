import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './connection.js';

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
});
