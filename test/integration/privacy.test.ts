import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { runPrivacyPurge } from '../../src/server/modules/privacy/index.js';
import type { DataExport } from '../../src/shared/contracts/privacy.js';
import { type Client, describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

/**
 * Privacy (GDPR / AVG): the export of one's own data (art. 15), retention with a daily purge and legal hold, erasure
 * on request (art. 17) and the records of processing (art. 30), on both databases.
 */

/** Words that stand for what each party wrote; each must (or must not) reach an export. */
const marks = {
  ownAnswer: 'Eigenantwoordkiwi',
  ownPoint: 'Eigengesprekspuntmus',
  managerPrivate: 'Geheimvoorbereidingvos',
  managerPrivatePoint: 'Geheimgesprekspuntuil',
  notes: 'Zebranotitie',
  followUp: 'Opvolgingsgiraf',
  evaluation: 'Evaluatieolifant',
  comment: 'Commentaarpinguin',
  goal: 'Doelflamingo',
  coach: 'Coachingsnoot',
} as const;

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers
  return r.json() as any;
}

async function fire(client: Client, planId: string, event: string) {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

async function answerPreparation(client: Client, planId: string, answer: string, share: boolean) {
  const mine = await ok(client.get(`/api/plans/${planId}/preparations/mine`));
  const first = mine.questions[0].id as string;
  const saved = await ok(
    client.put(`/api/plans/${planId}/preparations/mine`, {
      answers: { [first]: answer },
      version: mine.version,
    }),
  );
  if (share)
    await ok(client.post(`/api/plans/${planId}/preparations/mine/share`, { version: saved.version }));
}

interface Built {
  planId: string;
  actionId: string;
}

/**
 * An agreed POP with everything in it: the employee's shared preparation and talking point, the manager's private
 * (unshared) preparation and talking point, conversation notes, a goal with a training action (hours, cost, support),
 * a follow-up with notes, a comment, progress (done), and, with `evaluate`, the manager's submitted evaluation. The
 * manager reads the plan afterwards (an access-log row).
 */
async function agreedPlan(m: Client, e: Client, employeeId: string, evaluate = true): Promise<Built> {
  const plan = await ok(m.post('/api/plans', { employeeId }), 201);
  const planId = plan.id as string;
  await answerPreparation(e, planId, marks.ownAnswer, true);
  await ok(e.post(`/api/plans/${planId}/talking-points`, { text: marks.ownPoint }), 201);
  await answerPreparation(m, planId, marks.managerPrivate, false);
  await ok(m.post(`/api/plans/${planId}/talking-points`, { text: marks.managerPrivatePoint }), 201);
  await fire(e, planId, 'start_conversation');
  const inConversation = await ok(m.get(`/api/plans/${planId}`));
  await ok(
    m.patch(`/api/plans/${planId}`, {
      conversationNotes: { review: marks.notes },
      version: inConversation.version,
    }),
  );
  const goal = await ok(
    m.post(`/api/plans/${planId}/goals`, { title: marks.goal, description: 'Plannen' }),
    201,
  );
  const action = await ok(
    m.post(`/api/goals/${goal.id}/actions`, {
      type: 'training',
      description: 'Cursus timemanagement',
      hours: 7.6,
      cost: 450,
      timing: { kind: 'date', date: '2026-06-10' },
      supportCoach: marks.coach,
    }),
    201,
  );
  await fire(m, planId, 'approve');
  await fire(e, planId, 'approve');
  const followUp = await ok(m.post(`/api/plans/${planId}/follow-ups`, { plannedDate: '2026-06-12' }), 201);
  await ok(m.patch(`/api/follow-ups/${followUp.id}`, { notes: marks.followUp, version: followUp.version }));
  await ok(m.post(`/api/actions/${action.id}/comments`, { text: marks.comment }), 201);
  const current = await ok(e.get(`/api/actions/${action.id}`));
  await ok(
    e.patch(`/api/actions/${action.id}/progress`, {
      status: 'done',
      actualHours: 7.6,
      actualStart: '2026-06-10',
      actualEnd: '2026-06-10',
      version: current.version,
    }),
  );
  if (evaluate) {
    await fire(m, planId, 'start_evaluation');
    const detail = await ok(m.get(`/api/plans/${planId}`));
    const own = detail.content.evaluations.manager;
    const saved = await ok(
      m.put(`/api/plans/${planId}/evaluations/mine`, {
        effectOnFunctioning: marks.evaluation,
        version: own.version,
      }),
    );
    await ok(m.post(`/api/plans/${planId}/evaluations/mine/submit`, { version: saved.version }));
  }
  await ok(m.get(`/api/plans/${planId}`));
  return { planId, actionId: action.id as string };
}

interface Team {
  org: { id: string; admin: TestPerson };
  manager: TestPerson;
  m: Client;
  admin: Client;
}

async function team(h: Harness, country: 'BE' | 'NL' = 'BE'): Promise<Team> {
  const org = await h.createOrganisation({ country });
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  return { org, manager, m: await h.login(manager), admin: await h.login(org.admin) };
}

async function employeeWithPlan(h: Harness, t: Team, firstName: string, evaluate = true) {
  const person = await h.createPerson(t.org.id, { firstName, lastName: 'Peeters', managerId: t.manager.id });
  const e = await h.login(person);
  const built = await agreedPlan(t.m, e, person.id, evaluate);
  return { person, e, ...built };
}

const setEndDate = (h: Harness, personId: string, endDate: string | null, status?: 'disabled') =>
  h.ctx.database.db
    .updateTable('people')
    .set({ end_date: endDate, ...(status ? { status } : {}) })
    .where('id', '=', personId)
    .execute();

/** What the database holds of one person, counted. */
async function stateOf(h: Harness, personId: string) {
  const db = h.ctx.database.db;
  const planIds = (
    await db.selectFrom('plans').select('id').where('employee_id', '=', personId).execute()
  ).map((p) => p.id);
  const count = async (
    table:
      | 'preparations'
      | 'talking_points'
      | 'follow_ups'
      | 'evaluations'
      | 'plan_versions'
      | 'action_comments',
  ) =>
    planIds.length === 0
      ? 0
      : Number(
          (
            await db
              .selectFrom(table as 'preparations')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('plan_id', 'in', planIds)
              .executeTakeFirstOrThrow()
          ).n,
        );
  const goals =
    planIds.length === 0
      ? []
      : await db.selectFrom('goals').selectAll().where('plan_id', 'in', planIds).execute();
  const actions =
    planIds.length === 0
      ? []
      : await db.selectFrom('actions').selectAll().where('plan_id', 'in', planIds).execute();
  const person = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const sessions = await db.selectFrom('sessions').select('id').where('person_id', '=', personId).execute();
  const notes = planIds.length
    ? await db.selectFrom('plans').select('conversation_notes').where('id', 'in', planIds).execute()
    : [];
  return {
    plans: planIds.length,
    preparations: await count('preparations'),
    talkingPoints: await count('talking_points'),
    followUps: await count('follow_ups'),
    evaluations: await count('evaluations'),
    versions: await count('plan_versions'),
    comments: await count('action_comments'),
    goalTitles: goals.map((g) => g.title),
    notes: notes.map((n) => n.conversation_notes),
    actions: actions.map((a) => ({
      description: a.description,
      cost: a.cost === null ? null : Number(a.cost),
      hours: a.hours === null ? null : Number(a.hours),
      actualHours: a.actual_hours === null ? null : Number(a.actual_hours),
      status: a.status,
      supportCoach: a.support_coach,
    })),
    name: `${person.first_name} ${person.last_name}`.trim(),
    email: person.email,
    status: person.status,
    hasPassword: person.password_hash !== null,
    sessions: sessions.length,
  };
}

/** Content of one agreed plan: everything there. */
const withContent = {
  plans: 1,
  preparations: 2,
  talkingPoints: 2,
  followUps: 1,
  versions: 1,
  comments: 1,
  goalTitles: [marks.goal],
};
/** The content gone, the training record kept. */
const trainingOnly = {
  plans: 1,
  preparations: 0,
  talkingPoints: 0,
  followUps: 0,
  evaluations: 0,
  versions: 0,
  comments: 0,
  goalTitles: [''],
  notes: ['{}'],
  actions: [
    {
      description: 'Cursus timemanagement',
      cost: 450,
      hours: 7.6,
      actualHours: 7.6,
      status: 'done',
      supportCoach: null,
    },
  ],
};
const nothing = { plans: 0, actions: [], goalTitles: [] };

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'groeipad-privacy-'));
  try {
    const file = join(dir, 'export.pdf');
    writeFileSync(file, bytes);
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachDatabase('privacy', (h) => {
  it('exports everything about the caller, with what others wrote, the access log, and not the manager’s private preparation', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h);
    const { person, e, planId } = await employeeWithPlan(h, t, 'Zoë');

    const response = await e.get('/api/me/data-export.json');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="groeipad-zoe-peeters-2026-06-15\.json"/,
    );
    const data = response.json() as DataExport;
    const text = response.body;
    for (const mark of [
      marks.ownAnswer,
      marks.ownPoint,
      marks.notes,
      marks.followUp,
      marks.evaluation,
      marks.comment,
      marks.goal,
    ])
      expect(text, mark).toContain(mark);
    expect(text).not.toContain(marks.managerPrivate);
    expect(text).not.toContain(marks.managerPrivatePoint);

    expect(data.person).toMatchObject({
      id: person.id,
      firstName: 'Zoë',
      lastName: 'Peeters',
      email: person.email,
    });
    expect(data.account.roles).toEqual(['employee']);
    expect(data.account.sessions.length).toBeGreaterThan(0);
    expect(data.plans).toHaveLength(1);
    const [plan] = data.plans;
    expect(plan?.preparations?.manager).toEqual({ party: 'manager', visible: false, shared: false });
    expect(plan?.versionSnapshots.map((v) => v.number)).toEqual([1]);
    expect(plan?.content?.evaluations.manager).toMatchObject({
      visible: true,
      effectOnFunctioning: marks.evaluation,
    });
    // Belgium: the training right of the year, with the training followed.
    const year2026 = data.training.years.find((y) => y.year === 2026);
    expect(year2026?.trainings.map((tr) => tr.description)).toEqual(['Cursus timemanagement']);
    expect(year2026?.balance.followed).toBeGreaterThan(0);

    // The access log: the manager's reads and changes of this plan, by name; the employee's own acts apart.
    const reads = data.accessLog.filter((row) => row.action === 'plan.read');
    expect(reads.map((row) => row.actor?.id)).toContain(t.manager.id);
    expect(reads[0]?.actor?.name).toBe('Katrien Van den Broeck');
    expect(data.accessLog.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'plan.created',
        'goal.created',
        'action.created',
        'plan.approved',
        'follow_up.updated',
      ]),
    );
    expect(data.accessLog.every((row) => row.actor?.id !== person.id)).toBe(true);
    expect(data.ownActions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'preparation.shared',
        'plan.conversation_started',
        'plan.approved',
        'action.progress_updated',
      ]),
    );
    expect(data.ownActions.every((row) => row.changes === null)).toBe(true);
    expect(data.retention.find((r) => r.category === 'plan_content')).toEqual({
      category: 'plan_content',
      months: 60,
      startsAt: 'leaving',
    });

    // The PDF holds the same, readably, and not the private preparation either.
    const pdf = await e.get('/api/me/data-export.pdf');
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /filename="mijn-gegevens-zoe-peeters-2026-06-15\.pdf"/,
    );
    const words = pdfText(pdf.rawPayload);
    for (const mark of [
      marks.ownAnswer,
      marks.ownPoint,
      marks.notes,
      marks.followUp,
      marks.evaluation,
      marks.comment,
      marks.goal,
    ])
      expect(words, mark).toContain(mark);
    expect(words).not.toContain(marks.managerPrivate);
    expect(words).not.toContain(marks.managerPrivatePoint);
    expect(words).toContain('Mijn gegevens in Groeipad');
    expect(words).toContain('Wie las of wijzigde je gegevens');
    expect(words).toContain('Katrien Van den Broeck');
    expect(words).toContain('Las het POP');

    // The manager's own export lists the plan they lead, not its content.
    const managerExport = await ok(t.m.get('/api/me/data-export.json'));
    expect(managerExport.managedPlans).toEqual([
      expect.objectContaining({ id: planId, employee: { id: person.id, name: 'Zoë Peeters' } }),
    ]);
    expect(managerExport.plans).toEqual([]);
    const managerText = JSON.stringify(managerExport);
    for (const mark of [marks.ownAnswer, marks.ownPoint, marks.notes, marks.followUp])
      expect(managerText).not.toContain(mark);
  });

  it('answers an export in the Netherlands without a training right, and refuses without a session', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const org = await h.createOrganisation({ country: 'NL' });
    const admin = await h.login(org.admin);
    const data = await ok(admin.get('/api/me/data-export.json'));
    expect(data.organisation.country).toBe('NL');
    expect(data.training.years).toEqual([]);
    expect(data.account.roles).toEqual(['employee', 'hr', 'admin']);
    expect(data.retention.find((r: { category: string }) => r.category === 'plan_content').months).toBe(24);
    for (const url of ['/api/me/data-export.json', '/api/me/data-export.pdf']) {
      const anonymous = await h.anonymous().get(url);
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('purges by the clock: content first, training records later, nothing under a legal hold, the audit log by its own period', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const be = await team(h, 'BE');
    const nl = await team(h, 'NL');
    // The Netherlands keeps accounts six months after leaving; everything else by the country's defaults.
    const settings = await ok(nl.admin.get('/api/organisation/retention'));
    await ok(nl.admin.put('/api/organisation/retention', { accounts: 6, version: settings.version }));

    const a = await employeeWithPlan(h, be, 'Anna', false);
    const b = await employeeWithPlan(h, be, 'Bram', false);
    const c = await employeeWithPlan(h, be, 'Chris', false);
    const d = await employeeWithPlan(h, be, 'Dana', false);
    const eNl = await employeeWithPlan(h, nl, 'Eva', false);
    const f = await employeeWithPlan(h, nl, 'Fien', false);
    await setEndDate(h, a.person.id, '2026-06-30');
    await setEndDate(h, b.person.id, '2026-06-30');
    await setEndDate(h, d.person.id, null, 'disabled');
    await setEndDate(h, eNl.person.id, '2026-06-30');
    await setEndDate(h, f.person.id, '2026-09-30');
    const bPrivacy = await ok(be.admin.get(`/api/people/${b.person.id}/privacy`));
    await ok(
      be.admin.put(`/api/people/${b.person.id}/legal-hold`, {
        legalHold: true,
        reason: 'Arbeidsgeschil',
        version: bPrivacy.version,
      }),
    );

    const run = async (at: string) => {
      h.clock.set(`${at}T08:00:00.000Z`);
      return runPrivacyPurge(h.ctx, h.clock.now());
    };
    const expectState = async (person: { person: TestPerson }, expected: object) =>
      expect(await stateOf(h, person.person.id)).toMatchObject(expected);
    const auditDays = async (organisationId: string) => {
      const rows = await h.ctx.database.db
        .selectFrom('audit_events')
        .select('occurred_at')
        .where('organisation_id', '=', organisationId)
        .orderBy('occurred_at')
        .execute();
      return rows.map((r) => r.occurred_at.slice(0, 10));
    };

    // The day after leaving: nothing is due; a second run the same day does nothing at all (claimed).
    const first = await run('2026-07-01');
    expect(first.organisations).toBeGreaterThanOrEqual(2);
    expect(first.people).toBe(0);
    expect((await runPrivacyPurge(h.ctx, h.clock.now())).organisations).toBe(0);
    // Two runners at once on the next day: each organisation's run happens once.
    h.clock.set('2026-07-02T08:00:00.000Z');
    const [one, two] = await Promise.all([
      runPrivacyPurge(h.ctx, h.clock.now()),
      runPrivacyPurge(h.ctx, h.clock.now()),
    ]);
    const runs = await h.ctx.database.db
      .selectFrom('privacy_purge_runs')
      .selectAll()
      .where('organisation_id', '=', be.org.id)
      .execute();
    expect(runs.map((r) => r.day).sort()).toEqual(['2026-07-01', '2026-07-02']);
    expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    expect(one.organisations + two.organisations).toBe(first.organisations);
    for (const person of [a, b, c, d, eNl, f]) await expectState(person, withContent);

    // NL, six months: the account goes (a pseudonym), the content stays.
    await run('2026-12-29');
    await expectState(eNl, { ...withContent, name: 'Eva Peeters' });
    await run('2026-12-30');
    await expectState(eNl, {
      ...withContent,
      name: `#${eNl.person.id.slice(0, 8)}`,
      email: `erased-${eNl.person.id}@groeipad.invalid`,
      status: 'disabled',
      hasPassword: false,
      sessions: 0,
    });
    await expectState(f, { ...withContent, name: 'Fien Peeters' });

    // NL, two years: the content goes, the training record stays; the log keeps two years.
    await run('2028-06-29');
    await expectState(eNl, withContent);
    await run('2028-06-30');
    await expectState(eNl, trainingOnly);
    await expectState(f, { ...withContent, name: `#${f.person.id.slice(0, 8)}` });
    expect((await auditDays(nl.org.id)).every((day) => day >= '2026-06-30')).toBe(true);
    // A legal hold in the Belgian organisation keeps its log whole.
    expect(await auditDays(be.org.id)).toContain('2026-06-15');
    for (const person of [a, b, c, d]) await expectState(person, withContent);

    // BE, five years: Anna's content and account go; her training still counts for the training right of 2026.
    await run('2031-06-29');
    await expectState(a, withContent);
    await run('2031-06-30');
    await expectState(a, { ...trainingOnly, name: `#${a.person.id.slice(0, 8)}` });
    const balances = await ok(
      (await h.login(be.org.admin)).get('/api/training-right/balances?year=2026&limit=500'),
    );
    const anna = balances.items.find((item: { personId: string }) => item.personId === a.person.id);
    expect(anna.followed).toBeCloseTo(1, 5);
    // Fien's content went at the first run after 2028-09-30; her training record stays.
    await expectState(f, trainingOnly);
    for (const person of [b, c, d])
      await expectState(person, { ...withContent, sessions: expect.any(Number) });

    // BE, six years: Anna's training records go. NL keeps Eva's seven.
    await run('2032-06-30');
    await expectState(a, nothing);
    await expectState(eNl, trainingOnly);
    await run('2033-06-29');
    await expectState(eNl, trainingOnly);
    await run('2033-06-30');
    await expectState(eNl, nothing);
    await expectState(f, trainingOnly);

    // Lifting the hold: the next run removes all of Bram at once, and the Belgian log past its period.
    const held = await ok((await h.login(be.org.admin)).get(`/api/people/${b.person.id}/privacy`));
    expect(held.legalHold).toMatchObject({ active: true, reason: 'Arbeidsgeschil' });
    expect(held.categories.map((category: { purgedAt: string | null }) => category.purgedAt)).toEqual([
      null,
      null,
      null,
    ]);
    await ok(
      (await h.login(be.org.admin)).put(`/api/people/${b.person.id}/legal-hold`, {
        legalHold: false,
        version: held.version,
      }),
    );
    await run('2033-07-01');
    await expectState(b, { ...nothing, name: `#${b.person.id.slice(0, 8)}` });
    expect((await auditDays(be.org.id)).every((day) => day >= '2031-07-01')).toBe(true);
    // Still employed, or disabled without an end date: everything kept.
    await expectState(c, { ...withContent, name: 'Chris Peeters' });
    await expectState(d, { ...withContent, name: 'Dana Peeters' });

    const privacy = await ok((await h.login(be.org.admin)).get(`/api/people/${a.person.id}/privacy`));
    expect(privacy.categories).toEqual([
      { category: 'plan_content', months: 60, dueOn: '2031-06-30', purgedAt: '2031-06-30T08:00:00.000Z' },
      { category: 'training_records', months: 72, dueOn: '2032-06-30', purgedAt: '2032-06-30T08:00:00.000Z' },
      { category: 'accounts', months: 60, dueOn: '2031-06-30', purgedAt: '2031-06-30T08:00:00.000Z' },
    ]);
    const settingsAfter = await ok((await h.login(be.org.admin)).get('/api/organisation/retention'));
    expect(settingsAfter.lastRun).toMatchObject({ day: '2033-07-01' });
    expect(settingsAfter.lastRun.removed).toMatchObject({
      plan_content: 1,
      training_records: 1,
      accounts: 1,
    });
    expect(settingsAfter.disabledWithoutEndDate).toBe(1);
  }, 120_000);

  it('runs the purge from the job runner once a day', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h, 'NL');
    const leaver = await h.createPerson(t.org.id, { firstName: 'Gijs', managerId: t.manager.id });
    await setEndDate(h, leaver.id, '2024-01-31');
    const report = await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
    expect(report.purged.people).toBeGreaterThanOrEqual(1);
    expect((await stateOf(h, leaver.id)).name).toBe(`#${leaver.id.slice(0, 8)}`);
    expect((await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce()).purged).toEqual({
      people: 0,
      auditRows: 0,
    });
  });

  it('erases a person on request: content and account go, training records stay pseudonymised, with a record of the erasure', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h);
    const { person, e, planId } = await employeeWithPlan(h, t, 'Zoë');
    const db = h.ctx.database.db;
    await db
      .insertInto('emails')
      .values({
        id: crypto.randomUUID(),
        organisation_id: t.org.id,
        kind: 'test',
        to_address: person.email.toUpperCase(),
        subject: 'Voor Zoë',
        text_body: 'Dag Zoë',
        html_body: '<p>Dag Zoë</p>',
        status: 'logged',
        created_at: h.clock.now().toISOString(),
      })
      .execute();
    await db
      .insertInto('notifications')
      .values({
        id: crypto.randomUUID(),
        organisation_id: t.org.id,
        recipient_id: person.id,
        dedupe_key: `test:${person.id}`,
        kind: 'cycle_started',
        plan_id: null,
        params: '{}',
        link: '/',
        created_at: h.clock.now().toISOString(),
      })
      .execute();
    const privacy = await ok(t.admin.get(`/api/people/${person.id}/privacy`));

    // Refused: without a reason, with a stale version, by anyone but the beheerder, from another organisation.
    expect(
      (await t.admin.post(`/api/people/${person.id}/erasure`, { version: privacy.version })).statusCode,
    ).toBe(422);
    const stale = await t.admin.post(`/api/people/${person.id}/erasure`, {
      reason: 'Vraag',
      version: privacy.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(privacy.version);
    const hr = await h.login(await h.createPerson(t.org.id, { roles: ['employee', 'hr'] }));
    for (const client of [hr, t.m, e]) {
      const refused = await client.post(`/api/people/${person.id}/erasure`, {
        reason: 'Vraag',
        version: privacy.version,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    }
    const other = await h.createOrganisation();
    const otherAdmin = await h.login(other.admin);
    expect(
      (
        await otherAdmin.post(`/api/people/${person.id}/erasure`, {
          reason: 'Vraag',
          version: privacy.version,
        })
      ).statusCode,
    ).toBe(404);
    const self = await t.admin.get(`/api/people/${t.org.admin.id}/privacy`);
    const selfErase = await t.admin.post(`/api/people/${t.org.admin.id}/erasure`, {
      reason: 'Vraag',
      version: self.json().version,
    });
    expect(selfErase.statusCode).toBe(409);
    expect(selfErase.json().error.message).toBe(
      'Je kunt je eigen gegevens niet wissen. Vraag het aan een andere beheerder.',
    );

    // A legal hold refuses it, with nothing changed.
    const held = await ok(
      t.admin.put(`/api/people/${person.id}/legal-hold`, {
        legalHold: true,
        reason: 'Inspectie',
        version: privacy.version,
      }),
    );
    const refused = await t.admin.post(`/api/people/${person.id}/erasure`, {
      reason: 'Vraag',
      version: held.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/legal hold/);
    expect(await stateOf(h, person.id)).toMatchObject({ ...withContent, name: 'Zoë Peeters' });
    const lifted = await ok(
      t.admin.put(`/api/people/${person.id}/legal-hold`, { legalHold: false, version: held.version }),
    );

    const erased = await ok(
      t.admin.post(`/api/people/${person.id}/erasure`, {
        reason: 'Vraag van de medewerker van 12 juni',
        version: lifted.version,
      }),
      201,
    );
    expect(erased).toMatchObject({
      personId: person.id,
      pseudonym: `#${person.id.slice(0, 8)}`,
      erasedAt: '2026-06-15T08:00:00.000Z',
      erasedBy: { id: t.org.admin.id, name: 'Ada Beheer' },
      reason: 'Vraag van de medewerker van 12 juni',
    });
    expect(erased.kept).toEqual([
      { category: 'training_records', count: 1, basis: 'learning_account_be' },
      { category: 'audit_log', count: expect.any(Number), basis: 'accountability' },
    ]);
    expect(erased.removed).toMatchObject({
      preparations: 2,
      talkingPoints: 2,
      followUps: 1,
      sessions: 1,
      emails: 1,
    });

    expect(await stateOf(h, person.id)).toMatchObject({
      ...trainingOnly,
      name: `#${person.id.slice(0, 8)}`,
      email: `erased-${person.id}@groeipad.invalid`,
      status: 'disabled',
      hasPassword: false,
      sessions: 0,
    });
    expect(
      await db.selectFrom('notifications').select('id').where('recipient_id', '=', person.id).execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('auth_tokens').select('id').where('person_id', '=', person.id).execute(),
    ).toEqual([]);
    const mails = await db
      .selectFrom('emails')
      .select('to_address')
      .where('organisation_id', '=', t.org.id)
      .execute();
    expect(mails.filter((m) => m.to_address.toLowerCase() === person.email)).toEqual([]);
    const roles = await db
      .selectFrom('person_roles')
      .select('role')
      .where('person_id', '=', person.id)
      .execute();
    expect(roles).toEqual([]);

    // The record of the erasure names no erased data.
    const record = await db
      .selectFrom('person_erasures')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(record).toHaveLength(1);
    const stored = JSON.stringify(record);
    for (const erasedText of ['Zoë', 'Peeters', person.email, marks.goal, marks.notes, marks.ownAnswer])
      expect(stored).not.toContain(erasedText);

    // Signed out everywhere; the training still counts for HR; the beheerder sees the erasure on the person.
    expect((await e.get('/api/auth/me')).statusCode).toBe(401);
    const balances = await ok(t.admin.get('/api/training-right/balances?year=2026&limit=500'));
    expect(balances.items.find((i: { personId: string }) => i.personId === person.id)?.followed).toBeCloseTo(
      1,
      5,
    );
    const after = await ok(t.admin.get(`/api/people/${person.id}/privacy`));
    expect(after.erasure).toMatchObject({ id: erased.id, reason: 'Vraag van de medewerker van 12 juni' });
    expect(after.categories.map((c: { purgedAt: string | null }) => c.purgedAt)).toEqual([
      '2026-06-15T08:00:00.000Z',
      null,
      '2026-06-15T08:00:00.000Z',
    ]);
    expect(after.name).toBe(`#${person.id.slice(0, 8)}`);
    // The manager's plan list shows the pseudonym.
    const plan = await ok(t.m.get(`/api/plans/${planId}`));
    expect(plan.employee.name).toBe(`#${person.id.slice(0, 8)}`);
    expect(JSON.stringify(plan)).not.toContain(marks.notes);
    const again = await t.admin.post(`/api/people/${person.id}/erasure`, {
      reason: 'Nog eens',
      version: after.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('De gegevens van deze persoon zijn al gewist.');

    // The audit log says the hold was set and lifted and the data erased, by whom; never the reasons.
    const log = await ok(t.admin.get(`/api/audit?subjectPersonId=${person.id}&limit=50`));
    const actions = log.items.map((item: { action: string }) => item.action);
    expect(actions.filter((a: string) => a === 'person.legal_hold_changed')).toHaveLength(2);
    expect(actions).toContain('person.erased');
    const text = JSON.stringify(log);
    expect(text).not.toContain('Vraag van de medewerker van 12 juni');
    expect(text).not.toContain('Inspectie');
  });

  it('lets only the beheerder read and change retention periods, within the law', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h, 'BE');
    const employee = await h.login(await h.createPerson(t.org.id, { managerId: t.manager.id }));
    const hr = await h.login(await h.createPerson(t.org.id, { roles: ['employee', 'hr'] }));
    for (const client of [employee, t.m, hr]) {
      expect((await client.get('/api/organisation/retention')).statusCode).toBe(403);
      expect((await client.put('/api/organisation/retention', { accounts: 3, version: 1 })).statusCode).toBe(
        403,
      );
    }
    expect((await h.anonymous().get('/api/organisation/retention')).statusCode).toBe(401);

    const initial = await ok(t.admin.get('/api/organisation/retention'));
    expect(initial).toMatchObject({ country: 'BE', version: 1, lastRun: null, legalHolds: 0 });
    expect(initial.categories).toEqual([
      {
        category: 'plan_content',
        months: null,
        defaultMonths: 60,
        effectiveMonths: 60,
        minimumMonths: null,
        maximumMonths: 240,
        startsAt: 'leaving',
      },
      {
        category: 'training_records',
        months: null,
        defaultMonths: 72,
        effectiveMonths: 72,
        minimumMonths: 60,
        maximumMonths: 240,
        startsAt: 'leaving',
      },
      {
        category: 'accounts',
        months: null,
        defaultMonths: 60,
        effectiveMonths: 60,
        minimumMonths: null,
        maximumMonths: 240,
        startsAt: 'leaving',
      },
      {
        category: 'audit_log',
        months: null,
        defaultMonths: 24,
        effectiveMonths: 24,
        minimumMonths: null,
        maximumMonths: 240,
        startsAt: 'event',
      },
    ]);

    const belowMinimum = await t.admin.put('/api/organisation/retention', {
      trainingRecords: 59,
      version: 1,
    });
    expect(belowMinimum.statusCode).toBe(422);
    expect(belowMinimum.json().error.fields).toEqual([
      {
        path: 'trainingRecords',
        code: 'retention_below_minimum',
        message: 'De wet vraagt om minstens 60 maanden te bewaren.',
      },
    ]);
    const contentLonger = await t.admin.put('/api/organisation/retention', { planContent: 100, version: 1 });
    expect(contentLonger.statusCode).toBe(422);
    expect(contentLonger.json().error.fields[0]).toMatchObject({
      path: 'trainingRecords',
      code: 'retention_training_before_content',
    });
    for (const body of [
      { accounts: -1, version: 1 },
      { accounts: 241, version: 1 },
      { accounts: 2.5, version: 1 },
      { auditLog: 0, version: 1 },
      { accounts: '12', version: 1 },
      { accounts: 12, version: 1, country: 'NL' },
      { accounts: 12 },
    ]) {
      const bad = await t.admin.put('/api/organisation/retention', body);
      expect(bad.statusCode, JSON.stringify(body)).toBe(422);
      expect(bad.json().error.fields.length).toBeGreaterThan(0);
    }
    expect((await ok(t.admin.get('/api/organisation/retention'))).version).toBe(1);

    const saved = await ok(
      t.admin.put('/api/organisation/retention', { planContent: 36, accounts: 12, version: 1 }),
    );
    expect(saved.version).toBe(2);
    expect(saved.updatedBy).toEqual({ id: t.org.admin.id, name: 'Ada Beheer' });
    expect(saved.categories.map((c: { effectiveMonths: number }) => c.effectiveMonths)).toEqual([
      36, 72, 12, 24,
    ]);
    const stale = await t.admin.put('/api/organisation/retention', { accounts: 6, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(2);
    const reset = await ok(t.admin.put('/api/organisation/retention', { accounts: null, version: 2 }));
    expect(reset.categories.map((c: { months: number | null }) => c.months)).toEqual([36, null, null, null]);
    // Each saved change is in the audit log, the refused ones are not.
    const log = await ok(t.admin.get('/api/audit?action=organisation.retention_changed'));
    expect(log.items).toHaveLength(2);
    expect(log.items[0].changes).toEqual([
      { field: 'accountsMonths', before: 12, after: null, hidden: false },
    ]);

    // Another organisation's beheerder changes only their own.
    const other = await h.createOrganisation({ country: 'NL' });
    const otherAdmin = await h.login(other.admin);
    const theirs = await ok(otherAdmin.get('/api/organisation/retention'));
    expect(theirs).toMatchObject({ country: 'NL', version: 1 });
    await ok(otherAdmin.put('/api/organisation/retention', { planContent: 12, version: 1 }));
    expect((await ok(t.admin.get('/api/organisation/retention'))).categories[0].months).toBe(36);
  });

  it('guards a person’s privacy page and legal hold: the beheerder of the organisation only', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h, 'BE');
    const person = await h.createPerson(t.org.id, { managerId: t.manager.id, firstName: 'Lars' });
    const employee = await h.login(person);
    const hr = await h.login(await h.createPerson(t.org.id, { roles: ['employee', 'hr'] }));
    for (const client of [employee, t.m, hr]) {
      expect((await client.get(`/api/people/${person.id}/privacy`)).statusCode).toBe(403);
      expect(
        (
          await client.put(`/api/people/${person.id}/legal-hold`, {
            legalHold: true,
            reason: 'X',
            version: 1,
          })
        ).statusCode,
      ).toBe(403);
    }
    const other = await h.login((await h.createOrganisation()).admin);
    expect((await other.get(`/api/people/${person.id}/privacy`)).statusCode).toBe(404);
    expect(
      (await other.put(`/api/people/${person.id}/legal-hold`, { legalHold: true, reason: 'X', version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await t.admin.get(`/api/people/${crypto.randomUUID()}/privacy`)).statusCode).toBe(404);

    const privacy = await ok(t.admin.get(`/api/people/${person.id}/privacy`));
    expect(privacy.name).toMatch(/^Lars /);
    expect(privacy).toMatchObject({
      endDate: null,
      legalHold: { active: false, reason: null, setAt: null, setBy: null },
      erasure: null,
    });
    expect(privacy.categories.map((c: { dueOn: string | null }) => c.dueOn)).toEqual([null, null, null]);
    // Who set it and when come from the session and the clock, never from the body.
    const forged = await t.admin.put(`/api/people/${person.id}/legal-hold`, {
      legalHold: true,
      reason: 'Geschil',
      setBy: t.manager.id,
      version: privacy.version,
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().error.fields[0]).toMatchObject({ path: 'setBy', code: 'unknown_field' });
    // Everyone exports their own data, whatever their roles; HR gets HR's own.
    const hrExport = await ok(hr.get('/api/me/data-export.json'));
    expect(hrExport.account.roles).toEqual(['employee', 'hr']);
    expect(hrExport.person.id).not.toBe(person.id);
    const noReason = await t.admin.put(`/api/people/${person.id}/legal-hold`, {
      legalHold: true,
      version: privacy.version,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.fields).toEqual([
      { path: 'reason', code: 'required', message: 'Verplicht veld.' },
    ]);
    const set = await ok(
      t.admin.put(`/api/people/${person.id}/legal-hold`, {
        legalHold: true,
        reason: 'Geschil',
        version: privacy.version,
      }),
    );
    expect(set.legalHold).toEqual({
      active: true,
      reason: 'Geschil',
      setAt: '2026-06-15T08:00:00.000Z',
      setBy: { id: t.org.admin.id, name: 'Ada Beheer' },
    });
    expect(set.version).toBe(privacy.version + 1);
    const stale = await t.admin.put(`/api/people/${person.id}/legal-hold`, {
      legalHold: false,
      version: privacy.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await ok(t.admin.get('/api/organisation/retention'))).legalHolds).toBe(1);

    // The person's end date sets when each category is due.
    await setEndDate(h, person.id, '2026-08-31');
    const due = await ok(t.admin.get(`/api/people/${person.id}/privacy`));
    expect(due.categories.map((c: { dueOn: string | null }) => c.dueOn)).toEqual([
      '2031-08-31',
      '2032-08-31',
      '2031-08-31',
    ]);
  });

  it('generates the records of processing from the settings, for every member, in the reader’s language', async () => {
    h.clock.set('2026-06-15T08:00:00.000Z');
    const t = await team(h, 'BE');
    const employee = await h.login(await h.createPerson(t.org.id, { managerId: t.manager.id }));
    for (const client of [employee, t.m, t.admin]) {
      const ropa = await ok(client.get('/api/organisation/records-of-processing'));
      expect(ropa.activities.map((a: { key: string }) => a.key)).toEqual([
        'pop',
        'training',
        'accounts',
        'audit',
      ]);
    }
    expect((await h.anonymous().get('/api/organisation/records-of-processing')).statusCode).toBe(401);

    const before = await ok(employee.get('/api/organisation/records-of-processing'));
    const pop = before.activities[0];
    expect(pop.name).toBe('Persoonlijke ontwikkelingsplannen (POP)');
    expect(pop.recipients).toContain('HR (fase, data en aantallen; niet de inhoud)');
    expect(pop.retention).toBe('60 maanden na het vertrek');
    expect(before.activities[1].recipients).toContain(
      'Sigedis (federale leerrekening), via de aangifte door HR',
    );
    expect(before.retention[0]).toMatchObject({ category: 'plan_content', months: 60, isDefault: true });

    // The settings change what it says.
    const organisation = await ok(t.admin.get('/api/organisation'));
    await ok(t.admin.patch('/api/organisation', { hrSeesPlanContent: true, version: organisation.version }));
    await ok(t.admin.put('/api/organisation/retention', { planContent: 48, version: 1 }));
    const after = await ok(employee.get('/api/organisation/records-of-processing'));
    expect(after.activities[0].recipients.some((r: string) => r.startsWith('HR (ook de inhoud'))).toBe(true);
    expect(after.activities[0].retention).toBe('48 maanden na het vertrek');
    expect(after.retention[0]).toMatchObject({
      months: 48,
      isDefault: false,
      basis: 'Gekozen door de organisatie.',
    });

    // In English for a reader who chose English.
    await ok(employee.patch('/api/auth/me', { locale: 'en' }));
    const english = await ok(employee.get('/api/organisation/records-of-processing'));
    expect(english.activities[0].name).toBe('Personal development plans (POP)');
    expect(english.activities[0].retention).toBe('48 months after leaving');

    // The Netherlands: no learning account among the recipients.
    const nl = await h.login((await h.createOrganisation({ country: 'NL' })).admin);
    const dutch = await ok(nl.get('/api/organisation/records-of-processing'));
    expect(JSON.stringify(dutch)).not.toContain('Sigedis');
    expect(dutch.activities[0].retention).toBe('24 maanden na het vertrek');
  });
});
