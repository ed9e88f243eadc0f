import { expect, it } from 'vitest';
import { describeEachDatabase, waitForImport } from '../support/harness.js';

describeEachDatabase('competencies and function profiles', (h) => {
  it('keeps a competency library with behavioural indicators', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const created = await admin.post('/api/competencies', {
      name: 'Samenwerken',
      description: 'Met collega’s naar een gemeenschappelijk doel.',
      indicators: ['Deelt informatie tijdig', 'Biedt hulp aan'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Samenwerken',
      indicators: ['Deelt informatie tijdig', 'Biedt hulp aan'],
      active: true,
      version: 1,
    });
    const id = created.json().id;
    const updated = await admin.patch(`/api/competencies/${id}`, {
      indicators: ['Eén'],
      active: false,
      version: 1,
    });
    expect(updated.json()).toMatchObject({ indicators: ['Eén'], active: false, version: 2 });
    const stale = await admin.patch(`/api/competencies/${id}`, { name: 'Anders', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(2);
    const clash = await admin.post('/api/competencies', { name: 'SAMENWERKEN' });
    expect(clash.json().error.fields[0]).toMatchObject({ path: 'name', code: 'name_taken' });
  });

  it('keeps function profiles with an ordered list of competencies and a people count', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const ids: string[] = [];
    for (const name of ['Cliëntgerichtheid', 'Communicatie', 'Veerkracht']) {
      ids.push((await admin.post('/api/competencies', { name })).json().id);
    }
    const created = await admin.post('/api/functions', {
      name: 'Woonbegeleider',
      description: 'Ondersteunt bewoners in het dagelijks leven.',
      competencyIds: [ids[2], ids[0], ids[2]],
    });
    expect(created.statusCode).toBe(201);
    const fn = created.json();
    expect(fn.competencies.map((c: { name: string }) => c.name)).toEqual(['Veerkracht', 'Cliëntgerichtheid']);
    await h.createPerson(org.id, { functionId: fn.id });

    const reordered = await admin.patch(`/api/functions/${fn.id}`, {
      competencyIds: [ids[1], ids[0]],
      version: 1,
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json()).toMatchObject({
      version: 2,
      peopleCount: 1,
      competencies: [
        { id: ids[1], name: 'Communicatie' },
        { id: ids[0], name: 'Cliëntgerichtheid' },
      ],
    });
    await admin.post('/api/functions', { name: 'Logistiek medewerker' });
    const list = (await admin.get('/api/functions')).json().items;
    expect(
      list.map((f: { name: string; competencies: unknown[] }) => [f.name, f.competencies.length]),
    ).toEqual([
      ['Logistiek medewerker', 0],
      ['Woonbegeleider', 2],
    ]);
  });

  it('lets every member read the catalogue but only HR and the beheerder change it', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const competency = (await admin.post('/api/competencies', { name: 'Nauwkeurigheid' })).json();
    const fn = (await admin.post('/api/functions', { name: 'Stafmedewerker' })).json();
    const employee = await h.login(await h.createPerson(org.id));
    expect((await employee.get('/api/functions')).json().items).toHaveLength(1);
    expect((await employee.get(`/api/functions/${fn.id}`)).statusCode).toBe(200);
    expect((await employee.get('/api/competencies')).json().items).toHaveLength(1);
    expect((await employee.get(`/api/competencies/${competency.id}`)).statusCode).toBe(200);
    expect((await employee.post('/api/functions', { name: 'X' })).statusCode).toBe(403);
    expect((await employee.patch(`/api/functions/${fn.id}`, { name: 'X', version: 1 })).statusCode).toBe(403);
    expect((await employee.post('/api/competencies', { name: 'X' })).statusCode).toBe(403);
    expect(
      (await employee.patch(`/api/competencies/${competency.id}`, { name: 'X', version: 1 })).statusCode,
    ).toBe(403);
    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    expect((await hr.post('/api/competencies', { name: 'Creativiteit' })).statusCode).toBe(201);
  });

  it("treats another organisation's functions and competencies as unknown", async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    const otherAdmin = await h.login(other.admin);
    const foreignCompetency = (await otherAdmin.post('/api/competencies', { name: 'Geheim' })).json();
    const foreignFunction = (await otherAdmin.post('/api/functions', { name: 'Geheim' })).json();
    const admin = await h.login(org.admin);
    expect((await admin.get(`/api/competencies/${foreignCompetency.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/functions/${foreignFunction.id}`)).statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/competencies/${foreignCompetency.id}`, { name: 'Van mij', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await admin.patch(`/api/functions/${foreignFunction.id}`, { name: 'Van mij', version: 1 })).statusCode,
    ).toBe(404);
    const linked = await admin.post('/api/functions', {
      name: 'Mijn functie',
      competencyIds: [foreignCompetency.id],
    });
    expect(linked.statusCode).toBe(422);
    expect(linked.json().error.fields).toMatchObject([
      { path: 'competencyIds.0', code: 'unknown_reference' },
    ]);
    expect((await admin.get('/api/competencies')).json().items).toEqual([]);
  });

  it('answers bad input with 422 and the field at fault', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const cases: [string, unknown, string][] = [
      ['/api/competencies', { name: '' }, 'name'],
      ['/api/competencies', { name: 'A', indicators: 'one' }, 'indicators'],
      ['/api/competencies', { name: 'A', indicators: ['x'.repeat(501)] }, 'indicators.0'],
      ['/api/competencies', { name: 'A', indicators: Array(31).fill('x') }, 'indicators'],
      ['/api/competencies', { name: 'A', colour: 'red' }, 'colour'],
      ['/api/functions', { name: 'A', competencyIds: ['nope'] }, 'competencyIds.0'],
      ['/api/functions', { name: 'A', description: 'x'.repeat(8001) }, 'description'],
      ['/api/functions', { description: 'zonder naam' }, 'name'],
    ];
    for (const [url, body, path] of cases) {
      const res = await admin.post(url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(422);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
  });

  it('imports competencies from CSV: new names are created, known names updated', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const existing = (
      await admin.post('/api/competencies', { name: 'Samenwerken', description: 'Oud', indicators: ['Eén'] })
    ).json();
    await admin.post('/api/competencies', {
      name: 'Veerkracht',
      description: 'Blijft',
      indicators: ['Rust'],
    });
    const content =
      '\uFEFFNaam;Omschrijving;Gedragsindicatoren\r\n' +
      'samenwerken;Nieuw;"Deelt info|Helpt"\r\n' +
      'Creativiteit;Nieuwe ideeën;"Bedenkt activiteiten\r\nDurft te proberen"\r\n' +
      'Veerkracht;;\r\n';
    const preview = await admin.post('/api/competencies/import/preview', {
      filename: 'competenties.csv',
      content,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 0 });
    expect(body.columns.map((c: { field: string }) => c.field)).toEqual([
      'name',
      'description',
      'indicators',
    ]);
    expect(body.rows[0]).toMatchObject({
      line: 2,
      action: 'update',
      label: 'Samenwerken',
      changes: [
        { field: 'description', from: 'Oud', to: 'Nieuw' },
        { field: 'indicators', from: 'Eén', to: 'Deelt info | Helpt' },
      ],
    });
    expect(body.rows[1]).toMatchObject({ line: 3, action: 'create', label: 'Creativiteit' });
    expect(body.rows[2]).toMatchObject({ line: 5, action: 'unchanged' });

    const started = await admin.post('/api/competencies/import', { filename: 'competenties.csv', content });
    expect(started.statusCode).toBe(202);
    const job = await waitForImport(admin, started.json().id);
    expect(job).toMatchObject({ status: 'done', created: 1, updated: 1, total: 2, processed: 2 });
    const after = (await admin.get(`/api/competencies/${existing.id}`)).json();
    expect(after).toMatchObject({ description: 'Nieuw', indicators: ['Deelt info', 'Helpt'], version: 2 });
    const all = (await admin.get('/api/competencies')).json().items;
    expect(all.find((c: { name: string }) => c.name === 'Creativiteit').indicators).toEqual([
      'Bedenkt activiteiten',
      'Durft te proberen',
    ]);
  });

  it('refuses a competency file with errors, naming the lines', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const content = 'name,description\nEmpathie,Inleven\n,zonder naam\nempathie,dubbel\n';
    const preview = (
      await admin.post('/api/competencies/import/preview', { filename: 'c.txt', content })
    ).json();
    expect(preview.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(preview.rows[2].errors[0]).toMatchObject({ field: 'name', code: 'duplicate_in_file' });
    expect(preview.rows[2].errors[0].message).toContain('regel 2');
    const run = await admin.post('/api/competencies/import', { filename: 'c.txt', content });
    expect(run.statusCode).toBe(422);
    expect(run.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'rows.3.name',
      'rows.4.name',
    ]);
    expect((await admin.get('/api/competencies')).json().items).toEqual([]);

    const xlsx = await admin.post('/api/competencies/import/preview', { filename: 'c.xlsx', content });
    expect(xlsx.statusCode).toBe(415);
    const employee = await h.login(await h.createPerson(org.id));
    expect(
      (await employee.post('/api/competencies/import/preview', { filename: 'c.csv', content })).statusCode,
    ).toBe(403);
  });
});
