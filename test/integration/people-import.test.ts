import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Client, Harness } from '../support/harness.js';
import { describeEachDatabase, waitForImport } from '../support/harness.js';

interface PreviewRow {
  line: number;
  action: string;
  label: string;
  changes: { field: string; from: string | null; to: string | null }[];
  errors: { field: string; code: string; message: string }[];
}

async function person(client: Client, email: string) {
  const res = await client.get(`/api/people?status=all&q=${encodeURIComponent(email)}`);
  return res.json().items[0];
}

async function count(h: Harness, table: 'people' | 'teams' | 'job_functions', organisationId: string) {
  const row = await h.ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('people import', (h) => {
  it('imports a semicolon file with BOM, CRLF and Dutch headers from a social secretariat', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const content =
      '\uFEFFVoornaam;Familienaam;E-mailadres;Functie;Afdeling;Leidinggevende;Datum in dienst;Uit dienst;Tewerkstellingsbreuk;Werkregime;Land;Taal;Rollen;Rijksregisternummer\r\n' +
      'Katrien;Van den Broeck;katrien@debrug.example;Teamcoördinator;Woonbegeleiding;;01/03/2012;;100%;voltijds;België;nl;medewerker, leidinggevende;85.01.01-123.45\r\n' +
      'Zoë;Peeters;Zoe.Peeters@debrug.example;Woonbegeleider;woonbegeleiding;katrien@debrug.example;1-9-2021;;0,8;4/5;BE;NL;;\r\n' +
      '"Anaïs";"Vermeulen";anais@debrug.example;Woonbegeleider;Woonbegeleiding;zoe.peeters@debrug.example;2019-04-15;31/12/2026;50;"halftijds; ma-wo";Nederland;en;medewerker;\r\n';
    const preview = await admin.post('/api/people/import/preview', {
      filename: 'export sociaal secretariaat.CSV',
      content,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body.fileErrors).toEqual([]);
    expect(body.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'firstName',
      'lastName',
      'email',
      'function',
      'team',
      'manager',
      'startDate',
      'endDate',
      'fte',
      'workRegime',
      'employmentCountry',
      'locale',
      'roles',
      null,
    ]);
    const [katrien, zoe, anais] = body.rows as PreviewRow[];
    expect(katrien?.changes).toEqual(
      expect.arrayContaining([
        { field: 'newFunction', from: null, to: 'Teamcoördinator' },
        { field: 'newTeam', from: null, to: 'Woonbegeleiding' },
        { field: 'roles', from: null, to: 'employee, manager' },
        { field: 'startDate', from: null, to: '2012-03-01' },
      ]),
    );
    expect(zoe).toMatchObject({ line: 3, action: 'create', label: 'Zoë Peeters' });
    expect(zoe?.changes).toContainEqual({ field: 'manager', from: null, to: 'Katrien Van den Broeck' });
    expect(zoe?.changes).toContainEqual({ field: 'fte', from: null, to: '0.8' });
    expect(zoe?.changes.filter((c) => c.field === 'newTeam')).toEqual([]);
    expect(anais?.changes).toContainEqual({ field: 'endDate', from: null, to: '2026-12-31' });

    const started = await admin.post('/api/people/import', {
      filename: 'export sociaal secretariaat.CSV',
      content,
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', total: 3, processed: 0 });
    const job = await waitForImport(admin, started.json().id);
    expect(job).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      created: 3,
      updated: 0,
      invited: 0,
      error: null,
    });

    const k = await person(admin, 'katrien@debrug.example');
    const z = await person(admin, 'zoe.peeters@debrug.example');
    const a = await person(admin, 'anais@debrug.example');
    expect(k).toMatchObject({
      roles: ['employee', 'manager'],
      functionName: 'Teamcoördinator',
      fte: 1,
      managerId: null,
    });
    expect(z).toMatchObject({
      firstName: 'Zoë',
      email: 'Zoe.Peeters@debrug.example',
      teamName: 'Woonbegeleiding',
      functionName: 'Woonbegeleider',
      managerId: k.id,
      startDate: '2021-09-01',
      fte: 0.8,
      workRegime: '4/5',
      roles: ['employee'],
      hasAccount: false,
    });
    expect(a).toMatchObject({
      managerId: z.id,
      fte: 0.5,
      workRegime: 'halftijds; ma-wo',
      employmentCountry: 'NL',
      locale: 'en',
      endDate: '2026-12-31',
    });
    const teams = (await admin.get('/api/teams')).json().items;
    expect(teams.map((t: { name: string; memberCount: number }) => [t.name, t.memberCount])).toEqual([
      ['Woonbegeleiding', 3],
    ]);
    // The import runs after its request was answered; its audit rows still carry that request's id.
    const created = await h.ctx.database.db
      .selectFrom('audit_events')
      .select(['request_id'])
      .where('action', '=', 'person.created')
      .where('object_id', 'in', [k.id, z.id, a.id])
      .execute();
    expect(created).toHaveLength(3);
    expect(new Set(created.map((row) => row.request_id)).size).toBe(1);
    expect(created[0]!.request_id).toEqual(expect.any(String));
  });

  it('updates people matched by email from a comma file, showing only what changes', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const team = await h.createTeam(org.id, { name: 'Atelier' });
    const hanne = (
      await admin.post('/api/people', {
        firstName: 'Hanne',
        lastName: 'Jacobs',
        email: 'hanne@example.org',
        teamId: team.id,
        fte: 1,
        startDate: '2017-03-01',
      })
    ).json();
    await admin.post('/api/people', {
      firstName: 'Wout',
      lastName: 'Desmet',
      email: 'wout@example.org',
      fte: 0.5,
    });
    const content = [
      'first name,last name,email,team,fte,start date,end date',
      'Hanne,Jacobs,HANNE@example.org,ATELIER,0.8,2017-03-01,',
      'Wout,Desmet,wout@example.org,,50%,,',
      'Lucas,Dubois,lucas@example.org,Atelier,,,',
    ].join('\n');
    const preview = (
      await admin.post('/api/people/import/preview', { filename: 'people.csv', content })
    ).json();
    expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 1, error: 0 });
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      action: 'update',
      label: 'Hanne Jacobs',
      changes: [{ field: 'fte', from: '1', to: '0.8' }],
    });
    expect(preview.rows[1]).toMatchObject({ action: 'unchanged', changes: [] });

    const job = await waitForImport(
      admin,
      (await admin.post('/api/people/import', { filename: 'people.csv', content })).json().id,
    );
    expect(job).toMatchObject({ status: 'done', created: 1, updated: 1 });
    const after = (await admin.get(`/api/people/${hanne.id}`)).json();
    expect(after).toMatchObject({ fte: 0.8, teamId: team.id, version: 2 });
    expect((await person(admin, 'lucas@example.org')).teamId).toBe(team.id);
  });

  it('reports bad rows with their line numbers and refuses to import any of them', async () => {
    const org = await h.createOrganisation();
    const other = await h.createOrganisation();
    await h.createPerson(other.id, { email: 'elders@example.org' });
    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    const content = [
      'voornaam;achternaam;e-mail;leidinggevende;startdatum;einddatum;fte;land;taal;rollen',
      'Goed;Persoon;goed@example.org;;2024-01-01;;1;BE;nl;',
      ';Zonder voornaam;zonder@example.org;;;;;;;',
      'Fout;Adres;geen-adres;;;;;;;',
      'Slechte;Datum;datum@example.org;;31/02/2024;;;;;',
      'Te;Veel;veel@example.org;;;;150%;;;',
      'Onbekende;Baas;baas@example.org;niemand@example.org;;;;;;',
      'Dubbel;Goed;GOED@example.org;;;;;;;',
      'Elders;Bezet;elders@example.org;;;;;;;',
      'Eind;Voor;eind@example.org;;2024-05-01;2024-04-01;;;;',
      'Land;Fout;land@example.org;;;;;Frankrijk;fr;',
      'Wil;Beheer;beheer@example.org;;;;;;;beheerder',
      'Eigen;Baas;eigen@example.org;eigen@example.org;;;;;;',
    ].join('\r\n');
    const preview = (await hr.post('/api/people/import/preview', { filename: 'p.csv', content })).json();
    const errors = (preview.rows as PreviewRow[]).map((r) => [
      r.line,
      r.action,
      r.errors.map((e) => `${e.field}:${e.code}`),
    ]);
    expect(errors).toEqual([
      [2, 'create', []],
      [3, 'error', ['firstName:required']],
      [4, 'error', ['email:invalid_email']],
      [5, 'error', ['startDate:csv_invalid_date']],
      [6, 'error', ['fte:fte_range']],
      [7, 'error', ['manager:unknown_reference']],
      [8, 'error', ['email:duplicate_in_file']],
      [9, 'error', ['email:email_taken']],
      [10, 'error', ['endDate:end_before_start']],
      [11, 'error', ['employmentCountry:invalid_value', 'locale:invalid_value']],
      [12, 'error', ['roles:role_not_allowed']],
      [13, 'error', ['manager:manager_self']],
    ]);
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 11 });
    expect(preview.rows[6].errors[0].message).toBe(
      'Komt meer dan eens voor in het bestand (ook op regel 2).',
    );
    expect(preview.rows[1].changes).toEqual([]);

    const run = await hr.post('/api/people/import', { filename: 'p.csv', content });
    expect(run.statusCode).toBe(422);
    expect(run.json().error.fields[0]).toMatchObject({ path: 'rows.3.firstName', code: 'required' });
    expect(run.json().error.fields).toHaveLength(12);
    expect(await count(h, 'people', org.id)).toBe(2);
  });

  it('detects a manager cycle made by the file itself', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const content =
      'voornaam,achternaam,email,manager\nA,A,a@example.org,b@example.org\nB,B,b@example.org,a@example.org\n';
    const preview = (await admin.post('/api/people/import/preview', { filename: 'p.csv', content })).json();
    expect(preview.rows.map((r: PreviewRow) => r.errors.map((e) => e.code))).toEqual([
      ['manager_cycle'],
      ['manager_cycle'],
    ]);
  });

  it('reports file problems: encoding, missing columns, no rows, too many rows, wrong file type', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const fileErrors = async (content: string) =>
      (await admin.post('/api/people/import/preview', { filename: 'p.csv', content })).json().fileErrors;
    expect(await fileErrors('voornaam;achternaam;e-mail\nJ\uFFFDr\uFFFDme;Claes;j@example.org\n')).toEqual([
      { code: 'not_utf8', message: expect.stringContaining('UTF-8') },
    ]);
    expect(await fileErrors('voornaam;e-mail\nA;a@example.org\n')).toEqual([
      { code: 'csv_missing_column', message: 'Kolom ontbreekt: achternaam.' },
    ]);
    expect(await fileErrors('voornaam;achternaam;e-mail\n\n;;\n')).toMatchObject([{ code: 'csv_empty' }]);
    expect(await fileErrors('voornaam;achternaam;e-mail\n"A;B;c@example.org\n')).toMatchObject([
      { code: 'csv_malformed' },
    ]);
    const big = `voornaam;achternaam;e-mail\n${Array.from({ length: 5001 }, (_, i) => `A;B;p${i}@example.org`).join('\n')}`;
    expect(await fileErrors(big)).toMatchObject([
      { code: 'csv_too_many_rows', message: expect.stringContaining('5000') },
    ]);

    const xlsx = await admin.post('/api/people/import/preview', { filename: 'export.xlsx', content: 'a' });
    expect(xlsx.statusCode).toBe(415);
    expect(xlsx.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(
      (await admin.post('/api/people/import', { filename: 'export.pdf', content: 'a' })).statusCode,
    ).toBe(415);
    const huge = await admin.post('/api/people/import/preview', {
      filename: 'p.csv',
      content: 'x'.repeat(2_000_001),
    });
    // Over the import's 2 MB: 413 with a message that says the limit and what to do.
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('hoogstens 2 MB'),
    });
    const extra = await admin.post('/api/people/import/preview', {
      filename: 'p.csv',
      content: 'a',
      mode: 'fast',
    });
    expect(extra.json().error.fields).toMatchObject([{ path: 'mode', code: 'unknown_field' }]);
    const refused = await admin.post('/api/people/import', { filename: 'p.csv', content: 'voornaam\nA\n' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['file', 'file']);
  });

  it('imports nothing when a row fails in the database halfway through', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const stays = (
      await admin.post('/api/people', {
        firstName: 'Blijft',
        lastName: 'Zo',
        email: 'blijft@example.org',
        fte: 1,
      })
    ).json();
    const breaks = (
      await admin.post('/api/people', { firstName: 'Breekt', lastName: 'Af', email: 'breekt@example.org' })
    ).json();
    const rows = Array.from(
      { length: 300 },
      (_, i) => `Nieuw${i};Persoon;nieuw${i}@example.org;Nieuwe afdeling;Nieuwe functie`,
    );
    const content = [
      'voornaam;achternaam;e-mail;afdeling;functie;fte',
      ...rows.map((r) => `${r};`),
      'Blijft;Zo;blijft@example.org;;;0,5',
      'Kapot;Af;breekt@example.org;;;',
    ].join('\n');
    const db = h.ctx.database.db;
    // A trigger stands in for any failure the checks cannot foresee (a constraint, a lost connection, a full disk).
    if (h.dialect === 'sqlite') {
      await sql`CREATE TRIGGER fail_import BEFORE UPDATE ON people WHEN NEW.first_name = 'Kapot'
        BEGIN SELECT RAISE(ABORT, 'forced failure'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION fail_import() RETURNS trigger AS $$
        BEGIN IF NEW.first_name = 'Kapot' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END
        $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER fail_import BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION fail_import()`.execute(
        db,
      );
    }
    try {
      const started = await admin.post('/api/people/import', { filename: 'p.csv', content });
      expect(started.statusCode).toBe(202);
      const job = await waitForImport(admin, started.json().id);
      expect(job.status).toBe('failed');
      expect(job.error).toBe(
        'De import is mislukt; er werd niets gewijzigd. Bekijk het voorbeeld opnieuw en probeer nog eens.',
      );
      // The first chunk of 200 had been written when the second chunk failed; everything was rolled back:
      // the 300 new people, their new team and function, and the update before the failing row.
      expect(job.processed).toBe(200);
      expect(await count(h, 'people', org.id)).toBe(3);
      expect(await count(h, 'teams', org.id)).toBe(0);
      expect(await count(h, 'job_functions', org.id)).toBe(0);
      expect((await admin.get(`/api/people/${stays.id}`)).json()).toMatchObject({ fte: 1, version: 1 });
      expect((await admin.get(`/api/people/${breaks.id}`)).json()).toMatchObject({
        firstName: 'Breekt',
        version: 1,
      });
    } finally {
      await sql`DROP TRIGGER fail_import${h.dialect === 'sqlite' ? sql`` : sql` ON people`}`.execute(db);
      if (h.dialect === 'postgresql') await sql`DROP FUNCTION fail_import()`.execute(db);
    }
    const retry = await waitForImport(
      admin,
      (await admin.post('/api/people/import', { filename: 'p.csv', content })).json().id,
    );
    expect(retry).toMatchObject({ status: 'done', created: 300, updated: 2, processed: 302, total: 302 });
  });

  it('sends invitations to the people it created when asked', async () => {
    h.smtp.clear();
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    await admin.post('/api/people', { firstName: 'Al', lastName: 'Daar', email: 'al@example.org' });
    const content =
      'voornaam;achternaam;e-mail\nEen;Nieuw;een@example.org\nTwee;Nieuw;twee@example.org\nAl;Daar;al@example.org\n';
    const started = await admin.post('/api/people/import', {
      filename: 'p.txt',
      content,
      sendInvitations: true,
    });
    const job = await waitForImport(admin, started.json().id);
    expect(job).toMatchObject({ status: 'done', created: 2, invited: 2 });
    const mails = await h.smtp.waitFor(2);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['een@example.org', 'twee@example.org']);
    expect(mails[0]?.text).toMatch(/\/welcome\/[A-Za-z0-9_-]+/);
    expect((await person(admin, 'een@example.org')).invitedAt).not.toBeNull();
  });

  it('shows an import only to the person who started it, and imports only for HR and the beheerder', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const content = 'voornaam;achternaam;e-mail\nEen;Nieuw;een.x@example.org\n';
    const jobId = (await admin.post('/api/people/import', { filename: 'p.csv', content })).json().id;
    await waitForImport(admin, jobId);
    const colleague = await h.login(await h.createPerson(org.id, { roles: ['employee', 'admin'] }));
    expect((await colleague.get(`/api/imports/${jobId}`)).statusCode).toBe(404);
    const other = await h.createOrganisation();
    expect((await (await h.login(other.admin)).get(`/api/imports/${jobId}`)).statusCode).toBe(404);
    expect((await admin.get('/api/imports/onbekend')).statusCode).toBe(404);
    expect((await h.anonymous().get(`/api/imports/${jobId}`)).statusCode).toBe(401);

    const manager = await h.login(await h.createPerson(org.id, { roles: ['employee', 'manager'] }));
    expect(
      (await manager.post('/api/people/import/preview', { filename: 'p.csv', content })).statusCode,
    ).toBe(403);
    expect((await manager.post('/api/people/import', { filename: 'p.csv', content })).statusCode).toBe(403);
  });
});
