import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { matrixRow } from '../support/authz-matrix.js';
import { type AuthzWorld, buildAuthzWorld, pathValues } from '../support/authz-world.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';
import { fillPath, type JsonSchema, operations } from '../support/openapi.js';
import { responseText } from '../support/response-text.js';

/**
 * Private preparation answers and unshared talking points leave the server through no path before they are shared.
 * A marker (PRIVATE-MARKER-<uuid>) is planted in every private answer and talking point of the world of the
 * authorisation matrix: E's and their manager's on E's plan (past its conversation, never shared), E2's and the
 * manager's on E2's plan (in voorbereiding). Then every GET route of the OpenAPI document is read by every caller
 * with the world's ids (both plans, every filter, a search for the marker, exports as CSV and XLSX, PDFs as text,
 * .ics files, notifications, the outbox), the job runner sends its reminders and emails, requests fail validation
 * with a marker in a field, and the database is searched table by table. A marker may show only to its author;
 * it may be stored only in the preparations and talking points. Then E2 shares, and the manager reads it.
 */
const PREFIX = 'PRIVATE-MARKER-';

interface Marker {
  value: string;
  label: string;
  /** The person who wrote it: the only one who may read it before it is shared. */
  author: keyof AuthzWorld['clients'];
}

type Caller = keyof AuthzWorld['clients'] | 'anonymous';

async function ok(response: Promise<LightMyRequestResponse>, status = 200) {
  const r = await response;
  if (r.statusCode !== status)
    throw new Error(`expected ${status}, got ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
}

/** Every table of the database with all its rows, as text. */
async function tables(h: Harness): Promise<Map<string, string>> {
  const db = h.ctx.database.db;
  const names =
    h.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
        ).rows.map((r) => r.name);
  const result = new Map<string, string>();
  for (const name of names) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(db);
    result.set(name, JSON.stringify(rows.rows));
  }
  return result;
}

const enumOf = (schema: JsonSchema): unknown[] | undefined =>
  schema.enum ?? schema.anyOf?.map(enumOf).find((e) => e !== undefined);

describeEachDatabase(
  'private preparations leak through no path',
  (h) => {
    it('shows a marker in a private answer or talking point to its author only, until it is shared', async () => {
      const started = Date.now();
      const w = await buildAuthzWorld(h, { privateText: () => `${PREFIX}${randomUUID()}` });
      const markers: Marker[] = w.secrets
        .filter((s) => s.value.startsWith(PREFIX))
        .map((s) => ({
          value: s.value,
          label: `${s.owner}'s plan, ${s.label}`,
          author: s.cls === 'ownerPrivate' ? s.owner : 'M',
        }));
      expect(markers.length).toBe(8);
      const leaks: string[] = [];
      const seenByAuthor = new Set<string>();
      /** Looks for markers in what a caller received; answers false if one showed to someone else. */
      const inspect = (who: Caller, where: string, text: string) => {
        for (const marker of markers) {
          if (!text.includes(marker.value)) continue;
          if (who === marker.author) seenByAuthor.add(marker.value);
          else leaks.push(`${where}: ${marker.label} shown to ${who}`);
        }
      };

      // E2's plan gets a conversation date, so the exchange deadline and the day before send their reminders.
      const draft = await ok(w.clients.M.get(`/api/plans/${w.ids.draftPlan}`));
      await ok(
        w.clients.M.patch(`/api/plans/${w.ids.draftPlan}`, {
          conversationAt: '2026-03-16T10:00:00+01:00',
          version: draft.version,
        }),
      );

      // Reminders, notifications and emails: now, on the exchange deadline, the day before the conversation.
      const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
      for (const at of ['2026-03-02T09:00:00.000Z', '2026-03-09T08:00:00.000Z', '2026-03-15T08:00:00.000Z']) {
        h.clock.set(at);
        await runner.runOnce();
      }
      for (const key of Object.keys(w.clients) as Array<keyof AuthzWorld['clients']>) await w.relogin(key);
      await ok(w.clients.HR.post('/api/training-right/statements', { year: 2026 }));
      await runner.runOnce();

      // Every GET route as every caller.
      const ops = operations((await h.anonymous().get('/api/openapi.json')).json()).filter(
        (op) => op.method === 'GET',
      );
      const filterValues: Record<string, string[]> = {
        q: [PREFIX, PREFIX.slice(0, 7)],
        teamId: [w.ids.team],
        employeeId: [w.people.E.id, w.people.E2.id],
        subjectPersonId: [w.people.E.id, w.people.E2.id],
        actorId: [w.people.E.id, w.people.E2.id, w.people.M.id],
        functionId: [w.ids.function],
        status: ['all'],
        unread: ['true'],
        year: ['2026'],
        period: ['2026'],
        format: ['csv', 'xlsx'],
      };
      const callers: Caller[] = ['E', 'E2', 'M', 'M2', 'HR', 'AD', 'B', 'superAdmin', 'anonymous'];
      let reads = 0;
      for (const op of ops) {
        const row = matrixRow(op.method, op.path);
        if (!row) throw new Error(`add a row for ${op.method} ${op.path} to test/support/authz-matrix.ts`);
        const base = pathValues(w, row.object);
        const planIds = ['plan', 'draftPlan'].includes(row.object)
          ? [w.ids.plan, w.ids.draftPlan]
          : [base.id];
        const kinds = op.path.includes('{kind}') ? ['conversation', 'evaluation'] : ['conversation'];
        const paths: string[] = [];
        for (const id of planIds)
          for (const kind of kinds) {
            const token = op.path.startsWith('/api/auth/tokens/') ? await w.authToken() : base.token;
            paths.push(
              fillPath(op.path, { ...base, ...(id ? { id } : {}), kind, ...(token ? { token } : {}) }),
            );
          }
        // Required query parameters get a value always; every other filter is tried once on its own.
        const required = op.query
          .filter((q) => q.required)
          .map((q) => `${q.name}=${encodeURIComponent(filterValues[q.name]?.[0] ?? '')}`);
        const queries = [
          required,
          ...op.query
            .filter((q) => !q.required)
            .flatMap((q) => {
              const allowed = enumOf(q.schema);
              return (allowed?.map(String) ?? filterValues[q.name] ?? [])
                .filter((v) => !allowed || allowed.map(String).includes(v))
                .map((v) => [...required, `${q.name}=${encodeURIComponent(v)}`]);
            }),
        ];
        for (const path of paths)
          for (const query of queries) {
            const url = query.length > 0 ? `${path}?${query.join('&')}` : path;
            for (const who of callers) {
              const client: Client = who === 'anonymous' ? h.anonymous() : w.clients[who];
              const response = await client.get(url);
              reads++;
              expect(response.statusCode, `${who} GET ${url}: ${response.body.slice(0, 300)}`).toBeLessThan(
                500,
              );
              inspect(who, `GET ${url}`, await responseText(response));
            }
          }
      }

      // Every email that left, to whomever: no marker at all.
      await new Promise((r) => setTimeout(r, 200));
      expect(h.smtp.messages.length).toBeGreaterThan(5);
      for (const mail of h.smtp.messages)
        for (const marker of markers)
          if (`${mail.subject}\n${mail.text}\n${mail.html}\n${mail.raw}`.includes(marker.value))
            leaks.push(`email "${mail.subject}" to ${mail.to.join(', ')}: ${marker.label}`);

      // Error messages: requests that fail with a marker in a field never echo it.
      const errorMarker = `${PREFIX}${randomUUID()}`;
      const prep = await ok(w.clients.E2.get(`/api/plans/${w.ids.draftPlan}/preparations/mine`));
      const question = prep.questions[0].id as string;
      const long = (n: number) => `${errorMarker} ${'x'.repeat(n)}`;
      const failing: Array<[keyof AuthzWorld['clients'], string, string, unknown]> = [
        [
          'E2',
          'PUT',
          `/api/plans/${w.ids.draftPlan}/preparations/mine`,
          { answers: { [question]: long(20_001) }, version: prep.version },
        ],
        [
          'E2',
          'PUT',
          `/api/plans/${w.ids.draftPlan}/preparations/mine`,
          { answers: { [question]: errorMarker }, version: prep.version + 7 },
        ],
        [
          'E2',
          'PUT',
          `/api/plans/${w.ids.draftPlan}/preparations/mine`,
          { answers: { [question]: errorMarker }, version: 'x' },
        ],
        ['E2', 'POST', `/api/plans/${w.ids.draftPlan}/talking-points`, { text: long(2001) }],
        [
          'E2',
          'POST',
          `/api/plans/${w.ids.draftPlan}/talking-points`,
          { text: errorMarker, extra: errorMarker },
        ],
        [
          'E2',
          'PATCH',
          `/api/plans/${w.ids.draftPlan}/talking-points/${w.ids.draftPoints.owner}`,
          { text: long(2001), version: 1 },
        ],
        [
          'M',
          'PATCH',
          `/api/plans/${w.ids.draftPlan}/talking-points/${w.ids.draftPoints.owner}`,
          { text: errorMarker, version: 1 },
        ],
        [
          'M',
          'PUT',
          `/api/plans/${w.ids.draftPlan}/preparations/mine`,
          { answers: { [question]: long(20_001) }, version: 1 },
        ],
        [
          'HR',
          'PUT',
          `/api/plans/${w.ids.draftPlan}/preparations/mine`,
          { answers: { [question]: errorMarker }, version: 1 },
        ],
        ['E', 'POST', `/api/plans/${w.ids.plan}/talking-points`, { text: errorMarker }],
        ['M', 'POST', `/api/plans/${w.ids.plan}/goals`, { title: long(201) }],
      ];
      for (const [who, method, url, payload] of failing) {
        const response = await w.clients[who].request({
          method: method as 'PUT',
          url,
          payload: payload as object,
        });
        expect(
          response.statusCode,
          `${method} ${url}: ${response.body.slice(0, 200)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        if (response.body.includes(errorMarker))
          leaks.push(`${method} ${url} ${response.statusCode} echoes the field`);
        inspect(who, `${who} ${method} ${url}`, response.body);
      }

      // The database: markers only in the preparations and talking points; the audit log (when the table
      // exists) and every other table hold none, nor the text of the failed requests.
      const stored = await tables(h);
      if (!stored.has('audit_events'))
        console.log(`[${h.dialect}] no audit_events table: the audit log is not checked`);
      for (const [table, text] of stored) {
        if (text.includes(errorMarker)) leaks.push(`table ${table} holds the text of a refused request`);
        if (table === 'preparations' || table === 'talking_points') continue;
        for (const marker of markers)
          if (text.includes(marker.value)) leaks.push(`table ${table}: ${marker.label}`);
      }
      // The audit log was written to (so searching it means something).
      if (stored.has('audit_events')) expect(stored.get('audit_events')).toContain('plan.created');

      expect(leaks).toEqual([]);
      // The authors did read their own text (the markers are where the test looks).
      expect(markers.filter((m) => !seenByAuthor.has(m.value)).map((m) => m.label)).toEqual([]);

      // E2 shares: the manager reads the answers and the talking point now; nobody else does.
      const mine = await ok(w.clients.E2.get(`/api/plans/${w.ids.draftPlan}/preparations/mine`));
      await ok(
        w.clients.E2.post(`/api/plans/${w.ids.draftPlan}/preparations/mine/share`, { version: mine.version }),
      );
      const shared = markers.filter((m) => m.author === 'E2');
      const managerView = (await w.clients.M.get(`/api/plans/${w.ids.draftPlan}`)).body;
      const teamView = (await w.clients.M.get('/api/team-view')).body;
      for (const marker of shared) expect(managerView).toContain(marker.value);
      expect(teamView).toContain(shared.find((m) => m.label.includes('point'))?.value);
      for (const who of ['E', 'M2', 'HR', 'AD', 'B', 'superAdmin'] as const) {
        const body = (await w.clients[who].get(`/api/plans/${w.ids.draftPlan}`)).body;
        for (const marker of shared) expect(body, `${who} after sharing`).not.toContain(marker.value);
      }
      console.log(
        `[${h.dialect}] privacy marker: ${ops.length} GET routes, ${reads} reads, ${h.smtp.messages.length} emails, ` +
          `${stored.size} tables in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }, 240_000);
  },
  { env: { EXPORTS_PER_MINUTE: '100000' } },
);
