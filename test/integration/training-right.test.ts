import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Timing } from '../../src/shared/pop/timing.js';
import { learningAccountColumns } from '../../src/shared/training-right/learning-account.js';
import { describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

/**
 * The Belgian training right and the learning account, on a hand-built organisation: plans and actions are written
 * straight into the database (the POP cycle has its own tests), so every figure below is worked out by hand.
 */

interface ActionSeed {
  type?: string;
  description: string;
  status?: 'planned' | 'in_progress' | 'done' | 'cancelled' | 'postponed';
  hours?: number | null;
  actualHours?: number | null;
  actualStart?: string | null;
  actualEnd?: string | null;
  timing?: Timing | null;
  counts?: boolean;
  isFormal?: boolean;
  funding?: string | null;
  certificate?: string | null;
}

async function seedPlan(
  h: Harness,
  organisationId: string,
  employee: TestPerson,
  manager: TestPerson,
  plan: { phase: string; cancelled?: boolean; periodStart: string; periodEnd: string; goal?: string },
  actions: ActionSeed[],
): Promise<{ planId: string; actionIds: string[] }> {
  const db = h.ctx.database.db;
  const now = h.clock.now().toISOString();
  const planId = randomUUID();
  const goalId = randomUUID();
  await db
    .insertInto('plans')
    .values({
      id: planId,
      organisation_id: organisationId,
      employee_id: employee.id,
      manager_id: manager.id,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
      phase: plan.phase,
      conversation_at: null,
      employee_approved_at: plan.phase === 'conversation' ? null : now,
      manager_approved_at: plan.phase === 'conversation' ? null : now,
      disagreement: 0,
      disagreement_comment: null,
      revision_open: 0,
      evaluation_complete: 0,
      cancelled: plan.cancelled ? 1 : 0,
      previous_plan_id: null,
      requested_by: 'manager',
      facilities: null,
      evaluation_date: null,
      conversation_notes: '{}',
      closed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('goals')
    .values({
      id: goalId,
      organisation_id: organisationId,
      plan_id: planId,
      position: 0,
      title: plan.goal ?? 'Geheim ontwikkeldoel',
      description: null,
      reason: null,
      organisation_goal: null,
      competency_id: null,
      priority: 'medium',
      horizon: 'short',
      target_date: null,
      measure: null,
      confirm_specific: 0,
      confirm_measurable: 0,
      confirm_realistic: 0,
      confirm_time_bound: 0,
      acceptable_by_employee: 0,
      acceptable_by_manager: 0,
      carried_from_goal_id: null,
      evaluation_result: null,
      evaluation_note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const actionIds: string[] = [];
  for (const [position, a] of actions.entries()) {
    const id = randomUUID();
    actionIds.push(id);
    await db
      .insertInto('actions')
      .values({
        id,
        organisation_id: organisationId,
        plan_id: planId,
        goal_id: goalId,
        position,
        type: a.type ?? 'training',
        description: a.description,
        provider: null,
        timing: a.timing ? JSON.stringify(a.timing) : null,
        hours: a.hours ?? null,
        cost: null,
        currency: 'EUR',
        is_formal: a.isFormal === false ? 0 : 1,
        funding: a.funding ?? null,
        funding_source_id: null,
        counts_for_training_right: a.counts === false ? 0 : 1,
        support_time: null,
        support_budget: null,
        support_logistics: null,
        support_coach: null,
        follow_up: null,
        status: a.status ?? 'planned',
        actual_hours: a.actualHours ?? null,
        actual_cost: null,
        actual_start: a.actualStart ?? null,
        actual_end: a.actualEnd ?? null,
        certificate_note: a.certificate ?? null,
        carried_from_action_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return { planId, actionIds };
}

async function setPerson(
  h: Harness,
  person: { id: string },
  values: {
    fte?: number;
    start_date?: string | null;
    end_date?: string | null;
    work_regime?: string | null;
    locale?: string;
    first_name?: string;
    status?: string;
    team_id?: string | null;
  },
) {
  await h.ctx.database.db.updateTable('people').set(values).where('id', '=', person.id).execute();
}

/**
 * vzw Testbrug, 2026, 25 FTE entered (20+ band: 5 days per FTE), 7.6 h per day.
 * - Anna: 1 FTE all year. Followed a 15.2 h training (2 days) and 38 h of Vlaams opleidingsverlof (does not count);
 *   a 7.6 h training still planned (1 day). Entitlement 5, followed 2, planned 1, remaining 3.
 * - Bert: 0.8 FTE, started 1 April 2026 (9 months): 5 x 0.8 x 9/12 = 3. One training done without actual hours
 *   (its planned 7.6 h count: 1 day); an action in a plan still in conversation does not count. Remaining 2.
 * - Chris: 1 FTE, left 15 June 2026 (6 months): 2.5 days, nothing followed.
 * - Dirk starts in 2027: not in the 2026 list.
 * Mieke manages Bert only (as his manager and as the leader of his team, which she belongs to herself).
 */
async function testbrug(h: Harness) {
  h.clock.set('2026-11-20T09:00:00.000Z');
  const org = await h.createOrganisation({ name: 'vzw Testbrug' });
  const hr = await h.createPerson(org.id, {
    roles: ['employee', 'hr'],
    firstName: 'Hilde',
    lastName: 'Raes',
  });
  const mieke = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Mieke',
    lastName: 'Manager',
  });
  const team = await h.createTeam(org.id, { name: 'Woonbegeleiding', managerId: mieke.id });
  const anna = await h.createPerson(org.id, { firstName: 'Anna', lastName: 'Aerts', managerId: hr.id });
  const bert = await h.createPerson(org.id, {
    firstName: 'Bert',
    lastName: 'Bosmans',
    managerId: mieke.id,
    teamId: team.id,
  });
  const chris = await h.createPerson(org.id, { firstName: 'Chris', lastName: 'Claes', managerId: hr.id });
  const dirk = await h.createPerson(org.id, { firstName: 'Dirk', lastName: 'Dewulf', managerId: hr.id });
  await setPerson(h, anna, { fte: 1, start_date: '2018-05-01', work_regime: 'voltijds' });
  await setPerson(h, bert, { fte: 0.8, start_date: '2026-04-01', work_regime: '4/5', locale: 'en' });
  await setPerson(h, chris, { fte: 1, start_date: '2019-01-01', end_date: '2026-06-15' });
  await setPerson(h, dirk, { fte: 1, start_date: '2027-01-04' });
  // Mieke leads the team she belongs to: her own balance is on her home page, not in her list.
  await setPerson(h, mieke, { team_id: team.id });
  await h.ctx.database.db
    .updateTable('organisations')
    .set({ average_fte: 25, joint_committee: '319.01' })
    .where('id', '=', org.id)
    .execute();

  const annaPlan = await seedPlan(
    h,
    org.id,
    anna,
    hr,
    { phase: 'approved', periodStart: '2026-01-01', periodEnd: '2026-12-31', goal: 'Geheim doel van Anna' },
    [
      {
        description: 'Training ‘omgaan met agressie’',
        status: 'done',
        hours: 14,
        actualHours: 15.2,
        actualStart: '2026-03-02',
        actualEnd: '2026-03-03',
        certificate: 'Attest in het personeelsdossier',
        funding: 'Sectorfonds (VIVO)',
      },
      {
        description: 'Vlaams opleidingsverlof: bachelor orthopedagogie',
        status: 'done',
        hours: 38,
        actualHours: 38,
        actualStart: '2026-02-01',
        actualEnd: '2026-06-30',
        counts: false,
      },
      {
        description: 'Vorming rond palliatieve zorg',
        status: 'planned',
        hours: 7.6,
        timing: { kind: 'date', date: '2026-12-08' },
      },
      {
        description: 'Geannuleerde vorming',
        status: 'cancelled',
        hours: 7.6,
        timing: { kind: 'date', date: '2026-05-08' },
      },
    ],
  );
  const bertPlan = await seedPlan(
    h,
    org.id,
    bert,
    mieke,
    { phase: 'approved', periodStart: '2026-04-01', periodEnd: '2027-03-31' },
    [
      {
        type: 'on_the_job',
        isFormal: false,
        description: 'Meelopen met een ervaren collega',
        status: 'done',
        hours: 7.6,
        timing: { kind: 'range', from: '2026-04-01', to: '2026-05-31' },
      },
    ],
  );
  await seedPlan(
    h,
    org.id,
    chris,
    hr,
    { phase: 'conversation', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    [
      {
        description: 'Nog niet afgesproken vorming',
        hours: 30,
        timing: { kind: 'quarter', year: 2026, quarter: 2 },
      },
    ],
  );
  return { org, hr, mieke, team, anna, bert, chris, dirk, annaPlan, bertPlan };
}

describeEachDatabase('the Belgian training right', (h) => {
  it('settings: defaults, the computed size, validation with the field at fault, and who may edit', async () => {
    const { org, hr, mieke, anna } = await testbrug(h);
    const admin = await h.login(org.admin);
    const settings = await admin.get('/api/training-right/settings?year=2026');
    expect(settings.statusCode, settings.body).toBe(200);
    // Computed: Ada, Hilde, Mieke, Anna (1 each, no dates: 12 months) + Bert 0.8 x 9/12 + Chris 6/12 = 4 + 0.6 + 0.5.
    expect(settings.json()).toMatchObject({
      year: 2026,
      averageFte: 25,
      computedAverageFte: 5.1,
      sizeBand: 'from_20',
      legalDaysPerFte: 5,
      daysPerFte: 5,
      daysPerFteSource: 'legal',
      jointCommittee: '319.01',
      carryOver: false,
      hoursPerDay: 7.6,
      consultationBody: null,
      norms: [],
    });
    const version = settings.json().version;

    for (const [body, field] of [
      [{ hoursPerDay: 0 }, 'hoursPerDay'],
      [{ hoursPerDay: 13 }, 'hoursPerDay'],
      [{ averageFte: -1 }, 'averageFte'],
      [{ jointCommittee: 'PC 200' }, 'jointCommittee'],
      [{ consultationBody: 'board' }, 'consultationBody'],
      [{ carryOver: 'yes' }, 'carryOver'],
    ] as const) {
      const refused = await admin.put('/api/training-right/settings', { ...body, version });
      expect(refused.statusCode, JSON.stringify(body)).toBe(422);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
      expect(refused.json().error.fields[0].message).toBeTruthy();
    }

    // Back to the computed average: 5.1 FTE is under 10, so no individual right.
    const hrClient = await h.login(hr);
    const saved = await hrClient.put('/api/training-right/settings', {
      averageFte: null,
      jointCommittee: '',
      carryOver: true,
      hoursPerDay: 8,
      consultationBody: 'union_delegation',
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      averageFte: null,
      sizeBand: 'under_10',
      daysPerFte: 0,
      jointCommittee: null,
      carryOver: true,
      hoursPerDay: 8,
      consultationBody: 'union_delegation',
      version: version + 1,
    });
    const stale = await hrClient.put('/api/training-right/settings', { carryOver: false, version });
    expect(stale.statusCode).toBe(409);

    for (const person of [mieke, anna]) {
      const client = await h.login(person);
      expect((await client.get('/api/training-right/settings')).statusCode).toBe(403);
      expect(
        (await client.put('/api/training-right/settings', { carryOver: false, version: version + 1 }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('day norms per year: a sector agreement replaces the legal number, removing it restores it', async () => {
    const { hr, anna } = await testbrug(h);
    const c = await h.login(hr);
    const created = await c.put('/api/training-right/norms/2026', {
      daysPerFte: 2,
      note: 'Sectorakkoord PC 319.01',
      version: null,
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toEqual({
      year: 2026,
      daysPerFte: 2,
      note: 'Sectorakkoord PC 319.01',
      legalDaysPerFte: 5,
      version: 1,
    });
    expect((await c.put('/api/training-right/norms/2026', { daysPerFte: 3, version: null })).statusCode).toBe(
      409,
    );
    expect(
      (await c.put('/api/training-right/norms/2027', { daysPerFte: 31, version: null })).statusCode,
    ).toBe(422);
    expect((await c.put('/api/training-right/norms/1999', { daysPerFte: 3, version: null })).statusCode).toBe(
      422,
    );

    const settings = (await c.get('/api/training-right/settings?year=2026')).json();
    expect(settings).toMatchObject({ daysPerFte: 2, daysPerFteSource: 'norm' });
    expect(settings.norms).toHaveLength(1);
    // 2027 has no norm: the legal 5.
    expect((await c.get('/api/training-right/settings?year=2027')).json()).toMatchObject({
      daysPerFte: 5,
      daysPerFteSource: 'legal',
    });
    // Anna's 2026 entitlement follows the norm: 2 x 1 x 12/12.
    const balances = (await c.get('/api/training-right/balances?year=2026&q=anna')).json();
    expect(balances.items[0]).toMatchObject({ entitlement: 2, remaining: 0 });

    const changed = await c.put('/api/training-right/norms/2026', { daysPerFte: 3, version: 1 });
    expect(changed.json()).toMatchObject({ daysPerFte: 3, note: 'Sectorakkoord PC 319.01', version: 2 });
    expect((await c.delete('/api/training-right/norms/2026?version=1')).statusCode).toBe(409);
    expect((await c.delete('/api/training-right/norms/2026?version=2')).statusCode).toBe(200);
    expect((await c.delete('/api/training-right/norms/2026?version=2')).statusCode).toBe(404);
    expect((await c.get('/api/training-right/settings?year=2026')).json()).toMatchObject({
      daysPerFte: 5,
      daysPerFteSource: 'legal',
      norms: [],
    });
    const employee = await h.login(anna);
    expect(
      (await employee.put('/api/training-right/norms/2026', { daysPerFte: 9, version: null })).statusCode,
    ).toBe(403);
  });

  it('balances: pro rata, partial years, actions that do not count, planned and followed', async () => {
    const { hr, team } = await testbrug(h);
    const c = await h.login(hr);
    const response = await c.get('/api/training-right/balances?year=2026');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      year: 2026,
      daysPerFte: 5,
      sizeBand: 'from_20',
      hoursPerDay: 7.6,
      carryOver: false,
    });
    const byName = Object.fromEntries(body.items.map((b: { name: string }) => [b.name, b]));
    expect(Object.keys(byName).sort()).toEqual([
      'Ada Beheer',
      'Anna Aerts',
      'Bert Bosmans',
      'Chris Claes',
      'Hilde Raes',
      'Mieke Manager',
    ]);
    expect(byName['Anna Aerts']).toMatchObject({
      fte: 1,
      months: 12,
      entitlement: 5,
      carriedOver: 0,
      available: 5,
      followed: 2,
      planned: 1,
      remaining: 3,
      lapsingAtYearEnd: 3,
      withoutHours: 0,
    });
    expect(byName['Bert Bosmans']).toMatchObject({
      fte: 0.8,
      months: 9,
      entitlement: 3,
      followed: 1,
      planned: 0,
      remaining: 2,
      teamName: team.name,
    });
    expect(byName['Chris Claes']).toMatchObject({ months: 6, entitlement: 2.5, followed: 0, planned: 0 });
    expect(body.total).toBe(6);
    // 3 x 5 (Ada, Hilde, Mieke) + 5 + 3 + 2.5.
    expect(body.totals).toEqual({ entitlement: 25.5, followed: 3, planned: 1 });
    // HR sees numbers, never the content of the plans.
    expect(response.body).not.toContain('Vlaams opleidingsverlof');
    expect(response.body).not.toContain('Geheim doel');

    const page = (await c.get('/api/training-right/balances?year=2026&limit=2&offset=2')).json();
    expect(page.items.map((b: { name: string }) => b.name)).toEqual(['Bert Bosmans', 'Chris Claes']);
    expect(page.total).toBe(6);
    const filtered = (await c.get(`/api/training-right/balances?year=2026&teamId=${team.id}`)).json();
    expect(filtered.items.map((b: { name: string }) => b.name)).toEqual(['Bert Bosmans', 'Mieke Manager']);
    const searched = (await c.get('/api/training-right/balances?year=2026&q=CLAES')).json();
    expect(searched.items.map((b: { name: string }) => b.name)).toEqual(['Chris Claes']);
    // 2027: Dirk starts, Chris has left.
    const next = (await c.get('/api/training-right/balances?year=2027')).json();
    const names2027 = next.items.map((b: { name: string }) => b.name);
    expect(names2027).toContain('Dirk Dewulf');
    expect(names2027).not.toContain('Chris Claes');
  });

  it('carry-over on: the unused days of last year add to this year; off: they lapse', async () => {
    // The organisation keeps records since 2025.
    h.clock.set('2025-02-01T09:00:00.000Z');
    const org = await h.createOrganisation();
    const hr = await h.createPerson(org.id, { roles: ['employee', 'hr'] });
    const eva = await h.createPerson(org.id, { firstName: 'Eva', lastName: 'Evers' });
    await setPerson(h, eva, { fte: 1, start_date: '2015-01-01' });
    await h.ctx.database.db
      .updateTable('organisations')
      .set({ average_fte: 30 })
      .where('id', '=', org.id)
      .execute();
    // 2025: one day followed of 5 -> 4 unused. 2026: 2 days followed.
    await seedPlan(
      h,
      org.id,
      eva,
      hr,
      { phase: 'closed', periodStart: '2025-01-01', periodEnd: '2025-12-31' },
      [{ description: 'Vorming 2025', status: 'done', actualHours: 7.6, actualEnd: '2025-10-10' }],
    );
    h.clock.set('2026-11-20T09:00:00.000Z');
    await seedPlan(
      h,
      org.id,
      eva,
      hr,
      { phase: 'approved', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
      [{ description: 'Vorming 2026', status: 'done', actualHours: 15.2, actualEnd: '2026-03-10' }],
    );
    const c = await h.login(hr);
    const evaOf = async () =>
      (await c.get('/api/training-right/balances?year=2026&q=eva')).json().items[0] as Record<string, number>;
    expect(await evaOf()).toMatchObject({
      entitlement: 5,
      carriedOver: 0,
      available: 5,
      followed: 2,
      remaining: 3,
    });
    const version = (await c.get('/api/training-right/settings')).json().version;
    await c.put('/api/training-right/settings', { carryOver: true, version });
    expect(await evaOf()).toMatchObject({
      entitlement: 5,
      carriedOver: 4,
      available: 9,
      followed: 2,
      remaining: 7,
      lapsingAtYearEnd: 0,
    });
  });

  it('scope: an employee sees only their own balance, a manager only their people, HR everyone', async () => {
    const { hr, mieke, anna, bert } = await testbrug(h);
    const employee = await h.login(anna);
    expect((await employee.get('/api/training-right/balances')).statusCode).toBe(403);
    const mine = await employee.get('/api/training-right/me?year=2026');
    expect(mine.statusCode, mine.body).toBe(200);
    const own = mine.json();
    expect(own.balance).toMatchObject({
      personId: anna.id,
      entitlement: 5,
      followed: 2,
      planned: 1,
      remaining: 3,
    });
    expect(
      own.trainings.map((t: { description: string; counts: boolean; days: number; status: string }) => [
        t.description,
        t.counts,
        t.days,
        t.status,
      ]),
    ).toEqual([
      ['Vlaams opleidingsverlof: bachelor orthopedagogie', false, 5, 'done'],
      ['Training ‘omgaan met agressie’', true, 2, 'done'],
      ['Vorming rond palliatieve zorg', true, 1, 'planned'],
    ]);
    expect(own.trainings[1]).toMatchObject({ typeLabel: 'Training', start: '2026-03-02', end: '2026-03-03' });

    const manager = await h.login(mieke);
    const managed = (await manager.get('/api/training-right/balances?year=2026')).json();
    expect(managed.items.map((b: { personId: string }) => b.personId)).toEqual([bert.id]);
    const bertOwn = (await (await h.login(bert)).get('/api/training-right/me?year=2026')).json();
    expect(bertOwn.trainings[0]).toMatchObject({ typeLabel: 'On-the-job learning', counts: true });
    const all = (await (await h.login(hr)).get('/api/training-right/balances?year=2026')).json();
    expect(all.total).toBe(6);

    // Someone not employed in the year still gets an answer: nothing to claim.
    const dirkLike = (await employee.get('/api/training-right/me?year=2017')).json();
    expect(dirkLike.balance).toMatchObject({ months: 0, entitlement: 0, followed: 0 });
  });

  it('balance statements: every active employee once a year, in their language, no header injection', async () => {
    const { org, hr, anna, bert, chris } = await testbrug(h);
    await setPerson(h, anna, { first_name: 'Anna\r\nBcc: victim@example.org' });
    h.smtp.clear();
    const c = await h.login(hr);
    expect(
      (await (await h.login(anna)).post('/api/training-right/statements', { year: 2026 })).statusCode,
    ).toBe(403);
    expect((await c.post('/api/training-right/statements', { year: 1999 })).statusCode).toBe(422);
    const first = await c.post('/api/training-right/statements', { year: 2026 });
    expect(first.statusCode, first.body).toBe(200);
    // Active and employed in 2026: Ada, Hilde, Mieke, Anna, Bert, Chris (left in June, record still active).
    // Dirk starts in 2027.
    expect(first.json()).toEqual({ year: 2026, sent: 6, alreadySent: 0, notEmployed: 1 });
    const mails = await h.smtp.waitFor(6);
    const toAnna = mails.find((m) => m.to.includes(anna.email));
    expect(toAnna?.subject).toBe('Je opleidingsdagen in 2026');
    expect(toAnna?.to).toEqual([anna.email]);
    // The name went into the display name and the greeting, never into a header of its own.
    const headers = toAnna?.raw.split(/\r?\n\r?\n/)[0] ?? '';
    expect(headers).not.toMatch(/^bcc:/im);
    expect(toAnna?.parsed.bcc).toBeUndefined();
    expect(toAnna?.text).toContain('Je recht in 2026: 5 dagen');
    expect(toAnna?.text).toContain('Gevolgd in 2026: 2 dagen. Nog gepland: 1 dagen.');
    expect(toAnna?.text).toContain('Je saldo: 3 dagen.');
    expect(toAnna?.html).toContain('Anna Bcc: victim@example.org');
    const toBert = mails.find((m) => m.to.includes(bert.email));
    expect(toBert?.subject).toBe('Your training days in 2026');
    expect(toBert?.text).toContain(
      'Your entitlement in 2026: 3 days (5 days per full-time employee, for 0.8 FTE',
    );
    expect(mails.find((m) => m.to.includes(chris.email))?.text).toContain('2,5 dagen');

    const again = await c.post('/api/training-right/statements', { year: 2026 });
    expect(again.json()).toEqual({ year: 2026, sent: 0, alreadySent: 6, notEmployed: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.smtp.messages.filter((m) => m.subject.includes('2026')).length).toBe(6);
    const rows = await h.ctx.database.db
      .selectFrom('balance_statements')
      .select('person_id')
      .where('organisation_id', '=', org.id)
      .execute();
    expect(rows).toHaveLength(6);
    const listed = (await c.get('/api/training-right/balances?year=2026&q=anna')).json().items[0];
    expect(listed.statementSentAt).toBeTruthy();
  });

  it('learning account exports: CSV and JSON read back with what the layout documents, recorded per period', async () => {
    const { org, hr, mieke, anna, bert } = await testbrug(h);
    const c = await h.login(hr);
    for (const who of [mieke, anna]) {
      const client = await h.login(who);
      expect((await client.get('/api/training-right/learning-account.csv?period=2026')).statusCode).toBe(403);
      expect((await client.get('/api/training-right/deadlines')).statusCode).toBe(403);
    }
    expect((await c.get('/api/training-right/learning-account.csv?period=2026-Q5')).statusCode).toBe(422);

    const json = await c.get('/api/training-right/learning-account.json?period=2026');
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="leerrekening-2026.json"');
    const data = json.json();
    expect(data).toMatchObject({
      format: 'groeipad-learning-account/1',
      kind: 'yearly',
      period: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
      employer: {
        name: 'vzw Testbrug',
        jointCommittee: '319.01',
        averageFte: 25,
        sizeBand: 'from_20',
        hoursPerDay: 7.6,
      },
    });
    expect(data.people).toHaveLength(6);
    const annaOut = data.people.find((p: { id: string }) => p.id === anna.id);
    expect(annaOut).toMatchObject({
      email: anna.email,
      firstName: 'Anna',
      lastName: 'Aerts',
      workRegime: 'voltijds',
      fte: 1,
      year: 2026,
      daysPerFte: 5,
      entitlementDays: 5,
      carriedOverDays: 0,
      remainingDays: 3,
    });
    // Done and still planned records; never the cancelled one, never goals.
    expect(annaOut.trainings).toEqual([
      expect.objectContaining({
        name: 'Vlaams opleidingsverlof: bachelor orthopedagogie',
        followed: true,
        countsForTrainingRight: false,
        durationDays: 5,
      }),
      expect.objectContaining({
        name: 'Training ‘omgaan met agressie’',
        startDate: '2026-03-02',
        endDate: '2026-03-03',
        durationHours: 15.2,
        durationDays: 2,
        followed: true,
        certificate: 'Attest in het personeelsdossier',
        countsForTrainingRight: true,
        financing: 'Sectorfonds (VIVO)',
      }),
      {
        id: expect.any(String),
        name: 'Vorming rond palliatieve zorg',
        type: 'Training',
        learning: 'formal',
        startDate: '2026-12-08',
        endDate: '2026-12-08',
        durationHours: 7.6,
        durationDays: 1,
        followed: false,
        certificate: null,
        countsForTrainingRight: true,
        financing: null,
      },
    ]);
    expect(json.body).not.toContain('Geheim');
    expect(json.body).not.toContain('Geannuleerde vorming');

    const csv = await c.get('/api/training-right/learning-account.csv?period=2026');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    const header = lines[0]?.split(';') ?? [];
    expect(header).toEqual(learningAccountColumns.map(([name]) => name));
    const rows = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(';').map((v, i) => [header[i], v])));
    // Anna 3 records, Bert 1, four people with none (one row each).
    expect(rows).toHaveLength(8);
    const bertRow = rows.find((r) => r.person_id === bert.id);
    expect(bertRow).toMatchObject({
      fte: '0,8',
      entitlement_days: '3',
      training_name: 'Meelopen met een ervaren collega',
      training_type: 'Leren op de werkvloer (on-the-job)',
      learning: 'informal',
      start_date: '2026-04-01',
      end_date: '2026-05-31',
      duration_hours: '7,6',
      duration_days: '1',
      followed: 'yes',
      counts_for_training_right: 'yes',
    });

    // A quarter holds only its own records: Q1 has Anna's training of March.
    const q1 = (await c.get('/api/training-right/learning-account.json?period=2026-Q1')).json();
    expect(q1.people.map((p: { id: string }) => p.id)).toEqual([anna.id]);
    expect(q1.people[0].trainings.map((t: { name: string }) => t.name)).toEqual([
      'Training ‘omgaan met agressie’',
    ]);

    const exports = await h.ctx.database.db
      .selectFrom('learning_account_exports')
      .select(['kind', 'period', 'records', 'exported_by'])
      .where('organisation_id', '=', org.id)
      .orderBy('exported_at')
      .orderBy('kind')
      .execute();
    expect(exports.map((e) => [e.kind, e.period, Number(e.records)])).toEqual(
      expect.arrayContaining([
        ['yearly', '2026', 8],
        ['quarterly', '2026-Q1', 1],
      ]),
    );
    expect(exports.every((e) => e.exported_by === hr.id)).toBe(true);
  });

  it('deadlines: new hires within 60 days, each quarter, the yearly delivery, with overdue flagged', async () => {
    const { hr, bert } = await testbrug(h);
    const c = await h.login(hr);
    const deadlines = (await c.get('/api/training-right/deadlines?year=2026')).json();
    expect(deadlines.today).toBe('2026-11-20');
    const summary = deadlines.items.map(
      (d: { kind: string; period: string; dueDate: string; status: string }) => [
        d.kind,
        d.period,
        d.dueDate,
        d.status,
      ],
    );
    expect(summary).toEqual([
      ['yearly', '2026', '2026-01-30', 'overdue'],
      ['quarterly', '2025-Q4', '2026-01-31', 'overdue'],
      ['quarterly', '2026-Q1', '2026-04-30', 'overdue'],
      ['new_hire', '2026-04-01', '2026-05-31', 'overdue'],
      ['quarterly', '2026-Q2', '2026-07-31', 'overdue'],
      ['quarterly', '2026-Q3', '2026-10-31', 'overdue'],
    ]);
    expect(deadlines.items[3]).toMatchObject({ personId: bert.id, personName: 'Bert Bosmans' });

    // Next year: Dirk starts on 4 January 2027 and is due by 5 March.
    const next = (await c.get('/api/training-right/deadlines?year=2027')).json();
    expect(next.items.find((d: { kind: string }) => d.kind === 'new_hire')).toMatchObject({
      period: '2027-01-04',
      dueDate: '2027-03-05',
      status: 'upcoming',
    });

    await c.get('/api/training-right/learning-account.csv?period=2026-Q1');
    await c.get('/api/training-right/learning-account.json?period=new-hires');
    const after = (await c.get('/api/training-right/deadlines?year=2026')).json();
    const statusOf = (period: string) =>
      after.items.find((d: { period: string }) => d.period === period)?.status as string;
    expect(statusOf('2026-Q1')).toBe('done');
    expect(statusOf('2026-04-01')).toBe('done');
    expect(statusOf('2026-Q2')).toBe('overdue');
    // The new-hires delivery holds Bert and Dirk, who starts within 60 days.
    expect(after.recentExports.map((e: { kind: string }) => e.kind).sort()).toEqual([
      'new_hire',
      'new_hire',
      'quarterly',
    ]);
    const nextAfter = (await c.get('/api/training-right/deadlines?year=2027')).json();
    expect(nextAfter.items.find((d: { kind: string }) => d.kind === 'new_hire')?.status).toBe('done');
  });

  it('kinds of action: HR marks one as not counting; it shows in the kinds and in the balance', async () => {
    const { hr, anna, annaPlan } = await testbrug(h);
    const c = await h.login(hr);
    const created = await c.post('/api/action-types', {
      nameNl: 'Betaald educatief verlof',
      countsForTrainingRight: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ builtIn: false, countsForTrainingRight: false });
    const builtIn = (await c.get('/api/action-types'))
      .json()
      .items.filter((t: { builtIn: boolean }) => t.builtIn);
    expect(builtIn.every((t: { countsForTrainingRight: boolean }) => t.countsForTrainingRight)).toBe(true);
    const toggled = await c.patch(`/api/action-types/${created.json().id}`, {
      countsForTrainingRight: true,
      version: created.json().version,
    });
    expect(toggled.json()).toMatchObject({ countsForTrainingRight: true });
    // Marking Anna's 15.2 h training as not counting (per action) takes its 2 days off her balance.
    const [trainingId] = annaPlan.actionIds;
    await h.ctx.database.db
      .updateTable('actions')
      .set({ counts_for_training_right: 0 })
      .where('id', '=', trainingId ?? '')
      .execute();
    const own = (await (await h.login(anna)).get('/api/training-right/me?year=2026')).json();
    expect(own.balance).toMatchObject({ followed: 0, remaining: 5 });
  });

  it('organisations in the Netherlands do not have the Belgian training right: 404 everywhere', async () => {
    const org = await h.createOrganisation({ country: 'NL' });
    const c = await h.login(org.admin);
    for (const [method, url, body] of [
      ['GET', '/api/training-right/settings', undefined],
      ['PUT', '/api/training-right/settings', { carryOver: true, version: 1 }],
      ['PUT', '/api/training-right/norms/2026', { daysPerFte: 2, version: null }],
      ['DELETE', '/api/training-right/norms/2026?version=1', undefined],
      ['GET', '/api/training-right/balances', undefined],
      ['GET', '/api/training-right/me', undefined],
      ['POST', '/api/training-right/statements', { year: 2026 }],
      ['GET', '/api/training-right/learning-account.csv?period=2026', undefined],
      ['GET', '/api/training-right/learning-account.json?period=2026', undefined],
      ['GET', '/api/training-right/deadlines', undefined],
    ] as const) {
      const response = await c.request({
        method,
        url,
        ...(body ? { payload: body as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.message).toContain('alleen voor organisaties in België');
    }
    const rows = await h.ctx.database.db
      .selectFrom('learning_account_exports')
      .select('id')
      .where('organisation_id', '=', org.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
