import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createAppContext } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config/config.js';
import type { AppContext } from '../../src/server/context.js';
import type { Dialect } from '../../src/server/db/connection.js';
import type { PageRendererSource } from '../../src/server/http/page-render.js';
import { hashPassword } from '../../src/server/modules/auth/index.js';
import { insertOrganisation } from '../../src/server/modules/organisation/index.js';
import { insertPerson, replaceRoles } from '../../src/server/modules/people/index.js';
import { insertTeam } from '../../src/server/modules/teams/index.js';
import type { ImportJob } from '../../src/shared/contracts/organisation.js';
import type { Role } from '../../src/shared/roles.js';
import { searchKey } from '../../src/shared/text.js';
import { type MovableClock, movableClock } from './clock.js';
import { startSmtp, type TestSmtp } from './smtp.js';

export const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const dialects: Dialect[] = (process.env.TEST_DATABASES ?? 'sqlite,postgresql')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => d === 'sqlite' || d === 'postgresql');

export const TEST_PASSWORD = 'Correct-Horse-42';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

/** A signed-in browser: carries the session cookie and the CSRF token like the web app does. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      ...this.headers,
      ...(options.headers as Record<string, string>),
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method && options.method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ ...options, headers });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = ''] = line.split(';');
      if (/session=/.test(pair)) this.cookie = /Expires=Thu, 01 Jan 1970/i.test(line) ? undefined : pair;
    }
    const json = String(response.headers['content-type'] ?? '').includes('json');
    if (response.statusCode < 300 && json && !response.headers['content-encoding']) {
      const body = response.json() as { csrfToken?: unknown };
      if (body && typeof body.csrfToken === 'string') this.csrfToken = body.csrfToken;
    }
    return response;
  }

  get = (url: string) => this.request({ method: 'GET', url });
  post = (url: string, payload?: unknown) =>
    this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) });
  patch = (url: string, payload: unknown) =>
    this.request({ method: 'PATCH', url, payload: payload as object });
  put = (url: string, payload: unknown) => this.request({ method: 'PUT', url, payload: payload as object });
  delete = (url: string) => this.request({ method: 'DELETE', url });
}

export interface TestPerson {
  id: string;
  email: string;
  password: string;
  organisationId: string;
}

export interface TestOrganisation {
  id: string;
  name: string;
  admin: TestPerson;
}

export interface Harness {
  dialect: Dialect;
  app: FastifyInstance;
  ctx: AppContext;
  clock: MovableClock;
  smtp: TestSmtp;
  /** A client without a session. */
  anonymous(): Client;
  login(person: { email: string; password?: string }): Promise<Client>;
  /** A fresh organisation with one beheerder (also HR); every test works in its own organisation. */
  createOrganisation(options?: { name?: string; country?: 'BE' | 'NL' }): Promise<TestOrganisation>;
  /** A person with a password and the given roles (default: employee). */
  createPerson(
    organisationId: string,
    options?: {
      roles?: Role[];
      firstName?: string;
      lastName?: string;
      email?: string;
      teamId?: string | null;
      managerId?: string | null;
      functionId?: string | null;
    },
  ): Promise<TestPerson>;
  /** A team inserted directly (no API call), e.g. to lead or to belong to. */
  createTeam(
    organisationId: string,
    options?: { name?: string; managerId?: string | null; parentId?: string | null },
  ): Promise<{ id: string; name: string }>;
}

async function createSchema(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA ${name}`);
  await client.end();
}

async function dropSchema(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Serve a built web app folder (browser tests). */
  webRoot?: string;
  /** Render the web app's pages on the server with this (with `webRoot`). */
  pageRenderer?: PageRendererSource;
  /** The server's logger (default: silent); a test that reads the log passes one with a destination. */
  logger?: Logger;
}

/** Builds a complete Groeipad on a fresh database of the given dialect (SQLite file or PostgreSQL schema). */
export async function startHarness(
  dialect: Dialect,
  options: HarnessOptions = {},
): Promise<Harness & { close(): Promise<void> }> {
  const smtp = await startSmtp();
  const clock = movableClock();
  let sqliteDir: string | undefined;
  let schema: string | undefined;
  let databaseUrl: string;
  if (dialect === 'sqlite') {
    sqliteDir = mkdtempSync(join(tmpdir(), 'groeipad-test-'));
    databaseUrl = `sqlite:${join(sqliteDir, 'test.db')}`;
  } else {
    schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await createSchema(schema);
    databaseUrl = postgresUrl;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const ctx = await createAppContext(config, {
    clock,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(schema ? { connect: { schema, poolSize: 5 } } : {}),
  });
  const app = await buildApp(ctx, {
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    ...(options.pageRenderer ? { pageRenderer: options.pageRenderer } : {}),
  });
  await app.ready();

  const harness: Harness & { close(): Promise<void> } = {
    dialect,
    app,
    ctx,
    clock,
    smtp,
    anonymous: () => new Client(app),
    async login(person) {
      const client = new Client(app);
      const response = await client.post('/api/auth/login', {
        email: person.email,
        password: person.password ?? TEST_PASSWORD,
      });
      if (response.statusCode !== 200)
        throw new Error(`login failed for ${person.email}: ${response.statusCode} ${response.body}`);
      return client;
    },
    async createOrganisation(opts = {}) {
      const id = randomUUID();
      const now = clock.now().toISOString();
      const name = opts.name ?? `Test vzw ${id.slice(0, 6)}`;
      await insertOrganisation(ctx.database.db, {
        id,
        name,
        country: opts.country ?? 'BE',
        locale: 'nl-BE',
        timeZone: 'Europe/Brussels',
        isDemo: false,
        now,
      });
      const admin = await harness.createPerson(id, {
        roles: ['employee', 'admin', 'hr'],
        firstName: 'Ada',
        lastName: 'Beheer',
      });
      return { id, name, admin };
    },
    async createPerson(organisationId, opts = {}) {
      const id = randomUUID();
      const email = opts.email ?? `p-${id.slice(0, 8)}@example.org`;
      await insertPerson(ctx.database.db, {
        id,
        organisationId,
        firstName: opts.firstName ?? 'Test',
        lastName: opts.lastName ?? `Persoon ${id.slice(0, 4)}`,
        email,
        teamId: opts.teamId ?? null,
        managerId: opts.managerId ?? null,
        functionId: opts.functionId ?? null,
        employmentCountry: 'BE',
        locale: 'nl-BE',
        passwordHash: await testPasswordHash(),
        now: clock.now().toISOString(),
      });
      await replaceRoles(ctx.database.db, organisationId, id, opts.roles ?? ['employee']);
      return { id, email, password: TEST_PASSWORD, organisationId };
    },
    async createTeam(organisationId, opts = {}) {
      const id = randomUUID();
      const name = opts.name ?? `Team ${id.slice(0, 6)}`;
      await insertTeam(ctx.database.db, {
        id,
        organisationId,
        name,
        nameKey: searchKey(name),
        managerId: opts.managerId ?? null,
        parentId: opts.parentId ?? null,
        now: clock.now().toISOString(),
      });
      return { id, name };
    },
    async close() {
      await app.close();
      await ctx.database.close();
      await smtp.close();
      if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
  return harness;
}

/**
 * Runs the same suite once per database (SQLite and PostgreSQL), each on a fresh database of its own.
 * The harness object is filled in `beforeAll`; read its fields inside tests only.
 */
export function describeEachDatabase(
  name: string,
  suite: (h: Harness) => void,
  options: HarnessOptions = {},
): void {
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      const h = {} as Harness & { close(): Promise<void> };
      beforeAll(async () => {
        Object.assign(h, await startHarness(dialect, options));
      }, 60_000);
      afterAll(async () => {
        await h.close?.();
      });
      suite(h);
    });
  }
}

/** Polls an import job until it is no longer running, as the web app does. */
export async function waitForImport(client: Client, jobId: string, timeoutMs = 20_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`/api/imports/${jobId}`);
    if (response.statusCode !== 200)
      throw new Error(`import ${jobId}: ${response.statusCode} ${response.body}`);
    const job = response.json() as ImportJob;
    if (job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`import ${jobId} still running`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
