import { expect, it } from 'vitest';
import { demoPassword } from '../../src/server/demo/demo-data.js';
import { seedDemoIfEmpty } from '../../src/server/demo/index.js';
import { isCommonPassword } from '../../src/server/modules/auth/passwords.js';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('demo organisation', (h) => {
  it('seeds vzw De Brug once on an empty install and signs in with every printed login', async () => {
    expect(isCommonPassword(demoPassword)).toBe(false);
    const logins = await seedDemoIfEmpty(h.ctx);
    expect(logins?.map((l) => l.role)).toEqual(['beheerder', 'HR', 'leidinggevende', 'medewerker']);
    expect(new Set(logins?.map((l) => l.password))).toEqual(new Set(['Groeipad-Demo-2026']));
    expect(await seedDemoIfEmpty(h.ctx)).toBeNull();
    expect((await h.anonymous().get('/api/setup')).json()).toEqual({ needsSetup: false, demo: false });

    const [admin, hr, manager, employee] = await Promise.all(
      (logins ?? []).map((l) => h.login({ email: l.email, password: l.password })),
    );
    const me = (await admin!.get('/api/auth/me')).json();
    expect(me.organisation).toMatchObject({
      name: 'vzw De Brug',
      country: 'BE',
      timeZone: 'Europe/Brussels',
      isDemo: true,
    });
    expect(me.person.roles).toContain('admin');
    expect((await hr!.get('/api/auth/me')).json().person.roles).toContain('hr');

    const people = (await admin!.get('/api/people')).json();
    expect(people.total).toBe(25);
    const roleCount = (role: string) =>
      people.items.filter((p: { roles: string[] }) => p.roles.includes(role)).length;
    expect([roleCount('admin'), roleCount('hr'), roleCount('manager'), roleCount('employee')]).toEqual([
      1, 1, 3, 25,
    ]);
    expect(people.items.map((p: { firstName: string }) => p.firstName)).toEqual(
      expect.arrayContaining(['Zoë', 'Anaïs', 'Jérôme']),
    );
    expect(people.items.some((p: { fte: number }) => p.fte === 0.5)).toBe(true);
    expect(people.items.every((p: { startDate: string | null }) => p.startDate !== null)).toBe(true);

    const teams = (await admin!.get('/api/teams')).json().items;
    expect(teams).toHaveLength(3);
    expect(
      teams.every(
        (t: { managerName: string | null; memberCount: number }) => t.managerName && t.memberCount > 0,
      ),
    ).toBe(true);
    const functions = (await employee!.get('/api/functions')).json().items;
    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const fn of functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      expect(fn.competencies.length).toBeGreaterThanOrEqual(3);
      expect(fn.competencies.length).toBeLessThanOrEqual(6);
    }
    const competencies = (await employee!.get('/api/competencies')).json().items;
    expect(competencies).toHaveLength(12);
    expect(competencies.every((c: { indicators: string[] }) => c.indicators.length >= 3)).toBe(true);

    // The leidinggevende sees their team and themselves; the medewerker only themselves.
    const ledTeams = (await manager!.get('/api/teams')).json().items;
    expect(ledTeams.map((t: { name: string }) => t.name)).toEqual(['Woonbegeleiding']);
    expect((await manager!.get('/api/people')).json().total).toBe(9);
    expect((await employee!.get('/api/people')).json().total).toBe(1);
  });
});
