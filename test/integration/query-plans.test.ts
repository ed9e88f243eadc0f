import { CompiledQuery } from 'kysely';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

/**
 * The queries of the hot pages use an index (never a full scan of the large tables) and their number does not grow
 * with the plan: see docs/performance.md. SQLite is checked with EXPLAIN QUERY PLAN as it plans without statistics
 * (nothing runs ANALYZE), PostgreSQL with EXPLAIN under enable_seqscan = off, which answers whether an index can
 * serve the query at all.
 */

/**
 * Tables with a row per plan, goal, action or follow-up, and the people: up to hundreds of thousands of rows in a
 * large organisation; the audit log holds millions, and `plan_reads` a row per plan and reader.
 */
const largeTables = new Set([
  'people',
  'plans',
  'goals',
  'actions',
  'follow_ups',
  'follow_up_entries',
  'plan_versions',
  'preparations',
  'evaluations',
  'action_comments',
  'talking_points',
  'sessions',
  'audit_events',
  'plan_reads',
]);

/**
 * Runs `run` while recording every statement the app sends through its database handle, inside transactions too
 * (a transaction's executor is another instance of the same class, so the class's method is the one wrapped).
 */
async function recordQueries(h: Harness, run: () => Promise<unknown>): Promise<CompiledQuery[]> {
  const executorClass = Object.getPrototypeOf(h.ctx.database.db.getExecutor()) as {
    executeQuery: (query: CompiledQuery, ...rest: unknown[]) => Promise<unknown>;
  };
  const original = executorClass.executeQuery;
  const seen: CompiledQuery[] = [];
  executorClass.executeQuery = function (this: unknown, query: CompiledQuery, ...rest: unknown[]) {
    seen.push(query);
    return original.call(this, query, ...rest);
  };
  try {
    await run();
  } finally {
    executorClass.executeQuery = original;
  }
  return seen;
}

/** `"goals" as "g"` -> g: goals, and every table name to itself. */
function aliasesOf(sqlText: string): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const match of sqlText.matchAll(/"(\w+)" as "(\w+)"/g))
    aliases.set(match[2] as string, match[1] as string);
  for (const table of largeTables) aliases.set(table, table);
  return aliases;
}

/** What is wrong with a statement's plan on SQLite: full scans, or an index used for organisation_id alone. */
async function sqliteProblems(h: Harness, query: CompiledQuery): Promise<string[]> {
  const result = await h.ctx.database.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
  );
  const aliases = aliasesOf(query.sql);
  const problems: string[] = [];
  for (const { detail } of result.rows) {
    const match = /^(SCAN|SEARCH) (\w+)(?: USING (?:COVERING )?INDEX \w+ \(([^)]*)\))?/.exec(detail);
    if (!match) continue;
    const table = aliases.get(match[2] as string) ?? (match[2] as string);
    if (!largeTables.has(table)) continue;
    if (match[1] === 'SCAN') problems.push(`${table}: ${detail} in ${query.sql}`);
    else if (match[3] !== undefined && /^organisation_id=\?$/.test(match[3].trim()))
      problems.push(`${table} searched by organisation only: ${detail} in ${query.sql}`);
  }
  return problems;
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

/**
 * On PostgreSQL, with sequential scans switched off for this transaction only: a Seq Scan then means no index can
 * serve the query. Which index it takes is left to its statistics (analysed first, as autovacuum does): on the few
 * rows of a test it rightly prefers an organisation's whole, one-page range, which on SQLite (no statistics) is the
 * mistake the check above catches.
 */
async function postgresProblems(h: Harness, query: CompiledQuery): Promise<string[]> {
  const problems: string[] = [];
  await h.ctx.database.db.executeQuery(CompiledQuery.raw(`ANALYZE ${[...largeTables, 'teams'].join(', ')}`));
  await h.ctx.database.db.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
    const result = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PgNode }> }>(
      CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]),
    );
    const walk = (node: PgNode, heap?: string) => {
      const table = node['Relation Name'] ?? heap;
      if (table && largeTables.has(table)) {
        if (node['Node Type'] === 'Seq Scan') problems.push(`${table}: Seq Scan`);
      }
      const heapTable = node['Node Type'] === 'Bitmap Heap Scan' ? node['Relation Name'] : undefined;
      for (const child of node.Plans ?? []) walk(child, heapTable);
    };
    const plan = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (plan) walk(plan);
  });
  return problems;
}

const problemsOf = (h: Harness, query: CompiledQuery) =>
  h.dialect === 'sqlite' ? sqliteProblems(h, query) : postgresProblems(h, query);

/** Whether SQLite sorts the rows a statement finds before its LIMIT, instead of reading them in index order. */
async function sqliteSorts(h: Harness, query: CompiledQuery): Promise<boolean> {
  const result = await h.ctx.database.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
  );
  return result.rows.some(({ detail }) => /USE TEMP B-TREE FOR ORDER BY/.test(detail));
}

/** A page of the audit log that filters on nothing but the organisation (and the keyset cursor). */
const isWholeLogPage = (sqlText: string) => {
  const where = /from "audit_events" as "e".* where (.*) order by/.exec(sqlText)?.[1];
  return where !== undefined && /^"e"\."organisation_id" = \?( and "e"\."id" < \?)?$/.test(where);
};

async function fill(c: Client, planId: string, goals: number, actionsPerGoal: number): Promise<void> {
  for (let g = 0; g < goals; g++) {
    const goal = (await c.post(`/api/plans/${planId}/goals`, { title: `Ontwikkeldoel ${g + 1}` })).json();
    for (let a = 0; a < actionsPerGoal; a++) {
      const action = (
        await c.post(`/api/goals/${goal.id}/actions`, { type: 'training', description: `Opleiding ${a + 1}` })
      ).json();
      await c.post(`/api/actions/${action.id}/comments`, { text: 'Ingeschreven voor de sessie van maart.' });
    }
  }
  await c.post(`/api/plans/${planId}/talking-points`, { text: 'Werkdruk in het weekend' });
  await c.post(`/api/plans/${planId}/follow-ups`, { plannedDate: '2026-06-15' });
}

async function organisation(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const team = await h.createTeam(org.id, { managerId: manager.id });
  const members = [];
  for (let i = 0; i < 3; i++)
    members.push(await h.createPerson(org.id, { managerId: manager.id, teamId: team.id }));
  const m = await h.login(manager);
  const plans = [];
  for (const member of members) plans.push((await m.post('/api/plans', { employeeId: member.id })).json());
  return { org, manager, team, members, m, plans };
}

describeEachDatabase('query plans of the hot pages', (h) => {
  it('reads a plan page through indexes only', async () => {
    const { m, plans } = await organisation(h);
    await fill(m, plans[0].id, 3, 2);
    const queries = await recordQueries(h, async () => {
      const response = await m.get(`/api/plans/${plans[0].id}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().content.goals).toHaveLength(3);
    });
    expect(queries.length).toBeGreaterThan(5);
    const tablesRead = new Set(
      queries.flatMap((q) => [...aliasesOf(q.sql).values()].filter((t) => q.sql.includes(`"${t}"`))),
    );
    for (const table of ['plans', 'goals', 'actions', 'follow_ups', 'follow_up_entries', 'plan_versions'])
      expect(tablesRead, table).toContain(table);
    const problems = (await Promise.all(queries.map((q) => problemsOf(h, q)))).flat();
    expect(problems).toEqual([]);
  });

  it('saves a goal through indexes only, in as many statements for a goal with four actions as with one', async () => {
    const { m, plans } = await organisation(h);
    await fill(m, plans[0].id, 2, 1);
    const goals = (await m.get(`/api/plans/${plans[0].id}`)).json().content.goals as Array<{
      id: string;
      version: number;
    }>;
    const [small, large] = goals as [(typeof goals)[0], (typeof goals)[0]];
    for (let a = 0; a < 3; a++)
      await m.post(`/api/goals/${large.id}/actions`, { type: 'coaching', description: `Coaching ${a + 1}` });
    const save = (goal: { id: string; version: number }) =>
      recordQueries(h, async () => {
        const response = await m.patch(`/api/goals/${goal.id}`, {
          title: 'Gesprekstechnieken',
          version: goal.version,
        });
        expect(response.statusCode, response.body).toBe(200);
      });
    const first = await save(small);
    const second = await save((await m.get(`/api/goals/${large.id}`)).json());
    // The session, the goal with its plan, the goal's update, the plan's, the audit row, and the answer's actions
    // with their comments.
    expect(first.map((q) => q.sql.split(' ')[0])).toEqual([
      'select',
      'select',
      'update',
      'update',
      'insert',
      'select',
    ]);
    expect(second.map((q) => q.sql)).toEqual(first.map((q) => q.sql));
    const problems = (await Promise.all(first.map((q) => problemsOf(h, q)))).flat();
    expect(problems).toEqual([]);
  });

  it('reads the team view and the home page through indexes only', async () => {
    const { m, team, plans } = await organisation(h);
    await fill(m, plans[1].id, 2, 1);
    const queries = await recordQueries(h, async () => {
      const teamView = await m.get(`/api/team-view?teamId=${team.id}`);
      expect([200, 404]).toContain(teamView.statusCode);
      // Kept since: the settings with the fingerprint of the team's plans.
      expect((await m.get(`/api/team-view?teamId=${team.id}`)).statusCode).toBe(teamView.statusCode);
      const home = await m.get('/api/plans?as=manager&limit=500');
      expect(home.statusCode, home.body).toBe(200);
    });
    expect(queries.some((q) => /from "organisations" as "o" inner join \(select count/.test(q.sql))).toBe(
      true,
    );
    const problems = (await Promise.all(queries.map((q) => problemsOf(h, q)))).flat();
    expect(problems).toEqual([]);
  });

  it("reads a plan's audit log and the beheerder's search through indexes, newest first without a sort", async () => {
    const { org, manager, m, members, plans } = await organisation(h);
    await fill(m, plans[0].id, 2, 2);
    await m.get(`/api/plans/${plans[0].id}`); // the manager's read
    const employee = await h.login(members[0] as Awaited<ReturnType<typeof h.createPerson>>);
    const beheerder = await h.login(await h.createPerson(org.id, { roles: ['employee', 'admin'] }));
    const pages: string[] = [];
    const queries = await recordQueries(h, async () => {
      for (const [client, path] of [
        [employee, `/api/plans/${plans[0].id}/audit?limit=5`],
        [m, `/api/plans/${plans[0].id}/audit?limit=5`],
        [beheerder, '/api/audit?limit=5'],
        [beheerder, `/api/audit?subjectPersonId=${members[0]?.id}&limit=5`],
        [beheerder, `/api/audit?actorId=${manager.id}&limit=5`],
        [beheerder, '/api/audit?action=goal.created&limit=1'],
        [beheerder, '/api/audit?objectType=action&limit=1'],
      ] as const) {
        const response = await client.get(path);
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: unknown[]; nextCursor: number | null };
        expect(page.items.length).toBeGreaterThan(0);
        if (page.nextCursor) pages.push(`${path}&before=${page.nextCursor}`);
      }
      expect(pages.length).toBeGreaterThan(1);
      for (const path of pages) {
        const client = path.startsWith('/api/plans') ? employee : beheerder;
        expect((await client.get(path)).statusCode).toBe(200);
      }
    });
    const auditQueries = queries.filter((q) => q.sql.includes('from "audit_events" as "e"'));
    expect(auditQueries.length).toBeGreaterThanOrEqual(5);
    const problems = [];
    for (const query of queries) {
      const found = await problemsOf(h, query);
      // The newest-first page of the whole log walks audit_events_org (organisation_id, id) backwards and stops at
      // its limit: there the organisation is the whole key.
      problems.push(
        ...(isWholeLogPage(query.sql)
          ? found.filter((p) => !/^audit_events searched by organisation only: .*audit_events_org /.test(p))
          : found),
      );
      if (h.dialect === 'sqlite' && auditQueries.includes(query) && (await sqliteSorts(h, query)))
        problems.push(`sorted before its limit: ${query.sql}`);
    }
    expect(problems).toEqual([]);
  });

  it('finds the kind of plan it must refuse', async () => {
    // The check above can fail: a query that filters on a column no index covers is reported.
    const org = await h.createOrganisation();
    const scan = h.ctx.database.db
      .selectFrom('goals')
      .select('id')
      .where('title', '=', 'Beter leren omgaan met conflicten')
      .compile();
    expect((await problemsOf(h, scan)).join()).toMatch(/goals/);
    if (h.dialect !== 'sqlite') return;
    const byOrganisation = h.ctx.database.db
      .selectFrom('actions')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('description', '=', 'Opleiding 1')
      .compile();
    expect((await problemsOf(h, byOrganisation)).join()).toMatch(/actions/);
  });

  it('loads a plan page and a team view in a fixed number of queries whatever their size', async () => {
    const { org, manager, m, team, plans } = await organisation(h);
    await fill(m, plans[0].id, 1, 1);
    await fill(m, plans[1].id, 6, 3);
    const count = async (path: string) =>
      (
        await recordQueries(h, async () => {
          const response = await m.get(path);
          expect(response.statusCode, response.body).toBe(200);
        })
      ).length;
    const small = await count(`/api/plans/${plans[0].id}`);
    const large = await count(`/api/plans/${plans[1].id}`);
    expect(large).toBe(small);

    // Both counted after new people joined a view kept before: an unchanged answer is kept and costs fewer.
    const addPeople = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const person = await h.createPerson(org.id, { teamId: team.id, managerId: manager.id });
        await m.post('/api/plans', { employeeId: person.id });
      }
    };
    await count(`/api/team-view?teamId=${team.id}`);
    await addPeople(1);
    const before = await count(`/api/team-view?teamId=${team.id}`);
    await addPeople(5);
    const after = await count(`/api/team-view?teamId=${team.id}`);
    expect(after).toBe(before);
  });
});
