import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';
import { fillPath, operations } from '../support/openapi.js';

/**
 * Mass assignment: a request may only set the fields its contract names. Owner, organisation, role, phase and
 * approval fields sent along with a legitimate change are refused as a whole (422 naming the field), and nothing
 * changes. Also: version tricks. Concurrent saves are in concurrency.test.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers
type Json = any;

async function json(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  return r.json() as Json;
}

async function world(h: Harness) {
  const org = await h.createOrganisation();
  const other = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const employee = await h.createPerson(org.id, { managerId: manager.id });
  const hrOnly = await h.createPerson(org.id, { roles: ['employee', 'hr'] });
  const admin = await h.login(org.admin);
  const m = await h.login(manager);
  const e = await h.login(employee);
  const hr = await h.login(hrOnly);
  const created = await json(m.post('/api/plans', { employeeId: employee.id }), 201);
  const point = await json(e.post(`/api/plans/${created.id}/talking-points`, { text: 'Werkdruk' }), 201);
  await json(
    m.post(`/api/plans/${created.id}/events`, { event: 'start_conversation', version: created.version }),
  );
  const goal = await json(m.post(`/api/plans/${created.id}/goals`, { title: 'Beter plannen' }), 201);
  const action = await json(
    m.post(`/api/goals/${goal.id}/actions`, { type: 'training', description: 'Opleiding plannen' }),
    201,
  );
  const followUp = await json(
    m.post(`/api/plans/${created.id}/follow-ups`, { plannedDate: '2026-09-15' }),
    201,
  );
  const team = await json(admin.post('/api/teams', { name: 'Woonvorm De Linde' }), 201);
  return {
    org,
    other,
    manager,
    employee,
    hrOnly,
    admin,
    m,
    e,
    hr,
    planId: created.id as string,
    point,
    goal,
    action,
    followUp,
    team,
  };
}

/** Everything a forbidden field could have changed, as the parties and HR read it. */
async function snapshot(w: Awaited<ReturnType<typeof world>>) {
  const [plan, prep, people, organisation, me, teams] = await Promise.all([
    json(w.m.get(`/api/plans/${w.planId}`)),
    json(w.e.get(`/api/plans/${w.planId}/preparations/mine`)),
    json(w.admin.get('/api/people?status=all')),
    json(w.admin.get('/api/organisation')),
    json(w.hr.get('/api/auth/me')),
    json(w.admin.get('/api/teams')),
  ]);
  return JSON.stringify({ plan, prep, people, organisation, me: { ...me, csrfToken: undefined }, teams });
}

function expectRefusedField(response: { statusCode: number; body: string; json(): unknown }, field: string) {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(422);
  const error = (response.json() as Json).error;
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.fields.map((f: { path: string }) => f.path)).toContain(field);
  const named = error.fields.find((f: { path: string }) => f.path === field);
  expect(named.message).toBeTruthy();
  if (named.code === 'unknown_field') expect(named.message).toContain(field);
}

describeEachDatabase('mass assignment', (h) => {
  it('refuses owner, organisation, role, phase and approval fields on every write route, changing nothing', async () => {
    const w = await world(h);
    const prep = await json(w.e.get(`/api/plans/${w.planId}/preparations/mine`));
    const plan = await json(w.m.get(`/api/plans/${w.planId}`));
    const person = await json(w.admin.get(`/api/people/${w.employee.id}`));
    const hrSelf = await json(w.admin.get(`/api/people/${w.hrOnly.id}`));
    const organisation = await json(w.admin.get('/api/organisation'));
    const newPerson = { firstName: 'Nieuwe', lastName: 'Collega', email: 'nieuw@example.org' };
    const cases: Array<{
      who: Client;
      method: 'POST' | 'PATCH' | 'PUT';
      url: string;
      body: object;
      field: string;
    }> = [
      // People.
      {
        who: w.admin,
        method: 'POST',
        url: '/api/people',
        body: { ...newPerson, organisationId: w.other.id },
        field: 'organisationId',
      },
      {
        who: w.admin,
        method: 'POST',
        url: '/api/people',
        body: { ...newPerson, id: w.employee.id },
        field: 'id',
      },
      {
        who: w.admin,
        method: 'POST',
        url: '/api/people',
        body: { ...newPerson, passwordHash: 'x' },
        field: 'passwordHash',
      },
      {
        who: w.admin,
        method: 'PATCH',
        url: `/api/people/${w.employee.id}`,
        body: { firstName: 'X', organisationId: w.other.id, version: person.version },
        field: 'organisationId',
      },
      {
        who: w.admin,
        method: 'PATCH',
        url: `/api/people/${w.employee.id}`,
        body: { firstName: 'X', hasAccount: true, version: person.version },
        field: 'hasAccount',
      },
      {
        who: w.admin,
        method: 'PATCH',
        url: `/api/people/${w.employee.id}`,
        body: { firstName: 'X', lastLoginAt: '2026-01-01T00:00:00Z', version: person.version },
        field: 'lastLoginAt',
      },
      // Self-update: the own profile carries the language only.
      {
        who: w.hr,
        method: 'PATCH',
        url: '/api/auth/me',
        body: { locale: 'en', roles: ['admin'] },
        field: 'roles',
      },
      {
        who: w.e,
        method: 'PATCH',
        url: '/api/auth/me',
        body: { locale: 'en', organisationId: w.other.id },
        field: 'organisationId',
      },
      // Organisation settings.
      {
        who: w.admin,
        method: 'PATCH',
        url: '/api/organisation',
        body: { name: 'X', isDemo: true, version: organisation.version },
        field: 'isDemo',
      },
      {
        who: w.admin,
        method: 'PATCH',
        url: '/api/organisation',
        body: { name: 'X', id: w.other.id, version: organisation.version },
        field: 'id',
      },
      // Teams.
      {
        who: w.admin,
        method: 'POST',
        url: '/api/teams',
        body: { name: 'Nieuw team', organisationId: w.other.id },
        field: 'organisationId',
      },
      {
        who: w.admin,
        method: 'PATCH',
        url: `/api/teams/${w.team.id}`,
        body: { name: 'X', memberCount: 99, version: w.team.version },
        field: 'memberCount',
      },
      // Plans.
      {
        who: w.m,
        method: 'POST',
        url: '/api/plans',
        body: { employeeId: w.manager.id, organisationId: w.other.id },
        field: 'organisationId',
      },
      {
        who: w.m,
        method: 'POST',
        url: '/api/plans',
        body: { employeeId: w.employee.id, phase: 'approved' },
        field: 'phase',
      },
      {
        who: w.m,
        method: 'POST',
        url: '/api/plans',
        body: { employeeId: w.employee.id, managerId: w.hrOnly.id },
        field: 'managerId',
      },
      {
        who: w.e,
        method: 'POST',
        url: '/api/plans/requests',
        body: { employeeId: w.manager.id },
        field: 'employeeId',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', phase: 'approved', version: plan.version },
        field: 'phase',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', employeeApprovedAt: '2026-01-01T00:00:00Z', version: plan.version },
        field: 'employeeApprovedAt',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', managerApprovedAt: '2026-01-01T00:00:00Z', version: plan.version },
        field: 'managerApprovedAt',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', approvedVersion: 7, version: plan.version },
        field: 'approvedVersion',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', employeeId: w.manager.id, version: plan.version },
        field: 'employeeId',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/plans/${w.planId}`,
        body: { facilities: 'X', organisationId: w.other.id, version: plan.version },
        field: 'organisationId',
      },
      {
        who: w.e,
        method: 'POST',
        url: `/api/plans/${w.planId}/events`,
        body: { event: 'approve', party: 'manager', version: plan.version },
        field: 'party',
      },
      // Preparations and talking points: always the caller's own.
      {
        who: w.e,
        method: 'PUT',
        url: `/api/plans/${w.planId}/preparations/mine`,
        body: { answers: {}, party: 'manager', version: prep.version },
        field: 'party',
      },
      {
        who: w.e,
        method: 'PUT',
        url: `/api/plans/${w.planId}/preparations/mine`,
        body: { answers: {}, shared: true, version: prep.version },
        field: 'shared',
      },
      {
        who: w.e,
        method: 'PUT',
        url: `/api/plans/${w.planId}/preparations/mine`,
        body: { answers: {}, ownerId: w.manager.id, version: prep.version },
        field: 'ownerId',
      },
      {
        who: w.e,
        method: 'POST',
        url: `/api/plans/${w.planId}/talking-points`,
        body: { text: 'X', party: 'manager' },
        field: 'party',
      },
      {
        who: w.e,
        method: 'PATCH',
        url: `/api/plans/${w.planId}/talking-points/${w.point.id}`,
        body: { text: 'X', planId: w.planId, version: w.point.version },
        field: 'planId',
      },
      // Goals and actions.
      {
        who: w.m,
        method: 'POST',
        url: `/api/plans/${w.planId}/goals`,
        body: { title: 'X', planId: w.planId },
        field: 'planId',
      },
      {
        who: w.m,
        method: 'POST',
        url: `/api/plans/${w.planId}/goals`,
        body: { title: 'X', acceptableByEmployee: true },
        field: 'acceptableByEmployee',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/goals/${w.goal.id}`,
        body: { title: 'X', acceptableByEmployee: true, version: w.goal.version },
        field: 'acceptableByEmployee',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/goals/${w.goal.id}`,
        body: { title: 'X', organisationId: w.other.id, version: w.goal.version },
        field: 'organisationId',
      },
      {
        who: w.m,
        method: 'POST',
        url: `/api/goals/${w.goal.id}/actions`,
        body: { type: 'training', description: 'X', goalId: w.goal.id },
        field: 'goalId',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/actions/${w.action.id}`,
        body: { description: 'X', status: 'done', version: w.action.version },
        field: 'status',
      },
      {
        who: w.e,
        method: 'PATCH',
        url: `/api/actions/${w.action.id}/progress`,
        body: { status: 'done', approvedAt: '2026-01-01T00:00:00Z', version: w.action.version },
        field: 'approvedAt',
      },
      {
        who: w.e,
        method: 'POST',
        url: `/api/actions/${w.action.id}/comments`,
        body: { text: 'X', authorId: w.manager.id },
        field: 'authorId',
      },
      // Follow-ups and evaluations.
      {
        who: w.m,
        method: 'POST',
        url: `/api/plans/${w.planId}/follow-ups`,
        body: { plannedDate: '2026-10-01', heldAt: '2026-10-01' },
        field: 'heldAt',
      },
      {
        who: w.m,
        method: 'PATCH',
        url: `/api/follow-ups/${w.followUp.id}`,
        body: { notes: 'X', heldAt: '2026-10-01', version: w.followUp.version },
        field: 'heldAt',
      },
      {
        who: w.e,
        method: 'PUT',
        url: `/api/plans/${w.planId}/evaluations/mine`,
        body: { goalsReached: 'X', submittedAt: '2026-10-01T00:00:00Z', version: 1 },
        field: 'submittedAt',
      },
      {
        who: w.e,
        method: 'PUT',
        url: `/api/plans/${w.planId}/evaluations/mine`,
        body: { goalsReached: 'X', party: 'manager', version: 1 },
        field: 'party',
      },
      // Roles: only through the people form, by those allowed to grant them.
      {
        who: w.hr,
        method: 'PATCH',
        url: `/api/people/${w.hrOnly.id}`,
        body: { roles: ['admin'], isAdmin: true, version: hrSelf.version },
        field: 'isAdmin',
      },
    ];
    const before = await snapshot(w);
    for (const c of cases) {
      const response = await c.who.request({ method: c.method, url: c.url, payload: c.body });
      expectRefusedField(response, c.field);
    }
    expect(await snapshot(w)).toBe(before);
  });

  it('names the refused field in the person’s language', async () => {
    const w = await world(h);
    const refused = await w.e.post(`/api/plans/${w.planId}/talking-points`, { text: 'X', party: 'manager' });
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'party', code: 'unknown_field' });
    expect(refused.json().error.fields[0].message).toMatch(/party/);
    expect(refused.json().error.message).toMatch(/[a-z]/);
  });

  it('does not let HR grant itself the beheerder role, nor change another organisation’s people', async () => {
    const w = await world(h);
    const hrSelf = await json(w.admin.get(`/api/people/${w.hrOnly.id}`));
    const before = await snapshot(w);
    const escalate = await w.hr.patch(`/api/people/${w.hrOnly.id}`, {
      roles: ['employee', 'hr', 'admin'],
      version: hrSelf.version,
    });
    expect(escalate.statusCode).toBe(403);
    const foreignAdmin = await h.login(w.other.admin);
    const foreign = await foreignAdmin.patch(`/api/people/${w.employee.id}`, {
      firstName: 'Overgenomen',
      version: 1,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignGoal = await foreignAdmin.patch(`/api/goals/${w.goal.id}`, {
      title: 'Overgenomen',
      version: 1,
    });
    expect(foreignGoal.statusCode).toBe(404);
    expect(await snapshot(w)).toBe(before);
  });

  it('refuses version tricks: missing, zero, negative, fractional, huge, text, or an array', async () => {
    const w = await world(h);
    const before = await snapshot(w);
    // 2^31 and MAX_SAFE_INTEGER do not fit the database's integer column: PostgreSQL answered 500 (found by fuzzing).
    for (const version of [undefined, 0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e20, '1', [1], null]) {
      const response = await w.m.patch(`/api/goals/${w.goal.id}`, {
        title: 'Overschreven',
        ...(version === undefined ? {} : { version }),
      });
      expectRefusedField(response, 'version');
    }
    // A version from the future is a conflict, not a write.
    const future = await w.m.patch(`/api/goals/${w.goal.id}`, { title: 'Overschreven', version: 999 });
    expect(future.statusCode).toBe(409);
    expect(future.json().error.currentVersion).toBe(w.goal.version);
    for (const version of ['abc', '2147483648', '9007199254740991', '-1']) {
      const badDelete = await w.m.delete(`/api/goals/${w.goal.id}?version=${version}`);
      expect(badDelete.statusCode).toBe(422);
    }
    expect(await snapshot(w)).toBe(before);
  });

  it('refuses a version beyond the database integer on every versioned route (PostgreSQL answered 500)', async () => {
    const w = await world(h);
    const doc = (await h.anonymous().get('/api/openapi.json')).json();
    let checked = 0;
    for (const op of operations(doc)) {
      const inBody = op.body?.properties?.version !== undefined;
      const inQuery = op.query.some((q) => q.name === 'version');
      if (!inBody && !inQuery) continue;
      const paramValue = (schema: { type?: unknown; enum?: unknown[]; minimum?: number }) =>
        schema.enum
          ? String(schema.enum[0])
          : schema.type === 'integer' || schema.type === 'number'
            ? String(Math.max(schema.minimum ?? 1, 2026))
            : w.goal.id;
      const url = fillPath(op.path, Object.fromEntries(op.params.map((p) => [p.name, paramValue(p.schema)])));
      for (const big of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
        const response = await w.admin.request({
          method: op.method as 'POST',
          url: inQuery ? `${url}?version=${big}` : url,
          ...(inBody ? { payload: { version: big } } : {}),
        });
        expect(response.statusCode, `${op.method} ${op.path}: ${response.body.slice(0, 200)}`).toBe(422);
        expect(response.json().error.fields.map((f: { path: string }) => f.path)).toContain(
          inQuery ? 'querystring.version' : 'version',
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
