/**
 * Generates a realistic organisation for the benchmarks, straight into the database through Kysely:
 *
 *   npm run bench:seed -- --people 10000 --db sqlite [--file ./data/bench-10k.db]
 *   npm run bench:seed -- --people 10000 --db postgres [--schema bench_10k]
 *
 * Options: --seed N (default 42: the same seed and size give the same organisation), --today YYYY-MM-DD (default:
 * today; the current POP year is its year). The schema comes from the real migrations. An existing bench file or
 * schema of the same name is replaced. Writes a fixture next to it (the bench accounts, the plan ids) for bench/run.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { hashPassword } from '../src/server/modules/auth/index.js';
import { type BenchFixture, benchPassword, type SeedContext } from './seed/context.js';
import { generators } from './seed/generators/index.js';
import { Prng } from './seed/prng.js';
import { BatchWriter } from './seed/writer.js';
import {
  type BenchDb,
  type BenchTarget,
  databaseUrl,
  fixturePath,
  parseArgs,
  resolveTarget,
} from './targets.js';

async function preparePostgres(target: BenchTarget): Promise<void> {
  const url = new URL(target.postgresUrl);
  const database = url.pathname.replace(/^\//, '');
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, '')}"`);
  await admin.end();
  const client = new pg.Client({ connectionString: target.postgresUrl });
  await client.connect();
  await client.query(`drop schema if exists ${target.schema} cascade`);
  await client.query(`create schema ${target.schema}`);
  await client.end();
}

let writerMillis = new Map<string, number>();

export async function seed(
  target: BenchTarget,
  options: { seed: number; today: string },
): Promise<BenchFixture> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const seconds: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    seconds[name] = Math.round((performance.now() - since) / 100) / 10;
  };
  if (target.db === 'sqlite' && target.file) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target.file}${suffix}`, { force: true });
  } else {
    await preparePostgres(target);
  }
  const url = databaseUrl(target);
  const handle = connect(url, target.db === 'postgres' ? { poolSize: 2 } : {});
  try {
    // Bulk load: a large page cache keeps a chunk's transaction from spilling to the WAL before it commits.
    if (handle.dialect === 'sqlite') await sql`pragma cache_size = -262144`.execute(handle.db);
    let t = performance.now();
    await migrateToLatest(handle.db);
    lap('migrations', t);

    t = performance.now();
    const passwordHash = await hashPassword(benchPassword);
    lap('password hash (once)', t);

    const rng = new Prng(options.seed);
    const ctx: SeedContext = {
      db: handle.db,
      dialect: handle.dialect,
      rng,
      writer: new BatchWriter(handle.dialect),
      size: target.people,
      today: options.today,
      year: Number(options.today.slice(0, 4)),
      passwordHash,
      organisationId: rng.uuid(),
      competencies: [],
      functions: [],
      teams: [],
      people: [],
      fundingSources: [],
      templates: [],
      bench: { writablePlanIds: [] },
    };
    writerMillis = ctx.writer.millis;
    for (const generator of generators) {
      t = performance.now();
      await generator.run(ctx);
      lap(generator.name, t);
      console.log(`  ${generator.name.padEnd(14)} ${String(seconds[generator.name]).padStart(6)} s`);
    }

    t = performance.now();
    // A bulk load leaves PostgreSQL with a dead row version for every update the seeding made (a plan's page revision
    // moves with each goal, action and follow-up written under it: about nine per plan), which an organisation with
    // years of history has long had vacuumed away. Without it every plan lookup reads the dead versions too.
    if (handle.dialect === 'postgresql') await sql`vacuum (analyze)`.execute(handle.db);
    else await sql`pragma wal_checkpoint(truncate)`.execute(handle.db);
    lap(handle.dialect === 'postgresql' ? 'vacuum' : 'checkpoint', t);
    seconds.total = Math.round((performance.now() - started) / 100) / 10;
    // Wall time depends on what else runs on the machine; the seeder's own CPU time does much less.
    const cpu = process.cpuUsage(cpuStart);
    seconds.cpu = Math.round((cpu.user + cpu.system) / 100_000) / 10;

    const { bench } = ctx;
    if (!bench.users || !bench.fullPlanId || !bench.benchTeamId || bench.benchTeamSize === undefined)
      throw new Error('the generators did not produce the bench accounts and plans');
    const fixture: BenchFixture = {
      people: target.people,
      dialect: handle.dialect,
      databaseUrl: url,
      seed: options.seed,
      today: options.today,
      year: ctx.year,
      organisationId: ctx.organisationId,
      password: benchPassword,
      users: bench.users,
      fullPlanId: bench.fullPlanId,
      benchTeamId: bench.benchTeamId,
      benchTeamSize: bench.benchTeamSize,
      writablePlanIds: bench.writablePlanIds,
      counts: Object.fromEntries([...ctx.writer.counts.entries()].sort(([a], [b]) => a.localeCompare(b))),
      seconds,
    };
    writeFileSync(fixturePath(target), `${JSON.stringify(fixture, null, 2)}\n`);
    return fixture;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const db = (args.get('db') ?? 'sqlite') as BenchDb;
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const people = Number(args.get('people') ?? 10_000);
  if (!Number.isInteger(people) || people < 200) throw new Error('--people must be a whole number >= 200');
  const today = args.get('today') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today must be YYYY-MM-DD');
  const target = resolveTarget({ db, people, file: args.get('file'), schema: args.get('schema') });
  console.log(
    `Seeding ${people} people on ${db} (${target.file ?? target.schema}), seed ${args.get('seed') ?? 42}`,
  );
  const fixture = await seed(target, { seed: Number(args.get('seed') ?? 42), today });
  const rows = Object.values(fixture.counts).reduce((s, n) => s + n, 0);
  console.log(
    `\n${rows.toLocaleString('en')} rows in ${fixture.seconds.total} s (${fixture.seconds.cpu} s of CPU in the seeder)`,
  );
  for (const [table, count] of Object.entries(fixture.counts))
    console.log(`  ${table.padEnd(26)} ${count.toLocaleString('en').padStart(10)}`);
  console.log(`\nFixture: ${fixturePath(target)}`);
  if (args.has('profile'))
    for (const [table, ms] of [...writerMillis.entries()].sort(([, a], [, b]) => b - a))
      console.log(`  insert ${table.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
