/**
 * The web app's budget, measured in Debian's chromium against the production build:
 *
 *   npm run bench:web [-- --runs 3] [--only js,lighthouse,phone] [--traces DIR]
 *
 * Builds what is stale (dist/web, dist/server), starts the production server on a fresh demo SQLite database in a
 * temp folder, signs the demo employee and manager in through the login page, and measures:
 * - the JavaScript of a first load (empty cache) of the plan page, the home page and the sign-in page: every script
 *   the page loads until the network is idle, as sent to chromium (its Accept-Encoding) and gzipped;
 * - Lighthouse's performance score of the plan page (`--runs` times each, median), with its default mobile settings
 *   and with the desktop preset, signed in through the session cookie;
 * - the plan page on a 375x667 phone: no horizontal overflow, every control of the header and the page inside the
 *   screen and clickable.
 * `--traces DIR` keeps each Lighthouse run's trace there (`<preset>-<run>.trace.json`, for chromium's performance
 * panel or a script). Prints one table and writes bench/results/web-latest.json, the median Lighthouse reports
 * (web-lighthouse-mobile.json, web-lighthouse-desktop.json) and a screenshot of the phone (web-phone-plan.png).
 */
import { execSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchBrowser } from '../e2e/support/browser.js';
import { checkPhone, type PhoneCheck, phone } from '../e2e/support/phone.js';
import { type RunningServer, startServer } from '../e2e/support/server.js';
import { buildIfNeeded, machine, newestMtime } from './run.js';
import { parseArgs } from './targets.js';

const password = 'Groeipad-Demo-2026';
const employee = 'thomas.janssens@debrug.example';
const manager = 'katrien.vandenbroeck@debrug.example';

const targets = { firstPageJsKb: 250, lighthouseScore: 90 };
/** Chromium's flags for Lighthouse: headless, and nothing of its own on the network. */
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const kb = (bytes: number) => round(bytes / 1000);

// Building --------------------------------------------------------------------------------------------------------

function buildWebIfNeeded(): void {
  const built = 'dist/web/index.html';
  const sources = Math.max(
    newestMtime('src/web'),
    newestMtime('src/shared'),
    ...['src/web/index.html', 'vite.config.ts', 'package-lock.json'].map((f) => statSync(f).mtimeMs),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('Building the web app (npm run build:web)...');
  execSync('npm run build:web', { stdio: 'inherit' });
}

// Signing in ------------------------------------------------------------------------------------------------------

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

interface SignedIn {
  state: StorageState;
  /** `name=value` of the session cookie, for Lighthouse's extra headers. */
  cookie: string;
}

async function signIn(browser: Browser, base: string, email: string): Promise<SignedIn & { page: Page }> {
  const context = await browser.newContext({ locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel(/^Wachtwoord/).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: /^Dag /, level: 1 }).waitFor();
  const state = await context.storageState();
  const session = state.cookies.find((c) => c.name.endsWith('session'));
  if (!session) throw new Error(`no session cookie after signing in as ${email}`);
  return { state, cookie: `${session.name}=${session.value}`, page };
}

// (a) JavaScript of a first load ----------------------------------------------------------------------------------

interface ScriptLoad {
  path: string;
  /** Body bytes as chromium received them (compressed as its Accept-Encoding allowed). */
  transferredBytes: number;
  encoding: string | null;
  /** Body bytes of the same file asked as gzip. */
  gzipBytes: number;
}

interface PageJs {
  key: string;
  label: string;
  path: string;
  scripts: number;
  transferredKb: number;
  gzipKb: number;
  acceptEncoding: string | null;
  targetKb: number;
  pass: boolean;
  chunks: ScriptLoad[];
}

/**
 * The gzipped size of a script: the body the server sends for `Accept-Encoding: gzip`, counted as it comes; a server
 * that does not compress is measured by gzipping its answer here (level 9, as the build does).
 */
function gzipBytesOf(base: string, path: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', cookie } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve(
          res.headers['content-encoding'] === 'gzip' ? body.length : gzipSync(body, { level: 9 }).length,
        );
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function settle(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

async function measureJs(
  browser: Browser,
  base: string,
  who: SignedIn,
  page: { key: string; label: string; path: string },
): Promise<PageJs> {
  // A new context: an empty cache, as on a first visit, with the signed-in session.
  const context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    storageState: who.state,
  });
  const tab = await context.newPage();
  tab.setDefaultTimeout(30_000);
  const pending: Array<Promise<ScriptLoad & { acceptEncoding: string | null }>> = [];
  tab.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const [sizes, response, headers] = await Promise.all([
          request.sizes(),
          request.response(),
          request.allHeaders(),
        ]);
        const path = new URL(request.url()).pathname;
        return {
          path,
          transferredBytes: sizes.responseBodySize,
          encoding: (await response?.headerValue('content-encoding')) ?? null,
          gzipBytes: await gzipBytesOf(base, path, who.cookie),
          acceptEncoding: headers['accept-encoding'] ?? null,
        };
      })(),
    );
  });
  try {
    await tab.goto(`${base}${page.path}`, { waitUntil: 'networkidle' });
    await settle(tab);
    const loads = await Promise.all(pending);
    const chunks = loads
      .map(({ acceptEncoding: _, ...load }) => load)
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    const gzip = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
    return {
      ...page,
      scripts: chunks.length,
      transferredKb: kb(chunks.reduce((sum, c) => sum + c.transferredBytes, 0)),
      gzipKb: kb(gzip),
      acceptEncoding: loads[0]?.acceptEncoding ?? null,
      targetKb: targets.firstPageJsKb,
      pass: kb(gzip) <= targets.firstPageJsKb,
      chunks,
    };
  } finally {
    await context.close();
  }
}

// (b) Lighthouse --------------------------------------------------------------------------------------------------

type Preset = 'mobile' | 'desktop';

interface LighthouseRun {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** The largest opportunities Lighthouse names, with the milliseconds it estimates they would save. */
  opportunities: Array<{ id: string; savingsMs: number }>;
}

interface LighthouseResult extends LighthouseRun {
  preset: Preset;
  runs: LighthouseRun[];
  target: number;
  pass: boolean;
}

interface LighthouseReport {
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { type?: string; overallSavingsMs?: number } }>;
  runtimeError?: { code: string; message: string };
}

/** Where `--traces` keeps the runs' traces (none without it). */
let tracesDir: string | null = null;
let traceCount = 0;

async function lighthouseOnce(
  url: string,
  cookie: string,
  preset: Preset,
): Promise<{ run: LighthouseRun; report: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'groeipad-lighthouse-'));
  const output = join(dir, 'report.json');
  const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  const args = [
    cli,
    url,
    `--chrome-flags=${chromeFlags.join(' ')}`,
    '--only-categories=performance',
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
    ...(tracesDir ? ['--save-assets'] : []),
  ];
  try {
    await new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, args, {
        env: { ...process.env, CHROME_PATH: chromiumPath },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      proc.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const timer = setTimeout(() => proc.kill('SIGKILL'), 240_000);
      proc.once('error', reject);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        if (code === 0 && existsSync(output)) resolve();
        else reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-2000)}`));
      });
    });
    const text = readFileSync(output, 'utf8');
    const trace = join(dir, 'report-0.trace.json');
    if (tracesDir && existsSync(trace)) {
      mkdirSync(tracesDir, { recursive: true });
      copyFileSync(trace, join(tracesDir, `${preset}-${++traceCount}.trace.json`));
    }
    const report = JSON.parse(text) as LighthouseReport;
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
    const value = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    const opportunities = Object.entries(report.audits)
      .filter(([, a]) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
      .map(([id, a]) => ({ id, savingsMs: Math.round(a.details?.overallSavingsMs ?? 0) }))
      .sort((a, b) => b.savingsMs - a.savingsMs)
      .slice(0, 5);
    const run = {
      score: Math.round((report.categories.performance.score ?? 0) * 100),
      fcpMs: Math.round(value('first-contentful-paint')),
      lcpMs: Math.round(value('largest-contentful-paint')),
      tbtMs: Math.round(value('total-blocking-time')),
      cls: round(value('cumulative-layout-shift'), 3),
      speedIndexMs: Math.round(value('speed-index')),
      opportunities,
    };
    return { run, report: text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lighthouse(
  url: string,
  cookie: string,
  preset: Preset,
  runs: number,
): Promise<LighthouseResult> {
  const results: Array<{ run: LighthouseRun; report: string }> = [];
  for (let i = 0; i < runs; i++) {
    // On a busy machine Lighthouse now and then loses its trace (NO_NAVSTART): such a run is done again, once.
    const result = await lighthouseOnce(url, cookie, preset).catch((error: unknown) => {
      console.warn(`\n  ${(error as Error).message.split('\n')[0]}; running it again`);
      return lighthouseOnce(url, cookie, preset);
    });
    process.stdout.write(` ${result.run.score}`);
    results.push(result);
  }
  // The run with the median score stands for the set; its metrics are reported as measured together, and its
  // whole report is kept for a closer look (Lighthouse's viewer reads it).
  const byScore = [...results].sort((a, b) => a.run.score - b.run.score);
  const middle = byScore[Math.floor((byScore.length - 1) / 2)] as (typeof results)[number];
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/web-lighthouse-${preset}.json`, middle.report);
  return {
    preset,
    ...middle.run,
    runs: results.map((r) => r.run),
    target: targets.lighthouseScore,
    pass: middle.run.score >= targets.lighthouseScore,
  };
}

// (c) The phone ---------------------------------------------------------------------------------------------------

interface PhoneResult extends PhoneCheck {
  viewport: typeof phone;
  pass: boolean;
}

async function measurePhone(
  browser: Browser,
  base: string,
  who: SignedIn,
  path: string,
): Promise<PhoneResult> {
  const context = await browser.newContext({
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    storageState: who.state,
    viewport: phone,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    await settle(page);
    const checked = await checkPhone(page);
    mkdirSync('bench/results', { recursive: true });
    await page.screenshot({ path: 'bench/results/web-phone-plan.png', fullPage: true });
    return {
      viewport: phone,
      ...checked,
      pass: checked.overflowPx <= 0 && checked.unreachable.length === 0 && checked.controls > 0,
    };
  } finally {
    await context.close();
  }
}

// Reporting -------------------------------------------------------------------------------------------------------

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

function table(js: PageJs[], lh: LighthouseResult[], phoneResult: PhoneResult | null): string {
  const header = ['page', 'measure', 'value', 'target', 'result'];
  const rows: string[][] = [];
  for (const p of js)
    rows.push([
      p.label,
      'JS, first load',
      `${p.gzipKb} kB gzip (${p.transferredKb} kB as sent, ${p.scripts} scripts)`,
      `<= ${p.targetKb} kB gzip`,
      verdict(p.pass),
    ]);
  for (const l of lh)
    rows.push([
      'plan page',
      `Lighthouse ${l.preset}`,
      `${l.score} (runs ${l.runs.map((r) => r.score).join(', ')}); FCP ${l.fcpMs} ms, LCP ${l.lcpMs} ms, TBT ${l.tbtMs} ms, CLS ${l.cls}`,
      `>= ${l.target}`,
      verdict(l.pass),
    ]);
  if (phoneResult)
    rows.push([
      'plan page',
      `phone ${phoneResult.viewport.width}x${phoneResult.viewport.height}`,
      `overflow ${phoneResult.overflowPx} px; ${phoneResult.controls - phoneResult.unreachable.length}/${phoneResult.controls} controls inside and clickable`,
      'no overflow; all reachable',
      verdict(phoneResult.pass),
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const runs = Number(args.get('runs') ?? 3);
  // `--only js,lighthouse,phone`: a part of the measurements (all by default).
  const only = args.get('only')?.split(',') ?? ['js', 'lighthouse', 'phone'];
  tracesDir = args.get('traces') ?? null;
  buildWebIfNeeded();
  buildIfNeeded();
  const loadBefore = loadavg().map((n) => round(n, 2));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ DEMO: 'true', JOBS_INTERVAL_SECONDS: '0' });
    browser = await launchBrowser();
    const base = server.url;
    const asEmployee = await signIn(browser, base, employee);
    await asEmployee.page.getByRole('link', { name: 'Open mijn POP' }).first().click();
    await asEmployee.page.waitForURL(/\/plans\//);
    const planPath = new URL(asEmployee.page.url()).pathname;
    await asEmployee.page.context().close();
    const asManager = await signIn(browser, base, manager);
    await asManager.page.context().close();

    const signedOut: SignedIn = { state: { cookies: [], origins: [] }, cookie: '' };
    const js: PageJs[] = [];
    for (const [who, page] of !only.includes('js')
      ? []
      : ([
          [asEmployee, { key: 'plan-employee', label: 'plan page (employee)', path: planPath }],
          [asEmployee, { key: 'home-employee', label: 'home (employee)', path: '/' }],
          [asManager, { key: 'home-manager', label: 'home (manager)', path: '/' }],
          [signedOut, { key: 'login', label: 'sign-in page (signed out)', path: '/login' }],
        ] as const)) {
      const result = await measureJs(browser, base, who, page);
      console.log(`${page.label}: ${result.gzipKb} kB gzip, ${result.transferredKb} kB as sent`);
      js.push(result);
    }

    const lh: LighthouseResult[] = [];
    for (const preset of only.includes('lighthouse') ? (['mobile', 'desktop'] as const) : []) {
      process.stdout.write(`Lighthouse ${preset}, plan page:`);
      lh.push(await lighthouse(`${base}${planPath}`, asEmployee.cookie, preset, runs));
      process.stdout.write('\n');
    }

    const phoneResult = only.includes('phone')
      ? await measurePhone(browser, base, asEmployee, planPath)
      : null;
    for (const line of [...(phoneResult?.outside ?? []), ...(phoneResult?.unreachable ?? [])])
      console.log(`  phone: ${line}`);

    console.log(`\n${table(js, lh, phoneResult)}\n`);
    mkdirSync('bench/results', { recursive: true });
    const file = 'bench/results/web-latest.json';
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          machine: { ...machine(), chromium: browser.version() },
          loadBefore,
          loadAfter: loadavg().map((n) => round(n, 2)),
          targets,
          javascript: js,
          lighthouse: lh,
          phone: phoneResult,
          planPath,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`Written to ${file} (phone screenshot: bench/results/web-phone-plan.png)`);
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
