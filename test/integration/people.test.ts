import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

const names = (res: { json(): { items: { firstName: string }[] } }) =>
  res
    .json()
    .items.map((p) => p.firstName)
    .sort();

describeEachDatabase('people', (h) => {
  it('adds a person with function, team, manager and employment details', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const manager = await h.createPerson(org.id, {
      roles: ['employee', 'manager'],
      firstName: 'Katrien',
      lastName: 'Van den Broeck',
    });
    const team = (await admin.post('/api/teams', { name: 'Woonbegeleiding' })).json();
    const fn = (await admin.post('/api/functions', { name: 'Woonbegeleider' })).json();
    const res = await admin.post('/api/people', {
      firstName: 'Zoë',
      lastName: 'Peeters',
      email: 'Zoe.Peeters@DeBrug.example',
      functionId: fn.id,
      teamId: team.id,
      managerId: manager.id,
      startDate: '2021-09-01',
      fte: 0.8,
      workRegime: '4/5',
      roles: ['employee', 'manager'],
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Peeters',
      email: 'Zoe.Peeters@DeBrug.example',
      functionName: 'Woonbegeleider',
      teamName: 'Woonbegeleiding',
      managerName: 'Katrien Van den Broeck',
      startDate: '2021-09-01',
      endDate: null,
      fte: 0.8,
      workRegime: '4/5',
      employmentCountry: 'BE',
      locale: 'nl-BE',
      roles: ['employee', 'manager'],
      status: 'active',
      hasAccount: false,
      invitedAt: null,
      lastLoginAt: null,
      version: 1,
    });
    const changed = await admin.patch(`/api/people/${person.id}`, {
      lastName: 'Peeters-Claes',
      endDate: '2026-12-31',
      teamId: null,
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      lastName: 'Peeters-Claes',
      endDate: '2026-12-31',
      teamId: null,
      version: 2,
    });
    expect((await admin.get(`/api/people/${person.id}`)).json()).toEqual(changed.json());
  });

  it('searches names without case or accents, filters by team and status, and pages with a total', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const team = await h.createTeam(org.id);
    await h.createPerson(org.id, { firstName: 'Zoë', lastName: 'Peeters', teamId: team.id });
    await h.createPerson(org.id, { firstName: 'Anaïs', lastName: 'Vermeulen', teamId: team.id });
    const gone = await h.createPerson(org.id, { firstName: 'Jérôme', lastName: 'Claes' });
    await admin.patch(`/api/people/${gone.id}`, { status: 'disabled', version: 1 });

    expect(names(await admin.get('/api/people?q=zoe'))).toEqual(['Zoë']);
    expect(names(await admin.get('/api/people?q=ANAIS%20verm'))).toEqual(['Anaïs']);
    expect(names(await admin.get('/api/people?q=%25'))).toEqual([]);
    expect(names(await admin.get('/api/people?q=zo%00vermeulen'))).toEqual([]);
    expect(names(await admin.get('/api/people?q=%00peeters'))).toEqual(['Zoë']);
    expect(names(await admin.get(`/api/people?teamId=${team.id}`))).toEqual(['Anaïs', 'Zoë']);
    expect(names(await admin.get('/api/people?q=jerome'))).toEqual([]);
    expect(names(await admin.get('/api/people?q=jerome&status=disabled'))).toEqual(['Jérôme']);
    expect(names(await admin.get('/api/people?status=all'))).toEqual(['Ada', 'Anaïs', 'Jérôme', 'Zoë']);
    const page = (await admin.get('/api/people?limit=2&offset=1')).json();
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
  });

  it('shows HR everyone, a manager their reports and team, an employee only themselves', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Manon' });
    const team = await h.createTeam(org.id, { managerId: manager.id });
    const report = await h.createPerson(org.id, { firstName: 'Rapport', managerId: manager.id });
    const member = await h.createPerson(org.id, { firstName: 'Teamlid', teamId: team.id });
    const stranger = await h.createPerson(org.id, { firstName: 'Vreemde' });
    const hr = await h.createPerson(org.id, { roles: ['employee', 'hr'], firstName: 'Hilde' });
    const foreign = await h.createPerson(other.id, { firstName: 'Buitenstaander' });

    const hrClient = await h.login(hr);
    expect(names(await hrClient.get('/api/people'))).toEqual([
      'Ada',
      'Hilde',
      'Manon',
      'Rapport',
      'Teamlid',
      'Vreemde',
    ]);

    const managerClient = await h.login(manager);
    const seen = await managerClient.get('/api/people');
    expect(names(seen)).toEqual(['Manon', 'Rapport', 'Teamlid']);
    expect(seen.json().total).toBe(3);
    expect((await managerClient.get(`/api/people/${member.id}`)).statusCode).toBe(200);
    expect((await managerClient.get(`/api/people/${report.id}`)).statusCode).toBe(200);
    expect((await managerClient.get(`/api/people/${stranger.id}`)).statusCode).toBe(404);

    const employeeClient = await h.login(stranger);
    expect(names(await employeeClient.get('/api/people'))).toEqual(['Vreemde']);
    expect((await employeeClient.get(`/api/people/${stranger.id}`)).statusCode).toBe(200);
    expect((await employeeClient.get(`/api/people/${report.id}`)).statusCode).toBe(404);

    expect((await hrClient.get(`/api/people/${foreign.id}`)).statusCode).toBe(404);
    expect((await hrClient.get(`/api/people/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('lets only HR and the beheerder change people, and only the beheerder grant HR or beheerder roles', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const report = await h.createPerson(org.id, { managerId: manager.id });
    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    const managerClient = await h.login(manager);
    const body = { firstName: 'Nieuw', lastName: 'Iemand', email: 'nieuw@example.org' };
    expect((await managerClient.post('/api/people', body)).statusCode).toBe(403);
    expect(
      (await managerClient.patch(`/api/people/${report.id}`, { firstName: 'X', version: 1 })).statusCode,
    ).toBe(403);
    expect((await managerClient.post(`/api/people/${report.id}/invitation`)).statusCode).toBe(403);

    expect((await hr.post('/api/people', { ...body, roles: ['employee', 'admin'] })).statusCode).toBe(403);
    expect((await hr.post('/api/people', { ...body, roles: ['employee', 'manager'] })).statusCode).toBe(201);
    expect(
      (await hr.patch(`/api/people/${report.id}`, { roles: ['employee', 'hr'], version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await hr.patch(`/api/people/${report.id}`, { roles: ['employee', 'manager'], version: 1 })).statusCode,
    ).toBe(200);
    // HR may not take over or lock out a beheerder through their address or status.
    expect(
      (await hr.patch(`/api/people/${org.admin.id}`, { email: 'hr@example.org', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await hr.patch(`/api/people/${org.admin.id}`, { status: 'disabled', version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await hr.patch(`/api/people/${org.admin.id}`, { workRegime: 'voltijds', version: 1 })).statusCode,
    ).toBe(200);

    const admin = await h.login(org.admin);
    const promoted = await admin.patch(`/api/people/${report.id}`, {
      roles: ['employee', 'hr', 'admin'],
      version: 2,
    });
    expect(promoted.json().roles).toEqual(['employee', 'hr', 'admin']);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const org = await h.createOrganisation();
    const person = await h.createPerson(org.id);
    const admin = await h.login(org.admin);
    expect(
      (await admin.patch(`/api/people/${person.id}`, { firstName: 'Eerst', version: 1 })).statusCode,
    ).toBe(200);
    const stale = await admin.patch(`/api/people/${person.id}`, { firstName: 'Later', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
  });

  it('refuses taken emails, foreign references, impossible managers and dates', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const elsewhere = await h.createPerson(other.id, { email: 'bezet@example.org' });
    const foreignTeam = await h.createTeam(other.id);
    const base = { firstName: 'A', lastName: 'B', email: 'a.b@example.org' };

    const taken = await admin.post('/api/people', { ...base, email: ' BEZET@example.org ' });
    expect(taken.json().error.fields).toMatchObject([{ path: 'email', code: 'email_taken' }]);
    const foreign = await admin.post('/api/people', {
      ...base,
      teamId: foreignTeam.id,
      managerId: elsewhere.id,
      functionId: randomUUID(),
      startDate: '2025-01-01',
      endDate: '2024-12-31',
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      foreign.json().error.fields.map((f: { path: string; code: string }) => `${f.path}:${f.code}`),
    ).toEqual([
      'functionId:unknown_reference',
      'teamId:unknown_reference',
      'managerId:unknown_reference',
      'endDate:end_before_start',
    ]);

    const boss = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const middle = await h.createPerson(org.id, { managerId: boss.id });
    const bottom = await h.createPerson(org.id, { managerId: middle.id });
    const self = await admin.patch(`/api/people/${boss.id}`, { managerId: boss.id, version: 1 });
    expect(self.json().error.fields).toMatchObject([{ path: 'managerId', code: 'manager_self' }]);
    const cycle = await admin.patch(`/api/people/${boss.id}`, { managerId: bottom.id, version: 1 });
    expect(cycle.json().error.fields).toMatchObject([{ path: 'managerId', code: 'manager_cycle' }]);

    const dated = (await admin.post('/api/people', { ...base, startDate: '2024-05-01' })).json();
    const early = await admin.patch(`/api/people/${dated.id}`, { endDate: '2024-04-30', version: 1 });
    expect(early.json().error.fields).toMatchObject([{ path: 'endDate', code: 'end_before_start' }]);
    const email = await admin.patch(`/api/people/${dated.id}`, { email: 'bezet@example.org', version: 1 });
    expect(email.json().error.fields).toMatchObject([{ path: 'email', code: 'email_taken' }]);
    expect(
      (await admin.patch(`/api/people/${elsewhere.id}`, { firstName: 'X', version: 1 })).statusCode,
    ).toBe(404);
  });

  it('keeps at least one active beheerder', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const demote = await admin.patch(`/api/people/${org.admin.id}`, {
      roles: ['employee', 'hr'],
      version: 1,
    });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error.fields).toMatchObject([{ path: 'roles', code: 'last_admin' }]);
    const disable = await admin.patch(`/api/people/${org.admin.id}`, { status: 'disabled', version: 1 });
    expect(disable.json().error.fields).toMatchObject([{ path: 'status', code: 'last_admin' }]);
    expect(disable.json().error.fields[0].message).toBe('Er moet minstens één actieve beheerder blijven.');

    const second = await h.createPerson(org.id, { roles: ['employee', 'admin'] });
    expect(
      (await admin.patch(`/api/people/${org.admin.id}`, { roles: ['employee'], version: 1 })).statusCode,
    ).toBe(200);
    const secondClient = await h.login(second);
    const last = await secondClient.patch(`/api/people/${second.id}`, { status: 'disabled', version: 1 });
    expect(last.json().error.fields).toMatchObject([{ path: 'status', code: 'last_admin' }]);
  });

  it('signs a disabled person out everywhere and lets them back in when active again', async () => {
    const org = await h.createOrganisation();
    const person = await h.createPerson(org.id);
    const first = await h.login(person);
    const second = await h.login(person);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await h.login(org.admin);
    const disabled = await admin.patch(`/api/people/${person.id}`, { status: 'disabled', version: 1 });
    expect(disabled.json().status).toBe('disabled');
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/people')).statusCode).toBe(401);
    await expect(h.login(person)).rejects.toThrow(/401/);
    await admin.patch(`/api/people/${person.id}`, { status: 'active', version: 2 });
    expect((await (await h.login(person)).get('/api/auth/me')).statusCode).toBe(200);
  });

  it('emails an invitation whose link lets the person choose a password and sign in', async () => {
    h.smtp.clear();
    const org = await h.createOrganisation({ name: 'vzw De Brug' });
    const admin = await h.login(org.admin);
    const created = await admin.post('/api/people', {
      firstName: 'Anaïs',
      lastName: 'Vermeulen',
      email: 'anais@debrug.example',
      invite: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().invitedAt).toBe(h.clock.now().toISOString());
    const [mail] = await h.smtp.waitFor(1);
    expect(mail?.to).toEqual(['anais@debrug.example']);
    expect(mail?.subject).toBe('Uitnodiging voor Groeipad van vzw De Brug');
    const token = /\/welcome\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();

    const newcomer = h.anonymous();
    const accepted = await newcomer.post('/api/auth/tokens', { token, password: 'Mijn-eigen-pad-2026' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().person.email).toBe('anais@debrug.example');
    expect(
      (await newcomer.get('/api/people')).json().items.map((p: { hasAccount: boolean }) => p.hasAccount),
    ).toEqual([true]);

    const again = await admin.post(`/api/people/${created.json().id}/invitation`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('heeft al een account');
  });

  it('sends a new invitation on request, replacing the earlier link', async () => {
    h.smtp.clear();
    const org = await h.createOrganisation();
    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    const person = (
      await hr.post('/api/people', { firstName: 'Noah', lastName: 'Claes', email: 'noah@example.org' })
    ).json();
    expect(person.invitedAt).toBeNull();
    h.clock.advance(60_000);
    const first = await hr.post(`/api/people/${person.id}/invitation`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ invitedAt: h.clock.now().toISOString() });
    await hr.post(`/api/people/${person.id}/invitation`);
    const mails = await h.smtp.waitFor(2);
    const tokens = mails.map((m) => /\/welcome\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1]);
    expect((await h.anonymous().get(`/api/auth/tokens/${tokens[0]}`)).statusCode).toBe(410);
    expect((await h.anonymous().get(`/api/auth/tokens/${tokens[1]}`)).json()).toMatchObject({
      purpose: 'invitation',
      firstName: 'Noah',
    });
    const other = await h.createOrganisation();
    const foreign = await h.createPerson(other.id);
    expect((await hr.post(`/api/people/${foreign.id}/invitation`)).statusCode).toBe(404);
  });

  it('answers bad input with 422 and the field at fault', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const base = { firstName: 'A', lastName: 'B', email: 'ok@example.org' };
    const cases: [unknown, string][] = [
      [{ ...base, email: 'geen-adres' }, 'email'],
      [{ lastName: 'B', email: 'x@example.org' }, 'firstName'],
      [{ ...base, firstName: 'x'.repeat(101) }, 'firstName'],
      [{ ...base, fte: 1.5 }, 'fte'],
      [{ ...base, fte: '0.8' }, 'fte'],
      [{ ...base, startDate: '01/02/2024' }, 'startDate'],
      [{ ...base, roles: ['boss'] }, 'roles.0'],
      [{ ...base, employmentCountry: 'FR' }, 'employmentCountry'],
      [{ ...base, password: 'x' }, 'password'],
    ];
    for (const [body, path] of cases) {
      const res = await admin.post('/api/people', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
    for (const query of [
      'limit=0',
      'limit=abc',
      'status=weg',
      'teamId=1',
      'sort=name',
      `q=${'x'.repeat(101)}`,
    ]) {
      const res = await admin.get(`/api/people?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.json().error.fields[0].path).toMatch(/^querystring\./);
    }
    const person = (await admin.post('/api/people', base)).json();
    const bad = await admin.patch(`/api/people/${person.id}`, { status: 'gone', version: 'one' });
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['status', 'version']);
  });
});
