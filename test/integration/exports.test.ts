import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { employeePage } from '../../src/server/modules/plan-exports/plan-exports.repository.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

const FORMULA_GOAL = '=HYPERLINK("http://evil.example","klik")';
const FORMULA_ACTION = "+cmd|' /C calc'!A0";
const AT_ACTION = '@SUM(1+1)';
const MINUS_PROVIDER = '-2+3';
const PLAIN_GOAL = 'Beter leren omgaan met conflicten';

async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
}

/** CSV as Belgian Excel reads it: BOM, `;`, header row. */
function readCsv(body: string): Record<string, string>[] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  return parse(body, { bom: true, delimiter: ';', columns: true, skip_empty_lines: true });
}

async function readXlsx(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Array<Record<string, ExcelJS.Cell>> = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(headers.map((header, i) => [header, row.getCell(i + 1)])));
  });
  return { sheet, headers, rows };
}

async function setUp(h: Harness) {
  h.clock.set('2027-03-01T08:00:00.000Z');
  const org = await h.createOrganisation();
  const admin = await h.login(org.admin);
  const resilience = (await admin.post('/api/competencies', { name: 'Veerkracht' })).json();
  const katrien = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  const woon = await h.createTeam(org.id, { name: 'Woonbegeleiding', managerId: katrien.id });
  const zoe = await h.createPerson(org.id, { firstName: 'Zoë', lastName: 'Peeters', teamId: woon.id });
  const noah = await h.createPerson(org.id, { firstName: 'Noah', lastName: 'Claes', teamId: woon.id });
  const jerome = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Jérôme',
    lastName: 'Lambrecht',
  });
  const atelier = await h.createTeam(org.id, { name: 'Atelier', managerId: jerome.id });
  const fatima = await h.createPerson(org.id, {
    firstName: 'Fatima',
    lastName: 'El Amrani',
    teamId: atelier.id,
  });
  const eva = await h.createPerson(org.id, { firstName: 'Eva', lastName: 'Wouters' });

  const k = await h.login(katrien);
  const z = await h.login(zoe);
  const j = await h.login(jerome);
  // Zoë: in the conversation, with goals and actions whose text looks like formulas.
  const zoePlan = (
    await k.post('/api/plans', {
      employeeId: zoe.id,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      conversationAt: '2027-02-20T10:00:00+01:00',
    })
  ).json();
  await fire(z, zoePlan.id, 'start_conversation');
  const evil = (
    await k.post(`/api/plans/${zoePlan.id}/goals`, {
      title: FORMULA_GOAL,
      description: 'Omschrijving; met "aanhalingstekens"\nen een regel erbij',
      competencyId: resilience.id,
    })
  ).json();
  const plain = (await k.post(`/api/plans/${zoePlan.id}/goals`, { title: PLAIN_GOAL })).json();
  for (const body of [
    {
      type: 'training',
      description: FORMULA_ACTION,
      provider: MINUS_PROVIDER,
      timing: { kind: 'quarter', year: 2027, quarter: 2 },
      hours: 14.5,
      cost: 390,
    },
    { type: 'self_study', description: AT_ACTION, timing: { kind: 'date', date: '2028-01-15' } },
  ]) {
    const action = await k.post(`/api/goals/${evil.id}/actions`, body);
    expect(action.statusCode, action.body).toBe(201);
  }
  await k.post(`/api/goals/${plain.id}/actions`, {
    type: 'course',
    description: 'Vorming conflicthantering',
  });
  // Noah: preparation, last year's period. Fatima: Jérôme's.
  await k.post('/api/plans', { employeeId: noah.id, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
  await j.post('/api/plans', { employeeId: fatima.id, periodStart: '2027-01-01', periodEnd: '2027-12-31' });
  return { org, admin, k, j, ids: { katrien, zoe, noah, fatima, eva, jerome }, teams: { woon, atelier } };
}

const text = (cell: ExcelJS.Cell | undefined) => (cell ? String(cell.value ?? '') : '');

describeEachDatabase('exports of plans, goals and actions', (h) => {
  it('writes CSV for Belgian Excel that parses back, with the filters of the screen', async () => {
    const t = await setUp(h);
    const response = await t.admin.get('/api/exports/plans?format=csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="pop-overzicht-2027-03-01.csv"; filename*=UTF-8''pop-overzicht-2027-03-01.csv`,
    );
    expect(response.headers['x-export-rows']).toBe('3');
    const rows = readCsv(response.body);
    expect(rows.map((r) => r.Medewerker)).toEqual(['Noah Claes', 'Fatima El Amrani', 'Zoë Peeters']);
    const zoe = rows[2] as Record<string, string>;
    expect(zoe).toMatchObject({
      Afdeling: 'Woonbegeleiding',
      Leidinggevende: 'Katrien Van den Broeck',
      'Periode vanaf': '01/01/2027',
      Fase: 'POP-gesprek',
      'POP-gesprek': '20/02/2027 10:00',
      'Voorbereiding delen tegen': '13/02/2027',
      Ontwikkeldoelen: '2',
      Acties: '3',
    });

    const filtered = async (query: string) =>
      readCsv((await t.admin.get(`/api/exports/plans?${query}`)).body).map((r) => r.Medewerker);
    expect(await filtered('phase=conversation')).toEqual(['Zoë Peeters']);
    expect(await filtered(`teamId=${t.teams.woon.id}`)).toEqual(['Noah Claes', 'Zoë Peeters']);
    expect(await filtered('year=2026')).toEqual(['Noah Claes']);
    expect(await filtered('q=zoe')).toEqual(['Zoë Peeters']);
    expect(await filtered('q=PEETERS%20zo')).toEqual(['Zoë Peeters']);
    expect(await filtered('q=nobody')).toEqual([]);
    // The screen lists what the export holds, search included.
    for (const query of ['q=zoe', 'phase=preparation', `teamId=${t.teams.woon.id}&year=2027`]) {
      const listed = (await t.admin.get(`/api/plans?${query}`))
        .json()
        .items.map((p: { employee: { name: string } }) => p.employee.name);
      expect(listed.sort(), query).toEqual((await filtered(query)).sort());
    }
    expect((await t.admin.get('/api/exports/plans?q=nobody')).headers['x-export-rows']).toBe('0');
  });

  it('leaves content columns out for HR without permission, and neutralises formulas where they are in', async () => {
    const t = await setUp(h);
    const goals = await t.admin.get('/api/exports/goals?format=csv');
    expect(goals.statusCode).toBe(200);
    const hidden = readCsv(goals.body);
    expect(hidden).toHaveLength(2);
    expect(Object.keys(hidden[0] ?? {})).not.toContain('Ontwikkeldoel');
    expect(Object.keys(hidden[0] ?? {})).not.toContain('Omschrijving');
    expect(Object.keys(hidden[0] ?? {})).not.toContain('Competentie');
    expect(Object.keys(hidden[0] ?? {})).toContain('Prioriteit');
    expect(goals.body).not.toContain('HYPERLINK');
    expect(goals.body).not.toContain(PLAIN_GOAL);
    const actions = await t.admin.get('/api/exports/actions?format=xlsx');
    expect(actions.statusCode).toBe(200);
    const hiddenXlsx = await readXlsx(actions.rawPayload);
    expect(hiddenXlsx.headers).not.toContain('Actie');
    expect(hiddenXlsx.headers).not.toContain('Aanbieder');
    expect(hiddenXlsx.headers).not.toContain('Ontwikkeldoel');
    expect(hiddenXlsx.headers).toContain('Uren (gepland)');
    expect(hiddenXlsx.rows).toHaveLength(3);
    const allText = hiddenXlsx.rows.flatMap((r) => Object.values(r).map(text)).join('\n');
    expect(allText).not.toContain('cmd|');
    expect(allText).not.toContain('conflicthantering');

    // The organisation allows HR to read content: the columns come back, every formula as text.
    const organisation = (await t.admin.get('/api/organisation')).json();
    await t.admin.patch('/api/organisation', { hrSeesPlanContent: true, version: organisation.version });
    const shown = readCsv((await t.admin.get('/api/exports/goals')).body);
    expect(shown.map((r) => r.Ontwikkeldoel)).toEqual([`'${FORMULA_GOAL}`, PLAIN_GOAL]);
    expect(shown[0]?.Omschrijving).toBe('Omschrijving; met "aanhalingstekens"\nen een regel erbij');
    expect(shown[0]?.Competentie).toBe('Veerkracht');

    const xlsx = await t.admin.get('/api/exports/actions?format=xlsx');
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain('filename="acties-2027-03-01.xlsx"');
    const { rows, sheet } = await readXlsx(xlsx.rawPayload);
    expect(sheet.name).toBe('Acties');
    expect(rows.map((r) => text(r.Actie))).toEqual([
      `'${FORMULA_ACTION}`,
      `'${AT_ACTION}`,
      'Vorming conflicthantering',
    ]);
    expect(text(rows[0]?.Aanbieder)).toBe(`'${MINUS_PROVIDER}`);
    expect(text(rows[0]?.Ontwikkeldoel)).toBe(`'${FORMULA_GOAL}`);
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    // Numbers stay numbers, dates stay dates; the year follows the one rule (a date in 2028 counts in 2028).
    expect(rows[0]?.['Uren (gepland)']?.value).toBe(14.5);
    expect(rows[0]?.['Kost (gepland)']?.value).toBe(390);
    expect(rows.map((r) => r['Telt in jaar']?.value)).toEqual([2027, 2028, 2027]);
    expect(text(rows[0]?.Timing)).toBe('Q2 2027');
    expect(rows[0]?.['Periode vanaf']?.value).toEqual(new Date(Date.UTC(2027, 0, 1)));
    expect(text(rows[0]?.Status)).toBe('Gepland');

    // In English, the headers and values follow the reader's language.
    expect((await t.admin.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    const en = readCsv((await t.admin.get('/api/exports/actions')).body);
    expect(Object.keys(en[0] ?? {})).toContain('Kind of action');
    expect(en[0]?.Status).toBe('Planned');
  });

  it('gives a manager the plans they lead, refuses other teams and employees', async () => {
    const t = await setUp(h);
    const mine = readCsv((await t.k.get('/api/exports/goals')).body);
    expect(mine.map((r) => r.Ontwikkeldoel)).toEqual([`'${FORMULA_GOAL}`, PLAIN_GOAL]);
    const plans = readCsv((await t.k.get(`/api/exports/plans?teamId=${t.teams.woon.id}`)).body);
    expect(plans.map((r) => r.Medewerker)).toEqual(['Noah Claes', 'Zoë Peeters']);
    const his = readCsv((await t.j.get('/api/exports/plans')).body);
    expect(his.map((r) => r.Medewerker)).toEqual(['Fatima El Amrani']);

    const other = await t.k.get(`/api/exports/plans?teamId=${t.teams.atelier.id}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const eva = await h.login(t.ids.eva);
    const denied = await eva.get('/api/exports/actions');
    expect(denied.statusCode).toBe(403);
    expect((await h.anonymous().get('/api/exports/plans')).statusCode).toBe(401);
    const bad = await t.admin.get('/api/exports/plans?format=pdf');
    expect(bad.statusCode).toBe(422);
    // HR who is not a manager cannot ask for "the plans I lead".
    const hrOnly = await h.createPerson(t.org.id, { roles: ['employee', 'hr'] });
    expect((await (await h.login(hrOnly)).get('/api/exports/plans?as=manager')).statusCode).toBe(403);
  });

  it('reads page by page in name order, without gaps or doubles', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'], lastName: 'Leider' });
    const team = await h.createTeam(org.id, { name: 'Groot team', managerId: lead.id });
    // The same names over and over, so the keyset has to fall back on the id.
    const lastNames = ['Claes', 'Peeters', 'Ëlsen', 'De Smet'];
    for (let i = 0; i < 205; i++)
      await h.createPerson(org.id, { firstName: `P${i % 3}`, lastName: lastNames[i % 4], teamId: team.id });
    const started = await admin.post('/api/plans/batch', {
      teamId: team.id,
      window: { from: '2027-03-01', to: '2027-06-30' },
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().created).toHaveLength(205);

    const response = await admin.get(`/api/exports/plans?teamId=${team.id}`);
    expect(response.headers['x-export-rows']).toBe('205');
    const rows = readCsv(response.body);
    expect(rows).toHaveLength(205);

    // The repository's pages, small: every employee once, in the order the database sorts names.
    const seen: string[] = [];
    let after = null;
    for (;;) {
      const page = await employeePage(h.ctx.database.db, org.id, { words: [], teamId: team.id }, after, 7);
      if (page.length === 0) break;
      seen.push(...page.map((p) => p.id));
      after = page[page.length - 1] ?? null;
    }
    expect(seen).toHaveLength(205);
    expect(new Set(seen).size).toBe(205);
  }, 120_000);
});
