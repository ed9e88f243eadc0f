import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('teams', (h) => {
  it('creates, reads, renames and archives a team with its manager and member count', async () => {
    const org = await h.createOrganisation();
    const lead = await h.createPerson(org.id, {
      roles: ['employee', 'manager'],
      firstName: 'Jérôme',
      lastName: 'Lambrecht',
    });
    const admin = await h.login(org.admin);
    const created = await admin.post('/api/teams', {
      name: 'Woonbegeleiding',
      description: 'De Linde',
      managerId: lead.id,
    });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({
      name: 'Woonbegeleiding',
      description: 'De Linde',
      parentId: null,
      managerId: lead.id,
      managerName: 'Jérôme Lambrecht',
      memberCount: 0,
      active: true,
      version: 1,
    });
    await h.createPerson(org.id, { teamId: team.id });
    await h.createPerson(org.id, { teamId: team.id });

    const read = await admin.get(`/api/teams/${team.id}`);
    expect(read.json().memberCount).toBe(2);

    const renamed = await admin.patch(`/api/teams/${team.id}`, {
      name: 'Wonen',
      description: '',
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Wonen', description: null, version: 2 });

    const archived = await admin.patch(`/api/teams/${team.id}`, { active: false, version: 2 });
    expect(archived.json()).toMatchObject({ active: false, version: 3 });
    const list = await admin.get('/api/teams');
    expect(list.json().items.map((t: { name: string; active: boolean }) => [t.name, t.active])).toEqual([
      ['Wonen', false],
    ]);
  });

  it('keeps names unique per organisation, ignoring case and accents', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const admin = await h.login(org.admin);
    expect((await admin.post('/api/teams', { name: 'Atelier & dagbesteding' })).statusCode).toBe(201);
    const clash = await admin.post('/api/teams', { name: '  ATELIER & DÄGBESTEDING ' });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().error.fields).toEqual([
      { path: 'name', code: 'name_taken', message: 'Deze naam is al in gebruik.' },
    ]);
    const elsewhere = await (await h.login(other.admin)).post('/api/teams', {
      name: 'Atelier & dagbesteding',
    });
    expect(elsewhere.statusCode).toBe(201);

    const second = (await admin.post('/api/teams', { name: 'Keuken' })).json();
    const rename = await admin.patch(`/api/teams/${second.id}`, {
      name: 'atelier & dagbesteding',
      version: 1,
    });
    expect(rename.statusCode).toBe(422);
    expect(rename.json().error.fields[0]).toMatchObject({ path: 'name', code: 'name_taken' });
  });

  it('nests teams one level deep and only within the organisation', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const foreign = await h.createTeam(other.id);
    const admin = await h.login(org.admin);
    const top = (await admin.post('/api/teams', { name: 'Wonen' })).json();
    const child = await admin.post('/api/teams', { name: 'De Linde', parentId: top.id });
    expect(child.statusCode).toBe(201);
    expect(child.json().parentId).toBe(top.id);

    const grandchild = await admin.post('/api/teams', { name: 'Kamer 1', parentId: child.json().id });
    expect(grandchild.statusCode).toBe(422);
    expect(grandchild.json().error.fields[0]).toMatchObject({ path: 'parentId', code: 'parent_nested' });

    const underForeign = await admin.post('/api/teams', { name: 'Vreemd', parentId: foreign.id });
    expect(underForeign.statusCode).toBe(422);
    expect(underForeign.json().error.fields[0]).toMatchObject({
      path: 'parentId',
      code: 'unknown_reference',
    });

    // A team with children cannot itself move under another team, nor under itself.
    const other2 = (await admin.post('/api/teams', { name: 'Atelier' })).json();
    const moveParent = await admin.patch(`/api/teams/${top.id}`, { parentId: other2.id, version: 1 });
    expect(moveParent.json().error.fields[0]).toMatchObject({ path: 'parentId', code: 'parent_nested' });
    const self = await admin.patch(`/api/teams/${other2.id}`, { parentId: other2.id, version: 1 });
    expect(self.json().error.fields[0]).toMatchObject({ path: 'parentId', code: 'parent_nested' });

    const foreignManager = await h.createPerson(other.id);
    const badManager = await admin.post('/api/teams', { name: 'X', managerId: foreignManager.id });
    expect(badManager.json().error.fields[0]).toMatchObject({ path: 'managerId', code: 'unknown_reference' });
  });

  it('shows HR all teams, a manager the teams they lead and an employee none', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const hr = await h.createPerson(org.id, { roles: ['employee', 'hr'] });
    const employee = await h.createPerson(org.id);
    const led = await h.createTeam(org.id, { name: 'Geleid', managerId: manager.id });
    const notLed = await h.createTeam(org.id, { name: 'Ander' });

    const hrList = (await (await h.login(hr)).get('/api/teams')).json().items;
    expect(hrList.map((t: { name: string }) => t.name)).toEqual(['Ander', 'Geleid']);

    const managerClient = await h.login(manager);
    expect((await managerClient.get('/api/teams')).json().items.map((t: { id: string }) => t.id)).toEqual([
      led.id,
    ]);
    expect((await managerClient.get(`/api/teams/${led.id}`)).statusCode).toBe(200);
    expect((await managerClient.get(`/api/teams/${notLed.id}`)).statusCode).toBe(404);

    const employeeClient = await h.login(employee);
    expect((await employeeClient.get('/api/teams')).json()).toEqual({ items: [] });
    expect((await employeeClient.get(`/api/teams/${led.id}`)).statusCode).toBe(404);
  });

  it('lets only HR and the beheerder change teams', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const team = await h.createTeam(org.id, { managerId: manager.id });
    const managerClient = await h.login(manager);
    const create = await managerClient.post('/api/teams', { name: 'Nieuw' });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    expect(
      (await managerClient.patch(`/api/teams/${team.id}`, { name: 'Anders', version: 1 })).statusCode,
    ).toBe(403);
    expect((await h.anonymous().get('/api/teams')).statusCode).toBe(401);
  });

  it("treats another organisation's team as not found", async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const foreign = await h.createTeam(other.id);
    const admin = await h.login(org.admin);
    expect((await admin.get(`/api/teams/${foreign.id}`)).statusCode).toBe(404);
    const patch = await admin.patch(`/api/teams/${foreign.id}`, { name: 'Overgenomen', version: 1 });
    expect(patch.statusCode).toBe(404);
    expect((await admin.get(`/api/teams/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const team = (await admin.post('/api/teams', { name: 'Onthaal' })).json();
    await admin.patch(`/api/teams/${team.id}`, { description: 'Eerste', version: 1 });
    const stale = await admin.patch(`/api/teams/${team.id}`, { description: 'Tweede', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await admin.get(`/api/teams/${team.id}`)).json().description).toBe('Eerste');
  });

  it('answers bad input with 422 and the field at fault', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const cases: [unknown, string[]][] = [
      [{}, ['name']],
      [{ name: 42 }, ['name']],
      [{ name: 'x'.repeat(121) }, ['name']],
      [{ name: 'Ok', extra: true }, ['extra']],
      [{ name: 'Ok', parentId: 'not-a-uuid' }, ['parentId']],
      [{ name: 'Ok', description: 'x'.repeat(2001) }, ['description']],
      [{ name: 'Nul\u0000byte' }, ['name']],
      [{ name: 'Twee\nregels' }, ['name']],
      [{ name: 'Ok', description: 'Bel\u0007' }, ['description']],
    ];
    for (const [body, paths] of cases) {
      const res = await admin.post('/api/teams', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(paths);
      expect(res.json().error.fields[0].message).toEqual(expect.any(String));
    }
    const team = (
      await admin.post('/api/teams', { name: 'Ok', description: 'Regel één\nRegel twee' })
    ).json();
    expect(team.description).toBe('Regel één\nRegel twee');
    const noVersion = await admin.patch(`/api/teams/${team.id}`, { name: 'Nieuw' });
    expect(noVersion.json().error.fields).toMatchObject([{ path: 'version', code: 'required' }]);
    const badActive = await admin.patch(`/api/teams/${team.id}`, { active: 'nee', version: 1 });
    expect(badActive.json().error.fields).toMatchObject([{ path: 'active', code: 'invalid_type' }]);
    const badId = await admin.get('/api/teams/123');
    expect(badId.statusCode).toBe(422);
  });
});
