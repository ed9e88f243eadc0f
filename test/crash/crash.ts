/**
 * Crash test (`npm run test:crash`, see docs/crash-test.md): runs a write workload against the production server on
 * SQLite and on PostgreSQL, kills the server with SIGKILL at random moments (50 times per database by default),
 * restarts it each time, and then checks that every write the server acknowledged is stored with the acknowledged
 * content and that the database passes its integrity checks.
 *
 * Environment: CRASH_KILLS (default 50), CRASH_DATABASES (default "sqlite,postgresql"), CRASH_SEED (default: time),
 * CRASH_MAX_UPTIME_MS (default 2500), CRASH_KEEP=1 keeps the database and the server log, CRASH_SKIP_BUILD=1 uses
 * dist/ as it is, TEST_POSTGRES_URL.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect, type Dialect } from '../../src/server/db/connection.js';
import { ApiClient } from '../support/api-client.js';
import { checkIntegrity } from './integrity.js';
import { Ledger } from './ledger.js';
import { freePort, ServerProcess } from './server-process.js';
import {
  Gate,
  GoalWorker,
  PreparationWorker,
  ProgressWorker,
  random,
  readBack,
  type Worker,
} from './workload.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kills = Number(process.env.CRASH_KILLS ?? 50);
const maxUptimeMs = Number(process.env.CRASH_MAX_UPTIME_MS ?? 2500);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const keep = process.env.CRASH_KEEP === '1';
const databases = (process.env.CRASH_DATABASES ?? 'sqlite,postgresql')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgresql');
const PASSWORD = 'Kraanvogel-Lepel-Vijver-2026';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds the server when dist/ is missing or older than any server or shared source file. */
function buildIfNeeded(): void {
  const main = join(root, 'dist', 'server', 'server', 'main.js');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return Math.max(max, newest(path));
      return entry.name.endsWith('.ts') ? Math.max(max, statSync(path).mtimeMs) : max;
    }, 0);
  const sources = Math.max(newest(join(root, 'src', 'server')), newest(join(root, 'src', 'shared')));
  if (existsSync(main) && (process.env.CRASH_SKIP_BUILD === '1' || statSync(main).mtimeMs >= sources)) return;
  console.log('Building the server (npm run build:server) ...');
  execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
}

interface Target {
  dialect: Dialect;
  databaseUrl: string;
  schema?: string;
  cleanup(): Promise<void>;
}

async function freshDatabase(dialect: Dialect, dir: string): Promise<Target> {
  if (dialect === 'sqlite') {
    const path = join(dir, 'crash.db');
    return { dialect, databaseUrl: `sqlite:${path}`, cleanup: async () => {} };
  }
  // A database of its own, not a schema in the shared test database: other suites create and drop schemas there
  // while this runs, and the server's start reads the catalog of every schema of its database.
  const name = `groeipad_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    databaseUrl: url.toString(),
    schema: 'public',
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The invitation link's token, read from the outbox table (no SMTP server in this test). */
async function invitationToken(target: Target, email: string): Promise<string> {
  const handle = connect(target.databaseUrl, { poolSize: 1 });
  try {
    const rows = await handle.db
      .selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', email)
      .where('kind', '=', 'invitation')
      .execute();
    const token = rows.map((r) => /\/welcome\/([A-Za-z0-9_-]+)/.exec(r.text_body)?.[1]).find(Boolean);
    if (!token) throw new Error(`no invitation found for ${email}`);
    return token;
  } finally {
    await handle.close();
  }
}

async function fire(client: ApiClient, planId: string, event: string): Promise<void> {
  const plan = await client.expect(200, 'GET', `/api/plans/${planId}`);
  await client.expect(200, 'POST', `/api/plans/${planId}/events`, { event, version: plan.version });
}

interface PlanOfWorker {
  kind: 'preparation' | 'goals' | 'progress';
  client: ApiClient;
  planId: string;
}

/** The organisation through the set-up endpoint, six employees who chose a password, and one POP each. */
async function setUp(server: ServerProcess, target: Target): Promise<PlanOfWorker[]> {
  const admin = new ApiClient(server.url);
  const email = 'beheer@crashtest.example';
  await admin.expect(201, 'POST', '/api/setup', {
    organisation: { name: 'Crashtest vzw', country: 'BE' },
    admin: { firstName: 'Ada', lastName: 'Beheer', email, password: PASSWORD },
  });
  const me = await admin.expect(200, 'POST', '/api/auth/login', { email, password: PASSWORD });
  const kinds: PlanOfWorker['kind'][] = [
    'preparation',
    'preparation',
    'goals',
    'goals',
    'progress',
    'progress',
  ];
  const result: PlanOfWorker[] = [];
  for (const [i, kind] of kinds.entries()) {
    const personEmail = `medewerker${i + 1}@crashtest.example`;
    const person = await admin.expect(201, 'POST', '/api/people', {
      firstName: 'Medewerker',
      lastName: `Nummer ${i + 1}`,
      email: personEmail,
      managerId: me.person.id,
      invite: true,
    });
    const client = new ApiClient(server.url);
    await client.expect(200, 'POST', '/api/auth/tokens', {
      token: await invitationToken(target, personEmail),
      password: PASSWORD,
    });
    const plan = await admin.expect(201, 'POST', '/api/plans', { employeeId: person.id });
    if (kind !== 'preparation') await fire(admin, plan.id, 'start_conversation');
    if (kind === 'progress') {
      const goal = await admin.expect(201, 'POST', `/api/plans/${plan.id}/goals`, {
        title: 'Vlotter plannen in de woonvorm',
      });
      for (const description of ['Opleiding timemanagement', 'Intervisie met collega’s', 'Boek lezen']) {
        await admin.expect(201, 'POST', `/api/goals/${goal.id}/actions`, { type: 'training', description });
      }
      await fire(client, plan.id, 'approve');
      await fire(admin, plan.id, 'approve');
    }
    result.push({ kind, client, planId: plan.id });
  }
  return result;
}

interface Figures {
  dialect: Dialect;
  kills: number;
  acknowledged: number;
  byKind: Record<string, number>;
  unanswered: number;
  conflicts: number;
  checked: number;
  lost: number;
  problems: string[];
  integrity: string[];
  /** Median time from spawning the server to its first healthy answer. */
  restartMs: number;
  seconds: number;
}

async function runOne(dialect: Dialect, runSeed: number): Promise<Figures> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), `groeipad-crash-${dialect}-`));
  const target = await freshDatabase(dialect, dir);
  const server = new ServerProcess(
    root,
    await freePort(),
    { DATABASE_URL: target.databaseUrl },
    join(dir, 'server.log'),
  );
  const rng = random(runSeed);
  const ledger = new Ledger();
  const gate = new Gate();
  let stopped = false;
  let done = 0;
  const restartMs: number[] = [];
  try {
    await server.start();
    gate.open();
    const plans = await setUp(server, target);
    const workers: Worker[] = plans.map(({ kind, client, planId }, i) => {
      const name = `w${i + 1}`;
      const workerRng = random(runSeed * 31 + i);
      if (kind === 'preparation') return new PreparationWorker(name, client, ledger, planId, workerRng);
      if (kind === 'goals') return new GoalWorker(name, client, ledger, planId, workerRng);
      return new ProgressWorker(name, client, ledger, planId, workerRng);
    });
    const running = workers.map((w) => w.run(gate, () => stopped));
    for (done = 0; done < kills; done++) {
      await sleep(50 + Math.floor(rng() * maxUptimeMs));
      await server.kill();
      gate.close();
      process.stdout.write(
        `\r  [${dialect}] kill ${done + 1}/${kills}, ${ledger.acknowledged} writes acknowledged`,
      );
      await sleep(Math.floor(rng() * 100));
      const restart = Date.now();
      await server.start();
      restartMs.push(Date.now() - restart);
      gate.open();
    }
    process.stdout.write('\n');
    // A last stretch without kills, then the writers stop and everything is read back through the API.
    await sleep(300);
    stopped = true;
    await Promise.all(running);
    const lookup = await readBack(plans);
    const verdict = ledger.verify(lookup);
    await server.stop();
    const integrity = await checkIntegrity(target);
    return {
      dialect,
      kills: done,
      acknowledged: ledger.acknowledged,
      byKind: Object.fromEntries(ledger.kinds()),
      unanswered: ledger.unknown,
      conflicts: ledger.conflicts,
      checked: verdict.checked,
      lost: verdict.lost,
      problems: [
        ...verdict.problems.map((p) => `${p.kind} ${p.id}: ${p.detail}`),
        ...ledger.serverErrors.map((e) => `unexpected answer: ${e}`),
      ],
      integrity,
      restartMs: restartMs.sort((a, b) => a - b)[Math.floor(restartMs.length / 2)] ?? 0,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    stopped = true;
    gate.open();
    await server.close();
    if (keep) console.log(`  kept: ${dir}${target.schema ? ` and ${target.databaseUrl}` : ''}`);
    else {
      await target.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function report(r: Figures): boolean {
  const ok = r.lost === 0 && r.problems.length === 0 && r.integrity.length === 0 && r.kills === kills;
  console.log(`\n${r.dialect}: ${ok ? 'PASS' : 'FAIL'} (${r.seconds} s)`);
  console.log(`  kills (SIGKILL)            ${r.kills}`);
  console.log(`  restart to healthy         ${r.restartMs} ms (median)`);
  console.log(`  writes acknowledged        ${r.acknowledged}`);
  for (const [kind, count] of Object.entries(r.byKind)) console.log(`    ${kind.padEnd(24)} ${count}`);
  console.log(`  writes cut off by a kill   ${r.unanswered} (may or may not be stored; both are correct)`);
  console.log(`  version conflicts (409)    ${r.conflicts}`);
  console.log(`  rows lost                  ${r.lost}`);
  console.log(`  integrity check            ${r.integrity.length === 0 ? 'ok' : r.integrity.join('; ')}`);
  for (const p of r.problems.slice(0, 20)) console.log(`  problem: ${p}`);
  return ok;
}

async function main(): Promise<void> {
  buildIfNeeded();
  console.log(
    `Crash test: ${kills} SIGKILLs per database on ${databases.join(' and ')}, seed ${seed} (CRASH_SEED to repeat)`,
  );
  const results: Figures[] = [];
  let failed = false;
  for (const [i, dialect] of databases.entries()) {
    try {
      const figures = await runOne(dialect, seed + i);
      results.push(figures);
      failed = !report(figures) || failed;
    } catch (error) {
      failed = true;
      console.log(`\n${dialect}: FAIL`);
      console.error(error);
    }
  }
  const total = (f: (r: Figures) => number) => results.reduce((n, r) => n + f(r), 0);
  console.log(
    `\nTotal: ${total((r) => r.acknowledged)} writes acknowledged, ${total((r) => r.kills)} kills, ${total((r) => r.lost)} rows lost`,
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
