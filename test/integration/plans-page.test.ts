import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';
import { queriesOf } from '../support/queries.js';

/** Counts the statements the app sends through its database handle while `run` goes on. */
async function countQueries(h: Harness, run: () => Promise<unknown>): Promise<number> {
  return (await queriesOf(h.ctx.database.db, run)).length;
}

async function fill(c: Client, planId: string, goals: number) {
  for (let g = 0; g < goals; g++) {
    const goal = (await c.post(`/api/plans/${planId}/goals`, { title: `Doel ${g}` })).json();
    for (let a = 0; a < 3; a++) {
      const action = (
        await c.post(`/api/goals/${goal.id}/actions`, { type: 'course', description: `Actie ${a}` })
      ).json();
      await c.post(`/api/actions/${action.id}/comments`, { text: 'Goed idee' });
    }
  }
  await c.post(`/api/plans/${planId}/talking-points`, { text: 'Punt' });
}

describeEachDatabase('the plan page', (h) => {
  it('loads a plan in the same number of queries whatever it holds', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const small = await h.createPerson(org.id, { managerId: manager.id });
    const large = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const smallPlan = (await m.post('/api/plans', { employeeId: small.id })).json();
    const largePlan = (await m.post('/api/plans', { employeeId: large.id })).json();
    await fill(m, smallPlan.id, 1);
    await fill(m, largePlan.id, 6);
    await m.post(`/api/plans/${largePlan.id}/follow-ups`, { plannedDate: '2026-06-01' });

    const page = async (id: string) => {
      const response = await m.get(`/api/plans/${id}`);
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    // First loads: nothing kept yet.
    const forSmall = await countQueries(h, () => page(smallPlan.id));
    const forLarge = await countQueries(h, () => page(largePlan.id));
    expect(forLarge).toBe(forSmall);
    expect(forSmall).toBeGreaterThan(5);
    expect(forSmall).toBeLessThanOrEqual(20);
    expect((await page(largePlan.id)).content.goals).toHaveLength(6);
    // Unchanged since: the session, the plan row and the settings.
    const again = await countQueries(h, () => page(largePlan.id));
    expect(again).toBeLessThanOrEqual(5);

    // The list too: one page of plans costs the same for two plans as for one.
    const one = await countQueries(h, () => m.get(`/api/plans?employeeId=${small.id}`));
    const two = await countQueries(h, () => m.get('/api/plans'));
    expect(two).toBe(one);
    expect(one).toBeGreaterThan(1);
  });
});

describeEachDatabase("a goal's own answer", (h) => {
  it('shows the goal as the plan page does: its actions in order, each with its own comments', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    await fill(m, plan.id, 1);
    const goalId = (await m.get(`/api/plans/${plan.id}`)).json().content.goals[0].id as string;
    const goal = (await m.get(`/api/goals/${goalId}`)).json();
    const [first, second, third] = goal.actions as Array<{ id: string }>;
    h.clock.advance(60_000);
    await e.post(`/api/actions/${third?.id}/comments`, { text: 'Ik schrijf me in' });
    h.clock.advance(60_000);
    await m.post(`/api/actions/${first?.id}/comments`, { text: 'Budget is vrijgemaakt' });
    const extra = (
      await m.post(`/api/goals/${goalId}/actions`, { type: 'course', description: 'Zonder reacties' })
    ).json();

    const saved = await m.patch(`/api/goals/${goalId}`, { title: 'Leren plannen', version: goal.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const onPage = (await m.get(`/api/plans/${plan.id}`)).json().content.goals[0];
    expect(saved.json()).toEqual(onPage);
    expect((await m.get(`/api/goals/${goalId}`)).json()).toEqual(onPage);
    const texts = (saved.json().actions as Array<{ id: string; comments: Array<{ text: string }> }>).map(
      (a) => [a.id, a.comments.map((c) => c.text)],
    );
    expect(texts).toEqual([
      [first?.id, ['Goed idee', 'Budget is vrijgemaakt']],
      [second?.id, ['Goed idee']],
      [third?.id, ['Goed idee', 'Ik schrijf me in']],
      [extra.id, []],
    ]);
  });
});

describeEachDatabase('the plan page kept between requests', (h) => {
  /** Sets up a plan with one of everything the page shows, as its manager and employee see it. */
  async function world() {
    const org = await h.createOrganisation();
    const team = await h.createTeam(org.id, { name: 'Onthaal' });
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Katrien' });
    const employee = await h.createPerson(org.id, {
      managerId: manager.id,
      teamId: team.id,
      firstName: 'Thomas',
    });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    await fill(m, plan.id, 1);
    await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-01' });
    return { org, team, manager, employee, m, e, plan };
  }
  const db = () => h.ctx.database.db;
  const revisionOf = async (planId: string) =>
    Number(
      (
        await db()
          .selectFrom('plans')
          .select('page_revision')
          .where('id', '=', planId)
          .executeTakeFirstOrThrow()
      ).page_revision,
    );

  it('sees a change made straight in the database (another process, a job) on the next request', async () => {
    const { m, plan, employee, team } = await world();
    const page = async () => (await m.get(`/api/plans/${plan.id}`)).json();
    const before = await page();
    expect(await page()).toEqual(before);

    await db()
      .updateTable('goals')
      .set({ title: 'Elders gewijzigd' })
      .where('plan_id', '=', plan.id)
      .execute();
    expect((await page()).content.goals[0].title).toBe('Elders gewijzigd');

    await db()
      .updateTable('action_comments')
      .set({ text: 'Nieuwe reactie' })
      .where('plan_id', '=', plan.id)
      .execute();
    const comments = (await page()).content.goals[0].actions.flatMap((a: { comments: { text: string }[] }) =>
      a.comments.map((c) => c.text),
    );
    expect(comments).toContain('Nieuwe reactie');

    await db().updateTable('people').set({ last_name: 'Hernoemd' }).where('id', '=', employee.id).execute();
    expect((await page()).employee.name).toContain('Hernoemd');

    await db()
      .updateTable('teams')
      .set({ name: 'Onthaal en administratie' })
      .where('id', '=', team.id)
      .execute();
    expect((await page()).teamName).toBe('Onthaal en administratie');

    await db().deleteFrom('follow_up_entries').where('plan_id', '=', plan.id).execute();
    await db().deleteFrom('follow_ups').where('plan_id', '=', plan.id).execute();
    expect((await page()).content.followUps).toHaveLength(0);
  });

  it('moves the page revision on every insert, update and delete of what the page shows', async () => {
    const { plan, m, org, employee, manager } = await world();
    // Rows of every table that belongs to a plan: the set-up made most of them; a follow-up with its entry and an
    // approved version are written here as another process would.
    const goal = await db()
      .selectFrom('goals')
      .select('id')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const at = '2026-03-01T10:00:00.000Z';
    const common = { organisation_id: org.id, plan_id: plan.id, created_at: at };
    await db()
      .insertInto('follow_ups')
      .values({
        ...common,
        id: '00000000-0000-4000-8000-00000000f001',
        planned_date: '2026-06-01',
        updated_at: at,
      })
      .execute();
    await db()
      .insertInto('follow_up_entries')
      .values({
        ...common,
        id: '00000000-0000-4000-8000-00000000f002',
        follow_up_id: '00000000-0000-4000-8000-00000000f001',
        goal_id: goal.id,
        state: 'on_track',
        updated_at: at,
      } as never)
      .execute();
    await db()
      .insertInto('plan_versions')
      .values({
        ...common,
        id: '00000000-0000-4000-8000-00000000f003',
        number: 1,
        snapshot: '{}',
        employee_approved_at: at,
        manager_approved_at: at,
      } as never)
      .execute();
    const tables = [
      'preparations',
      'talking_points',
      'goals',
      'actions',
      'action_comments',
      'follow_ups',
      'follow_up_entries',
      'evaluations',
      'plan_versions',
    ] as const;
    for (const table of tables) {
      // biome-ignore lint/suspicious/noExplicitAny: every table listed has plan_id
      const rows = await (db() as any)
        .selectFrom(table)
        .select('id')
        .where('plan_id', '=', plan.id)
        .execute();
      expect(rows.length, `rows in ${table}`).toBeGreaterThan(0);
      const before = await revisionOf(plan.id);
      // biome-ignore lint/suspicious/noExplicitAny: every table listed has plan_id
      await (db() as any)
        .updateTable(table)
        .set({ plan_id: plan.id })
        .where('plan_id', '=', plan.id)
        .execute();
      expect(await revisionOf(plan.id), `update of ${table}`).toBeGreaterThan(before);
    }
    const beforeInsert = await revisionOf(plan.id);
    await m.post(`/api/plans/${plan.id}/goals`, { title: 'Nog een doel' });
    expect(await revisionOf(plan.id)).toBeGreaterThan(beforeInsert);
    for (const table of [...tables].reverse()) {
      const before = await revisionOf(plan.id);
      // biome-ignore lint/suspicious/noExplicitAny: every table listed has plan_id
      await (db() as any).deleteFrom(table).where('plan_id', '=', plan.id).execute();
      expect(await revisionOf(plan.id), `delete from ${table}`).toBeGreaterThan(before);
    }
    // A plan that follows this one: the page links to it.
    const beforeNext = await revisionOf(plan.id);
    await db()
      .insertInto('plans')
      .values({
        id: '00000000-0000-4000-8000-00000000a001',
        organisation_id: org.id,
        employee_id: employee.id,
        manager_id: manager.id,
        period_start: '2027-01-01',
        period_end: '2027-12-31',
        phase: 'preparation',
        previous_plan_id: plan.id,
        requested_by: 'manager',
        conversation_notes: '{}',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      } as never)
      .execute();
    expect(await revisionOf(plan.id)).toBeGreaterThan(beforeNext);
  });

  it('keeps each reader’s own page: what one may read never reaches another', async () => {
    const { m, e, plan } = await world();
    const answer = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    await e.put(`/api/plans/${plan.id}/preparations/mine`, {
      version: answer.version,
      answers: Object.fromEntries(answer.questions.map((q: { id: string }) => [q.id, 'Alleen voor mij'])),
    });
    const asEmployee = (await e.get(`/api/plans/${plan.id}`)).body;
    const asManager = (await m.get(`/api/plans/${plan.id}`)).body;
    expect(asEmployee).toContain('Alleen voor mij');
    expect(asManager).not.toContain('Alleen voor mij');
    // Asked again, from memory: still each their own.
    expect((await m.get(`/api/plans/${plan.id}`)).body).toBe(asManager);
    expect((await e.get(`/api/plans/${plan.id}`)).body).toBe(asEmployee);
  });

  it('sends a kept page gzipped to a client that takes gzip, the same JSON as to one that does not', async () => {
    const { m, plan } = await world();
    const url = `/api/plans/${plan.id}`;
    const plain = await m.get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    let zipped = await m.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    for (let i = 0; i < 50 && zipped.headers['content-encoding'] !== 'gzip'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      zipped = await m.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    }
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    // Refused, or not asked for: plain JSON.
    const refused = await m.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
    // A change is a new answer: plain until its own gzip is made, never the old one.
    await m.post(`/api/plans/${plan.id}/goals`, { title: 'Nieuw doel na de wijziging' });
    const changed = await m.request({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    const text =
      changed.headers['content-encoding'] === 'gzip'
        ? gunzipSync(changed.rawPayload).toString('utf8')
        : changed.body;
    expect(text).toContain('Nieuw doel na de wijziging');
  });
});
