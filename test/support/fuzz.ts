import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';
import { allPayloads } from './payloads.js';

/**
 * fast-check arbitraries derived from the JSON schemas of the OpenAPI document: values that fit the schema (so a
 * request reaches the service), and mutations of them (wrong types, nulls, huge and odd strings, extra fields,
 * hostile text, out-of-range numbers, impossible dates) that must be refused with a 4xx.
 */
export interface FuzzContext {
  /** Ids that exist in the caller's organisation (plans, goals, people, ...), so some requests reach the data. */
  ownIds: readonly string[];
  /** Ids that exist in another organisation: must answer as if they did not exist. */
  foreignIds: readonly string[];
}

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

const badDates = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-14:00',
  '-000001-01-01',
  '1900-01-01',
  '9999-12-31',
  '2026-1-1',
  '31/12/2026',
  '2026-12-31T25:61:00Z',
  '',
];

const oddStrings = fc.oneof(
  fc.constantFrom(...allPayloads.map((p) => p.value)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uDFFF x',
    ' ',
    '\t\n',
    '\u202E',
    '%00',
    '..%2f..%2f',
    'null',
  ),
  fc.constantFrom(...badDates),
);

/** Long strings: just over common limits, and far beyond them (the body limit has a test of its own). */
const hugeStrings = fc.constantFrom(201, 2001, 4001, 20_001, 100_001).map((n) => 'é'.repeat(n));

const oddNumbers = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 2 ** 31, -(2 ** 31) - 1, 1e-7),
  fc.double({ noNaN: true }),
  fc.integer(),
);

/** Any value that is probably not what a field wants. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddStrings },
  { weight: 1, arbitrary: hugeStrings },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, ['a', 'b']) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function stringFor(schema: JsonSchema, ctx: FuzzContext): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 60));
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { weight: 3, arbitrary: ctx.ownIds.length > 0 ? fc.constantFrom(...ctx.ownIds) : fc.uuid() },
        { weight: 1, arbitrary: ctx.foreignIds.length > 0 ? fc.constantFrom(...ctx.foreignIds) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
      );
    case 'date':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= Math.min(schema.maxLength ?? 254, 254));
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: max }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...allPayloads.map((p) => p.value))
        .map((v) => (v.length > max ? v.slice(0, max) : v))
        .filter((v) => v.length >= min),
    },
  );
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const hi =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  // Mostly small values near the lower bound, sometimes the bounds themselves.
  const near = Math.min(hi, lo + 1000);
  if (integer)
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: Math.ceil(lo), max: Math.floor(near) }) },
      { weight: 1, arbitrary: fc.constantFrom(Math.ceil(lo), Math.floor(hi)) },
    );
  return fc.oneof(
    { weight: 4, arbitrary: fc.double({ min: lo, max: near, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
  );
}

/** A value that fits the schema (as far as JSON Schema says: refinements in the code may still refuse it). */
export function validValue(schema: JsonSchema, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validValue(s, ctx, depth)));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validValue({ ...schema, type }, ctx, depth)));
  switch (types[0]) {
    case 'string':
      return stringFor(schema, ctx);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(validValue(schema.items ?? {}, ctx, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectFor(schema, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectFor(
  schema: JsonSchema,
  ctx: FuzzContext,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  if (depth > 4) return fc.constant({});
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const required = new Set(schema.required ?? []);
  const record =
    names.length > 0
      ? fc.record(
          Object.fromEntries(names.map((name) => [name, validValue(properties[name]!, ctx, depth + 1)])),
          { requiredKeys: names.filter((n) => required.has(n)) },
        )
      : fc.constant({} as Record<string, unknown>);
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    const keys = schema.propertyNames
      ? (validValue(schema.propertyNames, ctx, depth + 1) as fc.Arbitrary<string>)
      : fc.string({ minLength: 1, maxLength: 20 });
    return fc
      .tuple(record, fc.dictionary(keys, validValue(extra, ctx, depth + 1), { maxKeys: 3 }))
      .map(([known, more]) => ({ ...more, ...known }));
  }
  return record as fc.Arbitrary<Record<string, unknown>>;
}

/** Fields that a client must never be able to set through a body (mass assignment). */
export const forbiddenFields = [
  'organisationId',
  'organisation_id',
  'ownerId',
  'employeeId',
  'role',
  'roles',
  'isAdmin',
  'phase',
  'approvedAt',
  'employeeApprovedAt',
  'managerApprovedAt',
  'id',
  'createdAt',
  'passwordHash',
  '__proto__',
  'constructor',
];

/** A body for the schema: valid, valid with fields broken, with extra fields, or something else entirely. */
export function bodyFor(schema: JsonSchema, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const valid = validValue(schema, ctx);
  const isObject = typesOf(schema).includes('object');
  const broken = isObject
    ? fc
        .tuple(
          valid,
          fc.array(fc.tuple(fc.constantFrom(...Object.keys(schema.properties ?? { x: {} })), badValue), {
            minLength: 1,
            maxLength: 3,
          }),
        )
        .map(([body, changes]) => {
          const copy = { ...(body as Record<string, unknown>) };
          for (const [key, value] of changes) copy[key] = value;
          return copy;
        })
    : badValue;
  const extra = isObject
    ? fc
        .tuple(valid, fc.constantFrom(...forbiddenFields), badValue)
        .map(([body, key, value]) => ({ ...(body as object), [key]: value }))
    : badValue;
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: broken },
    { weight: 1, arbitrary: extra },
    { weight: 1, arbitrary: badValue },
  );
}

/** A path parameter: an id of the caller's organisation, of another one, random, very long, or hostile. */
export function pathValueFor(schema: JsonSchema, ctx: FuzzContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: validValue(schema, ctx).map(String) },
    { weight: 1, arbitrary: ctx.foreignIds.length > 0 ? fc.constantFrom(...ctx.foreignIds) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('9'.repeat(250), 'a'.repeat(1000), '-1', '0', '1e308') },
    { weight: 1, arbitrary: fc.constantFrom(...allPayloads.map((p) => p.value)) },
  );
}

/** Percent-encoding that survives lone surrogates (sent as U+FFFD, as a browser would). */
export const encode = (value: string): string =>
  encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));

/** A query string for the parameters: some valid, some broken, some repeated or unknown. */
export function queryFor(
  parameters: Array<{ name: string; schema: JsonSchema }>,
  ctx: FuzzContext,
): fc.Arbitrary<string> {
  const one = (p: { name: string; schema: JsonSchema }) =>
    fc.oneof(
      { weight: 3, arbitrary: validValue(p.schema, ctx).map((v) => [[p.name, String(v)]]) },
      {
        weight: 2,
        arbitrary: badValue.map((v) => [[p.name, typeof v === 'string' ? v : JSON.stringify(v)]]),
      },
      {
        weight: 1,
        arbitrary: fc.constant([
          [p.name, 'a'],
          [p.name, 'b'],
        ]),
      },
      { weight: 2, arbitrary: fc.constant([] as string[][]) },
    );
  const unknown = fc.oneof(
    { weight: 3, arbitrary: fc.constant([] as string[][]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('organisationId', 'role', '__proto__', 'x'), oddStrings)
        .map(([k, v]) => [[k, v]]),
    },
  );
  return fc.tuple(fc.tuple(...parameters.map(one)), unknown).map(([pairs, extra]) => {
    const all = [...pairs.flat(), ...extra] as Array<[string, string]>;
    return all.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  });
}
