/**
 * `npm run bench -- --sql-timing DIR` loads this into the server (`node --require`): every SQLite statement's own time
 * (better-sqlite3's `run`, `get`, `all` and `exec`, without Kysely around them) is summed per statement and written to
 * DIR/sql-timing-<pid>.json when the server stops, the statements that took the most time first. SQLite only.
 */
const { createRequire } = require('node:module');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.GROEIPAD_BENCH_SQL_TIMING;
const Database = createRequire(join(process.cwd(), 'package.json'))('better-sqlite3');
/** @type {Map<string, { calls: number; micros: number }>} */
const totals = new Map();

function timed(sql, call) {
  const started = process.hrtime.bigint();
  try {
    return call();
  } finally {
    const micros = Number(process.hrtime.bigint() - started) / 1000;
    const key = sql.replace(/\s+/g, ' ').slice(0, 200);
    const total = totals.get(key) ?? { calls: 0, micros: 0 };
    total.calls++;
    total.micros += micros;
    totals.set(key, total);
  }
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql, ...rest) {
  const statement = prepare.call(this, sql, ...rest);
  for (const method of ['run', 'get', 'all']) {
    const original = statement[method];
    statement[method] = function (...args) {
      return timed(sql, () => original.apply(this, args));
    };
  }
  return statement;
};
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  return timed(sql, () => exec.call(this, sql));
};

process.on('exit', () => {
  if (!dir || totals.size === 0) return;
  const statements = [...totals.entries()]
    .map(([sql, { calls, micros }]) => ({
      sql,
      calls,
      averageMicros: Math.round(micros / calls),
      totalMs: Math.round(micros / 1000),
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `sql-timing-${process.pid}.json`), `${JSON.stringify(statements, null, 2)}\n`);
});
