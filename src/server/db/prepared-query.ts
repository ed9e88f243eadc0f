import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type DialectAdapter,
  type Kysely,
  type QueryResult,
  type RootOperationNode,
} from 'kysely';

/**
 * Statements of a fixed shape, built and compiled by Kysely once per dialect and then run with new values.
 *
 * Kysely builds an immutable tree of nodes for every query and compiles it to SQL on every call: 30-45 µs per
 * statement on the benchmark machine, a tenth of a saved goal's CPU (ten statements) and paid again by every request
 * for its session. A prepared query runs `build` once with named placeholders in the value positions, keeps the SQL
 * and where each placeholder landed in the parameter list, and from then on only fills in the parameters. The SQL is
 * the same text the query builder would make, so the statement caches below it (SQLite's prepared statements,
 * PostgreSQL's named statements) see one text per shape as before.
 *
 * A placeholder may stand only where Kysely makes a parameter of a value (comparisons, `set`, `values`, `limit`).
 * Caught: a placeholder that ends up as text (an immediate value, an identifier) or not at all fails at its first
 * compilation, as does one on the right of `is` / `is not` (Kysely writes `is null` for a null there); a list given
 * for one (an `in` of any length) fails when it is run. Not caught, so not allowed: branching on a placeholder in
 * `build` (`p.x ? ... : ...`, `$if`), object filters (`eb.and({ column: p.x })`, which write `is` for null), and
 * `withSchema` / `withPlugin` (the compiled text is kept per dialect, not per schema or plugin).
 */

class Placeholder {
  constructor(readonly name: string) {}
  // Kysely turns an immediate value (`sql.lit`, identifiers) into text: a placeholder must never get there.
  toString(): string {
    throw new Error(`prepared query: placeholder "${this.name}" used where Kysely does not make a parameter`);
  }
}

type Slot = { placeholder: string } | { fixed: unknown };

interface Template {
  sql: string;
  query: RootOperationNode;
  slots: Slot[];
}

/** The adapter of a database or transaction: one per dialect and connection (a transaction shares its database's). */
function adapterOf<DB>(db: Kysely<DB>): DialectAdapter {
  return db.getExecutor().adapter;
}

function compileTemplate<DB, P extends object>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, params: P) => Compilable<unknown>,
): Template {
  const placeholders = new Map<string, Placeholder>();
  const params = new Proxy({} as P, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let placeholder = placeholders.get(name);
      if (!placeholder) {
        placeholder = new Placeholder(name);
        placeholders.set(name, placeholder);
      }
      return placeholder;
    },
  });
  const compiled = build(db, params).compile();
  refuseIsPlaceholder(compiled.query);
  const slots = compiled.parameters.map((value): Slot => {
    if (value instanceof Placeholder) return { placeholder: value.name };
    return { fixed: value };
  });
  const used = new Set(slots.flatMap((slot) => ('placeholder' in slot ? [slot.placeholder] : [])));
  for (const name of placeholders.keys()) {
    if (!used.has(name)) throw new Error(`prepared query: placeholder "${name}" did not become a parameter`);
  }
  return { sql: compiled.sql, query: compiled.query, slots };
}

const isOperators = new Set(['is', 'is not']);

/** `is` / `is not` with a placeholder: Kysely chooses `is null` or `= ?` by the value, which is not known yet. */
function refuseIsPlaceholder(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) refuseIsPlaceholder(item);
    return;
  }
  if (node === null || typeof node !== 'object' || node instanceof Placeholder) return;
  const record = node as Record<string, unknown>;
  if (record.kind === 'BinaryOperationNode') {
    const operator = (record.operator as { operator?: string } | undefined)?.operator;
    const right = record.rightOperand as { kind?: string; value?: unknown } | undefined;
    if (
      operator &&
      isOperators.has(operator) &&
      right?.kind === 'ValueNode' &&
      right.value instanceof Placeholder
    ) {
      throw new Error(`prepared query: placeholder "${right.value.name}" on the right of "${operator}"`);
    }
  }
  for (const value of Object.values(record)) refuseIsPlaceholder(value);
}

/**
 * Where a database's fixed-shape statements run outside a transaction when that is not the database itself: on
 * PostgreSQL, a pool whose connections plan each of them once (`connect()`, decisions/0019). A transaction's
 * statements stay on its own connection.
 */
// biome-ignore lint/suspicious/noExplicitAny: one map for databases of any schema; `runPreparedOn` keeps the pair typed
const statementRunners = new WeakMap<Kysely<any>, Kysely<any>>();

/** Runs `db`'s prepared queries outside transactions on `runner`, a database of the same schema and data. */
export function runPreparedOn<DB>(db: Kysely<DB>, runner: Kysely<DB>): void {
  statementRunners.set(db, runner);
}

/** Where `db`'s prepared queries run outside transactions: `runPreparedOn`'s runner, or `db` itself. */
export function preparedRunnerOf<DB>(db: Kysely<DB>): Kysely<DB> {
  return (statementRunners.get(db) as Kysely<DB> | undefined) ?? db;
}

export interface PreparedQuery<DB, P, O> {
  /** Every row the statement answers. */
  execute(db: Kysely<DB>, values: P): Promise<O[]>;
  /** The first row, or undefined. */
  executeTakeFirst(db: Kysely<DB>, values: P): Promise<O | undefined>;
  /** The driver's whole result, with the number of rows a write changed. */
  run(db: Kysely<DB>, values: P): Promise<QueryResult<O>>;
  /** The statement as it runs with `values`: for tests and `EXPLAIN`. */
  compile(db: Kysely<DB>, values: P): CompiledQuery<O>;
}

/**
 * `build` receives the database and an object of placeholders, one per value the statement takes:
 *
 *   const goalById = preparedQuery((db: Db, p: { organisationId: string; id: string }) =>
 *     db.selectFrom('goals').selectAll().where('organisation_id', '=', p.organisationId).where('id', '=', p.id));
 *   const goal = await goalById.executeTakeFirst(db, { organisationId, id });
 */
export function preparedQuery<DB, P extends object, O>(
  build: (db: Kysely<DB>, params: P) => Compilable<O>,
): PreparedQuery<DB, P, O> {
  const templates = new WeakMap<DialectAdapter, Template>();
  const templateFor = (db: Kysely<DB>): Template => {
    const adapter = adapterOf(db);
    let template = templates.get(adapter);
    if (!template) {
      template = compileTemplate(db, build);
      templates.set(adapter, template);
    }
    return template;
  };
  const compile = (db: Kysely<DB>, values: P): CompiledQuery<O> => {
    const template = templateFor(db);
    const record = values as Record<string, unknown>;
    const parameters = template.slots.map((slot) => {
      if (!('placeholder' in slot)) return slot.fixed;
      const value = record[slot.placeholder];
      if (value === undefined) throw new Error(`prepared query: no value for "${slot.placeholder}"`);
      // A list stands for as many parameters as it has items: its shape is not fixed (`in`), so not prepared.
      if (Array.isArray(value)) throw new Error(`prepared query: "${slot.placeholder}" cannot take a list`);
      return value;
    });
    return { sql: template.sql, parameters, query: template.query, queryId: createQueryId() };
  };
  const run = (db: Kysely<DB>, values: P): Promise<QueryResult<O>> =>
    preparedRunnerOf(db).executeQuery(compile(db, values));
  return {
    compile,
    run,
    async execute(db, values) {
      return (await run(db, values)).rows;
    },
    async executeTakeFirst(db, values) {
      return (await run(db, values)).rows[0];
    },
  };
}

/**
 * Prepared queries for a statement whose shape depends on a few things (which columns an update sets), one per
 * shape, built on first use. `limit` bounds the number of shapes kept; a shape beyond it is still run, compiled as a
 * one-off.
 */
export function preparedFamily<S, DB, P extends object, O>(
  keyOf: (shape: S) => string,
  build: (shape: S) => PreparedQuery<DB, P, O>,
  limit = 256,
): (shape: S) => PreparedQuery<DB, P, O> {
  const family = new Map<string, PreparedQuery<DB, P, O>>();
  return (shape) => {
    const key = keyOf(shape);
    const known = family.get(key);
    if (known) return known;
    const prepared = build(shape);
    if (family.size < limit) family.set(key, prepared);
    return prepared;
  };
}

const plainTypes = new Set(['string', 'number', 'boolean', 'bigint']);

/**
 * The columns of `values` a statement writes (Kysely skips undefined ones), or null when a value is not one a
 * placeholder can stand for (an expression, a function, a Date): such a statement is built as a one-off.
 */
export function plainColumns(values: object): string[] | null {
  const columns: string[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (value !== null && !plainTypes.has(typeof value)) return null;
    columns.push(column);
  }
  return columns;
}
