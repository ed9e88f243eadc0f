import { expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { defaultTrainingPlanYear } from '../../src/shared/pop/training-plan.js';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('the demo training plan', (h) => {
  it('shows vzw De Brug’s plan for this year and the next, with target groups and a step done', async () => {
    h.clock.set('2026-11-22T09:00:00.000Z');
    const logins = await seedDemoIfEmpty(h.ctx);
    const login = (role: string) => {
      const found = logins?.find((l) => l.role === role);
      if (!found) throw new Error(`no ${role} login`);
      return h.login({ email: found.email, password: found.password });
    };
    const hr = await login('HR');
    const opened = (await hr.get('/api/training-plan')).json();
    expect(opened.year).toBe(defaultTrainingPlanYear('2026-11-22'));
    for (const year of [2026, 2027]) {
      const response = await hr.get(`/api/training-plan?year=${year}`);
      expect(response.statusCode, response.body).toBe(200);
      const plan = response.json();
      expect(plan.totals.actions, `${year}`).toBeGreaterThan(4);
      expect(plan.totals.plannedCost, `${year}`).toBeGreaterThan(1000);
      expect(plan.belgium).toMatchObject({
        applies: true,
        obliged: true,
        consultationBody: 'union_delegation',
      });
      expect(
        plan.belgium.tasks.some((t: { done: boolean }) => t.done),
        `${year}`,
      ).toBe(true);
      expect(plan.targetGroups.riskGroup[0]).toMatchObject({ group: 'yes', headcount: 4 });
      expect(plan.targetGroups.gender.find((g: { group: string }) => g.group === 'unknown').headcount).toBe(
        3,
      );
      expect(plan.trainings).toBeNull();
    }
    const thisYear = (await hr.get('/api/training-plan?year=2026')).json();
    expect(thisYear.totals.actionsDone).toBeGreaterThan(5);
    expect(thisYear.totals.actualHours).toBeGreaterThan(40);
    expect(thisYear.belgium.tasks.every((t: { done: boolean }) => t.done)).toBe(true);

    const pdf = await hr.get('/api/training-plan/export.pdf?year=2027');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The leidinggevende and the medewerker never see the facts HR keeps.
    for (const role of ['leidinggevende', 'medewerker']) {
      const client = await login(role);
      expect((await client.get('/api/people')).body).not.toMatch(/riskGroup|gender/);
      expect((await client.get('/api/training-plan')).statusCode).toBe(403);
    }
  }, 120_000);
});
