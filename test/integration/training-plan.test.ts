import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { actionYear } from '../../src/shared/pop/action-year.js';
import type { Timing } from '../../src/shared/pop/timing.js';
import { type Client, describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

interface ActionSpec {
  type: string;
  description: string;
  timing?: Timing;
  hours?: number;
  cost?: number;
}

interface CreatedAction {
  id: string;
  version: number;
}

/** Fires an event with the plan's current version, as the web app does. */
async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

/**
 * A POP with one goal and the given actions, through the API: started by the manager, the conversation held, and
 * (unless `approve` is false) approved by both parties.
 */
async function planWith(
  h: Harness,
  manager: TestPerson,
  employee: TestPerson,
  options: { periodStart: string; periodEnd: string; actions: ActionSpec[]; approve?: boolean },
): Promise<{ planId: string; actions: CreatedAction[]; m: Client; e: Client }> {
  const m = await h.login(manager);
  const e = await h.login(employee);
  const started = await m.post('/api/plans', {
    employeeId: employee.id,
    periodStart: options.periodStart,
    periodEnd: options.periodEnd,
  });
  expect(started.statusCode, started.body).toBe(201);
  const planId = started.json().id as string;
  await fire(m, planId, 'start_conversation');
  const goal = await m.post(`/api/plans/${planId}/goals`, { title: 'Groeien in de job' });
  expect(goal.statusCode, goal.body).toBe(201);
  const actions: CreatedAction[] = [];
  for (const spec of options.actions) {
    const created = await m.post(`/api/goals/${goal.json().id}/actions`, spec);
    expect(created.statusCode, created.body).toBe(201);
    actions.push({ id: created.json().id, version: created.json().version });
  }
  if (options.approve !== false) {
    await fire(e, planId, 'approve');
    expect((await fire(m, planId, 'approve')).phase).toBe('approved');
  }
  return { planId, actions, m, e };
}

async function progress(client: Client, action: CreatedAction, body: object) {
  const response = await client.patch(`/api/actions/${action.id}/progress`, {
    ...body,
    version: action.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  action.version = response.json().version;
}

async function setFacts(
  admin: Client,
  personId: string,
  facts: { riskGroup?: boolean; gender?: string | null },
) {
  const person = (await admin.get(`/api/people/${personId}`)).json();
  const saved = await admin.patch(`/api/people/${personId}`, { ...facts, version: person.version });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json();
}

async function createFunction(admin: Client, name: string): Promise<string> {
  const response = await admin.post('/api/functions', { name });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** The hand-built organisation of the figures test: five employees, five POPs, every rule once. */
async function organisationWithPlans(h: Harness) {
  h.clock.set('2027-02-01T09:00:00.000Z');
  const org = await h.createOrganisation({ name: 'vzw Café Zoë' });
  const admin = await h.login(org.admin);
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], lastName: 'Leiding' });
  const teamA = await h.createTeam(org.id, { name: 'Woonbegeleiding' });
  const teamB = await h.createTeam(org.id, { name: 'Atelier' });
  const begeleider = await createFunction(admin, 'Begeleider');
  const logistiek = await createFunction(admin, 'Logistiek medewerker');
  const person = (teamId: string, functionId: string, firstName: string) =>
    h.createPerson(org.id, { teamId, functionId, managerId: manager.id, firstName, lastName: 'Test' });
  const e1 = await person(teamA.id, begeleider, 'Een');
  const e2 = await person(teamA.id, begeleider, 'Twee');
  const e3 = await person(teamB.id, logistiek, 'Drie');
  const e4 = await person(teamB.id, logistiek, 'Vier');
  const e5 = await person(teamA.id, begeleider, 'Vijf');
  await setFacts(admin, e1.id, { riskGroup: true, gender: 'female' });
  await setFacts(admin, e2.id, { gender: 'male' });

  const year = { periodStart: '2027-01-01', periodEnd: '2027-12-31' };
  // E1: a done training (actuals), an ongoing self-study (plan year), a course in 2028, a cancelled coaching.
  const p1 = await planWith(h, manager, e1, {
    ...year,
    actions: [
      {
        type: 'training',
        description: 'Training ‘conflicthantering’',
        timing: { kind: 'quarter', year: 2027, quarter: 1 },
        hours: 14,
        cost: 450,
      },
      { type: 'self_study', description: 'Vakliteratuur lezen', timing: { kind: 'ongoing' }, hours: 6 },
      {
        type: 'course',
        description: 'Vorming EHBO',
        timing: { kind: 'date', date: '2028-02-01' },
        hours: 7,
        cost: 200,
      },
      {
        type: 'external_coaching',
        description: 'Coaching',
        timing: { kind: 'range', from: '2026-11-01', to: '2027-01-31' },
        hours: 10,
        cost: 900,
      },
    ],
  });
  await progress(p1.e, p1.actions[0] as CreatedAction, {
    status: 'done',
    actualHours: 12,
    actualCost: 480,
    actualStart: '2027-03-10',
    actualEnd: '2027-03-11',
  });
  await progress(p1.e, p1.actions[3] as CreatedAction, { status: 'cancelled' });
  // E2: a training in 2027 and on-the-job learning that counts in 2026.
  await planWith(h, manager, e2, {
    ...year,
    actions: [
      {
        type: 'training',
        description: '=HYPERLINK("http://x")',
        timing: { kind: 'quarter', year: 2027, quarter: 2 },
        hours: 14,
        cost: 450,
      },
      { type: 'on_the_job', description: 'Meelopen', timing: { kind: 'date', date: '2026-12-15' }, hours: 5 },
    ],
  });
  // E3: a course, done as planned.
  const p3 = await planWith(h, manager, e3, {
    ...year,
    actions: [
      {
        type: 'course',
        description: 'Heftruckattest',
        timing: { kind: 'date', date: '2027-05-01' },
        hours: 8,
        cost: 300,
      },
    ],
  });
  await progress(p3.e, p3.actions[0] as CreatedAction, {
    status: 'done',
    actualHours: 8,
    actualCost: 300,
    actualEnd: '2027-05-01',
  });
  // E4: still in the conversation: "in preparation"; its ongoing action follows the plan's period.
  const p4 = await planWith(h, manager, e4, {
    ...year,
    approve: false,
    actions: [
      {
        type: 'training',
        description: 'Training tillen',
        timing: { kind: 'quarter', year: 2027, quarter: 3 },
        hours: 14,
        cost: 450,
      },
      { type: 'self_study', description: 'E-learning', timing: { kind: 'ongoing' }, hours: 3 },
    ],
  });
  // E5: a stopped POP: only its completed course counts.
  const p5 = await planWith(h, manager, e5, {
    ...year,
    actions: [
      {
        type: 'course',
        description: 'Brandpreventie',
        timing: { kind: 'date', date: '2027-04-01' },
        hours: 4,
        cost: 100,
      },
      {
        type: 'training',
        description: 'Training agressie',
        timing: { kind: 'quarter', year: 2027, quarter: 4 },
        hours: 14,
        cost: 450,
      },
    ],
  });
  await progress(p5.e, p5.actions[0] as CreatedAction, {
    status: 'done',
    actualHours: 4,
    actualCost: 100,
    actualEnd: '2027-04-01',
  });
  await fire(p5.m, p5.planId, 'cancel');
  return { org, admin, manager, teamA, teamB, begeleider, logistiek, e1, p4 };
}

const figures = (f: Partial<Record<string, number>>) => ({
  actions: 0,
  actionsDone: 0,
  plannedHours: 0,
  actualHours: 0,
  plannedCost: 0,
  actualCost: 0,
  peopleReached: 0,
  peopleFollowed: 0,
  ...f,
});
const draft = (f: Partial<Record<string, number>>) => ({ actions: 0, hours: 0, cost: 0, people: 0, ...f });

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'training-plan-pdf-'));
  try {
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, bytes);
    // Table cells wrap: compare with every run of white space as one space.
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    }),
  );
  return { book, cells };
}

describeEachDatabase('the training plan', (h) => {
  it('counts planned against actual per kind, team, function and target group, for the right year', async () => {
    const { admin, teamA, teamB, begeleider, e1, p4 } = await organisationWithPlans(h);
    const response = await admin.get('/api/training-plan');
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    expect(plan).toMatchObject({ year: 2027, defaultYear: 2027, today: '2027-02-01', headcount: 7 });
    expect(plan.totals).toEqual(
      figures({
        actions: 5,
        actionsDone: 3,
        plannedHours: 46,
        actualHours: 24,
        plannedCost: 1300,
        actualCost: 880,
        peopleReached: 4,
        peopleFollowed: 3,
      }),
    );
    expect(plan.preparation).toEqual(draft({ actions: 2, hours: 17, cost: 450, people: 1 }));
    expect(plan.byLearning).toEqual([
      {
        learning: 'formal',
        planned: figures({
          actions: 4,
          actionsDone: 3,
          plannedHours: 40,
          actualHours: 24,
          plannedCost: 1300,
          actualCost: 880,
          peopleReached: 4,
          peopleFollowed: 3,
        }),
        preparation: draft({ actions: 1, hours: 14, cost: 450, people: 1 }),
      },
      {
        learning: 'informal',
        planned: figures({ actions: 1, plannedHours: 6, peopleReached: 1 }),
        preparation: draft({ actions: 1, hours: 3, people: 1 }),
      },
    ]);
    expect(
      plan.byType.map((r: { key: string; label: string; planned: { actions: number } }) => [
        r.key,
        r.label,
        r.planned.actions,
      ]),
    ).toEqual([
      ['course', 'Vorming', 2],
      ['training', 'Training', 2],
      ['self_study', 'Zelfstudie', 1],
    ]);
    const training = plan.byType.find((r: { key: string }) => r.key === 'training');
    expect(training).toMatchObject({
      isFormal: true,
      planned: { plannedHours: 28, actualHours: 12, peopleReached: 2, peopleFollowed: 1 },
      preparation: { actions: 1, hours: 14 },
    });
    expect(plan.byTeam).toEqual([
      expect.objectContaining({
        teamId: teamB.id,
        name: 'Atelier',
        headcount: 2,
        planned: expect.objectContaining({ actions: 1, peopleReached: 1 }),
        preparation: draft({ actions: 2, hours: 17, cost: 450, people: 1 }),
      }),
      expect.objectContaining({
        teamId: teamA.id,
        name: 'Woonbegeleiding',
        headcount: 3,
        planned: expect.objectContaining({ actions: 4, peopleReached: 3, plannedHours: 38 }),
      }),
      expect.objectContaining({ teamId: null, name: null, headcount: 2, planned: figures({}) }),
    ]);
    expect(plan.byFunction.find((r: { functionId: string }) => r.functionId === begeleider)).toMatchObject({
      name: 'Begeleider',
      headcount: 3,
      planned: { actions: 4 },
    });
    expect(
      plan.targetGroups.riskGroup.map(
        (r: { group: string; headcount: number; planned: { actions: number } }) => [
          r.group,
          r.headcount,
          r.planned.actions,
        ],
      ),
    ).toEqual([
      ['yes', 1, 2],
      ['no', 6, 3],
    ]);
    expect(
      plan.targetGroups.gender.map(
        (r: { group: string; headcount: number; planned: { actions: number } }) => [
          r.group,
          r.headcount,
          r.planned.actions,
        ],
      ),
    ).toEqual([
      ['female', 1, 2],
      ['male', 1, 1],
      ['x', 0, 0],
      ['unknown', 5, 2],
    ]);
    // Content stays out by default.
    expect(plan.canSeeContent).toBe(false);
    expect(plan.trainings).toBeNull();
    expect(response.body).not.toContain('conflicthantering');
    expect(response.body).not.toContain(e1.email);

    // Filters.
    const byTeam = (await admin.get(`/api/training-plan?year=2027&teamId=${teamB.id}`)).json();
    expect(byTeam).toMatchObject({
      headcount: 2,
      totals: { actions: 1, plannedHours: 8 },
      preparation: { actions: 2 },
    });
    expect(byTeam.filters).toEqual({ teamId: teamB.id, functionId: null, learning: null });
    const byFunction = (await admin.get(`/api/training-plan?functionId=${begeleider}`)).json();
    expect(byFunction.totals).toMatchObject({ actions: 4, peopleReached: 3 });
    expect(byFunction.headcount).toBe(3);
    const informal = (await admin.get('/api/training-plan?learning=informal')).json();
    expect(informal.totals).toMatchObject({ actions: 1, plannedHours: 6 });
    expect(informal.byType.map((r: { key: string }) => r.key)).toEqual(['self_study']);

    // Year attribution: 2026 holds the on-the-job learning; 2028 the course; the cancelled coaching nowhere.
    const y2026 = (await admin.get('/api/training-plan?year=2026')).json();
    expect(y2026.totals).toMatchObject({ actions: 1, plannedHours: 5 });
    const y2028 = (await admin.get('/api/training-plan?year=2028')).json();
    expect(y2028.totals).toMatchObject({ actions: 1, plannedHours: 7, plannedCost: 200 });

    // Moving a plan's period moves its ongoing actions with it (the database keeps the year of each action).
    const draftPlan = (await p4.m.get(`/api/plans/${p4.planId}`)).json();
    const moved = await p4.m.patch(`/api/plans/${p4.planId}`, {
      periodStart: '2028-01-01',
      periodEnd: '2028-12-31',
      version: draftPlan.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await admin.get('/api/training-plan?year=2027')).json().preparation).toEqual(
      draft({ actions: 1, hours: 14, cost: 450, people: 1 }),
    );
    expect((await admin.get('/api/training-plan?year=2028')).json().preparation).toEqual(
      draft({ actions: 1, hours: 3, people: 1 }),
    );
  });

  it('keeps each action’s year as actionYear() says, whichever way the action is written', async () => {
    h.clock.set('2027-02-01T09:00:00.000Z');
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const { planId } = await planWith(h, manager, employee, {
      periodStart: '2026-07-01',
      periodEnd: '2027-06-30',
      approve: false,
      actions: [],
    });
    const db = h.ctx.database.db;
    const goal = await db
      .selectFrom('goals')
      .select('id')
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    const cases: [Timing | null, string | null, string | null][] = [
      [null, null, null],
      [{ kind: 'ongoing' }, null, null],
      [{ kind: 'date', date: '2028-03-04' }, null, null],
      [{ kind: 'range', from: '2026-12-01', to: '2027-01-15' }, null, null],
      [{ kind: 'quarter', year: 2029, quarter: 4 }, null, null],
      [{ kind: 'quarter', year: 2029, quarter: 4 }, '2026-09-01', null],
      [{ kind: 'date', date: '2028-03-04' }, '2026-09-01', '2027-01-02'],
      [null, null, '2025-12-31'],
    ];
    const now = h.clock.now().toISOString();
    const ids = cases.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    await db
      .insertInto('actions')
      .values(
        cases.map(([timing, actualStart, actualEnd], i) => ({
          id: ids[i] as string,
          organisation_id: org.id,
          plan_id: planId,
          goal_id: goal.id,
          position: i,
          type: 'course',
          description: `Actie ${i}`,
          provider: null,
          timing: timing ? JSON.stringify(timing) : null,
          hours: 1,
          cost: null,
          currency: 'EUR',
          is_formal: 1 as const,
          funding: null,
          funding_source_id: null,
          support_time: null,
          support_budget: null,
          support_logistics: null,
          support_coach: null,
          follow_up: null,
          status: 'planned',
          actual_hours: null,
          actual_cost: null,
          actual_start: actualStart,
          actual_end: actualEnd,
          certificate_note: null,
          carried_from_action_id: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const expectYears = async (
      periodStart: string,
      rows: [Timing | null, string | null, string | null][],
    ) => {
      const stored = await db
        .selectFrom('actions')
        .select(['id', 'plan_year'])
        .where('plan_id', '=', planId)
        .orderBy('position')
        .execute();
      expect(stored.map((r) => r.plan_year)).toEqual(
        rows.map(([timing, actualStart, actualEnd]) =>
          actionYear({ timing, actualStart, actualEnd, planPeriodStart: periodStart }),
        ),
      );
    };
    await expectYears('2026-07-01', cases);
    expect(
      (
        await db
          .selectFrom('actions')
          .select('plan_year')
          .where('id', '=', ids[0] as string)
          .executeTakeFirst()
      )?.plan_year,
    ).toBe(2026);

    // Changing the timing and the actual dates.
    const changed: [Timing | null, string | null, string | null][] = cases.map((c, i) =>
      i === 2
        ? [{ kind: 'quarter', year: 2031, quarter: 1 }, null, null]
        : i === 3
          ? [c[0], '2030-02-02', null]
          : c,
    );
    await db
      .updateTable('actions')
      .set({ timing: JSON.stringify(changed[2]?.[0]) })
      .where('id', '=', ids[2] as string)
      .execute();
    await db
      .updateTable('actions')
      .set({ actual_start: '2030-02-02' })
      .where('id', '=', ids[3] as string)
      .execute();
    await expectYears('2026-07-01', changed);

    // Moving the plan's period.
    await db
      .updateTable('plans')
      .set({ period_start: '2032-01-01', period_end: '2032-12-31' })
      .where('id', '=', planId)
      .execute();
    await expectYears('2032-01-01', changed);
  });

  it('is for HR only', async () => {
    h.clock.set('2027-02-01T09:00:00.000Z');
    const org = await h.createOrganisation();
    const adminOnly = await h.createPerson(org.id, { roles: ['employee', 'admin'] });
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    for (const person of [adminOnly, manager, employee]) {
      const client = await h.login(person);
      for (const url of [
        '/api/training-plan',
        '/api/training-plan/export.pdf?year=2027',
        '/api/training-plan/export.xlsx?year=2027',
        '/api/training-plan/export.csv?year=2027',
      ]) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.code).toBe('FORBIDDEN');
      }
      expect(
        (await client.put('/api/training-plan/tasks/2027/final', { done: true, version: 0 })).statusCode,
      ).toBe(403);
      expect(
        (await client.put('/api/training-plan/settings', { consultationBody: 'none', version: 1 }))
          .statusCode,
      ).toBe(403);
    }
    expect((await h.anonymous().get('/api/training-plan')).statusCode).toBe(401);
  });

  it('shows risk group and gender to HR and the beheerder only', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const adminOnly = await h.createPerson(org.id, { roles: ['employee', 'admin'] });
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const saved = await setFacts(hr, employee.id, { riskGroup: true, gender: 'x' });
    expect(saved).toMatchObject({ riskGroup: true, gender: 'x' });
    const created = await hr.post('/api/people', {
      firstName: 'Nieuw',
      lastName: 'Persoon',
      email: `nieuw-${org.id.slice(0, 6)}@example.org`,
      riskGroup: true,
      gender: 'female',
    });
    expect(created.json()).toMatchObject({ riskGroup: true, gender: 'female' });
    expect((await (await h.login(adminOnly)).get(`/api/people/${employee.id}`)).json()).toMatchObject({
      riskGroup: true,
      gender: 'x',
    });

    for (const person of [manager, employee]) {
      const client = await h.login(person);
      const one = await client.get(`/api/people/${employee.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).not.toHaveProperty('riskGroup');
      expect(one.json()).not.toHaveProperty('gender');
      const list = await client.get('/api/people');
      expect(list.statusCode).toBe(200);
      for (const item of list.json().items) {
        expect(item).not.toHaveProperty('riskGroup');
        expect(item).not.toHaveProperty('gender');
      }
      expect(list.body).not.toMatch(/riskGroup|gender/);
    }
    // Nobody else may set them either.
    const managerClient = await h.login(manager);
    const refused = await managerClient.patch(`/api/people/${employee.id}`, {
      riskGroup: false,
      version: saved.version,
    });
    expect(refused.statusCode).toBe(403);
    const wrong = await hr.patch(`/api/people/${employee.id}`, { gender: 'other', version: saved.version });
    expect(wrong.statusCode).toBe(422);
  });

  it('keeps plan content out of the JSON, the PDF and the workbook unless HR may read it', async () => {
    const { org, admin } = await organisationWithPlans(h);
    // An HR member with an accented name ticks a step off: the PDF shows her name as typed.
    const zoe = await h.createPerson(org.id, {
      roles: ['employee', 'hr'],
      firstName: 'Zoë',
      lastName: 'Peeters',
    });
    const hr = await h.login(zoe);
    expect(
      (
        await hr.put('/api/training-plan/tasks/2027/draft_to_council', {
          done: true,
          note: 'Per e-mail',
          version: 0,
        })
      ).statusCode,
    ).toBe(200);

    const pdf = await hr.get('/api/training-plan/export.pdf?year=2027');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="opleidingsplan-2027-vzw-cafe-zoe.pdf"; filename*=UTF-8''opleidingsplan-2027-vzw-cafe-zoe.pdf`,
    );
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Opleidingsplan 2027');
    expect(text).toContain('vzw Café Zoë');
    expect(text).toContain('Zoë Peeters');
    expect(text).toContain('€ 1.300,00');
    expect(text).toContain('Woonbegeleiding');
    expect(text).toContain('Per e-mail');
    expect(text).toMatch(/Pagina 1 van \d/);
    expect(text).not.toContain('conflicthantering');
    expect(text).not.toContain('HYPERLINK');
    expect(text).toContain('ziet HR alleen aantallen');

    const xlsx = await hr.get('/api/training-plan/export.xlsx?year=2027');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain('opleidingsplan-2027-vzw-cafe-zoe.xlsx');
    const hidden = await workbook(xlsx.rawPayload);
    expect(hidden.book.worksheets.map((s) => s.name)).toEqual([
      'Samenvatting',
      'Per soort actie',
      'Per afdeling',
      'Per functie',
      'Doelgroepen',
      'Tijdlijn',
    ]);
    expect(hidden.cells.join('\n')).not.toContain('conflicthantering');
    expect(hidden.cells).toContain('1300');

    const csv = await hr.get('/api/training-plan/export.csv?year=2027');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('opleidingsplan-2027-vzw-cafe-zoe.csv');
    const hiddenCsv = csv.rawPayload.toString('utf8');
    expect(hiddenCsv.startsWith('\ufeffSamenvatting\r\n')).toBe(true);
    expect(hiddenCsv).toContain('\r\nPer afdeling\r\n');
    expect(hiddenCsv).toContain('Woonbegeleiding;');
    expect(hiddenCsv).not.toContain('conflicthantering');

    // The beheerder lets HR read plan content: the trainings appear, named, in all three.
    const organisation = (await admin.get('/api/organisation')).json();
    expect(
      (await admin.patch('/api/organisation', { hrSeesPlanContent: true, version: organisation.version }))
        .statusCode,
    ).toBe(200);
    const plan = (await hr.get('/api/training-plan?year=2027')).json();
    expect(plan.canSeeContent).toBe(true);
    expect(plan.trainings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          description: 'Training ‘conflicthantering’',
          typeKey: 'training',
          participants: 1,
          plannedHours: 14,
          actualHours: 12,
        }),
      ]),
    );
    // Drafts and stopped plans' open actions are not trainings of the plan.
    expect(plan.trainings.map((t: { description: string }) => t.description)).not.toContain(
      'Training tillen',
    );
    expect(plan.trainings.map((t: { description: string }) => t.description)).not.toContain(
      'Training agressie',
    );
    const shownText = pdfText((await hr.get('/api/training-plan/export.pdf?year=2027')).rawPayload);
    expect(shownText).toContain('Training ‘conflicthantering’');
    const shown = await workbook((await hr.get('/api/training-plan/export.xlsx?year=2027')).rawPayload);
    expect(shown.book.worksheets.map((s) => s.name)).toContain('Opleidingen');
    expect(shown.cells).toContain('Training ‘conflicthantering’');
    // A description that looks like a formula stays text.
    expect(shown.cells).toContain('\'=HYPERLINK("http://x")');
    expect(shown.cells).not.toContain('=HYPERLINK("http://x")');
    const shownCsv = (await hr.get('/api/training-plan/export.csv?year=2027')).rawPayload.toString('utf8');
    expect(shownCsv).toContain('Training ‘conflicthantering’');
    expect(shownCsv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(shownCsv).not.toMatch(/(^|;)=HYPERLINK/m);
  }, 60_000);

  it('dates the consultation steps, ticks them off and knows when none applies', async () => {
    h.clock.set('2028-03-20T09:00:00.000Z');
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    let plan = (await hr.get('/api/training-plan')).json();
    expect(plan.year).toBe(2028);
    expect(plan.belgium).toMatchObject({
      applies: true,
      obliged: false,
      threshold: 20,
      consultationBody: null,
    });
    expect(plan.belgium.tasks).toEqual([
      expect.objectContaining({
        key: 'draft_to_council',
        dueDate: '2028-02-29',
        overdue: true,
        done: false,
        version: 0,
      }),
      expect.objectContaining({ key: 'advice', dueDate: '2028-03-15', overdue: true }),
      expect.objectContaining({ key: 'final', dueDate: '2028-03-31', overdue: false }),
    ]);
    expect((await hr.get('/api/training-plan?year=2029')).json().belgium.tasks[0].dueDate).toBe('2029-02-28');

    const done = await hr.put('/api/training-plan/tasks/2028/advice', {
      done: true,
      note: 'Advies OR van 12/3',
      version: 0,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      done: true,
      overdue: false,
      note: 'Advies OR van 12/3',
      version: 1,
      doneBy: 'Ada Beheer',
    });
    const stale = await hr.put('/api/training-plan/tasks/2028/advice', { done: false, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1 });
    const reopened = await hr.put('/api/training-plan/tasks/2028/advice', { done: false, version: 1 });
    expect(reopened.json()).toMatchObject({
      done: false,
      doneAt: null,
      doneBy: null,
      overdue: true,
      note: 'Advies OR van 12/3',
      version: 2,
    });

    // No works council and no union delegation: the consultation steps fall away, the final plan remains.
    plan = (await hr.get('/api/training-plan?year=2028')).json();
    const settings = await hr.put('/api/training-plan/settings', {
      consultationBody: 'none',
      version: plan.belgium.organisationVersion,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const staleSettings = await hr.put('/api/training-plan/settings', {
      consultationBody: 'works_council',
      version: plan.belgium.organisationVersion,
    });
    expect(staleSettings.statusCode).toBe(409);
    plan = (await hr.get('/api/training-plan?year=2028')).json();
    expect(plan.belgium.consultationBody).toBe('none');
    expect(
      plan.belgium.tasks.map((t: { applies: boolean; overdue: boolean }) => [t.applies, t.overdue]),
    ).toEqual([
      [false, false],
      [false, false],
      [true, false],
    ]);
    const refused = await hr.put('/api/training-plan/tasks/2028/draft_to_council', {
      done: true,
      version: 0,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/geen adviesronde/);

    // Another organisation's steps are its own.
    const other = await h.createOrganisation();
    const otherPlan = (await (await h.login(other.admin)).get('/api/training-plan?year=2028')).json();
    expect(otherPlan.belgium.tasks[1]).toMatchObject({ done: false, note: null, version: 0 });
  });

  it('opens on next year in the last quarter', async () => {
    h.clock.set('2027-10-02T09:00:00.000Z');
    const org = await h.createOrganisation();
    const plan = (await (await h.login(org.admin)).get('/api/training-plan')).json();
    expect(plan).toMatchObject({ year: 2028, defaultYear: 2028 });
    expect(plan.totals).toEqual(figures({}));
    expect(plan.byType).toEqual([]);
  });
});
