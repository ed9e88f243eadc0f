import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

/**
 * Many clients at once. Twenty sessions of the two parties save the same goal with the same version: exactly one
 * wins per version, the others get a 409 that carries the current version (their text stays in their form, and they
 * save it again over the latest version on purpose), and nothing else of the plan changes. And final approvals of
 * many plans that draw on the same hard budgets, at the same moment: together they never overspend any of them.
 * (Two concurrent approvals of one budget: budgets.test.ts; one goal saved from twenty tabs with a description:
 * mass-assignment.test.ts.)
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers
type Json = any;

async function ok(response: Promise<LightMyRequestResponse>, status = 200): Promise<Json> {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  return r.json();
}

async function fire(client: Client, planId: string, event: string): Promise<Json> {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

/** A goal with every text field filled, in a plan in the conversation phase, and a second goal beside it. */
async function goalInConversation(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
  const employee = await h.createPerson(org.id, { managerId: manager.id });
  const m = await h.login(manager);
  const e = await h.login(employee);
  const plan = await ok(m.post('/api/plans', { employeeId: employee.id }), 201);
  await fire(m, plan.id, 'start_conversation');
  const goal = await ok(
    m.post(`/api/plans/${plan.id}/goals`, {
      title: 'Beter plannen',
      description: 'Een weekplanning maken voor de woonvorm',
      reason: 'Minder overuren',
      measure: 'Elke maandag een planning',
      targetDate: '2026-10-31',
    }),
    201,
  );
  const other = await ok(m.post(`/api/plans/${plan.id}/goals`, { title: 'Andere doelstelling' }), 201);
  return {
    org,
    manager,
    employee,
    m,
    e,
    admin: await h.login(org.admin),
    planId: plan.id as string,
    goal,
    other,
  };
}

/** A goal without what a save changes: its title, version and time of change. */
function rest(goal: Json) {
  const { title: _t, version: _v, updatedAt: _u, ...others } = goal;
  return others;
}

/** Sends every body at once, one session each; answers the single winner and the losers. */
async function race(tabs: Client[], url: string, bodies: object[]) {
  const answers = await Promise.all(tabs.map((tab, i) => tab.patch(url, bodies[i])));
  const statuses = answers.map((a) => a.statusCode);
  expect(
    statuses.filter((s) => s === 200),
    JSON.stringify(statuses),
  ).toHaveLength(1);
  expect(
    statuses.filter((s) => s === 409),
    JSON.stringify(statuses),
  ).toHaveLength(tabs.length - 1);
  const winner = statuses.indexOf(200);
  return { winner, won: answers[winner]!.json() as Json, answers };
}

describeEachDatabase('concurrent saves and approvals', (h) => {
  it('lets exactly one of twenty sessions saving the same goal win per version; the others keep their text', async () => {
    const w = await goalInConversation(h);
    // Ten sessions of each party: the employee and the manager may both edit the goal in the conversation.
    const tabs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.login(i % 2 === 0 ? w.employee : w.manager)),
    );
    const url = `/api/goals/${w.goal.id}`;
    const before = await ok(w.m.get(url));
    const otherBefore = await ok(w.m.get(`/api/goals/${w.other.id}`));
    const planBefore = await ok(w.m.get(`/api/plans/${w.planId}`));

    // Round 1: everyone starts from the same version with a title of their own.
    const texts = tabs.map((_, i) => `Titel uit sessie ${i + 1}`);
    const first = await race(
      tabs,
      url,
      texts.map((title) => ({ title, version: before.version })),
    );
    expect(first.won).toMatchObject({ title: texts[first.winner], version: before.version + 1 });
    for (const [i, answer] of first.answers.entries()) {
      if (i === first.winner) continue;
      const error = answer.json().error;
      expect(error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: before.version + 1 });
      // The message reassures the person in their language that their text is still in the form.
      expect(error.message).toContain('Je tekst is niet verloren');
    }
    const stored = await ok(w.m.get(url));
    expect(stored.title).toBe(texts[first.winner]);
    expect(stored.version).toBe(before.version + 1);
    expect(rest(stored)).toEqual(rest(before));
    // One save reached the plan: one version step, one audit event; the other goal is untouched.
    const planAfter = await ok(w.m.get(`/api/plans/${w.planId}`));
    expect(planAfter.version).toBe(planBefore.version + 1);
    expect(await ok(w.m.get(`/api/goals/${w.other.id}`))).toEqual(otherBefore);
    const audit = await ok(w.admin.get('/api/audit?action=goal.updated&objectType=goal&limit=200'));
    expect(audit.items.filter((a: Json) => a.objectId === w.goal.id)).toHaveLength(1);

    // Round 2: each loser kept its text and saves it again over the version the 409 named; the winner saves a new
    // title from the version it got back. Again exactly one wins.
    const latest = first.won.version;
    const second = await race(
      tabs,
      url,
      tabs.map((_, i) => ({
        title: i === first.winner ? 'Titel na de eerste ronde' : texts[i],
        version: i === first.winner ? first.won.version : first.answers[i]!.json().error.currentVersion,
      })),
    );
    const secondText = second.winner === first.winner ? 'Titel na de eerste ronde' : texts[second.winner];
    expect(second.won).toMatchObject({ title: secondText, version: latest + 1 });
    for (const [i, answer] of second.answers.entries())
      if (i !== second.winner)
        expect(answer.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: latest + 1 });
    const final = await ok(w.m.get(url));
    expect(final).toMatchObject({ title: secondText, version: latest + 1 });
    expect(rest(final)).toEqual(rest(before));
    expect((await ok(w.m.get(`/api/plans/${w.planId}`))).version).toBe(planBefore.version + 2);
    const audit2 = await ok(w.admin.get('/api/audit?action=goal.updated&objectType=goal&limit=200'));
    expect(audit2.items.filter((a: Json) => a.objectId === w.goal.id)).toHaveLength(2);
  });

  it('never overspends a hard budget when many final approvals arrive at once', async () => {
    h.clock.set('2027-01-10T09:00:00.000Z');
    const org = await h.createOrganisation({ name: 'vzw De Brug' });
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const teamA = await h.createTeam(org.id, { name: 'Woonondersteuning', managerId: manager.id });
    const teamB = await h.createTeam(org.id, { name: 'Dagbesteding', managerId: manager.id });
    const hr = await h.login(org.admin);
    const m = await h.login(manager);
    // The organisation may commit 1000, team A 600: each plan of 300 fits alone; three fit in all, two of team A.
    const budget = async (body: object) => (await ok(hr.post('/api/budgets', body), 201)).id as string;
    const orgBudget = await budget({ year: 2027, amount: 1000, isHard: true });
    const teamBudget = await budget({ year: 2027, teamId: teamA.id, amount: 600, isHard: true });
    const cost = 300;

    const plans: { id: string; team: 'a' | 'b'; version: number; manager: Client }[] = [];
    for (let i = 0; i < 8; i++) {
      const team = i % 2 === 0 ? 'a' : 'b';
      const employee: TestPerson = await h.createPerson(org.id, {
        managerId: manager.id,
        teamId: team === 'a' ? teamA.id : teamB.id,
      });
      const plan = await ok(
        m.post('/api/plans', { employeeId: employee.id, periodStart: '2027-01-01', periodEnd: '2027-12-31' }),
        201,
      );
      await fire(m, plan.id, 'start_conversation');
      const goal = await ok(m.post(`/api/plans/${plan.id}/goals`, { title: `Vorming ${i + 1}` }), 201);
      await ok(
        m.post(`/api/goals/${goal.id}/actions`, {
          type: 'training',
          description: `Opleiding ${i + 1}`,
          cost,
          timing: { kind: 'date', date: '2027-05-10' },
        }),
        201,
      );
      // The employee approved; only the manager's approval, which freezes the plan, is left.
      await fire(await h.login(employee), plan.id, 'approve');
      const check = await ok(m.get(`/api/plans/${plan.id}/budget-check`));
      expect(check, `plan ${i + 1} fits alone`).toMatchObject({ exceeded: false, blocked: false });
      const { version } = await ok(m.get(`/api/plans/${plan.id}`));
      plans.push({ id: plan.id, team, version, manager: await h.login(manager) });
    }

    const answers = await Promise.all(
      plans.map((p) => p.manager.post(`/api/plans/${p.id}/events`, { event: 'approve', version: p.version })),
    );
    for (const answer of answers) expect([200, 409], answer.body.slice(0, 300)).toContain(answer.statusCode);
    const approved = plans.filter((_, i) => answers[i]!.statusCode === 200);
    const refused = plans.filter((_, i) => answers[i]!.statusCode === 409);
    expect(approved.length).toBe(3);
    expect(approved.filter((p) => p.team === 'a').length).toBeLessThanOrEqual(2);

    const overview = await ok(hr.get('/api/budgets/overview?year=2027'));
    const status = (id: string) => overview.budgets.find((b: Json) => b.id === id);
    const committedAll = approved.length * cost;
    const committedA = approved.filter((p) => p.team === 'a').length * cost;
    expect(status(orgBudget)).toMatchObject({ figures: { committed: committedAll }, overCommitted: false });
    expect(status(teamBudget)).toMatchObject({ figures: { committed: committedA }, overCommitted: false });
    expect(committedAll).toBeLessThanOrEqual(1000);
    expect(committedA).toBeLessThanOrEqual(600);

    for (const p of refused) {
      const error = answers[plans.indexOf(p)]!.json().error;
      expect(error.code).toBe('INVALID_STATE');
      // The refusal names a hard budget this plan would really have overspent, given what the others committed.
      const teamFull = p.team === 'a' && committedA + cost > 600;
      const orgFull = committedAll + cost > 1000;
      expect(teamFull || orgFull).toBe(true);
      expect(error.message).toMatch(/Goedkeuren kan niet: met dit POP zou het harde budget "(.+)" voor 2027/);
      const named = /harde budget "(.+)" voor/.exec(error.message)?.[1];
      expect(named === 'Woonondersteuning' ? teamFull : orgFull, error.message).toBe(true);
      const after = await ok(m.get(`/api/plans/${p.id}`));
      expect(after).toMatchObject({ phase: 'conversation', approvedVersion: 0, managerApprovedAt: null });
    }
    for (const p of approved)
      expect(await ok(m.get(`/api/plans/${p.id}`))).toMatchObject({ phase: 'approved', approvedVersion: 1 });
  });
});
