import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

async function planInConversation(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const employee = await h.createPerson(org.id, { managerId: manager.id });
  const m = await h.login(manager);
  const e = await h.login(employee);
  let plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
  plan = (
    await m.post(`/api/plans/${plan.id}/events`, { event: 'start_conversation', version: plan.version })
  ).json();
  return { org, manager, employee, m, e, plan };
}

const planOf = async (c: Client, id: string) => (await c.get(`/api/plans/${id}`)).json();

describeEachDatabase('concurrent edits of a POP', (h) => {
  it('answers the second save of the same goal with a conflict and keeps the first text', async () => {
    const { m, e, plan, employee } = await planInConversation(h);
    const goal = (await m.post(`/api/plans/${plan.id}/goals`, { title: 'Beter plannen' })).json();
    // The same person in a second tab, and the manager, both start from version 1.
    const secondTab = await h.login(employee);
    const first = await e.patch(`/api/goals/${goal.id}`, {
      description: 'Een weekplanning maken en bijhouden voor de woonvorm.',
      version: goal.version,
    });
    expect(first.statusCode).toBe(200);
    for (const c of [secondTab, m]) {
      const second = await c.patch(`/api/goals/${goal.id}`, {
        description: 'Iets anders',
        version: goal.version,
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({
        code: 'VERSION_CONFLICT',
        currentVersion: goal.version + 1,
        message: expect.stringContaining('Je tekst is niet verloren'),
      });
    }
    const stored = (await m.get(`/api/goals/${goal.id}`)).json();
    expect(stored.description).toBe('Een weekplanning maken en bijhouden voor de woonvorm.');
    const deleteStale = await m.delete(`/api/goals/${goal.id}?version=${goal.version}`);
    expect(deleteStale.statusCode).toBe(409);
  });

  it('saves a goal against a competency: answers its name, refuses one of another organisation, clears it', async () => {
    const { org, m, plan } = await planInConversation(h);
    const admin = await h.login(org.admin);
    const competency = (await admin.post('/api/competencies', { name: 'Samenwerken' })).json();
    const otherOrg = await h.createOrganisation();
    const foreign = (
      await (await h.login(otherOrg.admin)).post('/api/competencies', { name: 'Plannen' })
    ).json();
    const goal = (await m.post(`/api/plans/${plan.id}/goals`, { title: 'Beter samenwerken' })).json();
    expect(goal.competencyName).toBeNull();

    const linked = await m.patch(`/api/goals/${goal.id}`, {
      competencyId: competency.id,
      version: goal.version,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ competencyId: competency.id, competencyName: 'Samenwerken' });
    // A save that leaves the competency alone answers its name too.
    const renamed = await m.patch(`/api/goals/${goal.id}`, {
      title: 'Samenwerken',
      version: linked.json().version,
    });
    expect(renamed.json()).toMatchObject({ title: 'Samenwerken', competencyName: 'Samenwerken' });

    const refused = await m.patch(`/api/goals/${goal.id}`, {
      competencyId: foreign.id,
      version: renamed.json().version,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'competencyId' })]);
    expect((await m.get(`/api/goals/${goal.id}`)).json()).toMatchObject({
      version: renamed.json().version,
      competencyName: 'Samenwerken',
    });

    const cleared = await m.patch(`/api/goals/${goal.id}`, {
      competencyId: null,
      version: renamed.json().version,
    });
    expect(cleared.json()).toMatchObject({ competencyId: null, competencyName: null });
  });

  it('withdraws an approval when the content changes, and refuses an approval of an older version', async () => {
    const { m, e, plan } = await planInConversation(h);
    const goal = (await m.post(`/api/plans/${plan.id}/goals`, { title: 'Beter plannen' })).json();
    let current = await planOf(e, plan.id);
    const approved = await e.post(`/api/plans/${plan.id}/events`, {
      event: 'approve',
      version: current.version,
    });
    expect(approved.json().employeeApprovedAt).not.toBeNull();
    const seenByManager = await planOf(m, plan.id);

    await m.patch(`/api/goals/${goal.id}`, { targetDate: '2026-10-31', version: goal.version });
    current = await planOf(e, plan.id);
    expect(current).toMatchObject({ employeeApprovedAt: null, managerApprovedAt: null });
    expect(current.allowedEvents).toContain('approve');

    // The manager approves what he saw before his own change: that version is gone.
    const stale = await m.post(`/api/plans/${plan.id}/events`, {
      event: 'approve',
      version: seenByManager.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: current.version });

    // Other content too: an action, the agreements, a follow-up date.
    const again = await e.post(`/api/plans/${plan.id}/events`, {
      event: 'approve',
      version: current.version,
    });
    expect(again.statusCode).toBe(200);
    await m.patch(`/api/plans/${plan.id}`, { facilities: 'Opleidingsbudget', version: again.json().version });
    expect((await planOf(e, plan.id)).employeeApprovedAt).toBeNull();
  });

  it('lets only one of two simultaneous approvals of the same version through', async () => {
    const { m, e, plan } = await planInConversation(h);
    await m.post(`/api/plans/${plan.id}/goals`, { title: 'Beter plannen' });
    const { version } = await planOf(m, plan.id);
    const answers = await Promise.all([
      m.post(`/api/plans/${plan.id}/events`, { event: 'approve', version }),
      e.post(`/api/plans/${plan.id}/events`, { event: 'approve', version }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const latest = await planOf(m, plan.id);
    expect(latest.phase).toBe('conversation');
    const loser = answers[0]?.statusCode === 409 ? m : e;
    const done = await loser.post(`/api/plans/${plan.id}/events`, {
      event: 'approve',
      version: latest.version,
    });
    expect(done.json()).toMatchObject({ phase: 'approved', approvedVersion: 1 });
    expect(done.json().versions).toHaveLength(1);
  });

  it('autosaves a preparation idempotently and answers a stale save with the stored text', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const fresh = (await (await h.login(manager)).post('/api/plans', { employeeId: employee.id })).json();
    const tabA = await h.login(employee);
    const tabB = await h.login(employee);
    const prep = (await tabA.get(`/api/plans/${fresh.id}/preparations/mine`)).json();
    const q = prep.questions[0].id;
    const body = { answers: { [q]: 'Eerste versie van mijn antwoord' }, version: prep.version };
    const saved = await tabA.put(`/api/plans/${fresh.id}/preparations/mine`, body);
    expect(saved.json().version).toBe(prep.version + 1);
    // The same save again (a retry after a lost answer) changes nothing.
    const retry = await tabA.put(`/api/plans/${fresh.id}/preparations/mine`, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(prep.version + 1);
    const stale = await tabB.put(`/api/plans/${fresh.id}/preparations/mine`, {
      answers: { [q]: 'Tweede tab' },
      version: prep.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: prep.version + 1,
      current: { answers: { [q]: 'Eerste versie van mijn antwoord' }, version: prep.version + 1 },
    });
    const unknown = await tabA.put(`/api/plans/${fresh.id}/preparations/mine`, {
      answers: { 'no-such-question': 'x' },
      version: prep.version + 1,
    });
    expect(unknown.json().error.fields).toMatchObject([
      { path: 'answers.no-such-question', code: 'unknown_question' },
    ]);
    // Once the conversation started, the preparation is fixed.
    const started = await (await h.login(manager)).post(`/api/plans/${fresh.id}/events`, {
      event: 'start_conversation',
      version: fresh.version,
    });
    expect(started.statusCode).toBe(200);
    const late = await tabA.put(`/api/plans/${fresh.id}/preparations/mine`, {
      answers: { [q]: 'Te laat' },
      version: prep.version + 1,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('INVALID_STATE');
  });
});
