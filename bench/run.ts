/**
 * The benchmark: starts the production server on a generated organisation and drives it with autocannon.
 *
 *   npm run bench -- --people 10000 [--db sqlite|postgres|both] [--duration 10] [--connections 50] [--warmup 3]
 *                    [--only plan-page,team-view] [--growth 1000,10000] [--cpu-prof DIR] [--sql-timing DIR]
 *
 * Per database it measures the start to a healthy /api/health, signs the bench accounts in, then per endpoint of
 * bench/endpoints.ts: the bare limit (the same response bytes from memory behind the same hooks, see
 * src/server/http/bench-bare.ts) and the real endpoint, back to back, so each endpoint's figure is a ratio taken in
 * one run on this noisy machine. The server's RSS and CPU time are sampled from /proc throughout. Prints one table
 * and writes bench/results/latest.json (growth runs: growth-latest.json) plus a timestamped copy.
 *
 * Missing organisations are generated first (bench/seed.ts); missing builds are built (npm run build:server).
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import { connect } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import {
  type BenchDialect,
  type BenchEndpoint,
  type BenchRequest,
  endpoints,
  type Target,
} from './endpoints.js';
import type { BenchFixture } from './seed/context.js';
import { seed } from './seed.js';
import {
  type BenchDb,
  type BenchTarget,
  databaseUrl,
  parseArgs,
  readFixture,
  resolveTarget,
  sizeLabel,
} from './targets.js';
import { handWrittenTrainingPlan } from './training-plan-sql.js';
import { GoalPool, goalSaveRequests, interleave, type LeasedGoal } from './writes.js';

interface Settings {
  duration: number;
  connections: number;
  warmup: number;
  only: string[] | null;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  /** The rest of the latency's shape (JSON only): whether a p99 is the body of the distribution or a few stalls. */
  tail?: { p90: number; p97_5: number; p99_9: number; max: number };
  requests: number;
  errors: number;
  /** Server CPU time (user + system) per request, in microseconds. */
  cpuMicros: number | null;
}

export interface EndpointResult {
  key: string;
  label: string;
  mode: BenchEndpoint['mode'];
  status: 'ok' | 'not available' | 'failed';
  note?: string;
  request?: string;
  responseBytes?: number;
  real?: Measured;
  bare?: Measured;
  ratio?: number;
  /**
   * Bare CPU time per request over the endpoint's: the throughput ratio a dedicated machine would show when the
   * server is the bottleneck, much less sensitive than req/s to what else runs on a shared machine.
   */
  cpuRatio?: number;
  median?: number;
  sqlMedian?: number;
  sqlRatio?: number;
  samples?: number;
  writes?: { saved: number; conflicts: number; failures: number; overdrawn: number; goals: number };
  rssMaxMb?: number;
  target: string;
  pass: boolean | null;
  failed: string[];
}

export interface DbRun {
  db: BenchDb;
  dialect: BenchDialect;
  people: number;
  startMs: number;
  rssMaxMb: number;
  /** Right after /api/health first answered, before any benchmark request. */
  rssAtStartMb: number;
  rssTargetMb: number;
  endpoints: EndpointResult[];
  loadBefore: number[];
  loadAfter: number[];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

// The server process ----------------------------------------------------------------------------------------------

/** The newest modification time of the TypeScript sources (.ts, .tsx) under a folder. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const mainJs = 'dist/server/server/main.js';

/**
 * The Node flags of `npm run start:prod`, so the benchmark starts the server exactly as production does (the heap
 * limit of docs/decisions/0007-heap-limit.md).
 */
export function productionNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const words = (scripts['start:prod'] ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== mainJs)
    throw new Error(`start:prod must read "node [flags] ${mainJs}", not "${scripts['start:prod']}"`);
  return words.slice(1, -1);
}

export function buildIfNeeded(): void {
  const sources = Math.max(newestMtime('src/server'), newestMtime('src/shared'));
  if (existsSync(mainJs) && statSync(mainJs).mtimeMs >= sources) return;
  console.log('Building the server (npm run build:server)...');
  try {
    execSync('npm run build:server', { stdio: 'inherit' });
  } catch {
    // tsc still emits on type errors elsewhere in the tree; go on if the entry point is there.
    if (!existsSync(mainJs)) throw new Error('the server build failed');
    console.warn('The build reported errors; benchmarking what it emitted.');
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 3190));
    });
  });
}

interface Server {
  proc: ChildProcess;
  base: string;
  startMs: number;
  stderr: string[];
}

/** `--cpu-prof DIR`: the server writes a V8 CPU profile there when it stops (`npm run bench:profile DIR` sums it up). */
let cpuProfileDir: string | null = null;
/** `--sql-timing DIR`: the server writes each SQLite statement's own time there when it stops (bench/sql-timing.cjs). */
let sqlTimingDir: string | null = null;

async function startServer(target: BenchTarget, logLevel: string, jobs: boolean): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: databaseUrl(target),
    GROEIPAD_BENCH_BARE: '1',
    LOG_LEVEL: logLevel,
    DEMO: 'false',
    // The in-process job runner (reminders, outbox) sweeps every plan each minute; it is measured on its own
    // (--jobs) so its passes do not land in the middle of an endpoint's 10 seconds.
    JOBS_INTERVAL_SECONDS: jobs ? '60' : '0',
    ...(sqlTimingDir ? { GROEIPAD_BENCH_SQL_TIMING: resolve(sqlTimingDir) } : {}),
  };
  delete env.SMTP_URL;
  const started = performance.now();
  const nodeFlags = [
    ...productionNodeFlags(),
    ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
    ...(sqlTimingDir ? ['--require', resolve('bench/sql-timing.cjs')] : []),
  ];
  const proc = spawn(process.execPath, [...nodeFlags, mainJs], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}): ${stderr.join('')}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) break;
    } catch {}
    if (performance.now() - started > 60_000) throw new Error('the server did not become healthy in 60 s');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { proc, base, startMs: Math.round(performance.now() - started), stderr };
}

async function stopServer(server: Server): Promise<void> {
  if (server.proc.exitCode !== null) return;
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (server.proc.exitCode === null) server.proc.kill('SIGKILL');
}

/** VmRSS and CPU ticks of the server, read from /proc. */
class ProcSampler {
  maxRssKb = 0;
  private phaseMaxKb = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly ticksPerSecond = 100;

  constructor(private readonly pid: number) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 200);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  sample(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      this.maxRssKb = Math.max(this.maxRssKb, kb);
      this.phaseMaxKb = Math.max(this.phaseMaxKb, kb);
    } catch {}
  }

  /** The highest RSS since the last call, in MB. */
  takePhaseMaxMb(): number {
    this.sample();
    const mb = this.phaseMaxKb / 1024;
    this.phaseMaxKb = 0;
    return round(mb);
  }

  /** User + system CPU time of the server so far, in microseconds. */
  cpuMicros(): number {
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      return (ticks / this.ticksPerSecond) * 1_000_000;
    } catch {
      return 0;
    }
  }
}

// HTTP helpers ----------------------------------------------------------------------------------------------------

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.includes('session='));
  const body = (await response.json()) as { csrfToken?: string };
  if (!cookie || !body.csrfToken) throw new Error(`login ${email}: no session cookie or CSRF token`);
  return { cookie, csrf: body.csrfToken };
}

function headersOf(session: Session, write: boolean): Record<string, string> {
  return {
    cookie: session.cookie,
    // What every browser sends.
    'accept-encoding': 'gzip, deflate, br, zstd',
    ...(write ? { 'x-csrf-token': session.csrf, 'content-type': 'application/json' } : {}),
  };
}

async function call(
  base: string,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const write = method !== 'GET';
  const response = await fetch(`${base}${path}`, {
    method,
    headers: headersOf(session, write),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

// Measuring ------------------------------------------------------------------------------------------------------

/**
 * Waits until the server's CPU is quiet (under 20 % of a core over half a second, at most 60 s): requests a run left
 * queued when it stopped are still being answered, and would otherwise be counted against the next run.
 */
async function waitQuiet(sampler: ProcSampler): Promise<void> {
  const until = performance.now() + 60_000;
  let last = sampler.cpuMicros();
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 500));
    const now = sampler.cpuMicros();
    if (now - last < 100_000) return;
    last = now;
  }
}

async function cannon(
  base: string,
  options: {
    path: string;
    method: string;
    headers: Record<string, string>;
    connections: number;
    duration: number;
    requests?: Parameters<typeof autocannon>[0]['requests'];
  },
  sampler: ProcSampler,
): Promise<Measured> {
  await waitQuiet(sampler);
  const cpuBefore = sampler.cpuMicros();
  const result: Result = await autocannon({
    url: `${base}${options.path}`,
    method: options.method,
    headers: options.headers,
    connections: options.connections,
    duration: options.duration,
    timeout: 20,
    ...(options.requests ? { requests: options.requests } : {}),
  });
  const cpu = sampler.cpuMicros() - cpuBefore;
  const total = result['2xx'] + result.non2xx;
  return {
    rps: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    tail: {
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99_9: result.latency.p99_9,
      max: result.latency.max,
    },
    requests: total,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMicros: total > 0 ? round(cpu / total, 0) : null,
  };
}

function cpuRatioOf(result: EndpointResult): number | undefined {
  const bare = result.bare?.cpuMicros;
  const real = result.real?.cpuMicros;
  return bare && real ? round(bare / real, 3) : undefined;
}

function judge(target: Target, dialect: BenchDialect, result: EndpointResult): void {
  const failed: string[] = [];
  let checked = false;
  const real = result.real;
  if (target.minRatio && result.ratio !== undefined) {
    checked = true;
    if (result.ratio < target.minRatio[dialect])
      failed.push(`ratio ${round(result.ratio * 100, 0)} % < ${target.minRatio[dialect] * 100} %`);
  }
  const maxP99 = target.maxP99Ms?.[dialect];
  if (maxP99 !== undefined && real) {
    checked = true;
    if (real.p99 > maxP99) failed.push(`p99 ${real.p99} ms > ${maxP99} ms`);
  }
  if (target.minRps && real) {
    checked = true;
    if (real.rps < target.minRps[dialect]) failed.push(`${real.rps}/s < ${target.minRps[dialect]}/s`);
  }
  if (target.maxMedianMs !== undefined && result.median !== undefined) {
    checked = true;
    if (result.median > target.maxMedianMs)
      failed.push(`median ${result.median} ms > ${target.maxMedianMs} ms`);
  }
  if (target.maxSqlRatio !== undefined && result.sqlRatio !== undefined) {
    checked = true;
    if (result.sqlRatio > target.maxSqlRatio) failed.push(`${result.sqlRatio}x SQL > ${target.maxSqlRatio}x`);
  }
  if (result.real && result.real.errors > 0) failed.push(`${result.real.errors} errors`);
  result.failed = failed;
  result.pass = checked ? failed.length === 0 : null;
}

function resolveRequest(
  endpoint: BenchEndpoint,
  fixture: BenchFixture,
  paths: Record<string, Record<string, unknown>>,
): BenchRequest | null {
  if (typeof endpoint.route === 'function') return endpoint.route(paths);
  const methods = paths[endpoint.route.path];
  if (!methods?.[endpoint.route.method.toLowerCase()]) return null;
  return endpoint.request(fixture);
}

/** Goals of the bench team's editable plans, with their current versions, read as the bench manager. */
async function writableGoals(base: string, session: Session, fixture: BenchFixture): Promise<LeasedGoal[]> {
  const groups: LeasedGoal[][] = [];
  for (const planId of fixture.writablePlanIds) {
    const response = await call(base, session, 'GET', `/api/plans/${planId}`);
    if (response.status !== 200) continue;
    const plan = JSON.parse(response.text) as {
      content?: { goals?: Array<{ id: string; version: number; title: string }> } | null;
    };
    groups.push(
      (plan.content?.goals ?? []).map((g) => ({ id: g.id, version: g.version, title: g.title, saves: 0 })),
    );
  }
  return interleave(groups);
}

async function measureEndpoint(
  endpoint: BenchEndpoint,
  context: {
    base: string;
    sessions: Record<BenchEndpoint['user'], Session>;
    fixture: BenchFixture;
    paths: Record<string, Record<string, unknown>>;
    dialect: BenchDialect;
    settings: Settings;
    sampler: ProcSampler;
  },
): Promise<EndpointResult> {
  const { base, sessions, fixture, paths, dialect, settings, sampler } = context;
  const result: EndpointResult = {
    key: endpoint.key,
    label: endpoint.label,
    mode: endpoint.mode,
    status: 'ok',
    target: endpoint.target.text,
    pass: null,
    failed: [],
  };
  const request = resolveRequest(endpoint, fixture, paths);
  if (!request) {
    result.status = 'not available';
    result.note = 'route not in this build';
    return result;
  }
  const session = sessions[endpoint.user];
  const write = request.method !== 'GET';
  const headers = headersOf(session, write);
  sampler.takePhaseMaxMb();

  if (endpoint.mode === 'write') {
    // A run that ends with requests in flight leaves their goals' versions unknown: every run starts from the
    // versions the server holds now.
    const freshPool = async () => {
      await waitQuiet(sampler); // let the writes the last run left queued finish first
      return new GoalPool(await writableGoals(base, session, fixture));
    };
    let pool = await freshPool();
    const goals = pool.size;
    if (goals < settings.connections + 5) {
      result.status = 'failed';
      result.note = `${goals} writable goals for ${settings.connections} connections`;
      return result;
    }
    // Capture the bare answer from one real save.
    const first = pool.take().goal;
    const capture = await call(base, session, 'POST', `/api/bench/bare/${endpoint.key}/capture`, {
      method: 'PATCH',
      url: `/api/goals/${first.id}`,
      body: { title: first.title, version: first.version },
    });
    const captured = JSON.parse(capture.text) as { status: number; bytes: number };
    if (captured.status !== 200) {
      result.status = captured.status === 404 ? 'not available' : 'failed';
      result.note = `PATCH answered ${captured.status}`;
      return result;
    }
    result.request = 'PATCH /api/goals/:id';
    result.responseBytes = captured.bytes;
    const run = async (bare: boolean, duration: number) => {
      pool = await freshPool();
      const requests = goalSaveRequests(pool, bare ? { bare: `/api/bench/bare/${endpoint.key}` } : {});
      return cannon(
        base,
        { path: '/', method: 'PATCH', headers, connections: settings.connections, duration, requests },
        sampler,
      );
    };
    await run(false, settings.warmup);
    result.bare = await run(true, settings.duration);
    result.real = await run(false, settings.duration);
    result.ratio = round(result.real.rps / Math.max(1, result.bare.rps), 3);
    result.cpuRatio = cpuRatioOf(result);
    result.writes = {
      saved: pool.saved,
      conflicts: pool.conflicts,
      failures: pool.failures,
      overdrawn: pool.overdrawn,
      goals,
    };
    result.rssMaxMb = sampler.takePhaseMaxMb();
    judge(endpoint.target, dialect, result);
    if (pool.conflicts > 0) result.failed.push(`${pool.conflicts} conflicts (409)`);
    return result;
  }

  // Reads: probe, then capture the bare answer.
  const probe = await call(base, session, request.method, request.path);
  result.request = `${request.method} ${request.path}`;
  if (
    probe.status === 404 &&
    /"code":"NOT_FOUND"/.test(probe.text) &&
    !paths[request.path.split('?')[0] ?? '']
  ) {
    result.status = 'not available';
    result.note = 'route answered 404';
    return result;
  }
  if (probe.status !== 200) {
    result.status = 'failed';
    result.note = `${probe.status}: ${probe.text.slice(0, 200)}`;
    return result;
  }
  result.responseBytes = Buffer.byteLength(probe.text);
  const capture = await call(base, session, 'POST', `/api/bench/bare/${endpoint.key}/capture`, {
    method: request.method,
    url: request.path,
  });
  if (capture.status !== 200) throw new Error(`bare capture failed: ${capture.status} ${capture.text}`);
  const barePath = `/api/bench/bare/${endpoint.key}`;

  if (endpoint.mode === 'latency') {
    // An HR report: sequential requests, against the same figures in hand-written SQL on the same data.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) await call(base, session, request.method, request.path);
    const until = performance.now() + settings.duration * 1000;
    while (times.length < 5 || (performance.now() < until && times.length < 200)) {
      const t = performance.now();
      const response = await call(base, session, request.method, request.path);
      times.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`${request.path}: ${response.status}`);
    }
    result.samples = times.length;
    result.median = round(median(times));
    result.real = {
      rps: round(1000 / Math.max(0.001, median(times)), 1),
      p50: round(median(times)),
      p99: round(percentile(times, 99)),
      requests: times.length,
      errors: 0,
      cpuMicros: null,
    };
    const handle = connect(fixture.databaseUrl, { poolSize: 1 });
    try {
      const sqlTimes: number[] = [];
      for (let i = 0; i < 3; i++)
        await handWrittenTrainingPlan(handle.db, fixture.organisationId, fixture.year);
      for (let i = 0; i < Math.max(5, Math.min(times.length, 50)); i++) {
        const t = performance.now();
        await handWrittenTrainingPlan(handle.db, fixture.organisationId, fixture.year);
        sqlTimes.push(performance.now() - t);
      }
      result.sqlMedian = round(median(sqlTimes));
      result.sqlRatio = round(result.median / Math.max(0.01, result.sqlMedian), 2);
    } finally {
      await handle.close();
    }
    result.rssMaxMb = sampler.takePhaseMaxMb();
    judge(endpoint.target, dialect, result);
    return result;
  }

  const load = (path: string, duration: number) =>
    cannon(
      base,
      { path, method: request.method, headers, connections: settings.connections, duration },
      sampler,
    );
  await load(request.path, settings.warmup);
  await load(barePath, Math.max(1, settings.warmup / 2));
  result.bare = await load(barePath, settings.duration);
  result.real = await load(request.path, settings.duration);
  result.ratio = round(result.real.rps / Math.max(1, result.bare.rps), 3);
  result.cpuRatio = cpuRatioOf(result);
  result.rssMaxMb = sampler.takePhaseMaxMb();
  judge(endpoint.target, dialect, result);
  return result;
}

async function runDatabase(
  db: BenchDb,
  people: number,
  settings: Settings,
  selection: BenchEndpoint[],
  logLevel: string,
): Promise<DbRun> {
  const target = resolveTarget({ db, people });
  let fixture = readFixture(target);
  if (!fixture) {
    console.log(`No generated organisation of ${people} people on ${db}: seeding it first.`);
    fixture = await seed(target, { seed: 42, today: new Date().toISOString().slice(0, 10) });
  }
  // The start is measured on an up-to-date schema (a new migration since the seed is applied here, not timed).
  const migrating = connect(databaseUrl(target), { poolSize: 1 });
  try {
    const applied = await migrateToLatest(migrating.db);
    if (applied.length > 0) console.log(`Applied ${applied.join(', ')} before starting.`);
    if (migrating.dialect === 'postgresql') await vacuumIfNoAutovacuum(migrating.db);
  } finally {
    await migrating.close();
  }
  const loadBefore = loadavg().map((n) => round(n, 2));
  const server = await startServer(target, logLevel, false);
  const sampler = new ProcSampler(server.proc.pid as number);
  sampler.start();
  const rssAtStartMb = sampler.takePhaseMaxMb();
  const dialect: BenchDialect = db === 'sqlite' ? 'sqlite' : 'postgresql';
  console.log(`\n${db}, ${people} people: healthy after ${server.startMs} ms`);
  try {
    const sessions = {
      employee: await login(server.base, fixture.users.employee.email, fixture.password),
      manager: await login(server.base, fixture.users.manager.email, fixture.password),
      hr: await login(server.base, fixture.users.hr.email, fixture.password),
    };
    const openapi = (await (await fetch(`${server.base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const results: EndpointResult[] = [];
    for (const endpoint of selection) {
      process.stdout.write(`  ${endpoint.key.padEnd(22)}`);
      const result = await measureEndpoint(endpoint, {
        base: server.base,
        sessions,
        fixture,
        paths: openapi.paths,
        dialect,
        settings,
        sampler,
      });
      results.push(result);
      console.log(
        result.status === 'ok'
          ? result.mode === 'latency'
            ? `median ${result.median} ms (SQL ${result.sqlMedian} ms)`
            : `${result.real?.rps}/s vs bare ${result.bare?.rps}/s`
          : `${result.status}${result.note ? ` (${result.note})` : ''}`,
      );
    }
    sampler.stop();
    return {
      db,
      dialect,
      people,
      startMs: server.startMs,
      rssMaxMb: round(sampler.maxRssKb / 1024),
      rssAtStartMb,
      rssTargetMb: 250,
      endpoints: results,
      loadBefore,
      loadAfter: loadavg().map((n) => round(n, 2)),
    };
  } finally {
    sampler.stop();
    await stopServer(server);
  }
}

/**
 * A PostgreSQL server with autovacuum off (some CI configurations) keeps every dead row version the previous runs'
 * writes left (each save updates a goal and a plan): the plan and goal lookups then read them all. A production
 * server vacuums them away by itself; here the run does it before measuring, and says so.
 */
async function vacuumIfNoAutovacuum(db: ReturnType<typeof connect>['db']): Promise<void> {
  const { rows } = await sql<{
    autovacuum: string;
  }>`select current_setting('autovacuum') as autovacuum`.execute(db);
  if (rows[0]?.autovacuum !== 'off') return;
  const started = performance.now();
  await sql`vacuum (analyze)`.execute(db);
  console.log(
    `autovacuum is off on this PostgreSQL server: vacuumed before the run (${Math.round(performance.now() - started)} ms).`,
  );
}

/**
 * The in-process job runner's first pass (reminders for every plan, then the outbox), on a server with jobs on:
 * waits for the server's CPU to rise and fall quiet again, and reports its CPU time, duration and RSS. The pass
 * writes reminders and emails: on a freshly seeded organisation it is the heaviest pass there will be.
 */
async function measureJobPass(db: BenchDb, people: number, logLevel: string) {
  const target = resolveTarget({ db, people });
  const server = await startServer(target, logLevel, true);
  const sampler = new ProcSampler(server.proc.pid as number);
  sampler.start();
  try {
    const cpuAtStart = sampler.cpuMicros();
    const started = performance.now();
    let busySince: number | null = null;
    let quietFor = 0;
    let last = cpuAtStart;
    while (performance.now() - started < 600_000) {
      await new Promise((r) => setTimeout(r, 500));
      const now = sampler.cpuMicros();
      const busy = now - last > 100_000; // more than 20 % of a core over the last half second
      last = now;
      if (busy && busySince === null) busySince = performance.now();
      if (busySince !== null) quietFor = busy ? 0 : quietFor + 500;
      if (busySince !== null && quietFor >= 3000) break;
    }
    const outbox = await connect(databaseUrl(target), { poolSize: 1 });
    let emails = 0;
    try {
      const row = await outbox.db
        .selectFrom('emails')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      emails = Number(row?.n ?? 0);
    } finally {
      await outbox.close();
    }
    return {
      db,
      people,
      cpuSeconds: round((sampler.cpuMicros() - cpuAtStart) / 1_000_000),
      seconds: busySince === null ? 0 : round((performance.now() - busySince - quietFor) / 1000),
      rssMaxMb: round(sampler.maxRssKb / 1024),
      emailsInOutbox: emails,
    };
  } finally {
    sampler.stop();
    await stopServer(server);
  }
}

// Reporting ------------------------------------------------------------------------------------------------------

function table(runs: DbRun[]): string {
  const header = [
    'db',
    'endpoint',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'bare req/s',
    'ratio',
    'CPU µs/req',
    'target',
    'result',
  ];
  const rows: string[][] = [];
  for (const run of runs) {
    for (const r of run.endpoints) {
      if (r.status !== 'ok') {
        rows.push([run.db, r.key, '', '', '', '', '', '', '', '', r.target, r.status]);
        continue;
      }
      const latency = r.mode === 'latency';
      rows.push([
        run.db,
        r.key,
        latency ? `(seq) ${r.real?.rps}` : String(r.real?.rps ?? ''),
        String(r.real?.p50 ?? ''),
        String(r.real?.p99 ?? ''),
        String(r.real?.errors ?? ''),
        latency ? `SQL ${r.sqlMedian} ms` : String(r.bare?.rps ?? ''),
        latency ? `${r.sqlRatio}x SQL` : r.ratio === undefined ? '' : `${round(r.ratio * 100, 0)} %`,
        String(r.real?.cpuMicros ?? ''),
        r.cpuRatio === undefined ? '' : `${round(r.cpuRatio * 100, 0)} %`,
        r.target,
        r.pass === null ? 'reported' : r.pass ? 'PASS' : `FAIL: ${r.failed.join('; ')}`,
      ]);
    }
    rows.push([
      run.db,
      'server',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      'RSS <= 250 MB; start < 2 s',
      `RSS ${run.rssMaxMb} MB (${run.rssAtStartMb} at start) ${run.rssMaxMb <= run.rssTargetMb ? 'PASS' : 'FAIL'}; start ${run.startMs} ms ${run.startMs < 2000 ? 'PASS' : 'FAIL'}`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes `bench/results/<name>.json` and a timestamped copy; answers the first path. */
function writeReport(name: 'latest' | 'growth-latest', report: object): string {
  mkdirSync('bench/results', { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const path = `bench/results/${name}.json`;
  writeFileSync(path, json);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(`bench/results/${stamp}-${name === 'latest' ? 'run' : 'growth'}.json`, json);
  return path;
}

export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: process.platform,
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const settings: Settings = {
    duration: Number(args.get('duration') ?? 10),
    connections: Number(args.get('connections') ?? 50),
    warmup: Number(args.get('warmup') ?? 3),
    only: args.get('only')?.split(',') ?? null,
  };
  const dbArg = args.get('db') ?? 'both';
  const dbs: BenchDb[] = dbArg === 'both' ? ['sqlite', 'postgres'] : [dbArg as BenchDb];
  if (!dbs.every((d) => d === 'sqlite' || d === 'postgres'))
    throw new Error('--db must be sqlite, postgres or both');
  const logLevel = args.get('log-level') ?? 'info';
  cpuProfileDir = args.get('cpu-prof') ?? null;
  sqlTimingDir = args.get('sql-timing') ?? null;
  buildIfNeeded();

  const growth = args.get('growth');
  if (growth) {
    const sizes = growth.split(',').map(Number);
    const selection = endpoints.filter((e) => e.growth && (!settings.only || settings.only.includes(e.key)));
    const runs: DbRun[] = [];
    for (const db of dbs)
      for (const size of sizes) runs.push(await runDatabase(db, size, settings, selection, logLevel));
    const comparisons = dbs.flatMap((db) => {
      const small = runs.find((r) => r.db === db && r.people === sizes[0]);
      const large = runs.find((r) => r.db === db && r.people === sizes[sizes.length - 1]);
      if (!small || !large) return [];
      return selection.map((endpoint) => {
        const a = small.endpoints.find((e) => e.key === endpoint.key);
        const b = large.endpoints.find((e) => e.key === endpoint.key);
        if (!a?.real || !b?.real || a.ratio === undefined || b.ratio === undefined)
          return { db, endpoint: endpoint.key, status: 'not available' };
        // Slower = fewer requests per second; the bare-normalised figure cancels what else the machine did.
        const slowdown = round((a.real.rps / b.real.rps - 1) * 100);
        const normalised = round((a.ratio / b.ratio - 1) * 100);
        const cpuSlowdown =
          a.real.cpuMicros && b.real.cpuMicros
            ? round((b.real.cpuMicros / a.real.cpuMicros - 1) * 100)
            : null;
        return {
          db,
          endpoint: endpoint.key,
          small: {
            people: small.people,
            rps: a.real.rps,
            p50: a.real.p50,
            ratio: a.ratio,
            cpuMicros: a.real.cpuMicros,
          },
          large: {
            people: large.people,
            rps: b.real.rps,
            p50: b.real.p50,
            ratio: b.ratio,
            cpuMicros: b.real.cpuMicros,
          },
          slowdownPercent: slowdown,
          normalisedSlowdownPercent: normalised,
          cpuSlowdownPercent: cpuSlowdown,
          target: '<= 20 %',
          // CPU per request moves least with the machine's other load; without it, the bare-normalised figure.
          pass: (cpuSlowdown ?? normalised) <= 20,
        };
      });
    });
    console.log(`\n${table(runs)}\n`);
    for (const c of comparisons)
      console.log(
        'small' in c
          ? `growth ${c.db} ${c.endpoint}: ${c.small?.people} -> ${c.large?.people} people: ${c.slowdownPercent} % slower in req/s, ${c.normalisedSlowdownPercent} % against bare, ${c.cpuSlowdownPercent} % more CPU per request: ${c.pass ? 'PASS' : 'FAIL'}`
          : `growth ${c.db} ${c.endpoint}: not available`,
      );
    const file = writeReport('growth-latest', {
      generatedAt: new Date().toISOString(),
      machine: machine(),
      settings,
      sizes,
      runs,
      comparisons,
    });
    console.log(`\nWritten to ${file}`);
    return;
  }

  const people = Number(args.get('people') ?? 10_000);
  if (args.has('jobs')) {
    const passes = [];
    for (const db of dbs) {
      const pass = await measureJobPass(db, people, logLevel);
      console.log(
        `job runner, first pass, ${db}, ${people} people: ${pass.seconds} s, ${pass.cpuSeconds} s CPU, RSS ${pass.rssMaxMb} MB, ${pass.emailsInOutbox} emails in the outbox`,
      );
      passes.push(pass);
    }
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      'bench/results/jobs-latest.json',
      `${JSON.stringify({ generatedAt: new Date().toISOString(), machine: machine(), passes }, null, 2)}\n`,
    );
    return;
  }
  const selection = endpoints.filter((e) => !settings.only || settings.only.includes(e.key));
  const runs: DbRun[] = [];
  for (const db of dbs) runs.push(await runDatabase(db, people, settings, selection, logLevel));
  console.log(
    `\n${sizeLabel(people)} people, ${settings.connections} connections, ${settings.duration} s per endpoint\n`,
  );
  console.log(table(runs));
  const file = writeReport('latest', {
    generatedAt: new Date().toISOString(),
    machine: machine(),
    settings,
    people,
    runs,
  });
  console.log(`\nWritten to ${file}`);
}

// Run as the benchmark; imported (bench/web.ts), it only lends its helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
