import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase } from '../support/harness.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  maximum?: number;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
}

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  query: Array<{ name: string; schema: JsonSchema }>;
  params: string[];
}

/** Every operation of the API, read from the OpenAPI document so that a new route is covered without edits. */
function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string; schema: JsonSchema }>;
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      result.push({
        method: method.toUpperCase(),
        path,
        ...(body ? { body } : {}),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return result;
}

const typeOf = (schema: JsonSchema): string => {
  const t = schema.type ?? schema.anyOf?.map((s) => s.type).find((x) => x && x !== 'null');
  return Array.isArray(t) ? (t.find((x) => x !== 'null') ?? 'string') : (t ?? 'string');
};

const wrongValueFor = (schema: JsonSchema): unknown => {
  switch (typeOf(schema)) {
    case 'string':
      return { nested: true };
    case 'number':
    case 'integer':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    default:
      return 42;
  }
};

const maxLengthOf = (schema: JsonSchema): number | undefined =>
  schema.maxLength ?? schema.anyOf?.find((s) => s.maxLength !== undefined)?.maxLength;

/** Bodies that must all be refused with a 4xx: missing fields, unknown fields, wrong types, oversized strings. */
function badBodies(schema: JsonSchema): Array<{ label: string; payload: unknown }> {
  const bodies: Array<{ label: string; payload: unknown }> = [
    { label: 'array instead of object', payload: [1, 2, 3] },
    { label: 'string instead of object', payload: 'hello' },
    { label: 'unknown field', payload: { organisationId: randomUUID(), role: 'admin', __proto_field: 1 } },
  ];
  if ((schema.required ?? []).length > 0) bodies.push({ label: 'empty object', payload: {} });
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    bodies.push({ label: `${name}: wrong type`, payload: { [name]: wrongValueFor(property) } });
    const max = maxLengthOf(property);
    if (max !== undefined)
      bodies.push({ label: `${name}: too long`, payload: { [name]: 'x'.repeat(max + 1) } });
    if (typeOf(property) === 'string')
      bodies.push({ label: `${name}: control characters`, payload: { [name]: '\u0000\r\n=cmd|' } });
  }
  return bodies;
}

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);

function expectClientError(
  label: string,
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
) {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  const body = JSON.parse(response.body) as {
    error?: { code?: string; message?: string; fields?: Array<{ path: string; message: string }> };
  };
  expect(body.error?.code, label).toBeTruthy();
  expect(body.error?.message, label).toBeTruthy();
  if (response.statusCode === 422) {
    expect(body.error?.fields?.length, label).toBeGreaterThan(0);
    for (const field of body.error?.fields ?? []) expect(field.message, label).toBeTruthy();
  }
}

describeEachDatabase('bad input on every route', (h) => {
  it('is covered: the API lists its routes', async () => {
    const doc = (await h.anonymous().get('/api/openapi.json')).json();
    expect(operations(doc).length).toBeGreaterThan(10);
  });

  it('answers 4xx with a message, never 5xx, for bad bodies, ids and queries', async () => {
    const doc = (await h.anonymous().get('/api/openapi.json')).json();
    const org = await h.createOrganisation();
    const clients: Array<{ who: string; client: Client }> = [
      { who: 'anonymous', client: h.anonymous() },
      { who: 'admin', client: await h.login(org.admin) },
    ];
    let checked = 0;
    for (const op of operations(doc)) {
      for (const { who, client } of clients) {
        const url = fill(op.path, randomUUID());
        if (op.body) {
          for (const { label, payload } of badBodies(op.body)) {
            const res = await client.request({
              method: op.method as 'POST',
              url,
              payload: payload as object,
            });
            expectClientError(`${who} ${op.method} ${op.path} ${label}`, res);
            checked++;
          }
        }
        if (op.params.length > 0) {
          for (const id of ['not-an-id', randomUUID(), `${'9'.repeat(400)}`, "1' OR '1'='1"]) {
            const res = await client.request({
              method: op.method as 'GET',
              url: fill(op.path, encodeURIComponent(id)),
              ...(op.body ? { payload: {} } : {}),
            });
            expectClientError(`${who} ${op.method} ${op.path} id=${id.slice(0, 20)}`, res);
            checked++;
          }
        }
        for (const q of op.query) {
          const res = await client.request({
            method: op.method as 'GET',
            url: `${url}?${q.name}=${encodeURIComponent(String(wrongValueFor(q.schema)) + 'x'.repeat(300))}`,
          });
          if (res.statusCode >= 400) expectClientError(`${who} ${op.method} ${op.path} ?${q.name}`, res);
          else expect(res.statusCode).toBeLessThan(500);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  it('refuses a body over the size limit with 413', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(4 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await h.anonymous().get('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
