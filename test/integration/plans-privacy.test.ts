import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase } from '../support/harness.js';

const MARKER = 'GEHEIM-7f3a-twijfel-over-mijn-job';
const POINT_MARKER = 'GESPREKSPUNT-91c2-overstap-overwegen';

describeEachDatabase('privacy of a preparation', (h) => {
  it('never shows an unshared preparation or its talking points to anyone else, in any answer', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const colleague = await h.createPerson(org.id, { managerId: manager.id });
    const otherManager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const hrOnly = await h.createPerson(org.id, { roles: ['employee', 'hr'] });
    const adminOnly = await h.createPerson(org.id, { roles: ['employee', 'admin'] });
    const outsiderOrg = await h.createOrganisation();

    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    const prep = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    const questionIds = prep.questions.map((q: { id: string }) => q.id);
    const saved = await e.put(`/api/plans/${plan.id}/preparations/mine`, {
      answers: Object.fromEntries(questionIds.map((id: string) => [id, `${MARKER} (${id})`])),
      version: prep.version,
    });
    expect(saved.statusCode).toBe(200);
    const point = (await e.post(`/api/plans/${plan.id}/talking-points`, { text: POINT_MARKER })).json();

    const others: Array<{ who: string; client: Client }> = [
      { who: 'manager', client: m },
      { who: 'hr', client: await h.login(hrOnly) },
      { who: 'admin+hr', client: await h.login(org.admin) },
      { who: 'admin', client: await h.login(adminOnly) },
      { who: 'colleague', client: await h.login(colleague) },
      { who: 'other manager', client: await h.login(otherManager) },
      { who: 'other organisation', client: await h.login(outsiderOrg.admin) },
    ];

    const leaks: string[] = [];
    const check = async (
      who: string,
      label: string,
      response: Promise<{ statusCode: number; body: string }>,
    ) => {
      const { statusCode, body } = await response;
      expect(statusCode, `${who} ${label}`).toBeLessThan(500);
      if (body.includes(MARKER) || body.includes(POINT_MARKER)) leaks.push(`${who} ${label}`);
    };
    const everything = async (who: string, c: Client) => {
      const detail = await c.get(`/api/plans/${plan.id}`);
      const version = detail.statusCode === 200 ? detail.json().version : 1;
      await check(who, 'list', Promise.resolve(await c.get('/api/plans')));
      await check(who, 'list as manager', c.get('/api/plans?as=manager'));
      await check(who, 'list by employee', c.get(`/api/plans?employeeId=${employee.id}`));
      await check(who, 'detail', Promise.resolve(detail));
      await check(who, 'own preparation', c.get(`/api/plans/${plan.id}/preparations/mine`));
      await check(who, 'carry-over', c.get(`/api/plans/${plan.id}/carry-over`));
      await check(who, 'version', c.get(`/api/plans/${plan.id}/versions/1`));
      await check(
        who,
        'autosave with her question ids',
        c.put(`/api/plans/${plan.id}/preparations/mine`, {
          answers: Object.fromEntries(questionIds.map((id: string) => [id, 'x'])),
          version: 1,
        }),
      );
      await check(
        who,
        'stale autosave',
        c.put(`/api/plans/${plan.id}/preparations/mine`, { answers: {}, version: 99 }),
      );
      await check(who, 'share', c.post(`/api/plans/${plan.id}/preparations/mine/share`, { version: 99 }));
      await check(
        who,
        'her talking point',
        c.patch(`/api/plans/${plan.id}/talking-points/${point.id}`, { text: 'x', version: 1 }),
      );
      await check(
        who,
        'delete her talking point',
        c.delete(`/api/plans/${plan.id}/talking-points/${point.id}?version=1`),
      );
      await check(who, 'patch plan', c.patch(`/api/plans/${plan.id}`, { facilities: 'x', version }));
      await check(who, 'bad event', c.post(`/api/plans/${plan.id}/events`, { event: 'approve', version }));
      await check(
        who,
        'stale event',
        c.post(`/api/plans/${plan.id}/events`, { event: 'cancel', version: 999 }),
      );
      await check(who, 'goal', c.post(`/api/plans/${plan.id}/goals`, { title: 'Doel' }));
      await check(who, 'unknown plan', c.get(`/api/plans/${randomUUID()}`));
    };
    for (const { who, client } of others) await everything(who, client);

    // The manager starts the conversation: what was not shared stays private.
    const before = (await m.get(`/api/plans/${plan.id}`)).json();
    await check(
      'manager',
      'start conversation',
      m.post(`/api/plans/${plan.id}/events`, { event: 'start_conversation', version: before.version }),
    );
    await check('manager', 'detail in conversation', m.get(`/api/plans/${plan.id}`));
    expect(leaks).toEqual([]);

    // HR with the content setting on reads goals and agreements, never preparations.
    const settings = (await (await h.login(org.admin)).get('/api/organisation')).json();
    await (await h.login(org.admin)).patch('/api/organisation', {
      hrSeesPlanContent: true,
      version: settings.version,
    });
    const hrDetail = (await (await h.login(hrOnly)).get(`/api/plans/${plan.id}`)).json();
    expect(hrDetail.content).not.toBeNull();
    expect(hrDetail.preparations).toBeNull();
    expect(hrDetail.talkingPoints).toBeNull();

    // She shares (sharing is still possible in the conversation): now her manager reads both, HR still not.
    const mine = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    expect(
      (await e.post(`/api/plans/${plan.id}/preparations/mine/share`, { version: mine.version })).statusCode,
    ).toBe(200);
    const seen = (await m.get(`/api/plans/${plan.id}`)).body;
    expect(seen).toContain(MARKER);
    expect(seen).toContain(POINT_MARKER);
    for (const { who, client } of others.filter((o) => o.who !== 'manager')) await everything(who, client);
    expect(leaks).toEqual([]);
  });

  it('keeps an unsubmitted evaluation to its author', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const e = await h.login(employee);
    let plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    for (const [client, event] of [
      [m, 'start_conversation'],
      [m, 'approve'],
      [e, 'approve'],
      [m, 'start_evaluation'],
    ] as const) {
      plan = (await client.post(`/api/plans/${plan.id}/events`, { event, version: plan.version })).json();
    }
    const own = plan.content.evaluations.manager;
    await m.put(`/api/plans/${plan.id}/evaluations/mine`, { effectOnCareer: MARKER, version: own.version });
    const hers = await e.get(`/api/plans/${plan.id}`);
    expect(hers.body).not.toContain(MARKER);
    expect(hers.json().content.evaluations.manager).toEqual({
      party: 'manager',
      visible: false,
      submitted: false,
    });
  });
});
