import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import {
  type ActorKey,
  actorKeys,
  type MatrixRow,
  matrixRow,
  type Outcome,
  outcomeFor,
  ownerOf,
  routeKey,
  statusOf,
  visibleClasses,
} from '../support/authz-matrix.js';
import {
  type AuthzWorld,
  buildAuthzWorld,
  pathValues,
  personOf,
  relationTo,
} from '../support/authz-world.js';
import { type Client, describeEachDatabase, TEST_PASSWORD, waitForImport } from '../support/harness.js';
import { fillPath, type JsonSchema, operations } from '../support/openapi.js';
import { responseText } from '../support/response-text.js';

/**
 * The authorisation matrix (test/support/authz-matrix.ts) against the running API: every route of the OpenAPI
 * document, sent by every kind of caller with the ids of one world (test/support/authz-world.ts). Checks per
 * answer: the status the table names; a refusal carries the error object only and none of the world's data; an
 * allowed answer (lists, searches, exports, PDFs included) holds no id or text of data the caller may not read;
 * another organisation's ids answer exactly as ids that never existed.
 *
 * Order, so that one world serves every cell: all reads (each list once more per filter naming the world's
 * objects), the cells that depend on the organisation letting HR read plan content, all writes (on fresh objects
 * where they delete), a child id under a parent it does not belong to, organisation B's ids in request bodies, the
 * writes that change who sees what (sharing preparations, approving) followed by every read again, and last
 * organisation B's ids in paths.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers of many routes
type Json = any;

interface Ctx {
  w: AuthzWorld;
  actor: ActorKey;
  /** The world's person behind the column (null: anonymous). */
  person: keyof AuthzWorld['clients'] | null;
  owner: 'E' | 'E2';
  /** A number unique to this request, for names that must not collide. */
  n: number;
}

interface Recipe {
  /** Path values besides the defaults of the row's object. */
  params?: (c: Ctx) => Promise<Record<string, string>> | Record<string, string>;
  query?: (c: Ctx) => Promise<string> | string;
  body?: (c: Ctx) => Promise<unknown> | unknown;
  /** After an allowed answer (wait for an import, note a share). */
  after?: (c: Ctx, response: LightMyRequestResponse, client: Client) => Promise<void> | void;
  /** The route ends, rotates or replaces the caller's session: sign everyone in again afterwards. */
  resetsSession?: boolean;
  /** Runs after all other writes: the route changes who may see what (sharing, approving). */
  late?: boolean;
  /** The body field that names an object (for the `ref` cell). */
  referenceField?: string;
}

async function json(client: Client, url: string): Promise<Json> {
  const response = await client.get(url);
  if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function created(client: Client, url: string, body: unknown): Promise<Json> {
  const response = await client.post(url, body);
  if (response.statusCode !== 201) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

const secretText = (w: AuthzWorld, owner: 'E' | 'E2', label: string) =>
  w.secrets.find((s) => s.owner === owner && s.label === label)?.value ?? 'x';

/** Reads the caller's own copy of something when they may, else answers the fallback. */
async function own(c: Ctx, url: string): Promise<Json | null> {
  if (!c.person) return null;
  const response = await c.w.clients[c.person].get(url);
  return response.statusCode === 200 ? response.json() : null;
}

const versionOf = async (client: Client, url: string) => (await json(client, url)).version as number;

const counters = new WeakMap<AuthzWorld, Map<string, number>>();
/** The next number of a sequence of this world (years of budgets and norms must stay unique and in range). */
function next(w: AuthzWorld, name: string, start: number): number {
  let map = counters.get(w);
  if (!map) {
    map = new Map();
    counters.set(w, map);
  }
  const value = map.get(name) ?? start;
  map.set(name, value + 1);
  return value;
}

const unique = (c: Ctx, prefix: string) => `${prefix} ${c.n}-${randomUUID().slice(0, 6)}`;

const goalOf = (w: AuthzWorld) => json(w.clients.M, `/api/goals/${w.ids.goal}`);

/** How to call each route; routes not named here need nothing but the ids of their row's object. */
const recipes: Record<string, Recipe> = {
  'POST /api/setup': {
    body: () => ({
      organisation: { name: 'Nog een vzw', country: 'BE' },
      admin: {
        firstName: 'Nieuwe',
        lastName: 'Beheerder',
        email: 'nieuw@example.org',
        password: TEST_PASSWORD,
      },
    }),
  },
  'POST /api/auth/login': {
    body: (c) => ({
      email: c.person ? personEmail(c.w, c.person) : c.w.people.tokenHolder.email,
      password: TEST_PASSWORD,
    }),
    resetsSession: true,
  },
  'POST /api/auth/logout': { resetsSession: true },
  'PATCH /api/auth/me': { body: () => ({ locale: 'nl-BE' }) },
  'POST /api/auth/password': {
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    resetsSession: true,
  },
  'POST /api/auth/password-reset': { body: () => ({ email: 'niemand@example.org' }) },
  'GET /api/auth/tokens/{token}': { params: async (c) => ({ token: await sharedToken(c.w) }) },
  'POST /api/auth/tokens': {
    params: () => ({}),
    body: async (c) => ({ token: await c.w.authToken(), password: TEST_PASSWORD }),
    resetsSession: true,
  },
  'PATCH /api/organisation': {
    body: async (c) => ({ exchangeDays: 7, version: (await own(c, '/api/organisation'))?.version ?? 1 }),
  },
  'POST /api/teams': { body: (c) => ({ name: unique(c, 'Team') }) },
  'PATCH /api/teams/{id}': {
    body: async (c) => ({
      description: 'Woonvorm',
      version: await versionOf(c.w.clients.superAdmin, `/api/teams/${c.w.ids.team}`),
    }),
  },
  'POST /api/functions': { body: (c) => ({ name: unique(c, 'Functie') }) },
  'PATCH /api/functions/{id}': {
    body: async (c) => ({
      description: 'Begeleidt bewoners',
      version: await versionOf(c.w.clients.superAdmin, `/api/functions/${c.w.ids.function}`),
    }),
  },
  'POST /api/competencies': { body: (c) => ({ name: unique(c, 'Competentie') }) },
  'POST /api/competencies/import/preview': {
    body: (c) => ({
      filename: 'c.csv',
      content: `name,description\n${unique(c, 'Luisteren')},Beschrijving\n`,
    }),
  },
  'POST /api/competencies/import': {
    body: (c) => ({
      filename: 'c.csv',
      content: `name,description\n${unique(c, 'Luisteren')},Beschrijving\n`,
    }),
    after: async (_c, response, client) => {
      await waitForImport(client, response.json().id);
    },
  },
  'PATCH /api/competencies/{id}': {
    body: async (c) => ({
      description: 'Werkt samen',
      version: await versionOf(c.w.clients.superAdmin, `/api/competencies/${c.w.ids.competency}`),
    }),
  },
  'POST /api/people': {
    body: (c) => ({
      firstName: 'Nieuwe',
      lastName: 'Collega',
      email: `nieuw-${c.n}-${randomUUID().slice(0, 6)}@example.org`,
    }),
  },
  'POST /api/people/import/preview': {
    body: (c) => ({
      filename: 'mensen.csv',
      content: `voornaam;achternaam;e-mail\nIda;Import;ida-${c.n}-${randomUUID().slice(0, 6)}@example.org\n`,
    }),
  },
  'POST /api/people/import': {
    body: (c) => ({
      filename: 'mensen.csv',
      content: `voornaam;achternaam;e-mail\nIda;Import;ida-${c.n}-${randomUUID().slice(0, 6)}@example.org\n`,
    }),
    after: async (_c, response, client) => {
      await waitForImport(client, response.json().id);
    },
  },
  'PATCH /api/people/{id}': {
    body: async (c) => ({
      workRegime: 'voltijds',
      version: await versionOf(c.w.clients.superAdmin, `/api/people/${c.w.people.E.id}`),
    }),
  },
  'POST /api/templates': {
    body: (c) => ({
      party: 'employee',
      kind: 'general',
      name: unique(c, 'Sjabloon'),
      questions: [{ prompt: 'Hoe gaat het met je?' }],
    }),
  },
  'PUT /api/templates/assignments': { body: () => ({ assignments: [] }) },
  'PATCH /api/templates/{id}': {
    body: async (c) => ({
      description: 'Voorbereiding',
      version: await versionOf(c.w.clients.HR, `/api/templates/${c.w.ids.template}`),
    }),
  },
  'POST /api/action-types': { body: (c) => ({ nameNl: unique(c, 'Soort') }) },
  'PATCH /api/action-types/{id}': {
    body: async (c) => {
      const types = await json(c.w.clients.HR, '/api/action-types');
      const type = (types.items as Array<{ id: string; version: number }>).find(
        (t) => t.id === c.w.ids.actionType,
      );
      return { nameEn: 'Peer review', version: type?.version ?? 1 };
    },
  },
  'POST /api/plans': { body: (c) => ({ employeeId: c.w.people.E.id }), referenceField: 'employeeId' },
  'POST /api/plans/batch': {
    body: (c) => ({ personIds: [c.w.people.E.id], window: { from: '2026-04-01', to: '2026-04-30' } }),
  },
  'POST /api/plans/requests': { body: () => ({}) },
  'PATCH /api/plans/{id}': {
    body: async (c) => ({
      facilities: secretText(c.w, 'E', 'facilities'),
      version: await versionOf(c.w.clients.M, `/api/plans/${c.w.ids.plan}`),
    }),
  },
  'POST /api/plans/{id}/events': {
    body: async (c) => ({
      event: 'approve',
      version: await versionOf(c.w.clients.M, `/api/plans/${c.w.ids.plan}`),
    }),
    late: true,
  },
  'GET /api/plans/{id}/versions/{number}': { params: () => ({ number: '1' }) },
  'GET /api/plans/{id}/versions/{a}/diff/{b}': { params: () => ({ a: '1', b: '1' }) },
  'PUT /api/plans/{id}/preparations/mine': {
    body: async (c) => {
      const mine = await own(c, `/api/plans/${c.w.ids.draftPlan}/preparations/mine`);
      if (mine)
        return {
          answers: Object.fromEntries(Object.entries(mine.answers).map(([k, v]) => [k, `${v} (bijgewerkt)`])),
          version: mine.version,
        };
      const theirs = await json(c.w.clients.E2, `/api/plans/${c.w.ids.draftPlan}/preparations/mine`);
      return { answers: { [theirs.questions[0].id]: 'Mijn antwoord' }, version: theirs.version };
    },
  },
  'POST /api/plans/{id}/preparations/mine/share': {
    body: async (c) => ({
      version: (await own(c, `/api/plans/${c.w.ids.draftPlan}/preparations/mine`))?.version ?? 1,
    }),
    after: (c) => {
      if (c.actor === 'owner') c.w.shared.E2.owner = true;
      if (c.actor === 'manager') c.w.shared.E2.manager = true;
    },
    late: true,
  },
  'POST /api/plans/{id}/talking-points': {
    body: (c) => ({
      text:
        c.actor === 'owner'
          ? secretText(c.w, 'E2', 'draft: owner point')
          : c.actor === 'manager'
            ? secretText(c.w, 'E2', 'draft: manager point')
            : 'Gesprekspunt',
    }),
  },
  'PATCH /api/plans/{id}/talking-points/{pointId}': {
    body: async (c) => {
      const plan = await json(c.w.clients.E2, `/api/plans/${c.w.ids.draftPlan}`);
      const point = plan.talkingPoints.employee.find(
        (p: { id: string }) => p.id === c.w.ids.draftPoints.owner,
      );
      return { text: secretText(c.w, 'E2', 'draft: owner point'), version: point.version };
    },
  },
  'DELETE /api/plans/{id}/talking-points/{pointId}': {
    params: async (c) => {
      const point = await created(c.w.clients.E2, `/api/plans/${c.w.ids.draftPlan}/talking-points`, {
        text: secretText(c.w, 'E2', 'draft: owner point'),
      });
      return { pointId: point.id };
    },
    query: () => 'version=1',
  },
  'POST /api/plans/{id}/goals': { body: (c) => ({ title: secretText(c.w, 'E', 'goal title') }) },
  'PATCH /api/goals/{id}': {
    body: async (c) => ({ title: secretText(c.w, 'E', 'goal title'), version: (await goalOf(c.w)).version }),
  },
  'DELETE /api/goals/{id}': {
    params: async (c) => ({
      id: (
        await created(c.w.clients.M, `/api/plans/${c.w.ids.plan}/goals`, {
          title: secretText(c.w, 'E', 'goal title'),
        })
      ).id,
    }),
    query: () => 'version=1',
  },
  'POST /api/goals/{id}/actions': {
    body: (c) => ({ type: 'training', description: secretText(c.w, 'E', 'action description') }),
  },
  'PATCH /api/actions/{id}': {
    body: async (c) => ({
      description: secretText(c.w, 'E', 'action description'),
      version: await versionOf(c.w.clients.M, `/api/actions/${c.w.ids.action}`),
    }),
  },
  'DELETE /api/actions/{id}': {
    params: async (c) => ({
      id: (
        await created(c.w.clients.M, `/api/goals/${c.w.ids.goal}/actions`, {
          type: 'training',
          description: secretText(c.w, 'E', 'action description'),
        })
      ).id,
    }),
    query: () => 'version=1',
  },
  'PATCH /api/actions/{id}/progress': {
    body: async (c) => ({
      status: 'in_progress',
      version: await versionOf(c.w.clients.M, `/api/actions/${c.w.ids.action}`),
    }),
  },
  'POST /api/actions/{id}/comments': { body: (c) => ({ text: secretText(c.w, 'E', 'action comment') }) },
  'POST /api/plans/{id}/follow-ups': { body: () => ({ plannedDate: '2026-10-15' }) },
  'PATCH /api/follow-ups/{id}': {
    body: async (c) => {
      const plan = await json(c.w.clients.M, `/api/plans/${c.w.ids.plan}`);
      const followUp = plan.content.followUps.find((f: { id: string }) => f.id === c.w.ids.followUp);
      return { notes: secretText(c.w, 'E', 'follow-up notes'), version: followUp.version };
    },
  },
  'DELETE /api/follow-ups/{id}': {
    params: async (c) => ({
      id: (
        await created(c.w.clients.M, `/api/plans/${c.w.ids.plan}/follow-ups`, { plannedDate: '2026-11-16' })
      ).id,
    }),
    query: () => 'version=1',
  },
  'PUT /api/plans/{id}/evaluations/mine': { body: () => ({ goalsReached: 'Grotendeels', version: 1 }) },
  'POST /api/plans/{id}/evaluations/mine/submit': { body: () => ({ version: 1 }) },
  'PUT /api/notifications/preferences': {
    body: () => ({ items: [{ kind: 'conversation_tomorrow', mode: 'instant' }] }),
  },
  'PUT /api/admin/notification-settings': {
    body: async (c) => {
      const current = await own(c, '/api/admin/notification-settings');
      return { mandatoryKinds: current?.mandatoryKinds ?? [], version: current?.version ?? 1 };
    },
  },
  'GET /api/plans/{id}/events/{kind}.ics': { params: () => ({ kind: 'conversation' }) },
  'GET /api/plans/{id}/events/follow-up/{followUpId}.ics': {
    params: (c) => ({ followUpId: c.w.ids.followUp }),
  },
  'POST /api/funding-sources': { body: (c) => ({ name: unique(c, 'Bron'), kind: 'own' }) },
  'PATCH /api/funding-sources/{id}': {
    body: async (c) => ({
      rules: 'Enkel voor opleidingen',
      version: await versionOf(c.w.clients.HR, `/api/funding-sources/${c.w.ids.fundingSource}`),
    }),
  },
  'POST /api/budgets': { body: (c) => ({ year: next(c.w, 'budget year', 2030), amount: 100 }) },
  'PATCH /api/budgets/{id}': {
    body: async (c) => ({
      note: 'Vormingsbudget',
      version: await versionOf(c.w.clients.HR, `/api/budgets/${c.w.ids.budget}`),
    }),
  },
  'DELETE /api/budgets/{id}': {
    params: async (c) => ({
      id: (
        await created(c.w.clients.HR, '/api/budgets', { year: next(c.w, 'budget year', 2030), amount: 10 })
      ).id,
    }),
    query: () => 'version=1',
  },
  'PUT /api/training-right/settings': {
    body: async (c) => ({
      hoursPerDay: 7.6,
      version: (await own(c, '/api/training-right/settings'))?.version ?? 1,
    }),
  },
  'PUT /api/training-right/norms/{year}': {
    params: (c) => ({ year: String(next(c.w, 'norm year', 2030)) }),
    body: () => ({ daysPerFte: 5, version: null }),
  },
  'DELETE /api/training-right/norms/{year}': {
    params: async (c) => {
      const year = next(c.w, 'norm year', 2030);
      const response = await c.w.clients.HR.put(`/api/training-right/norms/${year}`, {
        daysPerFte: 4,
        version: null,
      });
      if (response.statusCode !== 200)
        throw new Error(`norm ${year}: ${response.statusCode} ${response.body}`);
      return { year: String(year) };
    },
    query: () => 'version=1',
  },
  'POST /api/training-right/statements': { body: () => ({ year: 2026 }) },
  'GET /api/training-right/learning-account.json': { query: () => 'period=2026' },
  'GET /api/training-right/learning-account.csv': { query: () => 'period=2026' },
  'GET /api/training-plan/export.pdf': { query: () => 'year=2026' },
  'GET /api/training-plan/export.xlsx': { query: () => 'year=2026' },
  'GET /api/training-plan/export.csv': { query: () => 'year=2026' },
  'PUT /api/training-plan/tasks/{year}/{key}': {
    params: () => ({ year: '2026', key: 'draft_to_council' }),
    body: async (c) => {
      const plan = await own(c, '/api/training-plan?year=2026');
      const task = plan?.tasks?.find?.((t: { key: string }) => t.key === 'draft_to_council');
      return { done: true, version: task?.version ?? 0 };
    },
  },
  'PUT /api/training-plan/settings': {
    body: async (c) => {
      return {
        consultationBody: 'works_council',
        version: (await own(c, '/api/organisation'))?.version ?? 1,
      };
    },
  },
  'PUT /api/organisation/retention': {
    body: async (c) => ({ version: (await own(c, '/api/organisation/retention'))?.version ?? 1 }),
  },
  'PUT /api/people/{id}/legal-hold': {
    body: async (c) => ({
      legalHold: false,
      version: await versionOf(c.w.clients.superAdmin, `/api/people/${c.w.people.E.id}/privacy`),
    }),
  },
  'POST /api/people/{id}/erasure': {
    params: async (c) => {
      const person = await c.w.h.createPerson(c.w.orgA.id, {
        firstName: 'Wis',
        lastName: `Mij ${c.n}`,
        managerId: c.w.people.M.id,
        teamId: c.w.ids.team,
      });
      return { id: person.id };
    },
    body: () => ({ reason: 'Verzoek van de medewerker', version: 1 }),
  },
  'GET /api/exports/plans': { query: () => 'format=csv' },
  'GET /api/exports/goals': { query: () => 'format=xlsx' },
  'GET /api/exports/actions': { query: () => 'format=csv' },
  'GET /api/plans/{id}/versions/{number}/pdf': { params: () => ({ number: '1' }) },
};

function personEmail(w: AuthzWorld, person: keyof AuthzWorld['clients']): string {
  return person === 'superAdmin' ? w.orgA.superAdmin.email : w.people[person].email;
}

const readTokens = new WeakMap<AuthzWorld, string>();
async function sharedToken(w: AuthzWorld): Promise<string> {
  const known = readTokens.get(w);
  if (known) return known;
  const token = await w.authToken();
  readTokens.set(w, token);
  return token;
}

const defaultParams = (w: AuthzWorld, row: MatrixRow) => pathValues(w, row.object);

/** The same object kinds in organisation B, for requests from organisation A. */
function foreignParams(w: AuthzWorld, row: MatrixRow): Record<string, string> | null {
  const f = w.foreign;
  const byObject: Record<string, Record<string, string>> = {
    plan: { id: f.plan, followUpId: f.followUp, number: '1', a: '1', b: '1', kind: 'conversation' },
    draftPlan: { id: f.plan },
    draftPoint: { id: f.plan, pointId: f.talkingPoint },
    goal: { id: f.goal },
    action: { id: f.action },
    followUp: { id: f.followUp },
    person: { id: f.person },
    erasable: { id: f.person },
    team: { id: f.team },
  };
  return byObject[row.object] ?? null;
}

const isGet = (row: MatrixRow) => row.method === 'GET';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describeEachDatabase(
  'authorisation matrix',
  (h) => {
    it('has a row for every route of the OpenAPI document, and no row for a route that is gone', async () => {
      const ops = operations((await h.anonymous().get('/api/openapi.json')).json());
      const missing = ops
        .filter((op) => !matrixRow(op.method, op.path))
        .map((op) => `add a row for ${op.method} ${op.path} to test/support/authz-matrix.ts`);
      expect(missing).toEqual([]);
      const documented = new Set(ops.map((op) => routeKey(op.method, op.path)));
      const { authzMatrix } = await import('../support/authz-matrix.js');
      const stale = authzMatrix
        .map((row) => routeKey(row.method, row.path))
        .filter((key) => !documented.has(key));
      expect(stale).toEqual([]);
    });

    it('answers every route as the table says, for every caller, without data a caller may not read', async () => {
      const started = Date.now();
      const ops = operations((await h.anonymous().get('/api/openapi.json')).json());
      const w = await buildAuthzWorld(h);
      const builtIn = Date.now() - started;
      const failures: string[] = [];
      let sent = 0;
      let allowedWrites = 0;
      let allowedWrites2xx = 0;
      const toleratedAnswers = new Set<string>();
      const acceptedReferences: string[] = [];
      let n = 0;

      /** The request of one cell: path, query and body as the recipe builds them. */
      const send = async (
        row: MatrixRow,
        actor: ActorKey,
        params: Record<string, string>,
        client: Client,
        variant = '',
      ) => {
        const recipe = recipes[routeKey(row.method, row.path)] ?? {};
        const c: Ctx = { w, actor, person: personOf(actor, ownerOf(row)), owner: ownerOf(row), n: ++n };
        const values = { ...params, ...(recipe.params ? await recipe.params(c) : {}) };
        const query = [recipe.query ? await recipe.query(c) : '', variant].filter(Boolean).join('&');
        const body = recipe.body ? await recipe.body(c) : undefined;
        const url = `${fillPath(row.path, values)}${query ? `?${query}` : ''}`;
        const response = await client.request({
          method: row.method as 'GET',
          url,
          ...(body === undefined ? {} : { payload: body as object }),
        });
        sent++;
        return { c, url, body, response, recipe };
      };

      /** Checks an answer against its cell; answers what went wrong, if anything. */
      const check = async (
        row: MatrixRow,
        actor: ActorKey,
        person: keyof AuthzWorld['clients'] | null,
        expected: Outcome,
        sentRequest: Awaited<ReturnType<typeof send>>,
        relaxed = false,
      ): Promise<string[]> => {
        const { url, body, response } = sentRequest;
        const label = `${actor} ${row.method} ${row.path} (${url})`;
        const status = response.statusCode;
        // A filter on something the caller may not see may be refused; then as a refusal, without data.
        if (relaxed && expected === 'allow' && (status === 403 || status === 404))
          expected = status === 403 ? 'deny403' : 'deny404';
        const problems: string[] = [];
        const echoed = `${url} ${JSON.stringify(body ?? null)}`;
        const text = status < 300 ? await responseText(response) : response.body;
        if (expected === 'allow') {
          const tolerated = row.allowAlso?.statuses ?? [];
          if (!(status >= 200 && status < 300) && !tolerated.includes(status))
            return [`${label}: expected allow, got ${status} ${response.body.slice(0, 200)}`];
          if (row.method !== 'GET') {
            allowedWrites++;
            if (status < 300) allowedWrites2xx++;
            else toleratedAnswers.add(`${row.method} ${row.path} ${actor} ${status}`);
          }
          // Nothing of another organisation, and nothing the caller may not read unless the row reveals it.
          if (person !== 'B')
            for (const secret of w.foreignSecrets)
              if (text.includes(secret.value) && !echoed.includes(secret.value))
                problems.push(`${label}: shows organisation B's ${secret.label}`);
          for (const secret of w.secrets) {
            if (!text.includes(secret.value) || echoed.includes(secret.value)) continue;
            const relation = relationTo(person, secret.owner);
            const state = {
              ownerShared: w.shared[secret.owner].owner,
              managerShared: w.shared[secret.owner].manager,
              hrSeesPlanContent: w.hrSeesPlanContent,
            };
            if (visibleClasses(relation, state).includes(secret.cls)) continue;
            const revealed = (row.reveals ?? []).some(
              (r) =>
                r.to.includes(relation) &&
                (r.classes.includes(secret.cls) ||
                  (r.classes.includes(`${secret.cls}:ids`) && uuidPattern.test(secret.value))),
            );
            if (!revealed)
              problems.push(
                `${label}: shows ${secret.owner}'s ${secret.label} (${secret.cls}) to the ${relation}`,
              );
          }
          return problems;
        }
        const wanted = statusOf[expected];
        if (status !== wanted)
          return [`${label}: expected ${expected} (${wanted}), got ${status} ${response.body.slice(0, 200)}`];
        let parsed: Json;
        try {
          parsed = response.json();
        } catch {
          return [`${label}: refusal without a JSON body: ${response.body.slice(0, 200)}`];
        }
        const keys = Object.keys(parsed ?? {});
        const errorKeys = Object.keys(parsed?.error ?? {});
        if (keys.join() !== 'error') problems.push(`${label}: refusal carries ${keys.join(', ')}`);
        const extra = errorKeys.filter((k) => !['code', 'message', 'requestId', 'fields'].includes(k));
        if (extra.length > 0) problems.push(`${label}: refusal carries ${extra.join(', ')}`);
        const code = parsed?.error?.code as string;
        const wantedCode = {
          deny401: 'UNAUTHENTICATED',
          deny403: 'FORBIDDEN',
          deny404: 'NOT_FOUND',
          notFound: 'NOT_FOUND',
          unknownReference: 'VALIDATION_FAILED',
        }[expected];
        if (code !== wantedCode) problems.push(`${label}: refusal code ${code}, expected ${wantedCode}`);
        if (expected === 'unknownReference') {
          const field = recipes[routeKey(row.method, row.path)]?.referenceField;
          const fields = (parsed?.error?.fields ?? []) as Array<{ path: string; code: string }>;
          if (!fields.some((f) => f.path === field && f.code === 'unknown_reference'))
            problems.push(
              `${label}: expected unknown_reference on ${field}, got ${response.body.slice(0, 200)}`,
            );
        }
        for (const value of w.allSecretValues())
          if (text.includes(value) && !echoed.includes(value))
            problems.push(`${label}: refusal shows ${w.secrets.find((s) => s.value === value)?.label}`);
        return problems;
      };

      const signEveryoneIn = async () => {
        for (const key of Object.keys(w.clients) as Array<keyof AuthzWorld['clients']>) {
          const me = await w.clients[key].get('/api/auth/me');
          const expectedId = key === 'superAdmin' ? w.orgA.superAdmin.id : w.people[key].id;
          if (me.statusCode !== 200 || me.json().person.id !== expectedId) await w.relogin(key);
        }
      };

      /** Every cell of a row (or only some callers), in the column order. */
      const rowTimes = new Map<string, number>();
      const runRow = async (row: MatrixRow, only?: readonly ActorKey[]) => {
        const rowStarted = Date.now();
        try {
          await runCells(row, only);
        } finally {
          const key = routeKey(row.method, row.path);
          rowTimes.set(key, (rowTimes.get(key) ?? 0) + Date.now() - rowStarted);
        }
      };
      const runCells = async (row: MatrixRow, only?: readonly ActorKey[]) => {
        const recipe = recipes[routeKey(row.method, row.path)] ?? {};
        for (const actor of only ?? actorKeys) {
          const person = personOf(actor, ownerOf(row));
          const client = person ? w.clients[person] : h.anonymous();
          const expected = outcomeFor(row.cells[actor], w.hrSeesPlanContent);
          let sentRequest: Awaited<ReturnType<typeof send>>;
          try {
            sentRequest = await send(row, actor, defaultParams(w, row), client);
          } catch (error) {
            failures.push(`${actor} ${row.method} ${row.path}: could not send: ${(error as Error).message}`);
            continue;
          }
          failures.push(...(await check(row, actor, person, expected, sentRequest)));
          const status = sentRequest.response.statusCode;
          if (expected === 'allow' && status < 300 && recipe.after)
            await recipe.after(sentRequest.c, sentRequest.response, client);
          for (const variant of variantsOf(row)) {
            const filtered = await send(row, actor, defaultParams(w, row), client, variant);
            failures.push(...(await check(row, actor, person, expected, filtered, true)));
          }
        }
        if (recipe.resetsSession) await signEveryoneIn();
      };

      /**
       * Lists and searches once more per filter naming the world's objects (E's team, E, E's function, a search
       * for E's name, organisation B's team and person), one filter at a time: a filter never brings in a row the
       * caller may not see.
       */
      const filterValues: Record<string, string[]> = {
        teamId: [w.ids.team, w.foreign.team],
        employeeId: [w.people.E.id, w.foreign.person],
        subjectPersonId: [w.people.E.id, w.foreign.person],
        actorId: [w.people.E.id, w.foreign.person],
        functionId: [w.ids.function],
        q: [secretText(w, 'E', 'last name').slice(0, -1)],
        as: ['manager', 'employee'],
        status: ['all'],
      };
      const queryOf = new Map(ops.map((op) => [routeKey(op.method, op.path), op.query]));
      const enumOf = (schema: JsonSchema): unknown[] | undefined =>
        schema.enum ?? schema.anyOf?.map(enumOf).find((e) => e !== undefined);
      const variantsOf = (row: MatrixRow): string[] =>
        row.method !== 'GET'
          ? []
          : (queryOf.get(routeKey(row.method, row.path)) ?? []).flatMap((param) => {
              const values = filterValues[param.name];
              if (!values) return [];
              const allowed = enumOf(param.schema);
              return values
                .filter((value) => !allowed || allowed.includes(value))
                .map((value) => `${param.name}=${encodeURIComponent(value)}`);
            });

      const rows: MatrixRow[] = [];
      for (const op of ops) {
        const row = matrixRow(op.method, op.path);
        if (row) rows.push(row);
      }
      const late = (row: MatrixRow) => recipes[routeKey(row.method, row.path)]?.late === true;
      const timings: string[] = [];
      const timed = async (name: string, work: () => Promise<void>) => {
        const t = Date.now();
        await work();
        timings.push(`${name} ${Date.now() - t} ms`);
      };
      /** Reads whose ids stay valid all along (a link token is used up, a feed token replaced by the writes). */
      const rereadable = (row: MatrixRow) =>
        isGet(row) && row.object !== 'authToken' && row.object !== 'feedToken';

      await timed('reads', async () => {
        for (const row of rows.filter((r) => isGet(r) && !late(r))) await runRow(row);
      });

      // The cells that depend on the organisation letting HR read plan content; with content open to HR, every
      // read of HR once more: content may show, preparations never.
      await timed('hr content', async () => {
        const setContent = async (on: boolean) => {
          const settings = await json(w.clients.superAdmin, '/api/organisation');
          const changed = await w.clients.superAdmin.patch('/api/organisation', {
            hrSeesPlanContent: on,
            version: settings.version,
          });
          expect(changed.statusCode, changed.body).toBe(200);
          w.hrSeesPlanContent = on;
        };
        await setContent(true);
        for (const row of rows.filter((r) => !late(r) && (typeof r.cells.hr !== 'string' || isGet(r))))
          await runRow(row, ['hr']);
        await setContent(false);
      });

      await timed('writes', async () => {
        for (const row of rows.filter((r) => !isGet(r) && !late(r))) await runRow(row);
      });

      // A child id under a parent it does not belong to: the manager is a party of both plans, E2 of one; a
      // talking point or follow-up of E's plan, addressed through E2's plan, is not found.
      await timed('cross-plan ids', async () => {
        const crossed: Array<[keyof AuthzWorld['clients'], 'GET' | 'PATCH' | 'DELETE', string, unknown?]> = [
          [
            'M',
            'PATCH',
            `/api/plans/${w.ids.draftPlan}/talking-points/${w.ids.planPoints.manager}`,
            { text: 'x', version: 1 },
          ],
          [
            'M',
            'DELETE',
            `/api/plans/${w.ids.draftPlan}/talking-points/${w.ids.planPoints.manager}?version=1`,
          ],
          [
            'E2',
            'PATCH',
            `/api/plans/${w.ids.draftPlan}/talking-points/${w.ids.planPoints.owner}`,
            { text: 'x', version: 1 },
          ],
          ['M', 'GET', `/api/plans/${w.ids.draftPlan}/events/follow-up/${w.ids.followUp}.ics`],
          ['E2', 'GET', `/api/plans/${w.ids.draftPlan}/events/follow-up/${w.ids.followUp}.ics`],
        ];
        // The manager is a party of both plans: an action or a follow-up of E's plan cannot point at E2's goal.
        const draftGoal = await created(w.clients.M, `/api/plans/${w.ids.draftPlan}/goals`, {
          title: 'Doel van E2',
        });
        const action = await json(w.clients.M, `/api/actions/${w.ids.action}`);
        const plan = await json(w.clients.M, `/api/plans/${w.ids.plan}`);
        const followUp = plan.content.followUps.find((x: { id: string }) => x.id === w.ids.followUp);
        for (const [url, payload, field] of [
          [`/api/actions/${w.ids.action}`, { goalId: draftGoal.id, version: action.version }, 'goalId'],
          [
            `/api/follow-ups/${w.ids.followUp}`,
            { entries: [{ goalId: draftGoal.id, state: 'on_track' }], version: followUp.version },
            'entries.0.goalId',
          ],
        ] as const) {
          const response = await w.clients.M.patch(url, payload);
          sent++;
          const fields =
            response.statusCode === 422 ? (response.json().error.fields as Array<{ path: string }>) : [];
          if (!fields.some((x) => x.path === field))
            failures.push(
              `M PATCH ${url} with a goal of another plan: ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
        }
        for (const [person, method, url, payload] of crossed) {
          const response = await w.clients[person].request({
            method,
            url,
            ...(payload === undefined ? {} : { payload: payload as object }),
          });
          sent++;
          if (response.statusCode !== 404)
            failures.push(
              `${person} ${method} ${url}: expected 404, got ${response.statusCode} ${response.body.slice(0, 200)}`,
            );
          else if (w.allSecretValues().some((v) => response.body.includes(v) && !url.includes(v)))
            failures.push(`${person} ${method} ${url}: the refusal shows data`);
        }
      });

      // Organisation B's ids in the bodies of writes from organisation A (a team, a manager, a competency, a goal
      // to move an action to...): the same answer as an id that never existed. Sent by a party for plan content,
      // else by the beheerder (admin + HR), with the rest of the body valid.
      await timed('foreign references', async () => {
        const f = w.foreign;
        const kindOf: Record<string, string> = {
          teamId: f.team,
          parentId: f.team,
          managerId: f.person,
          employeeId: f.person,
          personIds: f.person,
          functionId: f.function,
          competencyId: f.competency,
          competencyIds: f.competency,
          templateId: f.template,
          fundingSourceId: f.fundingSource,
          goalId: f.goal,
          previousPlanId: f.plan,
        };
        const nested: Record<string, (id: string) => unknown> = {
          assignments: (id) => [{ templateId: id }],
          entries: (id) => [{ goalId: id, state: 'on_track' }],
        };
        const partyObjects = new Set(['plan', 'draftPlan', 'draftPoint', 'goal', 'action', 'followUp']);
        for (const op of ops) {
          const row = matrixRow(op.method, op.path);
          const recipe = recipes[routeKey(op.method, op.path)];
          if (!row || !op.body?.properties || row.method === 'GET' || recipe?.late) continue;
          for (const field of Object.keys(op.body.properties)) {
            // Only HR hands a plan to another manager.
            const person =
              partyObjects.has(row.object) && !(row.path === '/api/plans/{id}' && field === 'managerId')
                ? 'M'
                : 'superAdmin';
            const foreignId = kindOf[field] ?? (nested[field] ? f.goal : undefined);
            if (!foreignId) continue;
            const answers: LightMyRequestResponse[] = [];
            for (const id of [field === 'assignments' ? f.template : foreignId, randomUUID()]) {
              const c: Ctx = { w, actor: 'hr', person, owner: ownerOf(row), n: ++n };
              const params = { ...defaultParams(w, row), ...(recipe?.params ? await recipe.params(c) : {}) };
              const query = recipe?.query ? await recipe.query(c) : '';
              const base = (recipe?.body ? await recipe.body(c) : {}) as Record<string, unknown>;
              // A batch names one selector: people or a team.
              if (field === 'teamId' && row.path === '/api/plans/batch') delete base.personIds;
              // HR changes the manager, not the content.
              if (row.path === '/api/plans/{id}' && field === 'managerId') delete base.facilities;
              const schema = op.body.properties[field] as JsonSchema;
              const value = nested[field]
                ? nested[field](id)
                : schema.type === 'array' || schema.anyOf?.some((s) => s.type === 'array')
                  ? [id]
                  : id;
              answers.push(
                await w.clients[person].request({
                  method: row.method as 'POST',
                  url: `${fillPath(row.path, params)}${query ? `?${query}` : ''}`,
                  payload: { ...base, [field]: value },
                }),
              );
              sent++;
            }
            const [theirs, none] = answers as [LightMyRequestResponse, LightMyRequestResponse];
            const label = `${person} ${row.method} ${row.path} with organisation B's id in ${field}`;
            const outcome = (r: LightMyRequestResponse) =>
              r.statusCode < 300
                ? `${r.statusCode}`
                : `${r.statusCode} ${r.json().error?.code} ${JSON.stringify((r.json().error?.fields ?? []).map((x: { path: string; code: string }) => `${x.path}:${x.code}`))}`;
            if (outcome(theirs) !== outcome(none))
              failures.push(
                `${label}: ${outcome(theirs)}, but for an id that never existed ${outcome(none)}`,
              );
            else if (theirs.statusCode < 300) acceptedReferences.push(`${label}: ${theirs.statusCode}`);
            if (process.env.AUTHZ_VERBOSE === '1') acceptedReferences.push(`  ${label}: ${outcome(theirs)}`);
          }
        }
      });

      // Writes that change who sees what (sharing preparations, approving the revision), then every read again:
      // the other party now reads a shared preparation, nobody else does.
      await timed('late', async () => {
        for (const row of rows.filter(late)) await runRow(row);
        if (!w.shared.E2.owner || !w.shared.E2.manager)
          failures.push('the parties of the draft plan could not share their preparations');
        const seen = await w.clients.M.get(`/api/plans/${w.ids.draftPlan}`);
        if (!seen.body.includes(secretText(w, 'E2', 'draft: owner answers')))
          failures.push('the manager does not see the shared preparation of the draft plan');
        for (const row of rows.filter(rereadable)) await runRow(row);
      });

      // Organisation B's ids from organisation A, by its beheerder (admin + HR, past every role check) and by a
      // manager: the same answer as for an id that never existed, and never data.
      await timed('foreign ids', async () => {
        for (const row of rows) {
          const foreign = foreignParams(w, row);
          const recipe = recipes[routeKey(row.method, row.path)];
          const referenceField = recipe?.referenceField;
          if (!foreign || (!row.path.includes('{') && !referenceField)) continue;
          const madeUp = Object.fromEntries(
            Object.entries(foreign).map(([k, v]) => [k, uuidPattern.test(v) ? randomUUID() : v]),
          );
          for (const person of ['superAdmin', 'M'] as const) {
            const answers: LightMyRequestResponse[] = [];
            for (const values of [foreign, madeUp]) {
              const url = `${fillPath(row.path, { ...defaultParams(w, row), ...values })}${row.method === 'DELETE' ? '?version=1' : ''}`;
              let body: Json;
              try {
                body = recipe?.body
                  ? await recipe.body({ w, actor: 'hr', person, owner: 'E', n: ++n })
                  : undefined;
              } catch {
                body = undefined;
              }
              if (referenceField) body = { ...body, [referenceField]: values.id };
              answers.push(
                await w.clients[person].request({
                  method: row.method as 'GET',
                  url,
                  ...(body === undefined ? {} : { payload: body as object }),
                }),
              );
              sent++;
            }
            const [theirs, none] = answers as [LightMyRequestResponse, LightMyRequestResponse];
            const label = `${person} ${row.method} ${row.path} with organisation B's ids`;
            const codeOf = (r: LightMyRequestResponse) =>
              `${r.statusCode} ${r.json().error?.code} ${JSON.stringify((r.json().error?.fields ?? []).map((f: { path: string; code: string }) => `${f.path}:${f.code}`))}`;
            if (theirs.statusCode < 400)
              failures.push(`${label}: answered ${theirs.statusCode} ${theirs.body.slice(0, 200)}`);
            else if (codeOf(theirs) !== codeOf(none))
              failures.push(`${label}: ${codeOf(theirs)}, but for an id that never existed ${codeOf(none)}`);
            else if (person === 'superAdmin' && theirs.statusCode !== (referenceField ? 422 : 404))
              failures.push(`${label}: expected ${referenceField ? 422 : 404}, got ${codeOf(theirs)}`);
            else if (w.allSecretValues().some((v) => theirs.body.includes(v)))
              failures.push(`${label}: the refusal shows data`);
          }
        }
      });

      console.log(
        `[${h.dialect}] authz matrix: ${rows.length} rows x ${actorKeys.length} callers, ${sent} requests ` +
          `(${allowedWrites2xx}/${allowedWrites} allowed writes answered 2xx) in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
          `(world ${builtIn} ms; ${timings.join(', ')})`,
      );
      if (process.env.AUTHZ_VERBOSE === '1')
        console.log(
          [
            ...toleratedAnswers,
            ...acceptedReferences,
            ...[...rowTimes]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 15)
              .map(([key, ms]) => `${ms} ms ${key}`),
          ].join('\n'),
        );
      expect(failures).toEqual([]);
      expect(rows.length).toBe(ops.length);
    }, 240_000);
  },
  { env: { EXPORTS_PER_MINUTE: '100000' } },
);
