import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sqlitePathFromUrl } from '../../src/server/db/connection.js';

/**
 * The database's own consistency checks, run after the server stopped. Answers the problems found (empty: sound).
 * SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. PostgreSQL: amcheck (`verify_heapam` on every
 * table, `bt_index_check` with heap verification on every B-tree index) and a query per foreign key for orphans.
 */
export async function checkIntegrity(target: { databaseUrl: string; schema?: string }): Promise<string[]> {
  if (target.databaseUrl.startsWith('sqlite:')) return checkSqlite(sqlitePathFromUrl(target.databaseUrl));
  return checkPostgres(target.databaseUrl, target.schema ?? 'public');
}

function checkSqlite(path: string): string[] {
  const db = new SQLite(path);
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok')
      problems.push(...integrity.map((r) => `integrity_check: ${r.integrity_check}`));
    const orphans = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    for (const o of orphans) problems.push(`foreign key: ${o.table} -> ${o.parent}`);
    return problems;
  } finally {
    db.close();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function checkPostgres(databaseUrl: string, schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const problems: string[] = [];
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS amcheck SCHEMA public');
    const ext = await client.query<{ nspname: string }>(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'amcheck'`,
    );
    const amcheck = ident(ext.rows[0]?.nspname ?? 'public');
    const tables = await client.query<{ oid: number; relname: string }>(
      `SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    if (tables.rows.length < 10) problems.push(`only ${tables.rows.length} tables in ${schema}`);
    for (const t of tables.rows) {
      const heap = await client.query(`SELECT * FROM ${amcheck}.verify_heapam($1::regclass)`, [t.oid]);
      for (const row of heap.rows) problems.push(`verify_heapam ${t.relname}: ${JSON.stringify(row)}`);
    }
    const indexes = await client.query<{ oid: number; relname: string }>(
      `SELECT c.oid, c.relname FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = c.relam
       WHERE n.nspname = $1 AND am.amname = 'btree'`,
      [schema],
    );
    for (const index of indexes.rows) {
      try {
        await client.query(`SELECT ${amcheck}.bt_index_check($1::regclass, true)`, [index.oid]);
      } catch (error) {
        problems.push(`bt_index_check ${index.relname}: ${(error as Error).message}`);
      }
    }
    const keys = await client.query<{
      conname: string;
      child: string;
      parent: string;
      child_cols: string[];
      parent_cols: string[];
    }>(
      `SELECT con.conname, cc.relname AS child, pc.relname AS parent,
         ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS child_cols,
         ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS parent_cols
       FROM pg_constraint con
       JOIN pg_class cc ON cc.oid = con.conrelid
       JOIN pg_class pc ON pc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = cc.relnamespace
       WHERE con.contype = 'f' AND n.nspname = $1`,
      [schema],
    );
    for (const key of keys.rows) {
      const notNull = key.child_cols.map((c) => `c.${ident(c)} IS NOT NULL`).join(' AND ');
      const join = key.child_cols
        .map((c, i) => `p.${ident(key.parent_cols[i] ?? c)} = c.${ident(c)}`)
        .join(' AND ');
      const orphans = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${ident(schema)}.${ident(key.child)} c
         WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${ident(schema)}.${ident(key.parent)} p WHERE ${join})`,
      );
      if (Number(orphans.rows[0]?.n) > 0)
        problems.push(`foreign key ${key.conname}: ${orphans.rows[0]?.n} orphan rows in ${key.child}`);
    }
    if (keys.rows.length === 0) problems.push('no foreign keys found to check');
    return problems;
  } finally {
    await client.end();
  }
}
