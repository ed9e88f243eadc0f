import { expect, it } from 'vitest';
import { actionYear } from '../../src/shared/pop/action-year.js';
import type { Timing } from '../../src/shared/pop/timing.js';
import { type Client, describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

/** Fires an event with the plan's current version, as the web app does after loading the plan. */
async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  return client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
}

async function fireOk(client: Client, planId: string, event: string) {
  const response = await fire(client, planId, event);
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

interface ActionSpec {
  cost: number;
  fundingSourceId?: string | null;
  timing?: Timing | null;
  type?: string;
  description?: string;
}

interface People {
  hr: TestPerson;
  manager: TestPerson;
  m: Client;
  hrClient: Client;
}

/**
 * A plan in the conversation phase for an employee of the manager, with one goal and the given actions, for the
 * calendar year 2027. Answers the plan and its action ids.
 */
async function planWith(
  h: Harness,
  people: People,
  employee: TestPerson,
  actions: ActionSpec[],
): Promise<{ id: string; actionIds: string[]; goalId: string; e: Client }> {
  const { m } = people;
  const started = await m.post('/api/plans', {
    employeeId: employee.id,
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    conversationAt: '2027-01-20T10:00:00+01:00',
  });
  expect(started.statusCode, started.body).toBe(201);
  const id = started.json().id as string;
  await fireOk(m, id, 'start_conversation');
  const goal = await m.post(`/api/plans/${id}/goals`, { title: 'Vorming rond agressie' });
  expect(goal.statusCode, goal.body).toBe(201);
  const actionIds: string[] = [];
  for (const [i, spec] of actions.entries()) {
    const created = await m.post(`/api/goals/${goal.json().id}/actions`, {
      type: spec.type ?? 'training',
      description: spec.description ?? `Actie ${i + 1}`,
      cost: spec.cost,
      timing: spec.timing === undefined ? { kind: 'date', date: '2027-05-10' } : spec.timing,
      ...(spec.fundingSourceId !== undefined ? { fundingSourceId: spec.fundingSourceId } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    actionIds.push(created.json().id);
  }
  return { id, actionIds, goalId: goal.json().id, e: await h.login(employee) };
}

async function approveBoth(people: People, plan: { id: string; e: Client }) {
  await fireOk(plan.e, plan.id, 'approve');
  return fireOk(people.m, plan.id, 'approve');
}

/** An organisation with HR, a manager who leads team A (with sub-team A1) and team B, and helpers. */
async function organisation(h: Harness) {
  h.clock.set('2027-01-10T09:00:00.000Z');
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Katrien' });
  const teamA = await h.createTeam(org.id, { name: 'Woonondersteuning', managerId: manager.id });
  const teamA1 = await h.createTeam(org.id, { name: 'De Linde', parentId: teamA.id });
  const teamB = await h.createTeam(org.id, { name: 'Dagbesteding', managerId: manager.id });
  const otherManager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const teamC = await h.createTeam(org.id, { name: 'Administratie', managerId: otherManager.id });
  const employee = (teamId: string) => h.createPerson(org.id, { managerId: manager.id, teamId });
  const people: People = {
    hr: org.admin,
    manager,
    m: await h.login(manager),
    hrClient: await h.login(org.admin),
  };
  const source = async (name: string, kind: string, rules?: string) => {
    const created = await people.hrClient.post('/api/funding-sources', {
      name,
      kind,
      ...(rules ? { rules } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  const budget = async (body: object) => {
    const created = await people.hrClient.post('/api/budgets', body);
    expect(created.statusCode, created.body).toBe(201);
    return created.json();
  };
  return {
    org,
    people,
    teams: { a: teamA.id, a1: teamA1.id, b: teamB.id, c: teamC.id },
    otherManager,
    employee,
    source,
    budget,
  };
}

describeEachDatabase('budgets and funding sources', (h) => {
  it('keeps funding sources: HR edits them, everyone reads their names', async () => {
    const o = await organisation(h);
    const vivo = await o.source(
      'VIVO sectorbudget',
      'vivo',
      'Opleidingen van erkende verstrekkers; aanvragen voor 1 maart.',
    );
    const duplicate = await o.people.hrClient.post('/api/funding-sources', {
      name: 'vivo SECTORBUDGET',
      kind: 'vivo',
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().error.fields).toEqual([
      expect.objectContaining({ path: 'name', code: 'name_taken' }),
    ]);
    const badKind = await o.people.hrClient.post('/api/funding-sources', { name: 'Iets', kind: 'lottery' });
    expect(badKind.statusCode).toBe(422);

    const hrList = (await o.people.hrClient.get('/api/funding-sources')).json().items;
    expect(hrList).toEqual([
      expect.objectContaining({
        id: vivo,
        name: 'VIVO sectorbudget',
        kind: 'vivo',
        active: true,
        rules: expect.stringMatching(/1 maart/),
      }),
    ]);
    const worker = await o.employee(o.teams.a);
    const w = await h.login(worker);
    const workerList = (await w.get('/api/funding-sources')).json().items;
    expect(workerList).toEqual([
      expect.objectContaining({ id: vivo, name: 'VIVO sectorbudget', rules: null }),
    ]);

    // Only HR changes sources; the manager and employee may not.
    expect((await w.post('/api/funding-sources', { name: 'Eigen middelen', kind: 'own' })).statusCode).toBe(
      403,
    );
    expect(
      (await o.people.m.patch(`/api/funding-sources/${vivo}`, { name: 'X', version: 1 })).statusCode,
    ).toBe(403);
    expect((await w.get(`/api/funding-sources/${vivo}`)).statusCode).toBe(403);

    const archived = await o.people.hrClient.patch(`/api/funding-sources/${vivo}`, {
      active: false,
      version: 1,
    });
    expect(archived.json()).toMatchObject({ active: false, version: 2 });
    const stale = await o.people.hrClient.patch(`/api/funding-sources/${vivo}`, {
      name: 'Nieuw',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });

    // Another organisation's source does not exist here.
    const other = await h.createOrganisation();
    const otherHr = await h.login(other.admin);
    expect((await otherHr.get(`/api/funding-sources/${vivo}`)).statusCode).toBe(404);
    expect(
      (await otherHr.patch(`/api/funding-sources/${vivo}`, { name: 'Van mij', version: 2 })).statusCode,
    ).toBe(404);
    expect((await otherHr.get('/api/funding-sources')).json().items).toEqual([]);
  });

  it('keeps budgets per year and scope, with validation and versions', async () => {
    const o = await organisation(h);
    const vivo = await o.source('VIVO sectorbudget', 'vivo');
    const hr = o.people.hrClient;
    const whole = await o.budget({ year: 2027, amount: 12_000, note: 'Vormingsbudget volgens de begroting' });
    expect(whole).toMatchObject({
      year: 2027,
      scope: 'organisation',
      teamId: null,
      fundingSourceId: null,
      amount: 12_000,
      currency: 'EUR',
      isHard: false,
      version: 1,
    });
    const teamSource = await o.budget({
      year: 2027,
      teamId: o.teams.b,
      fundingSourceId: vivo,
      amount: 800.5,
      isHard: true,
    });
    expect(teamSource).toMatchObject({
      scope: 'team_source',
      teamName: 'Dagbesteding',
      fundingSourceName: 'VIVO sectorbudget',
      isHard: true,
    });

    const negative = await hr.post('/api/budgets', { year: 2027, amount: -5 });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().error.fields[0]).toMatchObject({ path: 'amount' });
    const duplicate = await hr.post('/api/budgets', { year: 2027, amount: 10 });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toMatch(/bestaat al een budget/);
    // The same scope another year is fine.
    await o.budget({ year: 2028, amount: 13_000 });

    const other = await h.createOrganisation();
    const otherHr = await h.login(other.admin);
    const foreignTeam = await h.createTeam(other.id);
    const foreignSource = (
      await otherHr.post('/api/funding-sources', { name: 'Subsidie', kind: 'subsidy' })
    ).json();
    const foreign = await hr.post('/api/budgets', {
      year: 2027,
      teamId: foreignTeam.id,
      fundingSourceId: foreignSource.id,
      amount: 100,
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      foreign.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`),
    ).toEqual(['teamId:unknown_reference', 'fundingSourceId:unknown_reference']);
    // Another organisation's budget behaves as not found, for reading, changing and removing.
    expect((await otherHr.get(`/api/budgets/${whole.id}`)).statusCode).toBe(404);
    expect((await otherHr.patch(`/api/budgets/${whole.id}`, { amount: 1, version: 1 })).statusCode).toBe(404);
    expect((await otherHr.delete(`/api/budgets/${whole.id}?version=1`)).statusCode).toBe(404);
    expect((await otherHr.get('/api/budgets?year=2027')).json().items).toEqual([]);

    // Employees and managers read no budgets and change none.
    const w = await h.login(await o.employee(o.teams.a));
    for (const client of [w, o.people.m]) {
      expect((await client.get('/api/budgets?year=2027')).statusCode).toBe(403);
      expect((await client.post('/api/budgets', { year: 2029, amount: 1 })).statusCode).toBe(403);
      expect((await client.patch(`/api/budgets/${whole.id}`, { amount: 1, version: 1 })).statusCode).toBe(
        403,
      );
      expect((await client.delete(`/api/budgets/${whole.id}?version=1`)).statusCode).toBe(403);
    }
    expect((await w.get('/api/budgets/overview?year=2027')).statusCode).toBe(403);

    // Changing: moving onto a taken scope is refused; a stale version conflicts.
    const moved = await hr.patch(`/api/budgets/${teamSource.id}`, {
      teamId: null,
      fundingSourceId: null,
      version: 1,
    });
    expect(moved.statusCode).toBe(409);
    const changed = await hr.patch(`/api/budgets/${teamSource.id}`, {
      amount: 900,
      isHard: false,
      version: 1,
    });
    expect(changed.json()).toMatchObject({ amount: 900, isHard: false, version: 2 });
    expect((await hr.patch(`/api/budgets/${teamSource.id}`, { amount: 1, version: 1 })).statusCode).toBe(409);
    expect((await hr.delete(`/api/budgets/${teamSource.id}?version=1`)).statusCode).toBe(409);
    expect((await hr.delete(`/api/budgets/${teamSource.id}?version=2`)).statusCode).toBe(200);
    expect((await hr.get(`/api/budgets/${teamSource.id}`)).statusCode).toBe(404);

    const list = (await hr.get('/api/budgets?year=2027')).json();
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([whole.id]);
    // Without a year: the organisation's current year.
    expect((await hr.get('/api/budgets')).json().year).toBe(2027);
  });

  it('gives actions a funding source and a training-right flag, into versions, diffs and the next cycle', async () => {
    const o = await organisation(h);
    const vivo = await o.source('VIVO sectorbudget', 'vivo');
    const own = await o.source('Eigen middelen', 'own');
    const old = await o.source('Oude subsidie', 'subsidy');
    await o.people.hrClient.patch(`/api/funding-sources/${old}`, { active: false, version: 1 });
    const other = await h.createOrganisation();
    const foreign = (
      await (await h.login(other.admin)).post('/api/funding-sources', { name: 'Elders', kind: 'own' })
    ).json().id;

    const employee = await o.employee(o.teams.a);
    const plan = await planWith(h, o.people, employee, [{ cost: 300, fundingSourceId: vivo }]);
    const goalActions = `/api/goals/${plan.goalId}/actions`;
    for (const bad of [foreign, old]) {
      const refused = await o.people.m.post(goalActions, {
        type: 'training',
        description: 'X',
        fundingSourceId: bad,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.fields).toEqual([
        expect.objectContaining({ path: 'fundingSourceId', code: 'unknown_reference' }),
      ]);
    }
    const detail = (await o.people.m.get(`/api/plans/${plan.id}`)).json();
    const action = detail.content.goals[0].actions[0];
    expect(action).toMatchObject({ fundingSourceId: vivo, countsForTrainingRight: true });

    // The default follows the kind of action; a kind of the organisation's own may not count.
    const kind = (await o.people.hrClient.post('/api/action-types', { nameNl: 'Supervisie' })).json();
    await h.ctx.database.db
      .updateTable('action_types')
      .set({ counts_for_training_right: 0 })
      .where('id', '=', kind.id)
      .execute();
    const supervision = await o.people.m.post(goalActions, {
      type: kind.key,
      description: 'Supervisie',
      cost: 50,
    });
    expect(supervision.json()).toMatchObject({ countsForTrainingRight: false, fundingSourceId: null });
    const explicit = await o.people.m.post(goalActions, {
      type: kind.key,
      description: 'Supervisie extern',
      countsForTrainingRight: true,
    });
    expect(explicit.json().countsForTrainingRight).toBe(true);

    await approveBoth(o.people, plan);
    const v1 = (await o.people.m.get(`/api/plans/${plan.id}/versions/1`)).json();
    expect(v1.snapshot.goals[0].actions[0]).toMatchObject({
      fundingSourceId: vivo,
      fundingSourceName: 'VIVO sectorbudget',
      countsForTrainingRight: true,
    });

    // A source archived later stays on the action; a revision moves the cost to another source.
    await o.people.hrClient.patch(`/api/funding-sources/${vivo}`, { active: false, version: 1 });
    await fireOk(o.people.m, plan.id, 'start_revision');
    const current = (await o.people.m.get(`/api/plans/${plan.id}`)).json().content.goals[0].actions[0];
    const unchanged = await o.people.m.patch(`/api/actions/${current.id}`, {
      description: 'Training ‘omgaan met agressie’',
      fundingSourceId: vivo,
      version: current.version,
    });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    const moved = await o.people.m.patch(`/api/actions/${current.id}`, {
      fundingSourceId: own,
      countsForTrainingRight: false,
      version: unchanged.json().version,
    });
    expect(moved.json()).toMatchObject({ fundingSourceId: own, countsForTrainingRight: false });
    await approveBoth(o.people, plan);
    const diff = (await o.people.m.get(`/api/plans/${plan.id}/versions/1/diff/2`)).json();
    const changes = diff.actions.changed.find((a: { id: string }) => a.id === current.id).changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'fundingSourceId', from: vivo, to: own },
        { field: 'fundingSourceName', from: 'VIVO sectorbudget', to: 'Eigen middelen' },
        { field: 'countsForTrainingRight', from: true, to: false },
      ]),
    );

    // The next cycle takes the unfinished action along with its (still active) source and flag.
    await fireOk(o.people.m, plan.id, 'start_evaluation');
    const evaluated = (await o.people.m.get(`/api/plans/${plan.id}`)).json();
    const goal = evaluated.content.goals[0];
    await o.people.m.patch(`/api/goals/${goal.id}`, { evaluationResult: 'partly', version: goal.version });
    for (const [client, party] of [
      [plan.e, 'employee'],
      [o.people.m, 'manager'],
    ] as const) {
      const own = (await client.get(`/api/plans/${plan.id}`)).json().content.evaluations[party];
      const saved = await client.put(`/api/plans/${plan.id}/evaluations/mine`, {
        goalsReached: 'Deels.',
        version: own.version,
      });
      await client.post(`/api/plans/${plan.id}/evaluations/mine/submit`, { version: saved.json().version });
    }
    await fireOk(o.people.m, plan.id, 'close');
    const next = await o.people.m.post('/api/plans', {
      employeeId: employee.id,
      periodStart: '2028-01-01',
      previousPlanId: plan.id,
      carryGoalIds: [goal.id],
      carryActionIds: goal.actions.map((a: { id: string }) => a.id),
    });
    expect(next.statusCode, next.body).toBe(201);
    const carried = next.json().content.goals[0].actions;
    expect(
      carried.find((a: { carriedFromActionId: string }) => a.carriedFromActionId === current.id),
    ).toMatchObject({ fundingSourceId: own, countsForTrainingRight: false });
    expect(
      carried.find((a: { carriedFromActionId: string }) => a.carriedFromActionId === supervision.json().id),
    ).toMatchObject({ fundingSourceId: null, countsForTrainingRight: false });
  });

  it('sums planned, committed and spent per budget, source and team', async () => {
    const o = await organisation(h);
    const vivo = await o.source('VIVO sectorbudget', 'vivo');
    const own = await o.source('Eigen middelen', 'own');
    const whole = await o.budget({ year: 2027, amount: 5000 });
    const teamA = await o.budget({ year: 2027, teamId: o.teams.a, amount: 1000 });
    const vivoBudget = await o.budget({ year: 2027, fundingSourceId: vivo, amount: 2000 });
    const bVivo = await o.budget({
      year: 2027,
      teamId: o.teams.b,
      fundingSourceId: vivo,
      amount: 300,
      isHard: true,
    });
    await o.budget({ year: 2027, teamId: o.teams.c, amount: 50 });

    // P1 (team A), approved: 400 VIVO, 100 own (spent 120), 50 VIVO cancelled, 700 VIVO in 2028.
    const p1 = await planWith(h, o.people, await o.employee(o.teams.a), [
      { cost: 400, fundingSourceId: vivo },
      { cost: 100, fundingSourceId: own },
      { cost: 50, fundingSourceId: vivo },
      { cost: 700, fundingSourceId: vivo, timing: { kind: 'quarter', year: 2028, quarter: 1 } },
    ]);
    await approveBoth(o.people, p1);
    const actionOf = async (id: string) =>
      (await o.people.m.get(`/api/plans/${p1.id}`))
        .json()
        .content.goals[0].actions.find((a: { id: string }) => a.id === id);
    const paid = await actionOf(p1.actionIds[1] as string);
    expect(
      (
        await p1.e.patch(`/api/actions/${paid.id}/progress`, {
          status: 'done',
          actualCost: 120,
          actualStart: '2027-03-01',
          actualEnd: '2027-03-02',
          version: paid.version,
        })
      ).statusCode,
    ).toBe(200);
    const dropped = await actionOf(p1.actionIds[2] as string);
    await p1.e.patch(`/api/actions/${dropped.id}/progress`, {
      status: 'cancelled',
      version: dropped.version,
    });

    // P2 (sub-team A1), still in the conversation: 300 VIVO planned.
    await planWith(h, o.people, await o.employee(o.teams.a1), [{ cost: 300, fundingSourceId: vivo }]);

    // P3 (team B): 200 VIVO approved, then a revision raises it to 250.
    const p3 = await planWith(h, o.people, await o.employee(o.teams.b), [
      { cost: 200, fundingSourceId: vivo },
    ]);
    await approveBoth(o.people, p3);
    await fireOk(o.people.m, p3.id, 'start_revision');
    const revised = (await o.people.m.get(`/api/plans/${p3.id}`)).json().content.goals[0].actions[0];
    await o.people.m.patch(`/api/actions/${revised.id}`, { cost: 250, version: revised.version });

    // P4 (team A) was stopped: its 999 counts nowhere.
    const p4 = await planWith(h, o.people, await o.employee(o.teams.a), [
      { cost: 999, fundingSourceId: own },
    ]);
    await fireOk(o.people.m, p4.id, 'cancel');

    const overview = await o.people.hrClient.get('/api/budgets/overview?year=2027');
    expect(overview.statusCode, overview.body).toBe(200);
    const body = overview.json();
    expect(body).toMatchObject({ year: 2027, currency: 'EUR', scope: 'organisation', notCounted: [] });
    const budget = (id: string) => body.budgets.find((b: { id: string }) => b.id === id);
    expect(budget(whole.id)).toMatchObject({
      figures: { committed: 700, planned: 350, spent: 120 },
      remaining: 4300,
      projected: 1050,
      overCommitted: false,
      overSpent: false,
    });
    expect(budget(teamA.id)).toMatchObject({
      figures: { committed: 500, planned: 300, spent: 120 },
      remaining: 500,
    });
    expect(budget(vivoBudget.id)).toMatchObject({ figures: { committed: 600, planned: 350, spent: 0 } });
    expect(budget(bVivo.id)).toMatchObject({
      figures: { committed: 200, planned: 50 },
      projected: 250,
      remaining: 100,
      isHard: true,
      overProjected: false,
    });
    const source = (id: string | null) => body.sources.find((s: { id: string | null }) => s.id === id);
    expect(source(vivo)).toMatchObject({
      figures: { committed: 600, planned: 350, spent: 0 },
      budgetAmount: 2000,
    });
    expect(source(own)).toMatchObject({
      figures: { committed: 100, planned: 0, spent: 120 },
      budgetAmount: null,
    });
    expect(source(null)).toBeUndefined();
    const team = (id: string | null) => body.teams.find((t: { id: string | null }) => t.id === id);
    expect(team(o.teams.a)).toMatchObject({
      figures: { committed: 500, planned: 0, spent: 120 },
      budgetAmount: 1000,
    });
    expect(team(o.teams.a1)).toMatchObject({ figures: { committed: 0, planned: 300 } });
    expect(team(o.teams.b)).toMatchObject({ figures: { committed: 200, planned: 50 } });

    // 2028 holds the quarter action only.
    const later = (await o.people.hrClient.get('/api/budgets/overview?year=2028')).json();
    expect(later.budgets).toEqual([]);
    expect(later.sources.find((s: { id: string }) => s.id === vivo).figures).toMatchObject({
      committed: 700,
    });

    // A manager sees the teams they lead (and their sub-teams), never the organisation's budgets.
    const managerView = (await o.people.m.get('/api/budgets/overview?year=2027')).json();
    expect(managerView.scope).toBe('teams');
    expect(managerView.budgets.map((b: { id: string }) => b.id).sort()).toEqual([teamA.id, bVivo.id].sort());
    expect(managerView.teams.map((t: { id: string }) => t.id).sort()).toEqual(
      [o.teams.a, o.teams.a1, o.teams.b].sort(),
    );
    expect(managerView.sources.find((s: { id: string }) => s.id === vivo)).toMatchObject({
      figures: { committed: 600, planned: 350 },
      budgetAmount: null,
    });
    const otherManager = await h.login(o.otherManager);
    const theirs = (await otherManager.get('/api/budgets/overview?year=2027')).json();
    expect(theirs.teams.map((t: { name: string }) => t.name)).toEqual(['Administratie']);
    expect(theirs.sources.every((s: { figures: { committed: number } }) => s.figures.committed === 0)).toBe(
      true,
    );
  });

  it('counts each action in the year actionYear() gives it', async () => {
    const o = await organisation(h);
    const cases: Array<{ timing: Timing | null; actual?: [string | null, string | null] }> = [
      { timing: { kind: 'date', date: '2027-03-15' } },
      { timing: { kind: 'range', from: '2027-11-01', to: '2028-01-31' } },
      { timing: { kind: 'quarter', year: 2028, quarter: 4 } },
      { timing: { kind: 'ongoing' } },
      { timing: null },
      { timing: { kind: 'quarter', year: 2028, quarter: 1 }, actual: ['2027-12-01', '2029-02-03'] },
      { timing: { kind: 'date', date: '2029-05-01' }, actual: ['2027-11-20', null] },
    ];
    const plan = await planWith(
      h,
      o.people,
      await o.employee(o.teams.a),
      cases.map((c, i) => ({ cost: 2 ** i, timing: c.timing })),
    );
    await approveBoth(o.people, plan);
    const actions = (await o.people.m.get(`/api/plans/${plan.id}`)).json().content.goals[0].actions;
    for (const [i, c] of cases.entries()) {
      if (!c.actual) continue;
      const action = actions.find((a: { id: string }) => a.id === plan.actionIds[i]);
      const updated = await plan.e.patch(`/api/actions/${action.id}/progress`, {
        actualStart: c.actual[0],
        actualEnd: c.actual[1],
        version: action.version,
      });
      expect(updated.statusCode, updated.body).toBe(200);
    }
    for (const year of [2026, 2027, 2028, 2029]) {
      const expected = cases
        .map((c, i) => ({
          cost: 2 ** i,
          year: actionYear({
            timing: c.timing,
            actualStart: c.actual?.[0] ?? null,
            actualEnd: c.actual?.[1] ?? null,
            planPeriodStart: '2027-01-01',
          }),
        }))
        .filter((c) => c.year === year)
        .reduce((sum, c) => sum + c.cost, 0);
      const overview = (await o.people.hrClient.get(`/api/budgets/overview?year=${year}`)).json();
      const committed = overview.teams.find((t: { id: string }) => t.id === o.teams.a).figures.committed;
      expect(committed, `year ${year}`).toBe(expected);
    }
  });

  it('warns before approval and refuses the approval that overspends a hard budget', async () => {
    const o = await organisation(h);
    const vivo = await o.source('VIVO sectorbudget', 'vivo');
    const hard = await o.budget({
      year: 2027,
      teamId: o.teams.b,
      fundingSourceId: vivo,
      amount: 300,
      isHard: true,
    });
    const soft = await o.budget({ year: 2027, amount: 400 });
    const first = await planWith(h, o.people, await o.employee(o.teams.b), [
      { cost: 200, fundingSourceId: vivo },
    ]);
    await approveBoth(o.people, first);

    const second = await planWith(h, o.people, await o.employee(o.teams.b), [
      { cost: 150, fundingSourceId: vivo },
      { cost: 30, fundingSourceId: null },
    ]);
    const check = await o.people.m.get(`/api/plans/${second.id}/budget-check`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ planId: second.id, exceeded: true, blocked: true });
    const item = (id: string) => check.json().items.find((i: { budgetId: string }) => i.budgetId === id);
    expect(item(hard.id)).toMatchObject({
      scope: 'team_source',
      teamName: 'Dagbesteding',
      fundingSourceName: 'VIVO sectorbudget',
      isHard: true,
      exceeded: true,
      blocking: true,
      amount: 300,
      committedByOthers: 200,
      thisPlan: 150,
      after: 350,
    });
    expect(item(soft.id)).toMatchObject({ exceeded: false, blocking: false, thisPlan: 180, after: 380 });
    // The employee learns which budget, not its figures; HR sees the figures too.
    const employeeCheck = (await second.e.get(`/api/plans/${second.id}/budget-check`)).json();
    expect(employeeCheck.items.find((i: { budgetId: string }) => i.budgetId === hard.id)).toMatchObject({
      blocking: true,
      amount: null,
      thisPlan: null,
    });
    expect((await o.people.hrClient.get(`/api/plans/${second.id}/budget-check`)).json().blocked).toBe(true);
    // Someone outside the plan gets nothing.
    const outsider = await h.login(await o.employee(o.teams.c));
    expect((await outsider.get(`/api/plans/${second.id}/budget-check`)).statusCode).toBe(404);

    await fireOk(second.e, second.id, 'approve');
    const refused = await fire(o.people.m, second.id, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(refused.json().error.message).toBe(
      'Goedkeuren kan niet: met dit POP zou het harde budget "Dagbesteding · VIVO sectorbudget" voor 2027 overschreden worden. Pas de kosten of de financieringsbron van de acties aan, of vraag HR om het budget te herzien.',
    );
    const after = (await o.people.m.get(`/api/plans/${second.id}`)).json();
    expect(after).toMatchObject({ phase: 'conversation', approvedVersion: 0, managerApprovedAt: null });

    // Lower the cost and it passes; the soft organisation budget only warns.
    const action = after.content.goals[0].actions[0];
    await o.people.m.patch(`/api/actions/${action.id}`, { cost: 100, version: action.version });
    const cheaper = (await o.people.m.get(`/api/plans/${second.id}/budget-check`)).json();
    expect(cheaper).toMatchObject({ exceeded: false, blocked: false });
    await approveBoth(o.people, second);

    // HR lowers the hard budget below what is committed: a revision that asks less is still approved.
    await o.people.hrClient.patch(`/api/budgets/${hard.id}`, { amount: 150, version: 1 });
    await fireOk(o.people.m, first.id, 'start_revision');
    const firstAction = (await o.people.m.get(`/api/plans/${first.id}`)).json().content.goals[0].actions[0];
    await o.people.m.patch(`/api/actions/${firstAction.id}`, { cost: 180, version: firstAction.version });
    expect((await o.people.m.get(`/api/plans/${first.id}/budget-check`)).json()).toMatchObject({
      exceeded: true,
      blocked: false,
    });
    const reapproved = await approveBoth(o.people, first);
    expect(reapproved).toMatchObject({ approvedVersion: 2, revisionOpen: false });
    // ...but one that asks more is refused.
    await fireOk(o.people.m, first.id, 'start_revision');
    const again = (await o.people.m.get(`/api/plans/${first.id}`)).json().content.goals[0].actions[0];
    await o.people.m.patch(`/api/actions/${again.id}`, { cost: 181, version: again.version });
    await fireOk(first.e, first.id, 'approve');
    expect((await fire(o.people.m, first.id, 'approve')).statusCode).toBe(409);
  });

  for (const isHard of [true, false]) {
    it(`lets concurrent final approvals ${isHard ? 'never overspend a hard' : 'overspend a soft'} budget`, async () => {
      const o = await organisation(h);
      const budget = await o.budget({ year: 2027, amount: 1000, isHard });
      const plans = [];
      for (let i = 0; i < 2; i++) {
        const plan = await planWith(h, o.people, await o.employee(o.teams.a), [{ cost: 600 }]);
        await fireOk(plan.e, plan.id, 'approve');
        plans.push(plan);
      }
      const versions = await Promise.all(
        plans.map(async (plan) => (await o.people.m.get(`/api/plans/${plan.id}`)).json().version),
      );
      const managers = await Promise.all(plans.map(() => h.login(o.people.manager)));
      const results = await Promise.all(
        plans.map((plan, i) =>
          managers[i]?.post(`/api/plans/${plan.id}/events`, { event: 'approve', version: versions[i] }),
        ),
      );
      const statuses = results.map((r) => r?.statusCode).sort();
      const overview = (await o.people.hrClient.get('/api/budgets/overview?year=2027')).json();
      const status = overview.budgets.find((b: { id: string }) => b.id === budget.id);
      if (isHard) {
        expect(statuses).toEqual([200, 409]);
        const refused = results.find((r) => r?.statusCode === 409);
        expect(refused?.json().error.message).toMatch(/harde budget/);
        expect(status).toMatchObject({ figures: { committed: 600, planned: 600 }, overCommitted: false });
      } else {
        expect(statuses).toEqual([200, 200]);
        expect(status).toMatchObject({ figures: { committed: 1200 }, remaining: -200, overCommitted: true });
      }
    });
  }
});
