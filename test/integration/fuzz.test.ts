import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { errorResponse } from '../../src/shared/contracts/common.js';
import { errorStatus, isErrorCode } from '../../src/shared/errors.js';
import { bodyFor, encode, type FuzzContext, pathValueFor, queryFor } from '../support/fuzz.js';
import { seedFuzzWorld } from '../support/fuzz-world.js';
import { type Client, describeEachDatabase, type TestPerson } from '../support/harness.js';
import { fillPath, type JsonSchema, type Operation, operations } from '../support/openapi.js';

/**
 * Property-based fuzzing of every route in the OpenAPI document (fast-check, seeded): generated bodies, query
 * strings and path ids, sent as the beheerder (also HR) and as an employee. No answer may be a 5xx; a 2xx must
 * match the route's documented response schema; a 4xx must carry the error body with a status that fits its code.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** Every route gets this many runs first; the rest of RUNS follows while the time budget lasts. */
const FIRST_RUNS = Math.min(RUNS, Number(process.env.FUZZ_FIRST_RUNS ?? 6));
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 45_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 180_000);

// ajv and ajv-formats come with Fastify (its schema compiler); ajv-formats is CommonJS with `exports.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

interface FuzzRequest {
  params: Record<string, string>;
  query: string;
  body?: unknown;
}

function requestFor(op: Operation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(
    Object.fromEntries(op.params.map((p) => [p.name, pathValueFor(p.schema, ctx)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const query = op.query.length > 0 ? queryFor(op.query, ctx) : fc.constant('');
  const body = op.body ? bodyFor(op.body, ctx).map((b) => ({ body: b })) : fc.constant({});
  return fc.tuple(params, query, body).map(([p, q, b]) => ({ params: p, query: q, ...b }));
}

const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

describeEachDatabase('fuzzing every route', (h) => {
  it(
    'answers generated requests without 5xx, in the documented shapes',
    async () => {
      const started = Date.now();
      const doc = (await h.anonymous().get('/api/openapi.json')).json();
      const ops = operations(doc);
      const world = await seedFuzzWorld(h);
      const ctx: FuzzContext = { ownIds: world.ownIds, foreignIds: world.foreignIds };
      const callers: Array<{ who: string; person: TestPerson; client: Client }> = [
        { who: 'hr', person: world.hr, client: await h.login(world.hr) },
        { who: 'employee', person: world.employee, client: await h.login(world.employee) },
      ];

      const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
      addFormats(ajv);
      const validators = new Map<JsonSchema, ReturnType<Ajv2020['compile']>>();
      const validatorFor = (schema: JsonSchema) => {
        let v = validators.get(schema);
        if (!v) {
          v = ajv.compile(schema);
          validators.set(schema, v);
        }
        return v;
      };

      let ip = 0;
      let sent = 0;
      const failures: string[] = [];
      /** Sends one generated request as each caller and checks the answers; throws what is wrong. */
      const send = async (op: Operation, req: FuzzRequest) => {
        const url = `${fillPath(op.path, Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, encode(v)])))}${req.query ? `?${req.query}` : ''}`;
        for (const caller of callers) {
          ip = (ip + 1) % 250;
          const response = await caller.client.request({
            method: op.method as 'GET',
            url,
            // Each request from its own address, so the per-IP sign-in throttle does not lock the callers out.
            remoteAddress: `192.0.2.${ip + 1}`,
            ...(op.body
              ? { payload: JSON.stringify(req.body ?? null), headers: { 'content-type': 'application/json' } }
              : {}),
          });
          sent++;
          const label = `${caller.who} ${op.method} ${url.slice(0, 200)} body=${JSON.stringify(req.body)?.slice(0, 200)}`;
          const status = response.statusCode;
          if (status >= 500) throw new Error(`${label}: ${status} ${response.body.slice(0, 300)}`);
          const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
          if (status < 300) {
            if (!isJson) continue;
            const schema = op.responses[String(status)];
            if (!schema) throw new Error(`${label}: status ${status} is not in the document`);
            const validate = validatorFor(schema);
            if (!validate(response.json()))
              throw new Error(`${label}: answer breaks its schema: ${ajv.errorsText(validate.errors)}`);
          } else if (status >= 400) {
            if (!isJson) throw new Error(`${label}: ${status} without a JSON error body`);
            const parsed = errorResponse.safeParse(response.json());
            if (!parsed.success) throw new Error(`${label}: error body breaks its shape: ${response.body}`);
            const { code, fields, message } = parsed.data.error;
            if (!isErrorCode(code) || errorStatus[code] !== status)
              throw new Error(`${label}: ${status} with code ${code}`);
            if (message.trim() === '') throw new Error(`${label}: empty error message`);
            if (status === 422 && !(fields && fields.length > 0))
              throw new Error(`${label}: 422 without field messages: ${response.body}`);
          }
        }
      };
      const spent = new Map<string, number>();
      const failed = new Set<Operation>();
      let fullRoutes = 0;
      const fuzzRoute = async (op: Operation, numRuns: number, pass: number) => {
        const opStarted = Date.now();
        const property = fc.asyncProperty(requestFor(op, ctx), (req) => send(op, req));
        const result = await fc.check(property, {
          seed: SEED + pass + hash(`${op.method} ${op.path}`),
          numRuns,
          endOnFailure: true,
        });
        if (result.failed) {
          failed.add(op);
          if (process.env.FUZZ_VERBOSE === '1')
            console.log(`FAILED ${op.method} ${op.path}: ${String(result.errorInstance)}`);
          failures.push(
            `${op.method} ${op.path} (seed ${result.seed}): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
          );
        }
        const key = `${op.method} ${op.path}`;
        spent.set(key, (spent.get(key) ?? 0) + Date.now() - opStarted);
        // A route may sign a caller out (logout) or change their language: go on signed in afresh.
        for (const caller of callers) {
          const me = await caller.client.get('/api/auth/me');
          if (me.statusCode !== 200) caller.client = await h.login(caller.person);
        }
      };
      const fuzzStarted = Date.now();
      for (const op of ops) await fuzzRoute(op, FIRST_RUNS, 0);
      for (const op of ops) {
        if (FIRST_RUNS >= RUNS || failed.has(op)) continue;
        if (Date.now() - fuzzStarted > BUDGET_MS) break;
        await fuzzRoute(op, RUNS - FIRST_RUNS, 1);
        fullRoutes++;
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `[${h.dialect}] fuzz: ${ops.length} routes, ${sent} requests (${FIRST_RUNS} runs per route, ${RUNS} for ${fullRoutes} routes within the budget) in ${seconds.toFixed(1)} s`,
      );
      if (process.env.FUZZ_VERBOSE === '1')
        console.log(
          [...spent]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 15)
            .map(([op, ms]) => `  ${ms} ms ${op}`)
            .join('\n'),
        );
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThanOrEqual(ops.length * FIRST_RUNS * callers.length);
      // Still healthy afterwards.
      expect((await h.anonymous().get('/api/health')).statusCode).toBe(200);
    },
    TIMEOUT_MS,
  );

  it('refuses dates outside the years 1900-2999 on every route with a date field (PostgreSQL answered 500)', async () => {
    const doc = (await h.anonymous().get('/api/openapi.json')).json();
    const world = await seedFuzzWorld(h);
    const hr = await h.login(world.hr);
    const formatOf = (schema: JsonSchema): string | undefined =>
      schema.format ?? schema.anyOf?.map(formatOf).find((f) => f !== undefined);
    let checked = 0;
    for (const op of operations(doc)) {
      const dateFields = Object.entries(op.body?.properties ?? {}).filter(([, s]) =>
        ['date', 'date-time'].includes(formatOf(s) ?? ''),
      );
      for (const [name, schema] of dateFields) {
        const bad =
          formatOf(schema) === 'date'
            ? ['0000-01-01', '1899-12-31', '3000-01-01']
            : ['0000-01-01T10:00:00Z', '9999-12-31T23:59:59-14:00'];
        for (const value of bad) {
          const url = fillPath(op.path, Object.fromEntries(op.params.map((p) => [p.name, world.ownIds[0]!])));
          const response = await hr.request({ method: op.method as 'POST', url, payload: { [name]: value } });
          expect(
            response.statusCode,
            `${op.method} ${op.path} ${name}=${value}: ${response.body.slice(0, 200)}`,
          ).toBe(422);
          expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(name);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    const person = await hr.post('/api/people', {
      firstName: 'Oud',
      lastName: 'Datum',
      email: 'oud@example.org',
      startDate: '0000-01-01',
    });
    expect(person.json().error.fields).toMatchObject([{ path: 'startDate', code: 'invalid_date' }]);
  });
});
