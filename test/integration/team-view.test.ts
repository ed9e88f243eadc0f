import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TeamView } from '../../src/shared/contracts/team-view.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';
import { queriesOf } from '../support/queries.js';

const UNSHARED_POINT = 'PRIVE-PUNT-5e1d-communicatie-thuis';
const UNSHARED_ANSWER = 'PRIVE-ANTWOORD-8b2c-overstap';
const MANAGER_UNSHARED_ANSWER = 'LEIDING-ANTWOORD-2f7e';
const SHARED_POINT = 'Vorming rond veerkracht bij bezoek';
const OWN_MANAGER_POINT = 'Samenwerken met de nachtploeg';
const GOAL_TITLE = 'Grenzen stellen bij agressief gedrag';

async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

async function countQueries(h: Harness, run: () => Promise<unknown>): Promise<number> {
  return (await queriesOf(h.ctx.database.db, run)).length;
}

/**
 * Katrien leads Woonbegeleiding (Zoë and Noah, Woonbegeleider) and Lotte directly; Jérôme leads another team with
 * Fatima; Eva is only an employee. Zoë shared her preparation and a talking point; Noah has an unshared one; Lotte's
 * plan is in the conversation with a goal on Veerkracht.
 */
async function teams(h: Harness) {
  h.clock.set('2027-03-01T08:00:00.000Z');
  const org = await h.createOrganisation();
  const admin = await h.login(org.admin);
  const competency = async (name: string) =>
    (await admin.post('/api/competencies', { name })).json() as { id: string; name: string };
  const resilience = await competency('Veerkracht');
  const communication = await competency('Communicatie');
  const fn = (
    await admin.post('/api/functions', {
      name: 'Woonbegeleider',
      competencyIds: [resilience.id, communication.id],
    })
  ).json() as { id: string };
  const katrien = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  const woon = await h.createTeam(org.id, { name: 'Woonbegeleiding', managerId: katrien.id });
  const zoe = await h.createPerson(org.id, {
    firstName: 'Zoë',
    lastName: 'Peeters',
    teamId: woon.id,
    functionId: fn.id,
  });
  const noah = await h.createPerson(org.id, {
    firstName: 'Noah',
    lastName: 'Claes',
    teamId: woon.id,
    functionId: fn.id,
  });
  const lotte = await h.createPerson(org.id, {
    firstName: 'Lotte',
    lastName: 'De Backer',
    managerId: katrien.id,
  });
  const jerome = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Jérôme',
    lastName: 'Lambrecht',
  });
  const atelier = await h.createTeam(org.id, { name: 'Atelier', managerId: jerome.id });
  const fatima = await h.createPerson(org.id, {
    firstName: 'Fatima',
    lastName: 'El Amrani',
    teamId: atelier.id,
  });
  const eva = await h.createPerson(org.id, { firstName: 'Eva', lastName: 'Wouters' });
  const hr = await h.createPerson(org.id, {
    roles: ['employee', 'hr'],
    firstName: 'Sofie',
    lastName: 'Maes',
  });

  const k = await h.login(katrien);
  const z = await h.login(zoe);
  const n = await h.login(noah);
  const l = await h.login(lotte);

  // Zoë: voorbereiding, conversation on 20 March; she shares her preparation and a talking point.
  const zoePlan = (
    await k.post('/api/plans', { employeeId: zoe.id, conversationAt: '2027-03-20T10:00:00+01:00' })
  ).json();
  const zoePrep = (await z.get(`/api/plans/${zoePlan.id}/preparations/mine`)).json();
  await z.put(`/api/plans/${zoePlan.id}/preparations/mine`, {
    answers: { [zoePrep.questions[0].id]: 'Rustig blijven in drukte.' },
    version: zoePrep.version,
  });
  expect((await z.post(`/api/plans/${zoePlan.id}/talking-points`, { text: SHARED_POINT })).statusCode).toBe(
    201,
  );
  expect((await z.post(`/api/plans/${zoePlan.id}/preparations/mine/share`, { version: 2 })).statusCode).toBe(
    200,
  );
  // Katrien's own point and answer: hers, not shared.
  expect(
    (await k.post(`/api/plans/${zoePlan.id}/talking-points`, { text: OWN_MANAGER_POINT })).statusCode,
  ).toBe(201);
  const kPrep = (await k.get(`/api/plans/${zoePlan.id}/preparations/mine`)).json();
  await k.put(`/api/plans/${zoePlan.id}/preparations/mine`, {
    answers: { [kPrep.questions[0].id]: MANAGER_UNSHARED_ANSWER },
    version: kPrep.version,
  });

  // Noah: voorbereiding, conversation passed, nothing shared; a private answer and talking point.
  const noahPlan = (
    await k.post('/api/plans', { employeeId: noah.id, conversationAt: '2027-02-26T10:00:00+01:00' })
  ).json();
  const noahPrep = (await n.get(`/api/plans/${noahPlan.id}/preparations/mine`)).json();
  await n.put(`/api/plans/${noahPlan.id}/preparations/mine`, {
    answers: { [noahPrep.questions[0].id]: UNSHARED_ANSWER },
    version: noahPrep.version,
  });
  expect(
    (await n.post(`/api/plans/${noahPlan.id}/talking-points`, { text: UNSHARED_POINT })).statusCode,
  ).toBe(201);

  // Lotte: in the conversation, a goal on Veerkracht with a training in Q2.
  const lottePlan = (await k.post('/api/plans', { employeeId: lotte.id })).json();
  await fire(l, lottePlan.id, 'start_conversation');
  const goal = (
    await k.post(`/api/plans/${lottePlan.id}/goals`, { title: GOAL_TITLE, competencyId: resilience.id })
  ).json();
  const action = await k.post(`/api/goals/${goal.id}/actions`, {
    type: 'training',
    description: 'Training omgaan met agressie',
    timing: { kind: 'quarter', year: 2027, quarter: 2 },
    hours: 14,
    cost: 390,
  });
  expect(action.statusCode, action.body).toBe(201);

  // Fatima in Jérôme's team has a plan too.
  const j = await h.login(jerome);
  expect((await j.post('/api/plans', { employeeId: fatima.id })).statusCode).toBe(201);

  return {
    org,
    admin,
    ids: { katrien, zoe, noah, lotte, jerome, fatima, eva, hr },
    teamIds: { woon: woon.id, atelier: atelier.id },
    plans: { zoe: zoePlan.id, noah: noahPlan.id, lotte: lottePlan.id },
    competencies: { resilience: resilience.id, communication: communication.id },
    clients: { k, z, n, l, j },
  };
}

const names = (view: TeamView) => view.people.map((p) => p.name);
const person = (view: TeamView, name: string) => {
  const found = view.people.find((p) => p.name === name);
  if (!found) throw new Error(`${name} not in the team view`);
  return found;
};

describeEachDatabase('the team view', (h) => {
  it('shows a manager everyone they lead: phase, next date, what is late, who shared', async () => {
    const t = await teams(h);
    const response = await t.clients.k.get('/api/team-view');
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as TeamView;
    expect(view.today).toBe('2027-03-01');
    expect(view.teamId).toBeNull();
    expect(view.leadsPeople).toBe(true);
    expect(view.teams.map((team) => team.name)).toEqual(['Woonbegeleiding']);
    expect(names(view)).toEqual(['Noah Claes', 'Lotte De Backer', 'Zoë Peeters']);

    const zoe = person(view, 'Zoë Peeters');
    expect(zoe.function?.name).toBe('Woonbegeleider');
    expect(zoe.team?.name).toBe('Woonbegeleiding');
    expect(zoe.plan).toMatchObject({
      id: t.plans.zoe,
      phase: 'preparation',
      employeeShared: true,
      managerShared: false,
      contentVisible: true,
      awaitingApprovalOf: [],
    });
    // The exchange deadline is a week before the conversation of 20 March.
    expect(zoe.nextDate).toEqual({ kind: 'exchange_deadline', date: '2027-03-13' });
    expect(zoe.overdue).toEqual([]);

    const noah = person(view, 'Noah Claes');
    expect(noah.plan?.employeeShared).toBe(false);
    expect(noah.nextDate).toBeNull();
    expect(noah.overdue).toEqual([
      { kind: 'exchange_deadline', date: '2027-02-19', count: 1 },
      { kind: 'conversation', date: '2027-02-26', count: 1 },
    ]);

    const lotte = person(view, 'Lotte De Backer');
    expect(lotte.team).toBeNull();
    expect(lotte.plan).toMatchObject({
      phase: 'conversation',
      awaitingApprovalOf: ['employee', 'manager'],
      goals: 1,
      actions: 1,
      actionsDone: 0,
    });

    // Charts: the current plans of these three people.
    expect(view.charts.phases.filter((p) => p.count > 0)).toEqual([
      { phase: 'preparation', count: 2 },
      { phase: 'conversation', count: 1 },
    ]);
    expect(view.charts.withoutPlan).toBe(0);
    expect(view.charts.actionStatuses.find((s) => s.status === 'planned')?.count).toBe(1);
    expect(view.charts.quarters).toEqual([{ year: 2027, quarter: 2, hours: 14, cost: 390, actions: 1 }]);

    // One team of the manager's: only its members.
    const team = (await t.clients.k.get(`/api/team-view?teamId=${t.teamIds.woon}`)).json() as TeamView;
    expect(team.teamId).toBe(t.teamIds.woon);
    expect(names(team)).toEqual(['Noah Claes', 'Zoë Peeters']);
  });

  it('builds the learning needs from goals and shared talking points only', async () => {
    const t = await teams(h);
    const response = await t.clients.k.get('/api/team-view');
    const view = response.json() as TeamView;

    // The matrix: the competencies of the function, a cell per person.
    expect(view.matrix.competencies.map((c) => c.name)).toEqual(['Veerkracht', 'Communicatie']);
    const lotteRow = view.matrix.rows.find((r) => r.personId === t.ids.lotte.id);
    expect(lotteRow?.planId).toBe(t.plans.lotte);
    expect(lotteRow?.cells[0]).toEqual({
      competencyId: t.competencies.resilience,
      inFunction: false,
      goals: 1,
      actions: 1,
    });
    const zoeRow = view.matrix.rows.find((r) => r.personId === t.ids.zoe.id);
    expect(zoeRow?.cells.map((c) => [c.inFunction, c.goals])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    expect(view.matrix.totals[0]).toEqual({
      competencyId: t.competencies.resilience,
      people: 1,
      goals: 1,
      actions: 1,
    });

    // Themes: Veerkracht has Lotte's goal and Zoë's shared talking point, which names it.
    const resilience = view.themes.find((theme) => theme.ref === t.competencies.resilience);
    expect(resilience).toMatchObject({
      kind: 'competency',
      label: 'Veerkracht',
      people: 2,
      goals: 1,
      talkingPoints: 1,
    });
    expect(resilience?.items.map((i) => [i.source, i.text, i.personName])).toEqual([
      ['goal', GOAL_TITLE, 'Lotte De Backer'],
      ['talking_point', SHARED_POINT, 'Zoë Peeters'],
    ]);
    // The manager's own point is theirs to see; Noah's unshared point and every preparation answer are not.
    const open = view.themes.find((theme) => theme.kind === 'open');
    expect(open?.items.map((i) => [i.text, i.party])).toEqual([[OWN_MANAGER_POINT, 'manager']]);
    expect(response.body).not.toContain(UNSHARED_POINT);
    expect(response.body).not.toContain(UNSHARED_ANSWER);
    expect(response.body).not.toContain('Rustig blijven in drukte.');

    // Once Noah shares, his point shows up.
    const noahPrep = (await t.clients.n.get(`/api/plans/${t.plans.noah}/preparations/mine`)).json();
    await t.clients.n.post(`/api/plans/${t.plans.noah}/preparations/mine/share`, {
      version: noahPrep.version,
    });
    const after = await t.clients.k.get('/api/team-view');
    expect(after.body).toContain(UNSHARED_POINT);
    expect(after.body).not.toContain(UNSHARED_ANSWER);
    const communication = (after.json() as TeamView).themes.find(
      (theme) => theme.ref === t.competencies.communication,
    );
    expect(communication?.items.map((i) => [i.text, i.party, i.planId])).toEqual([
      [UNSHARED_POINT, 'employee', t.plans.noah],
    ]);
    // No export carries preparations or talking points, shared or not (CSV and XLSX share their columns).
    const hr = await h.login(t.ids.hr);
    for (const client of [t.clients.k, hr])
      for (const kind of ['plans', 'goals', 'actions']) {
        const file = await client.get(`/api/exports/${kind}?format=csv`);
        expect(file.statusCode).toBe(200);
        for (const secret of [
          UNSHARED_POINT,
          UNSHARED_ANSWER,
          MANAGER_UNSHARED_ANSWER,
          OWN_MANAGER_POINT,
          SHARED_POINT,
        ])
          expect(file.body, kind).not.toContain(secret);
      }
  });

  it('refuses employees, other managers and other organisations', async () => {
    const t = await teams(h);
    const eva = await h.login(t.ids.eva);
    const denied = await eva.get('/api/team-view');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect((await t.clients.z.get('/api/team-view')).statusCode).toBe(403);

    // Jérôme leads another team: Katrien's does not exist for him, and his own view holds only his people.
    const other = await t.clients.j.get(`/api/team-view?teamId=${t.teamIds.woon}`);
    expect(other.statusCode).toBe(404);
    const own = (await t.clients.j.get('/api/team-view')).json() as TeamView;
    expect(names(own)).toEqual(['Fatima El Amrani']);
    expect(JSON.stringify(own)).not.toContain('Peeters');

    expect((await t.clients.k.get(`/api/team-view?teamId=${t.teamIds.atelier}`)).statusCode).toBe(404);
    const hr = await h.login(t.ids.hr);
    expect((await hr.get(`/api/team-view?teamId=${randomUUID()}`)).statusCode).toBe(404);
    const elsewhere = await h.createOrganisation();
    const stranger = await h.login(elsewhere.admin);
    expect((await stranger.get(`/api/team-view?teamId=${t.teamIds.woon}`)).statusCode).toBe(404);
    expect((await h.anonymous().get('/api/team-view')).statusCode).toBe(401);
  });

  it('shows HR phase, dates and counts of any team, content only when the organisation allows it', async () => {
    const t = await teams(h);
    const hr = await h.login(t.ids.hr);
    // HR who leads nobody starts with the first team (by name).
    const first = (await hr.get('/api/team-view')).json() as TeamView;
    expect(first.teamId).toBe(t.teamIds.atelier);
    expect(first.teams.map((team) => team.name)).toEqual(['Atelier', 'Woonbegeleiding']);

    const response = await hr.get(`/api/team-view?teamId=${t.teamIds.woon}`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as TeamView;
    expect(view.contentHidden).toBe(true);
    expect(names(view)).toEqual(['Noah Claes', 'Zoë Peeters']);
    const zoe = person(view, 'Zoë Peeters');
    // HR opens the plan (phase, dates, counts) and sees whether the employee shared; never what.
    expect(zoe.plan).toMatchObject({
      id: t.plans.zoe,
      contentVisible: false,
      employeeShared: true,
      goals: 0,
    });
    expect(view.matrix.rows.every((r) => r.cells.every((c) => c.goals === null))).toBe(true);
    expect(response.body).not.toContain(SHARED_POINT);
    expect(response.body).not.toContain(OWN_MANAGER_POINT);
    expect(response.body).not.toContain(UNSHARED_POINT);
    expect(response.body).not.toContain(MANAGER_UNSHARED_ANSWER);

    // With Lotte moved into the team, HR sees her goal as a count in the themes, not its title.
    await h.ctx.database.db
      .updateTable('people')
      .set({ team_id: t.teamIds.woon })
      .where('id', '=', t.ids.lotte.id)
      .execute();
    const counted = await hr.get(`/api/team-view?teamId=${t.teamIds.woon}`);
    const countedView = counted.json() as TeamView;
    expect(counted.body).not.toContain(GOAL_TITLE);
    const resilience = countedView.themes.find((theme) => theme.ref === t.competencies.resilience);
    expect(resilience).toMatchObject({ goals: 1, actions: 1, people: 1, items: [] });
    expect(countedView.charts.quarters).toEqual([
      { year: 2027, quarter: 2, hours: 14, cost: 390, actions: 1 },
    ]);

    // The organisation lets HR read plan content: goal titles appear, talking points still never do.
    const organisation = (await t.admin.get('/api/organisation')).json();
    const changed = await t.admin.patch('/api/organisation', {
      hrSeesPlanContent: true,
      version: organisation.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const allowed = await hr.get(`/api/team-view?teamId=${t.teamIds.woon}`);
    const allowedView = allowed.json() as TeamView;
    expect(allowedView.contentHidden).toBe(false);
    expect(allowed.body).toContain(GOAL_TITLE);
    expect(allowed.body).not.toContain(SHARED_POINT);
    expect(allowed.body).not.toContain(OWN_MANAGER_POINT);
    expect(allowed.body).not.toContain(UNSHARED_POINT);
    const lotteRow = allowedView.matrix.rows.find((r) => r.personId === t.ids.lotte.id);
    expect(lotteRow?.cells[0]?.goals).toBe(1);
  });

  it('costs the same number of queries for a bigger team', async () => {
    const t = await teams(h);
    const view = () => t.clients.k.get('/api/team-view');
    const addPeople = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        const extra = await h.createPerson(t.org.id, { managerId: t.ids.katrien.id, lastName: `Extra ${i}` });
        const plan = (await t.clients.k.post('/api/plans', { employeeId: extra.id })).json();
        await t.clients.k.post(`/api/plans/${plan.id}/talking-points`, { text: `Punt ${i}` });
      }
    };
    // Both counted the same way: a view kept before, and new people since.
    await view();
    await addPeople(0, 1);
    const small = await countQueries(h, view);
    await addPeople(1, 6);
    const bigger = await countQueries(h, view);
    expect(((await view()).json() as TeamView).people).toHaveLength(10);
    expect(bigger).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
  });

  it('answers an unchanged team view from memory and sees every change, whoever makes it', async () => {
    const t = await teams(h);
    const view = async () => (await t.clients.k.get('/api/team-view')).json() as TeamView;
    const first = await view();
    const again = await countQueries(h, view);
    expect(await view()).toEqual(first);
    const fresh = await countQueries(h, async () => {
      await h.ctx.database.db
        .updateTable('people')
        .set({ last_name: 'Peeters-Claes' })
        .where('id', '=', t.ids.zoe.id)
        .execute();
      await view();
    });
    expect(again).toBeLessThan(fresh);
    // Kept: the session, and the settings with the fingerprint of the plans shown, in one statement.
    expect(again).toBe(2);
    expect(names(await view())).toContain('Zoë Peeters-Claes');

    // Straight in the database, as another process would: a goal's title, a competency's name, a plan's phase.
    const db = h.ctx.database.db;
    await db
      .updateTable('goals')
      .set({ title: 'Grenzen stellen, ook bij bezoek' })
      .where('plan_id', '=', t.plans.lotte)
      .execute();
    const goalTitles = (v: TeamView) => v.themes.flatMap((theme) => theme.items.map((i) => i.text));
    expect(goalTitles(await view())).toContain('Grenzen stellen, ook bij bezoek');
    await db
      .updateTable('competencies')
      .set({ name: 'Veerkracht en zelfzorg' })
      .where('id', '=', t.competencies.resilience)
      .execute();
    expect((await view()).themes.map((theme) => theme.label)).toContain('Veerkracht en zelfzorg');
    await db
      .updateTable('plans')
      .set({ cancelled: 1 as never })
      .where('id', '=', t.plans.noah)
      .execute();
    expect(person(await view(), 'Noah Claes').plan?.cancelled).toBe(true);

    await db
      .updateTable('teams')
      .set({ name: 'Woonbegeleiding Noord' })
      .where('id', '=', t.teamIds.woon)
      .execute();
    expect((await view()).teams.map((team) => team.name)).toContain('Woonbegeleiding Noord');
    await db
      .deleteFrom('function_competencies')
      .where('competency_id', '=', t.competencies.communication)
      .execute();
    expect(JSON.stringify((await view()).matrix)).not.toContain(t.competencies.communication);

    // Each reader their own: HR asking for the same team gets HR's answer, not the manager's.
    const hr = await h.login(t.ids.hr);
    const asHr = (await hr.get(`/api/team-view?teamId=${t.teamIds.woon}`)).body;
    expect(asHr).not.toContain(OWN_MANAGER_POINT);
    expect((await t.clients.k.get(`/api/team-view?teamId=${t.teamIds.woon}`)).body).toContain(
      OWN_MANAGER_POINT,
    );
  });

  it('moves the catalogue revision on every change of teams, functions, profiles, competencies, types and people', async () => {
    const t = await teams(h);
    const db = h.ctx.database.db;
    const revision = async () =>
      Number(
        (
          await db
            .selectFrom('organisations')
            .select('catalogue_revision')
            .where('id', '=', t.org.id)
            .executeTakeFirstOrThrow()
        ).catalogue_revision,
      );
    const changes: Array<[string, () => Promise<unknown>]> = [
      [
        'teams',
        () =>
          db.updateTable('teams').set({ name: 'Atelier Zuid' }).where('id', '=', t.teamIds.atelier).execute(),
      ],
      [
        'job_functions',
        () =>
          db
            .updateTable('job_functions')
            .set({ name: 'Begeleider' })
            .where('organisation_id', '=', t.org.id)
            .execute(),
      ],
      [
        'function_competencies',
        () => db.deleteFrom('function_competencies').where('organisation_id', '=', t.org.id).execute(),
      ],
      [
        'competencies',
        () =>
          db
            .updateTable('competencies')
            .set({ name: 'Communiceren' })
            .where('id', '=', t.competencies.communication)
            .execute(),
      ],
      [
        'people',
        () =>
          db
            .updateTable('people')
            .set({ team_id: t.teamIds.atelier })
            .where('id', '=', t.ids.eva.id)
            .execute(),
      ],
    ];
    for (const [what, change] of changes) {
      const before = await revision();
      await change();
      expect(await revision(), what).toBeGreaterThan(before);
    }
    // A sign-in is no change of the team view.
    const before = await revision();
    await h.login(t.ids.eva);
    expect(await revision()).toBe(before);
  });
});
