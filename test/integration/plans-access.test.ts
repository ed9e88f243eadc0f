import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

async function fire(client: Client, planId: string, event: string, extra: object = {}) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  return client.post(`/api/plans/${planId}/events`, { event, version: plan.version, ...extra });
}

/** An organisation with two teams, their managers, HR, a beheerder without HR, and a plan per employee. */
async function organisation(h: Harness) {
  const org = await h.createOrganisation();
  const managerA = await h.createPerson(org.id, { roles: ['employee', 'manager'], lastName: 'Aerts' });
  const managerB = await h.createPerson(org.id, { roles: ['employee', 'manager'], lastName: 'Bogaerts' });
  const teamA = await h.createTeam(org.id, { name: 'Wonen', managerId: managerA.id });
  const teamB = await h.createTeam(org.id, { name: 'Atelier', managerId: managerB.id });
  const anna = await h.createPerson(org.id, { lastName: 'Anna', managerId: managerA.id, teamId: teamA.id });
  const bert = await h.createPerson(org.id, { lastName: 'Bert', teamId: teamB.id });
  const hr = await h.createPerson(org.id, { roles: ['employee', 'hr'], lastName: 'Hermans' });
  const admin = await h.createPerson(org.id, { roles: ['employee', 'admin'], lastName: 'Beheer' });
  const clients = {
    managerA: await h.login(managerA),
    managerB: await h.login(managerB),
    anna: await h.login(anna),
    bert: await h.login(bert),
    hr: await h.login(hr),
    admin: await h.login(admin),
    outsider: await h.login((await h.createOrganisation()).admin),
  };
  const planA = (await clients.managerA.post('/api/plans', { employeeId: anna.id })).json();
  // Bert has no direct manager: the manager of his team is his leidinggevende.
  const planB = (
    await clients.hr.post('/api/plans', { employeeId: bert.id, periodStart: '2027-01-01' })
  ).json();
  return { org, managerA, managerB, anna, bert, hr, admin, teamA, teamB, clients, planA, planB };
}

describeEachDatabase('who sees and does what on a POP', (h) => {
  it('lists and opens plans per role, on both databases', async () => {
    const o = await organisation(h);
    expect(o.planA.requestedBy).toBe('manager');
    expect(o.planB).toMatchObject({
      requestedBy: 'hr',
      manager: { id: o.managerB.id },
      periodEnd: '2027-12-31',
    });
    const ids = async (c: Client, query = '') =>
      (await c.get(`/api/plans${query}`))
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort();
    const both = [o.planA.id, o.planB.id].sort();

    expect(await ids(o.clients.anna)).toEqual([o.planA.id]);
    expect(await ids(o.clients.managerA)).toEqual([o.planA.id]);
    expect(await ids(o.clients.managerB)).toEqual([o.planB.id]);
    expect(await ids(o.clients.hr)).toEqual(both);
    expect(await ids(o.clients.admin)).toEqual([]);
    expect(await ids(o.clients.outsider)).toEqual([]);

    // Filters.
    expect(await ids(o.clients.hr, `?teamId=${o.teamA.id}`)).toEqual([o.planA.id]);
    expect(await ids(o.clients.hr, `?employeeId=${o.bert.id}`)).toEqual([o.planB.id]);
    expect(await ids(o.clients.hr, '?year=2027')).toEqual([o.planB.id]);
    expect(await ids(o.clients.hr, '?phase=conversation')).toEqual([]);
    expect(await ids(o.clients.hr, '?q=bert')).toEqual([o.planB.id]);
    expect(await ids(o.clients.hr, `?q=${encodeURIComponent('ANNA bert')}`)).toEqual([]);
    expect(await ids(o.clients.hr, `?q=${encodeURIComponent('an%')}`)).toEqual([]);
    expect(await ids(o.clients.hr, `?q=an&teamId=${o.teamA.id}&year=2026`)).toEqual([o.planA.id]);
    expect((await o.clients.hr.get(`/api/plans?q=bert&year=2027`)).json().total).toBe(1);
    expect(await ids(o.clients.managerA, '?as=employee')).toEqual([]);
    expect(await ids(o.clients.anna, `?employeeId=${o.bert.id}`)).toEqual([]);

    // HR's list has phase, dates and counts and no content; the detail has no content either by default.
    const hrItem = (await o.clients.hr.get(`/api/plans?employeeId=${o.anna.id}`)).json().items[0];
    expect(hrItem).toMatchObject({
      phase: 'preparation',
      relation: ['hr'],
      counts: { goals: 0, actions: 0 },
    });
    const hrDetail = (await o.clients.hr.get(`/api/plans/${o.planA.id}`)).json();
    expect(hrDetail).toMatchObject({
      content: null,
      preparations: null,
      talkingPoints: null,
      myParty: null,
      allowedEvents: ['cancel'],
    });
    expect(hrDetail.permissions).toMatchObject({
      canSeeContent: false,
      canEditContent: false,
      canChangeManager: true,
    });

    // Everyone else: not found, whatever the reason.
    for (const c of [o.clients.admin, o.clients.bert, o.clients.managerB, o.clients.outsider]) {
      expect((await c.get(`/api/plans/${o.planA.id}`)).statusCode).toBe(404);
      expect((await c.post(`/api/plans/${o.planA.id}/goals`, { title: 'x' })).statusCode).toBe(404);
    }
    expect((await o.clients.anna.get(`/api/plans/${randomUUID()}`)).statusCode).toBe(404);
    expect((await h.anonymous().get('/api/plans')).statusCode).toBe(401);
  });

  it('lets only the parties write, and HR read content only when the organisation allows it', async () => {
    const o = await organisation(h);
    const goal = (
      await o.clients.anna.post(`/api/plans/${o.planA.id}/goals`, { title: 'Leren plannen' })
    ).json();
    expect((await o.clients.hr.post(`/api/plans/${o.planA.id}/goals`, { title: 'HR-doel' })).statusCode).toBe(
      403,
    );
    expect((await o.clients.hr.get(`/api/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await o.clients.hr.get(`/api/plans/${o.planA.id}/carry-over`)).statusCode).toBe(404);
    expect((await o.clients.managerB.get(`/api/goals/${goal.id}`)).statusCode).toBe(404);

    // Only the beheerder changes the organisation setting.
    const settings = (await o.clients.admin.get('/api/organisation')).json();
    expect(settings).toMatchObject({ hrSeesPlanContent: false, exchangeDays: 7 });
    expect(
      (await o.clients.hr.patch('/api/organisation', { hrSeesPlanContent: true, version: settings.version }))
        .statusCode,
    ).toBe(403);
    const changed = await o.clients.admin.patch('/api/organisation', {
      hrSeesPlanContent: true,
      exchangeDays: 10,
      version: settings.version,
    });
    expect(changed.json()).toMatchObject({ hrSeesPlanContent: true, exchangeDays: 10 });

    const hrDetail = (await o.clients.hr.get(`/api/plans/${o.planA.id}`)).json();
    expect(hrDetail.content.goals.map((g: { title: string }) => g.title)).toEqual(['Leren plannen']);
    expect(hrDetail.preparations).toBeNull();
    expect((await o.clients.hr.get(`/api/goals/${goal.id}`)).statusCode).toBe(200);
    expect(
      (await o.clients.hr.patch(`/api/goals/${goal.id}`, { title: 'Anders', version: goal.version }))
        .statusCode,
    ).toBe(403);
    // The beheerder manages settings, not content.
    expect((await o.clients.admin.get(`/api/plans/${o.planA.id}`)).statusCode).toBe(404);

    // Events per party: the employee cannot cancel; HR can; nobody but the parties approves.
    expect((await fire(o.clients.anna, o.planA.id, 'cancel')).statusCode).toBe(403);
    await fire(o.clients.anna, o.planA.id, 'start_conversation');
    const hrApprove = await fire(o.clients.hr, o.planA.id, 'approve');
    expect(hrApprove.statusCode).toBe(403);
    expect(hrApprove.json().error.code).toBe('FORBIDDEN');
    const cancelled = await fire(o.clients.hr, o.planB.id, 'cancel');
    expect(cancelled.json()).toMatchObject({ phase: 'closed', cancelled: true });
  });

  it('starts plans for the right people only, and lets an employee ask for one', async () => {
    const o = await organisation(h);
    const carl = await h.createPerson(o.org.id, { managerId: o.managerA.id });
    const noManager = await h.createPerson(o.org.id);
    expect((await o.clients.managerB.post('/api/plans', { employeeId: carl.id })).statusCode).toBe(403);
    expect((await o.clients.anna.post('/api/plans', { employeeId: carl.id })).statusCode).toBe(403);
    expect((await o.clients.admin.post('/api/plans', { employeeId: carl.id })).statusCode).toBe(403);
    const again = await o.clients.hr.post('/api/plans', { employeeId: o.anna.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Deze medewerker heeft al een lopend POP. Sluit dat eerst af.');
    const none = await o.clients.hr.post('/api/plans', { employeeId: noManager.id });
    expect(none.json().error.fields).toMatchObject([{ path: 'employeeId', code: 'no_manager' }]);
    const foreign = await o.clients.hr.post('/api/plans', {
      employeeId: (await h.createOrganisation()).admin.id,
    });
    expect(foreign.json().error.fields).toMatchObject([{ path: 'employeeId', code: 'unknown_reference' }]);
    const tooLong = await o.clients.hr.post('/api/plans', {
      employeeId: carl.id,
      periodStart: '2026-01-01',
      periodEnd: '2032-01-01',
    });
    expect(tooLong.json().error.fields).toMatchObject([{ path: 'periodEnd', code: 'period_too_long' }]);

    const asked = await (await h.login(carl)).post('/api/plans/requests', {});
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      requestedBy: 'employee',
      phase: 'preparation',
      myParty: 'employee',
    });
    const managerList = (await o.clients.managerA.get('/api/plans')).json().items;
    expect(managerList.find((p: { employee: { id: string } }) => p.employee.id === carl.id)).toMatchObject({
      requestedBy: 'employee',
    });
    expect((await (await h.login(noManager)).post('/api/plans/requests', {})).statusCode).toBe(422);
  });

  it('shows HR that a plan is stuck, never why', async () => {
    const o = await organisation(h);
    await fire(o.clients.anna, o.planA.id, 'start_conversation');
    await o.clients.managerA.post(`/api/plans/${o.planA.id}/goals`, { title: 'Teamoverleg voorzitten' });
    expect((await fire(o.clients.managerA, o.planA.id, 'approve')).statusCode).toBe(200);
    const noComment = await fire(o.clients.anna, o.planA.id, 'record_disagreement');
    expect(noComment.json().error.fields).toMatchObject([{ path: 'comment', code: 'disagreement_comment' }]);
    const why = 'Ik wil dit doel niet zonder extra uren.';
    const disputed = await fire(o.clients.anna, o.planA.id, 'record_disagreement', { comment: why });
    expect(disputed.json()).toMatchObject({
      disputed: true,
      disagreementComment: why,
      managerApprovedAt: null,
    });

    const managerView = (await o.clients.managerA.get(`/api/plans/${o.planA.id}`)).json();
    expect(managerView.disagreementComment).toBe(why);
    const blocked = await fire(o.clients.managerA, o.planA.id, 'approve');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toMatch(/gezien, niet akkoord/);

    const hrList = await o.clients.hr.get('/api/plans');
    const hrDetail = await o.clients.hr.get(`/api/plans/${o.planA.id}`);
    expect(hrList.json().items.find((p: { id: string }) => p.id === o.planA.id).disputed).toBe(true);
    expect(hrDetail.json()).toMatchObject({ disputed: true, disagreementComment: null });
    expect(hrList.body + hrDetail.body).not.toContain(why);

    const resolved = await fire(o.clients.anna, o.planA.id, 'resolve_disagreement');
    expect(resolved.json()).toMatchObject({ disputed: false, disagreementComment: null });
  });

  it('lets HR hand a plan to another manager', async () => {
    const o = await organisation(h);
    const plan = (await o.clients.hr.get(`/api/plans/${o.planA.id}`)).json();
    expect(
      (
        await o.clients.managerA.patch(`/api/plans/${o.planA.id}`, {
          managerId: o.managerB.id,
          version: plan.version,
        })
      ).statusCode,
    ).toBe(403);
    const self = await o.clients.hr.patch(`/api/plans/${o.planA.id}`, {
      managerId: o.anna.id,
      version: plan.version,
    });
    expect(self.json().error.fields).toMatchObject([{ path: 'managerId', code: 'manager_self' }]);
    const moved = await o.clients.hr.patch(`/api/plans/${o.planA.id}`, {
      managerId: o.managerB.id,
      version: plan.version,
    });
    expect(moved.json().manager.id).toBe(o.managerB.id);
    expect((await o.clients.managerB.get(`/api/plans/${o.planA.id}`)).statusCode).toBe(200);
    expect((await o.clients.managerA.get(`/api/plans/${o.planA.id}`)).statusCode).toBe(404);
  });
});
