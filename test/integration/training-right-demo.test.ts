import { expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data.js';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { describeEachDatabase } from '../support/harness.js';

const login = (local: string) => ({ email: `${local}@debrug.example`, password: demoPassword });

describeEachDatabase('the demo organisation’s training right', (h) => {
  it('shows 25 people with their entitlement, followed trainings, a training that does not count and an overdue delivery', async () => {
    h.clock.set('2026-11-22T09:00:00.000Z');
    expect(await seedDemoIfEmpty(h.ctx)).not.toBeNull();
    const hr = await h.login(login('sofie.maes'));
    const settings = (await hr.get('/api/training-right/settings?year=2026')).json();
    expect(settings).toMatchObject({
      averageFte: 22.4,
      sizeBand: 'from_20',
      daysPerFte: 5,
      jointCommittee: '319.01',
      carryOver: false,
      hoursPerDay: 7.6,
    });
    expect(settings.norms.map((n: { year: number }) => n.year)).toEqual([2027]);

    const balances = (await hr.get('/api/training-right/balances?year=2026&limit=100')).json();
    expect(balances.total).toBe(25);
    const byName = Object.fromEntries(balances.items.map((b: { name: string }) => [b.name, b]));
    // Bram: 7.6 h + 7.6 h followed = 2 days of 5; 6 h of intervisie planned = 0.79.
    expect(byName['Bram Willems']).toMatchObject({
      entitlement: 5,
      followed: 2,
      planned: 0.79,
      remaining: 3,
    });
    // Emma: 15.2 h = 2 days; her 60 h of Vlaams opleidingsverlof do not count.
    expect(byName['Emma Van Damme']).toMatchObject({ entitlement: 5, followed: 2, remaining: 3 });
    // Fatima works 4/5: 4 days; 14 h = 1.84 days followed.
    expect(byName['Fatima El Amrani']).toMatchObject({ entitlement: 4, followed: 1.84, remaining: 2.16 });
    // Lotte works half time: 2.5 days.
    expect(byName['Lotte De Backer']).toMatchObject({ entitlement: 2.5 });

    const emma = await h.login(login('emma.vandamme'));
    const own = (await emma.get('/api/training-right/me')).json();
    expect(
      own.trainings.find((t: { typeLabel: string }) => t.typeLabel === 'Vlaams opleidingsverlof'),
    ).toMatchObject({
      counts: false,
      status: 'done',
    });

    const deadlines = (await hr.get('/api/training-right/deadlines?year=2026')).json();
    expect(deadlines.items.map((d: { period: string; status: string }) => [d.period, d.status])).toEqual([
      ['2026', 'done'],
      ['2025-Q4', 'done'],
      ['2026-Q1', 'done'],
      ['2026-Q2', 'done'],
      ['2026-Q3', 'overdue'],
    ]);
  });
});
