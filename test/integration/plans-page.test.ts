import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

/** Counts the statements the app sends through its database handle while `run` goes on. */
async function countQueries(h: Harness, run: () => Promise<unknown>): Promise<number> {
  const executor = h.ctx.database.db.getExecutor();
  const original = executor.executeQuery.bind(executor);
  let count = 0;
  executor.executeQuery = ((...args: Parameters<typeof original>) => {
    count++;
    return original(...args);
  }) as typeof executor.executeQuery;
  try {
    await run();
  } finally {
    executor.executeQuery = original;
  }
  return count;
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
    expect((await page(largePlan.id)).content.goals).toHaveLength(6);
    const forSmall = await countQueries(h, () => page(smallPlan.id));
    const forLarge = await countQueries(h, () => page(largePlan.id));
    expect(forLarge).toBe(forSmall);
    expect(forSmall).toBeGreaterThan(5);
    expect(forSmall).toBeLessThanOrEqual(20);

    // The list too: one page of plans costs the same for two plans as for one.
    const one = await countQueries(h, () => m.get(`/api/plans?employeeId=${small.id}`));
    const two = await countQueries(h, () => m.get('/api/plans'));
    expect(two).toBe(one);
    expect(one).toBeGreaterThan(1);
  });
});
