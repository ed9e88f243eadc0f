import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { documentText } from '../../src/server/documents/index.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

/**
 * The text of a PDF in the order it is drawn (pdftotext -raw: a table cell by cell, row after row), every run of
 * white space as one space (table cells wrap).
 */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-documents-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's account of a PDF: its page size and title. */
function pdfInfo(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-documents-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF answer: status 200, an A4 attachment with a safe name, and its text. */
function pdfOf(response: LightMyRequestResponse): { text: string; fileName: string } {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['cache-control']).toBe('no-store');
  const disposition = String(response.headers['content-disposition']);
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? '';
  expect(disposition).toMatch(/^attachment; filename="[a-z0-9-]+\.pdf"; filename\*=UTF-8''[a-z0-9-]+\.pdf$/);
  expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfInfo(response.rawPayload)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  return { text: pdfText(response.rawPayload), fileName };
}

async function ok(response: Promise<LightMyRequestResponse>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers
  return r.json() as any;
}

async function fire(client: Client, planId: string, event: string) {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

const secrets = {
  employeeAnswer: 'GEHEIM-ANTWOORD-MEDEWERKER-8152',
  managerAnswer: 'GEHEIM-ANTWOORD-LEIDINGGEVENDE-3307',
  employeePoint: 'GEHEIM-GESPREKSPUNT-4410',
  managerPoint: 'GEHEIM-GESPREKSPUNT-LG-9021',
};

/** Both parties answer their preparation and write a talking point, and share nothing. */
async function preparePrivately(planId: string, e: Client, m: Client) {
  for (const [client, answer, point] of [
    [e, secrets.employeeAnswer, secrets.employeePoint],
    [m, secrets.managerAnswer, secrets.managerPoint],
  ] as const) {
    const preparation = await ok(client.get(`/api/plans/${planId}/preparations/mine`));
    await ok(
      client.put(`/api/plans/${planId}/preparations/mine`, {
        answers: { [preparation.questions[0].id]: answer },
        version: preparation.version,
      }),
    );
    await ok(client.post(`/api/plans/${planId}/talking-points`, { text: point }), 201);
  }
}

/**
 * A POP with the sample rows of seed 004's form, prepared in private by both parties (never shared), approved as
 * version 1 by the employee and 20 minutes later by the manager.
 */
async function approvedPlan(h: Harness) {
  const org = await h.createOrganisation({ name: 'vzw Café De Linde' });
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Jérôme',
    lastName: 'Dubois',
  });
  const team = await h.createTeam(org.id, { name: 'Woonvorm De Linde', managerId: manager.id });
  const employee = await h.createPerson(org.id, {
    firstName: 'Zoë',
    lastName: 'Ñúñez-Łukasiewicz',
    managerId: manager.id,
    teamId: team.id,
  });
  const m = await h.login(manager);
  const e = await h.login(employee);
  const plan = await ok(
    m.post('/api/plans', { employeeId: employee.id, periodStart: '2025-01-01', periodEnd: '2025-12-31' }),
    201,
  );
  await preparePrivately(plan.id, e, m);
  await fire(m, plan.id, 'start_conversation');
  const conflicts = await ok(
    m.post(`/api/plans/${plan.id}/goals`, {
      title: 'Beter leren omgaan met conflicten',
      description: 'Rustig blijven en luisteren bij conflicten met bewoners en familie',
      measure: 'Minder escalaties bij bezoek',
      targetDate: '2025-06-30',
    }),
    201,
  );
  await ok(
    m.post(`/api/goals/${conflicts.id}/actions`, {
      type: 'training',
      description: 'Training ‘conflicthantering’ volgen',
      timing: { kind: 'quarter', year: 2025, quarter: 1 },
      supportTime: 'Tijd vrijmaken voor deelname',
      followUp: 'Evaluatie bij volgend POP-gesprek',
    }),
    201,
  );
  const responsibility = await ok(
    m.post(`/api/plans/${plan.id}/goals`, { title: 'Meer verantwoordelijkheid opnemen' }),
    201,
  );
  await ok(
    m.post(`/api/goals/${responsibility.id}/actions`, {
      type: 'internal_coaching',
      description: 'Interne coaching door collega',
      timing: { kind: 'ongoing' },
      supportCoach: 'Aanstelling coach',
      followUp: 'Korte evaluatie na 3 maanden',
    }),
    201,
  );
  const current = await ok(m.get(`/api/plans/${plan.id}`));
  await ok(
    m.patch(`/api/plans/${plan.id}`, {
      facilities: 'Twee halve dagen vorming per kwartaal',
      evaluationDate: '2025-12-15',
      version: current.version,
    }),
  );
  await ok(m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2025-04-01' }), 201);
  await fire(e, plan.id, 'approve');
  h.clock.advance(20 * 60_000);
  expect((await fire(m, plan.id, 'approve')).approvedVersion).toBe(1);
  const version = await ok(e.get(`/api/plans/${plan.id}/versions/1`));
  return {
    org,
    manager,
    employee,
    team,
    m,
    e,
    planId: plan.id as string,
    version,
    goals: { conflicts, responsibility },
  };
}

const brussels = (at: string) => documentText('nl-BE').dateTime(at, 'Europe/Brussels');

function expectNoSecrets(text: string) {
  for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
}

describeEachDatabase('PDF documents of a POP', (h) => {
  it('prints an approved version with both names, approval dates, goals, the sample row and agreements', async () => {
    const p = await approvedPlan(h);
    const { version } = p;
    expect(version.employeeApprovedAt).not.toBe(version.managerApprovedAt);

    for (const client of [p.e, p.m]) {
      const { text, fileName } = pdfOf(await client.get(`/api/plans/${p.planId}/versions/1/pdf`));
      expect(fileName).toBe('pop-zoe-nunez-ukasiewicz-versie-1.pdf');
      for (const expected of [
        'Persoonlijk ontwikkelingsplan (POP)',
        'Organisatie vzw Café De Linde',
        'Medewerker Zoë Ñúñez-Łukasiewicz',
        'Leidinggevende Jérôme Dubois',
        'Afdeling Woonvorm De Linde',
        'POP-periode 01/01/2025 – 31/12/2025',
        'Versie Versie 1',
        `Goedgekeurd door Zoë Ñúñez-Łukasiewicz ${brussels(version.employeeApprovedAt)}`,
        `Goedgekeurd door Jérôme Dubois ${brussels(version.managerApprovedAt)}`,
        'Doel 1: Beter leren omgaan met conflicten',
        'Doel 2: Meer verantwoordelijkheid opnemen',
        'SMART-check',
        'Doelstelling Actie/VTOC-maatregel Timing Nodige ondersteuning Opvolging',
        'Training ‘conflicthantering’ volgen',
        'Q1 2025',
        'Tijd: Tijd vrijmaken voor deelname',
        'Evaluatie bij volgend POP-gesprek',
        'Interne coaching door collega',
        'Doorlopend',
        'Coach: Aanstelling coach',
        'Korte evaluatie na 3 maanden',
        'Praktische afspraken',
        'Twee halve dagen vorming per kwartaal',
        'Opvolgingsmomenten 01/04/2025',
        'Evaluatiemoment 15/12/2025',
        'Handtekening medewerker',
        'Handtekening leidinggevende',
        'Naam Zoë Ñúñez-Łukasiewicz',
        'Naam Jérôme Dubois',
        `Goedgekeurd in Groeipad op ${brussels(version.managerApprovedAt)}`,
      ])
        expect(text).toContain(expected);
      // The sample row reads across, cell after cell, as on the form.
      expect(text).toMatch(
        /Beter leren omgaan met conflicten Training Training ‘conflicthantering’ volgen Q1 2025 Tijd: Tijd vrijmaken voor deelname Evaluatie bij volgend POP-gesprek/,
      );
      expect(text).not.toContain('Ontwerp');
      expectNoSecrets(text);
    }
  });

  it('adds follow-up and the submitted evaluations to the latest version, never a draft evaluation', async () => {
    const p = await approvedPlan(h);
    const detail = await ok(p.m.get(`/api/plans/${p.planId}`));
    const followUp = detail.content.followUps[0];
    await ok(
      p.m.patch(`/api/follow-ups/${followUp.id}`, {
        held: true,
        notes: 'Goed opvolgingsgesprek.',
        entries: [
          { goalId: p.goals.conflicts.id, state: 'on_track', progress: 'Training gevolgd in maart.' },
        ],
        version: followUp.version,
      }),
    );
    await fire(p.m, p.planId, 'start_evaluation');
    const evaluating = await ok(p.e.get(`/api/plans/${p.planId}`));
    const saved = await ok(
      p.e.put(`/api/plans/${p.planId}/evaluations/mine`, {
        goalsReached: 'Conflicten: ja.',
        effectOnFunctioning: 'Ik blijf rustiger bij bezoek.',
        version: evaluating.content.evaluations.employee.version,
      }),
    );
    await ok(p.e.post(`/api/plans/${p.planId}/evaluations/mine/submit`, { version: saved.version }));
    const managerView = await ok(p.m.get(`/api/plans/${p.planId}`));
    await ok(
      p.m.put(`/api/plans/${p.planId}/evaluations/mine`, {
        goalsReached: 'CONCEPT-EVALUATIE-5521',
        version: managerView.content.evaluations.manager.version,
      }),
    );
    await ok(
      p.m.patch(`/api/goals/${p.goals.conflicts.id}`, {
        evaluationResult: 'reached',
        evaluationNote: 'Merkbaar rustiger.',
        version: managerView.content.goals[0].version,
      }),
    );

    const { text } = pdfOf(await p.m.get(`/api/plans/${p.planId}/versions/1/pdf`));
    for (const expected of [
      'Opvolgingsmoment van 01/04/2025',
      'Goed opvolgingsgesprek.',
      'Training gevolgd in maart.',
      'Op schema',
      'Evaluatie',
      'Resultaat per ontwikkeldoel',
      'Beter leren omgaan met conflicten Bereikt Merkbaar rustiger.',
      'Evaluatie van Zoë Ñúñez-Łukasiewicz (medewerker)',
      'Ik blijf rustiger bij bezoek.',
    ])
      expect(text).toContain(expected);
    // The manager's own evaluation is not submitted: not part of the record, not even in the manager's PDF.
    expect(text).not.toContain('CONCEPT-EVALUATIE-5521');
    expect(text).not.toContain('Evaluatie van Jérôme Dubois');
    expectNoSecrets(text);
  });

  it('prints the plan in its employee’s language, whoever downloads it', async () => {
    const p = await approvedPlan(h);
    await ok(p.e.patch('/api/auth/me', { locale: 'en' }));
    for (const client of [p.e, p.m]) {
      const { text, fileName } = pdfOf(await client.get(`/api/plans/${p.planId}/versions/1/pdf`));
      expect(fileName).toBe('pop-zoe-nunez-ukasiewicz-version-1.pdf');
      for (const expected of [
        'Personal development plan (POP)',
        'Employee Zoë Ñúñez-Łukasiewicz',
        'Manager Jérôme Dubois',
        'Version Version 1',
        'Development goals',
        'Goal 1: Beter leren omgaan met conflicten',
        'Goal Action/training measure Timing Support needed Follow-up',
        'Time: Tijd vrijmaken voor deelname',
        'Ongoing',
        'Practical agreements',
        'Signature of the employee',
      ])
        expect(text).toContain(expected);
      for (const dutch of ['Ontwikkeldoelen', 'Praktische afspraken', 'Handtekening medewerker'])
        expect(text).not.toContain(dutch);
    }
  });

  it('refuses the PDF exactly as the JSON version is refused', async () => {
    const p = await approvedPlan(h);
    const colleague = await h.login(await h.createPerson(p.org.id, { managerId: p.manager.id }));
    const otherManager = await h.createPerson(p.org.id, { roles: ['employee', 'manager'] });
    await h.createTeam(p.org.id, { name: 'Atelier', managerId: otherManager.id });
    const hr = await h.login(await h.createPerson(p.org.id, { roles: ['employee', 'hr'] }));
    const outsider = await h.login((await h.createOrganisation()).admin);
    const refused: Array<[string, Client]> = [
      ['another employee', colleague],
      ['a manager of another team', await h.login(otherManager)],
      ['HR while the organisation keeps content from HR', hr],
      ['another organisation', outsider],
    ];
    for (const [who, client] of refused) {
      const json = await client.get(`/api/plans/${p.planId}/versions/1`);
      const pdf = await client.get(`/api/plans/${p.planId}/versions/1/pdf`);
      expect(json.statusCode, who).toBe(404);
      expect(pdf.statusCode, who).toBe(404);
      expect(pdf.json().error.code, who).toBe(json.json().error.code);
      const draft = await client.get(`/api/plans/${p.planId}/pdf`);
      expect(draft.statusCode, who).toBe(404);
    }
    // A version that does not exist, and a plan that does not exist.
    expect((await p.e.get(`/api/plans/${p.planId}/versions/2/pdf`)).statusCode).toBe(404);
    expect((await p.e.get('/api/plans/00000000-0000-4000-8000-000000000000/versions/1/pdf')).statusCode).toBe(
      404,
    );
    expect((await p.e.get(`/api/plans/${p.planId}/versions/0/pdf`)).statusCode).toBe(422);
    expect((await h.anonymous().get(`/api/plans/${p.planId}/versions/1/pdf`)).statusCode).toBe(401);

    // Once the organisation lets HR read plan content, HR gets the PDF as it gets the JSON.
    const admin = await h.login(p.org.admin);
    const settings = await ok(admin.get('/api/organisation'));
    await ok(admin.patch('/api/organisation', { hrSeesPlanContent: true, version: settings.version }));
    expect((await hr.get(`/api/plans/${p.planId}/versions/1`)).statusCode).toBe(200);
    const { text } = pdfOf(await hr.get(`/api/plans/${p.planId}/versions/1/pdf`));
    expect(text).toContain('Training ‘conflicthantering’ volgen');
    expectNoSecrets(text);
  });

  it('prints the current state as a draft, marked "Ontwerp", with what changed in a revision', async () => {
    const p = await approvedPlan(h);
    await fire(p.e, p.planId, 'start_revision');
    const current = await ok(p.e.get(`/api/plans/${p.planId}`));
    const goal = current.content.goals[1];
    await ok(
      p.e.patch(`/api/goals/${goal.id}`, {
        title: 'Aanspreekpunt worden voor het team',
        version: goal.version,
      }),
    );
    const { text, fileName } = pdfOf(await p.e.get(`/api/plans/${p.planId}/pdf`));
    expect(fileName).toBe('pop-zoe-nunez-ukasiewicz-ontwerp.pdf');
    for (const expected of [
      'Ontwerp',
      'Versie Ontwerp (nog niet goedgekeurd door beide partijen)',
      `Goedgekeurd door Zoë Ñúñez-Łukasiewicz Nog niet goedgekeurd`,
      'Doel 2: Aanspreekpunt worden voor het team',
      'Training ‘conflicthantering’ volgen',
    ])
      expect(text).toContain(expected);
    expectNoSecrets(text);
    // The approved version still reads as approved.
    const approved = pdfOf(await p.e.get(`/api/plans/${p.planId}/versions/1/pdf`)).text;
    expect(approved).toContain('Doel 2: Meer verantwoordelijkheid opnemen');
    expect(approved).not.toContain('Aanspreekpunt worden voor het team');
  });

  it('gives every member the empty POP form, blank, in their own language', async () => {
    const org = await h.createOrganisation({ name: 'vzw Zorgnet Ærø' });
    const employee = await h.login(await h.createPerson(org.id));
    const { text, fileName } = pdfOf(await employee.get('/api/documents/pop-form.pdf'));
    expect(fileName).toBe('pop-formulier-vzw-zorgnet-r.pdf');
    for (const expected of [
      'vzw Zorgnet Ærø',
      'POP-formulier',
      'Medewerker Leidinggevende',
      'Datum POP-gesprek',
      'POP-periode van',
      'Wat zijn haalbare doelen voor de komende 6 tot 12 maanden?',
      'Doelstelling Actie/VTOC-maatregel Timing Nodige ondersteuning Opvolging',
      'vb. Beter leren omgaan met conflicten',
      'Training ‘conflicthantering’ volgen',
      'Praktische afspraken',
      'Handtekening medewerker',
      'Handtekening leidinggevende',
    ])
      expect(text).toContain(expected);
    await ok(employee.patch('/api/auth/me', { locale: 'en' }));
    const english = pdfOf(await employee.get('/api/documents/pop-form.pdf')).text;
    expect(english).toContain('POP form');
    expect(english).toContain('Goal Action/training measure Timing Support needed Follow-up');
    expect((await h.anonymous().get('/api/documents/pop-form.pdf')).statusCode).toBe(401);
  });

  it('prints one’s own preparation form blank, and any template for members of the organisation only', async () => {
    const p = await approvedPlan(h);
    const mine = await ok(p.e.get(`/api/plans/${p.planId}/preparations/mine`));
    const own = pdfOf(await p.e.get(`/api/plans/${p.planId}/preparations/mine/pdf`));
    expect(own.text).toContain('Voorbereiding van de medewerker');
    expect(own.text).toContain(mine.templateName);
    expect(own.text).toContain(`1. ${mine.questions[0].prompt}`);
    expect(own.text).toContain('Zoë Ñúñez-Łukasiewicz');
    expect(own.text).toContain('Gesprekspunten');
    expectNoSecrets(own.text);
    const managers = pdfOf(await p.m.get(`/api/plans/${p.planId}/preparations/mine/pdf`));
    expect(managers.text).toContain('Voorbereiding van de leidinggevende');
    expectNoSecrets(managers.text);
    // Only the two parties have a preparation; HR and outsiders are refused as on the JSON route.
    const hr = await h.login(p.org.admin);
    for (const client of [hr, await h.login((await h.createOrganisation()).admin)]) {
      const json = await client.get(`/api/plans/${p.planId}/preparations/mine`);
      const pdf = await client.get(`/api/plans/${p.planId}/preparations/mine/pdf`);
      expect(pdf.statusCode).toBe(json.statusCode);
      expect(pdf.statusCode).toBeGreaterThanOrEqual(403);
    }

    // Templates: any signed-in member of the organisation prints one; another organisation's does not exist.
    const templates = (await ok(hr.get('/api/templates'))).items as Array<{
      id: string;
      party: string;
      name: string;
      questions: Array<{ prompt: string }>;
    }>;
    const managerTemplate = templates.find((t) => t.party === 'manager');
    expect(managerTemplate).toBeDefined();
    const template = pdfOf(await p.e.get(`/api/templates/${managerTemplate?.id}/pdf`));
    expect(template.text).toContain('Voorbereiding van de leidinggevende');
    expect(template.text).toContain(managerTemplate?.name);
    for (const question of managerTemplate?.questions ?? [])
      expect(template.text).toContain(question.prompt.slice(0, 40));
    const outsider = await h.login((await h.createOrganisation()).admin);
    expect((await outsider.get(`/api/templates/${managerTemplate?.id}/pdf`)).statusCode).toBe(404);
    expect((await h.anonymous().get(`/api/templates/${managerTemplate?.id}/pdf`)).statusCode).toBe(401);
  });
});

describeEachDatabase(
  'PDF documents are rate-limited per person',
  (h) => {
    it('answers 429 on every PDF route once a person’s bucket is empty', async () => {
      const p = await approvedPlan(h);
      const templateId = (await ok((await h.login(p.org.admin)).get('/api/templates'))).items[0].id;
      const urls = [
        `/api/plans/${p.planId}/versions/1/pdf`,
        `/api/plans/${p.planId}/pdf`,
        `/api/plans/${p.planId}/preparations/mine/pdf`,
        '/api/documents/pop-form.pdf',
        `/api/templates/${templateId}/pdf`,
      ];
      for (let i = 0; i < 2; i++) expect((await p.e.get(urls[0] as string)).statusCode).toBe(200);
      for (const url of urls) {
        const limited = await p.e.get(url);
        expect(limited.statusCode, url).toBe(429);
        expect(limited.json().error.code).toBe('RATE_LIMITED');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      // The manager has a bucket of their own.
      expect((await p.m.get(urls[0] as string)).statusCode).toBe(200);
    });
  },
  { env: { EXPORTS_PER_MINUTE: '2' } },
);
