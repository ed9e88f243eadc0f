import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { escapeHtml } from '../../src/server/email/templates.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';
import { allPayloads, clip, payloads } from '../support/payloads.js';

/**
 * The shared corpus of hostile text (XSS, SQL, CRLF, formula injection, odd Unicode) stored in the text fields of a
 * person, a goal, an action, a talking point, a preparation answer and a follow-up note: the API answers it
 * verbatim, the CSV/XLSX exports neutralise formula cells, the POP's PDF prints it as plain text, and emails escape it
 * in HTML and keep it out of headers. (The browser check of the same corpus is an e2e test that seeds it with test/support/payload-seed.ts.)
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers
type Json = any;

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  return r.json() as Json;
}

async function fire(client: Client, planId: string, event: string) {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

async function team(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Katrien' });
  const employee = await h.createPerson(org.id, { managerId: manager.id, firstName: 'Zoë' });
  return {
    org,
    manager,
    employee,
    admin: await h.login(org.admin),
    m: await h.login(manager),
    e: await h.login(employee),
  };
}

/** The text of a PDF as pdftotext reads it. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'payloads-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Table cells wrap anywhere: compare text without its white space. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Cells that a spreadsheet would run as a formula. */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?$/.test(cell);

describeEachDatabase('hostile text in every text field', (h) => {
  it('stores and answers every payload verbatim in a person, talking point, preparation, goal, action and follow-up', async () => {
    const { org, employee, admin, m, e } = await team(h);
    // People: names are single-line text.
    for (const [i, p] of payloads.entries()) {
      const value = clip(p.value, 100);
      const created = await ok(
        admin.post('/api/people', { firstName: value, lastName: value, email: `p${i}@example.org` }),
        201,
      );
      expect(created, p.name).toMatchObject({ firstName: value, lastName: value });
      expect(await ok(admin.get(`/api/people/${created.id}`))).toMatchObject({
        firstName: value,
        lastName: value,
      });
    }
    const renamed = await ok(admin.get('/api/organisation'));
    await ok(admin.patch('/api/organisation', { name: payloads[0]!.value, version: renamed.version }));
    expect((await ok(admin.get('/api/organisation'))).name).toBe(payloads[0]!.value);

    // Preparation and talking points (voorbereiding).
    const plan = await ok(m.post('/api/plans', { employeeId: employee.id }), 201);
    const prep = await ok(e.get(`/api/plans/${plan.id}/preparations/mine`));
    const questionIds = (prep.questions as Array<{ id: string }>).map((q) => q.id);
    const answers = Object.fromEntries(
      allPayloads.slice(0, questionIds.length).map((p, i) => [questionIds[i]!, p.value]),
    );
    const saved = await ok(
      e.put(`/api/plans/${plan.id}/preparations/mine`, { answers, version: prep.version }),
    );
    expect(saved.answers).toEqual(answers);
    for (const p of allPayloads) {
      const point = await ok(e.post(`/api/plans/${plan.id}/talking-points`, { text: p.value }), 201);
      expect(point.text, p.name).toBe(p.value);
    }
    const points = (await ok(e.get(`/api/plans/${plan.id}`))).talkingPoints.employee.map(
      (t: { text: string }) => t.text,
    );
    expect(points).toEqual(allPayloads.map((p) => p.value));
    expect((await ok(e.get(`/api/plans/${plan.id}/preparations/mine`))).answers).toEqual(answers);

    // Goals, actions and a follow-up (gesprek).
    await fire(m, plan.id, 'start_conversation');
    for (const p of allPayloads) {
      const title = payloads.includes(p) ? clip(p.value, 200) : 'Doel met een omschrijving op meer regels';
      const goal = await ok(
        m.post(`/api/plans/${plan.id}/goals`, { title, description: p.value, measure: p.value }),
        201,
      );
      expect(goal, p.name).toMatchObject({ title, description: p.value, measure: p.value });
      const action = await ok(
        m.post(`/api/goals/${goal.id}/actions`, {
          type: 'training',
          description: p.value,
          provider: p.value,
          followUp: p.value,
        }),
        201,
      );
      expect(action, p.name).toMatchObject({ description: p.value, provider: p.value, followUp: p.value });
    }
    const followUp = await ok(m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-09-15' }), 201);
    // Notes of an opvolgingsmoment are kept during the execution of the approved POP.
    await fire(e, plan.id, 'approve');
    await fire(m, plan.id, 'approve');
    let version = followUp.version;
    for (const p of allPayloads) {
      const noted = await ok(m.patch(`/api/follow-ups/${followUp.id}`, { notes: p.value, version }));
      expect(noted.notes, p.name).toBe(p.value);
      version = noted.version;
    }
    const detail = await ok(m.get(`/api/plans/${plan.id}`));
    expect(detail.content.goals.map((g: { description: string }) => g.description)).toEqual(
      allPayloads.map((p) => p.value),
    );
    expect(org.id).toBeTruthy();
  });

  it('neutralises formula cells in every CSV and XLSX export', async () => {
    const { employee, m, e } = await team(h);
    const plan = await ok(m.post('/api/plans', { employeeId: employee.id }), 201);
    await ok(e.post(`/api/plans/${plan.id}/talking-points`, { text: 'Werkdruk' }), 201);
    await fire(m, plan.id, 'start_conversation');
    const formulas = allPayloads.filter((p) => p.kind === 'formula' || p.kind === 'xss' || p.kind === 'sql');
    for (const p of formulas) {
      const title = clip(p.value.split('\n')[0]!, 200);
      const goal = await ok(m.post(`/api/plans/${plan.id}/goals`, { title, description: p.value }), 201);
      await ok(
        m.post(`/api/goals/${goal.id}/actions`, { type: 'training', description: p.value, provider: title }),
        201,
      );
    }
    const doc = (await h.anonymous().get('/api/openapi.json')).json();
    const exportPaths = Object.keys(doc.paths).filter((path) => /^\/api\/exports\/[a-z-]+$/.test(path));
    expect(exportPaths.length).toBeGreaterThan(0);
    let formulaCellsSeen = 0;
    for (const path of exportPaths) {
      const csv = await m.get(`${path}?format=csv`);
      expect(csv.statusCode, `${path}: ${csv.body.slice(0, 200)}`).toBe(200);
      const rows = parse(csv.body, { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
      for (const cell of rows.flat()) {
        expect(formulaLike(cell), `${path} csv cell ${JSON.stringify(cell)}`).toBe(false);
        if (/^'[=+\-@]/.test(cell)) formulaCellsSeen++;
      }
      const xlsx = await m.request({ method: 'GET', url: `${path}?format=xlsx` });
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.formula, `${path} xlsx formula`).toBeFalsy();
            if (typeof cell.value === 'string') {
              expect(formulaLike(cell.value), `${path} xlsx cell ${JSON.stringify(cell.value)}`).toBe(false);
              if (/^'[=+\-@]/.test(cell.value)) formulaCellsSeen++;
            }
          }),
        ),
      );
    }
    // The goal and action exports carried the formula payloads, neutralised.
    expect(formulaCellsSeen).toBeGreaterThan(0);
  });

  it('prints every payload in the POP PDF as plain text, verbatim, with no link, script or action', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Katrien' });
    const xss = payloads.find((p) => p.name === 'img onerror')!.value;
    const sql = payloads.find((p) => p.name === 'drop table')!.value;
    const employee = await h.createPerson(org.id, {
      managerId: manager.id,
      firstName: clip(xss, 100),
      lastName: clip(sql, 100),
    });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = await ok(
      m.post('/api/plans', { employeeId: employee.id, periodStart: '2026-01-01', periodEnd: '2026-12-31' }),
      201,
    );
    await fire(m, plan.id, 'start_conversation');
    for (const p of allPayloads) {
      const title = payloads.includes(p) ? clip(p.value, 200) : `Doel: ${p.name}`;
      const goal = await ok(
        m.post(`/api/plans/${plan.id}/goals`, { title, description: p.value, measure: p.value }),
        201,
      );
      await ok(
        m.post(`/api/goals/${goal.id}/actions`, {
          type: 'training',
          description: p.value,
          provider: p.value,
          supportTime: p.value,
          followUp: p.value,
        }),
        201,
      );
    }
    const current = await ok(m.get(`/api/plans/${plan.id}`));
    await ok(
      m.patch(`/api/plans/${plan.id}`, { facilities: allPayloads[1]!.value, version: current.version }),
    );
    const followUp = await ok(m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-09-15' }), 201);
    await fire(e, plan.id, 'approve');
    await fire(m, plan.id, 'approve');
    await ok(
      m.patch(`/api/follow-ups/${followUp.id}`, {
        notes: allPayloads.map((p) => p.value).join('\n'),
        version: followUp.version,
      }),
    );

    for (const url of [`/api/plans/${plan.id}/pdf`, `/api/plans/${plan.id}/versions/1/pdf`]) {
      const response = await e.get(url);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(String(response.headers['content-disposition'])).toMatch(
        /^attachment; filename="[a-z0-9-]+\.pdf"; filename\*=UTF-8''[a-z0-9-]+\.pdf$/,
      );
      const text = squeeze(pdfText(response.rawPayload).normalize('NFC'));
      expect(text, url).toContain(squeeze(`${xss} ${sql}`));
      for (const p of allPayloads) {
        if (p.kind === 'unicode') {
          // The font has no emoji or Roman numeral glyphs, and bidi and zero-width controls are not drawn: the
          // letters come through.
          for (const word of p.value.normalize('NFC').match(/[A-Za-zÀ-ÖØ-öø-ÿ.]+/g) ?? [])
            expect(text, `${url}: ${p.name}`).toContain(word);
        } else {
          // Markup, quotes, entities, escapes and formulas are printed as typed: nothing is interpreted.
          expect(text, `${url}: ${p.name}`).toContain(squeeze(p.value));
        }
      }
      // Plain text and nothing else: no link, script, form, attachment or action in the document.
      const raw = response.rawPayload.toString('latin1');
      expect(raw).toMatch(/\/Type \/Page\b/);
      for (const name of [
        '/URI',
        '/JavaScript',
        '/JS',
        '/Launch',
        '/OpenAction',
        '/AA',
        '/Annots',
        '/AcroForm',
        '/EmbeddedFile',
        '/SubmitForm',
      ])
        expect(raw, `${url} holds ${name}`).not.toMatch(new RegExp(`${name}\\b`));
    }
  });

  it('escapes payloads in email HTML and keeps them out of the headers', async () => {
    const org = await h.createOrganisation();
    const admin = await h.login(org.admin);
    const organisation = await ok(admin.get('/api/organisation'));
    const orgName = payloads.find((p) => p.name === 'attribute break')!.value;
    await ok(admin.patch('/api/organisation', { name: orgName, version: organisation.version }));
    h.smtp.clear();
    const sent = payloads.filter((p) => p.kind !== 'unicode');
    for (const [i, p] of sent.entries()) {
      await ok(
        admin.post('/api/people', {
          firstName: clip(p.value, 100),
          lastName: 'Ontvanger',
          email: `mail${i}@example.org`,
          invite: true,
        }),
        201,
      );
    }
    const mails = await h.smtp.waitFor(sent.length);
    for (const [i, p] of sent.entries()) {
      const mail = mails.find((x) => x.to.includes(`mail${i}@example.org`));
      expect(mail, p.name).toBeDefined();
      const name = clip(p.value, 100);
      // No header was added or split: the recipients are exactly the invitee, the subject is one line.
      expect(mail!.to).toEqual([`mail${i}@example.org`]);
      expect(mail!.parsed.headers.has('bcc'), p.name).toBe(false);
      expect(mail!.parsed.headers.has('set-cookie'), p.name).toBe(false);
      expect(mail!.subject).not.toMatch(/[\r\n]/);
      const headerBlock = mail!.raw.split(/\r?\n\r?\n/)[0]!;
      expect(headerBlock).not.toMatch(/^Bcc:/im);
      // HTML: the name and the organisation appear escaped, never as markup.
      if (/[<>&"']/.test(name)) {
        expect(mail!.html, p.name).not.toContain(name);
        expect(mail!.html, p.name).toContain(escapeHtml(name));
      }
      expect(mail!.html).not.toContain(orgName);
      expect(mail!.html).toContain(escapeHtml(orgName));
      expect(mail!.html).not.toMatch(/<(script|img|svg|b)\b/i);
      // Plain text carries the words as typed.
      expect(mail!.text, p.name).toContain(name);
    }
  });
});
