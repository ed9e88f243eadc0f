import { expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data.js';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { describeEachDatabase, startHarness } from '../support/harness.js';

const login = (local: string) => ({ email: `${local}@debrug.example`, password: demoPassword });

describeEachDatabase('the demo organisation’s POPs', (h) => {
  it('holds plans in every phase, including the sample POP form of the conversation guide', async () => {
    h.clock.set('2026-11-22T09:00:00.000Z');
    expect(await seedDemoIfEmpty(h.ctx)).not.toBeNull();
    const hr = await h.login(login('sofie.maes'));
    const all = (await hr.get('/api/plans')).json().items as Array<{
      id: string;
      phase: string;
      employee: { name: string };
      disputed: boolean;
      approvedVersion: number;
      employeeShared: boolean;
      managerShared: boolean;
      requestedBy: string;
      nextPlanId: string | null;
    }>;
    const byPerson = (name: string) => all.filter((p) => p.employee.name === name);
    expect(new Set(all.map((p) => p.phase))).toEqual(
      new Set(['preparation', 'conversation', 'approved', 'evaluation', 'closed']),
    );
    expect(byPerson('Anaïs Vermeulen')[0]).toMatchObject({
      phase: 'preparation',
      employeeShared: true,
      managerShared: false,
    });
    expect(byPerson('Hanne Jacobs')[0]).toMatchObject({ phase: 'preparation', requestedBy: 'employee' });
    expect(byPerson('Lotte De Backer')[0]).toMatchObject({ phase: 'conversation', disputed: true });
    expect(byPerson('Noah Claes')[0]).toMatchObject({ phase: 'evaluation', approvedVersion: 1 });
    const zoe = byPerson('Zoë Peeters');
    expect(zoe.map((p) => [p.phase, p.approvedVersion])).toEqual([
      ['approved', 2],
      ['closed', 1],
    ]);
    expect(zoe[1]?.nextPlanId).toBe(zoe[0]?.id);

    // The leidinggevende opens Thomas's plan: the two example rows of seed 004, exactly.
    const manager = await h.login(login('katrien.vandenbroeck'));
    const thomas = byPerson('Thomas Janssens')[0]!;
    const plan = (await manager.get(`/api/plans/${thomas.id}`)).json();
    expect(plan).toMatchObject({ phase: 'conversation', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    const rows = plan.content.goals.map((g: { title: string; actions: Array<Record<string, unknown>> }) => [
      g.title,
      g.actions[0]?.description,
      g.actions[0]?.timing,
      g.actions[0]?.supportTime ?? g.actions[0]?.supportCoach,
      g.actions[0]?.followUp,
    ]);
    expect(rows).toEqual([
      [
        'Beter leren omgaan met conflicten',
        'Training ‘conflicthantering’ volgen',
        { kind: 'quarter', year: 2027, quarter: 1 },
        'Tijd vrijmaken voor deelname',
        'Evaluatie bij volgend POP-gesprek',
      ],
      [
        'Meer verantwoordelijkheid opnemen',
        'Interne coaching door collega',
        { kind: 'ongoing' },
        'Aanstelling coach',
        'Korte evaluatie na 3 maanden',
      ],
    ]);
    expect(plan.content.conversationNotes.start).toMatch(/handvatten/);
    expect(plan.managerApprovedAt).not.toBeNull();

    // The medewerker sees her approved plan with both versions and what changed between them.
    const employee = await h.login(login('zoe.peeters'));
    const current = (await employee.get(`/api/plans/${zoe[0]!.id}`)).json();
    expect(current.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(current.content.followUps.map((f: { heldAt: string | null }) => f.heldAt !== null)).toEqual([
      true,
      false,
    ]);
    expect(current.content.goals.some((g: { carriedFromGoalId: string | null }) => g.carriedFromGoalId)).toBe(
      true,
    );
    const diff = (await employee.get(`/api/plans/${current.id}/versions/1/diff/2`)).json();
    expect(diff.goals.changed[0].changes.map((c: { field: string }) => c.field).sort()).toEqual([
      'description',
      'targetDate',
    ]);
    // HR sees phases and counts, not content (the default setting).
    expect((await hr.get(`/api/plans/${current.id}`)).json().content).toBeNull();
  });
});

it.each([
  '2027-01-01T07:00:00.000Z',
  '2027-06-30T12:00:00.000Z',
  '2027-10-01T08:00:00.000Z',
  '2027-12-31T16:00:00.000Z',
])(
  'seeds the demo plans on %s too',
  async (moment) => {
    const h = await startHarness('sqlite');
    try {
      h.clock.set(moment);
      expect(await seedDemoIfEmpty(h.ctx)).not.toBeNull();
      const hr = await h.login(login('sofie.maes'));
      const phases = (await hr.get('/api/plans')).json().items.map((p: { phase: string }) => p.phase);
      expect(new Set(phases).size).toBe(5);
    } finally {
      await h.close();
    }
  },
  60_000,
);
