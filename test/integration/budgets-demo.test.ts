import { expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data.js';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { describeEachDatabase } from '../support/harness.js';

const login = (local: string) => ({ email: `${local}@debrug.example`, password: demoPassword });

describeEachDatabase('the demo organisation’s budgets', (h) => {
  it('has funding sources, budgets for this year and the next, and actions assigned to sources', async () => {
    h.clock.set('2026-11-22T09:00:00.000Z');
    expect(await seedDemoIfEmpty(h.ctx)).not.toBeNull();
    const hr = await h.login(login('sofie.maes'));
    const sources = (await hr.get('/api/funding-sources')).json().items;
    expect(sources.map((s: { name: string }) => s.name)).toEqual([
      'Eigen middelen',
      'Sectorfonds sociaal-cultureel werk / VIVO',
      'VIVO sectorbudget',
    ]);
    expect(sources.every((s: { rules: string | null }) => (s.rules ?? '').length > 40)).toBe(true);

    for (const year of [2026, 2027]) {
      const budgets = (await hr.get(`/api/budgets?year=${year}`)).json().items;
      expect(budgets.length, `${year}`).toBeGreaterThanOrEqual(3);
      expect(budgets.filter((b: { isHard: boolean }) => b.isHard)).toEqual([
        expect.objectContaining({ scope: 'team', teamName: 'Woonbegeleiding' }),
      ]);
    }

    // The overview of this year counts Zoë's training from the VIVO budget as committed and spent.
    const overview = (await hr.get('/api/budgets/overview?year=2026')).json();
    const vivo = overview.sources.find((s: { name: string }) => s.name === 'VIVO sectorbudget');
    expect(vivo.figures.committed).toBeGreaterThanOrEqual(390);
    expect(vivo.figures.spent).toBeGreaterThanOrEqual(390);
    expect(overview.teams.find((t: { name: string }) => t.name === 'Woonbegeleiding').budgetAmount).toBe(
      3000,
    );

    // Every action of the manager's plans has a source, in its approved versions too, without a change between them.
    const manager = await h.login(login('katrien.vandenbroeck'));
    const plans = (await manager.get('/api/plans?as=manager')).json().items;
    const zoe = plans.find(
      (p: { employee: { name: string }; phase: string }) =>
        p.employee.name === 'Zoë Peeters' && p.phase === 'approved',
    );
    const detail = (await manager.get(`/api/plans/${zoe.id}`)).json();
    const actions = detail.content.goals.flatMap((g: { actions: unknown[] }) => g.actions);
    expect(actions.every((a: { fundingSourceId: string | null }) => a.fundingSourceId !== null)).toBe(true);
    const v2 = (await manager.get(`/api/plans/${zoe.id}/versions/2`)).json();
    const training = v2.snapshot.goals
      .flatMap((g: { actions: Array<{ description: string }> }) => g.actions)
      .find((a: { description: string }) => a.description.includes('agressie'));
    expect(training).toMatchObject({ fundingSourceName: 'VIVO sectorbudget', countsForTrainingRight: true });
    const diff = (await manager.get(`/api/plans/${zoe.id}/versions/1/diff/2`)).json();
    const fields = diff.actions.changed.flatMap((a: { changes: Array<{ field: string }> }) =>
      a.changes.map((c) => c.field),
    );
    expect(fields).not.toContain('fundingSourceId');

    // The employee reads the sources' names; the check before approval answers for every plan.
    const employee = await h.login(login('zoe.peeters'));
    expect((await employee.get('/api/funding-sources')).json().items).toHaveLength(3);
    for (const plan of plans)
      expect((await manager.get(`/api/plans/${plan.id}/budget-check`)).statusCode).toBe(200);
  });
});
