import { expect, it } from 'vitest';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { scheduleOrganisation } from '../../src/server/modules/notifications/index.js';
import { type Client, describeEachDatabase, type Harness, type TestPerson } from '../support/harness.js';

/** Fires an event with the plan's current version, as the web app does after loading the plan. */
async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

async function team(h: Harness, names: { employee?: string } = {}) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  const employee = await h.createPerson(org.id, {
    firstName: names.employee ?? 'Zoë',
    lastName: 'Peeters',
    managerId: manager.id,
  });
  return { org, manager, employee };
}

const sorted = (lines: string[]) => [...lines].sort();

/** What arrived at the SMTP server for these people since the last call, as "to | subject", sorted. */
function mailbox(h: Harness, people: TestPerson[]) {
  let seen = 0;
  const addresses = new Set(people.map((p) => p.email));
  return {
    take(): string[] {
      const mine = h.smtp.messages.filter((m) => m.to.some((to) => addresses.has(to)));
      const fresh = mine.slice(seen);
      seen = mine.length;
      return fresh.map((m) => `${m.to.join(',')} | ${m.subject}`).sort();
    },
    all: () => h.smtp.messages.filter((m) => m.to.some((to) => addresses.has(to))),
  };
}

describeEachDatabase('reminders through a whole cycle', (h) => {
  it('sends exactly the right emails to the right people, once, as the clock moves through a cycle', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    const box = mailbox(h, [manager, employee]);
    let m = await h.login(manager);
    let e = await h.login(employee);
    const at = async (moment: string) => {
      h.clock.set(moment);
      m = await h.login(manager);
      e = await h.login(employee);
    };
    const tick = async () => {
      await runner.runOnce();
      await runner.runOnce();
      return box.take();
    };
    const Z = employee.email;
    const K = manager.email;

    // Start: the employee hears of the new cycle; both get the invitation for Friday 20 March, 10:00.
    const plan = (
      await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' })
    ).json();
    await at('2026-03-02T08:05:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Uitnodiging: POP-gesprek met Zoë Peeters op 20/03/2026 10:00`,
        `${Z} | Je POP-cyclus met Katrien Van den Broeck is gestart`,
        `${Z} | Uitnodiging: POP-gesprek met Katrien Van den Broeck op 20/03/2026 10:00`,
      ]),
    );
    const started = box.all().find((x) => x.subject.startsWith('Je POP-cyclus'));
    expect(started?.text).toContain(`http://localhost:3000/plans/${plan.id}?tab=preparation`);
    expect(started?.html).toContain(`href="http://localhost:3000/plans/${plan.id}?tab=preparation"`);
    expect(started?.parsed.to).toMatchObject({ value: [{ address: Z, name: 'Zoë Peeters' }] });

    // A week before the exchange deadline: both still have to prepare.
    await at('2026-03-06T06:59:00.000Z');
    expect(await tick()).toEqual([]);
    await at('2026-03-06T07:00:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Bereid je POP-gesprek met Zoë Peeters voor`,
        `${Z} | Bereid je POP-gesprek met Katrien Van den Broeck voor`,
      ]),
    );

    // The employee shares; on the deadline (a week before the conversation) both hear who has not shared yet.
    await at('2026-03-10T09:00:00.000Z');
    const prep = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    expect(
      (await e.post(`/api/plans/${plan.id}/preparations/mine/share`, { version: prep.version })).statusCode,
    ).toBe(200);
    await at('2026-03-13T07:00:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Vandaag wisselen jullie de voorbereiding van het POP-gesprek met Zoë Peeters uit`,
        `${Z} | Vandaag wisselen jullie de voorbereiding van het POP-gesprek met Katrien Van den Broeck uit`,
      ]),
    );
    const exchange = box.all().filter((x) => x.subject.startsWith('Vandaag'));
    expect(exchange.find((x) => x.to.includes(Z))?.text).toContain(
      'Katrien Van den Broeck deelde de voorbereiding nog niet.',
    );
    expect(exchange.find((x) => x.to.includes(K))?.text).toContain('Jij deelde je voorbereiding nog niet.');

    // The day before the conversation.
    await at('2026-03-19T07:00:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Morgen: POP-gesprek met Zoë Peeters`,
        `${Z} | Morgen: POP-gesprek met Katrien Van den Broeck`,
      ]),
    );

    // The conversation: agreements, then the employee approves and the plan waits for the manager.
    await at('2026-03-20T10:30:00.000Z');
    await fire(e, plan.id, 'start_conversation');
    const goal = (
      await m.post(`/api/plans/${plan.id}/goals`, { title: 'Conflicten de-escaleren', horizon: 'short' })
    ).json();
    expect(
      (
        await m.post(`/api/goals/${goal.id}/actions`, {
          type: 'training',
          description: 'Training conflicthantering',
          timing: { kind: 'date', date: '2026-04-30' },
        })
      ).statusCode,
    ).toBe(201);
    await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-15' });
    const current = (await m.get(`/api/plans/${plan.id}`)).json();
    expect(
      (await m.patch(`/api/plans/${plan.id}`, { evaluationDate: '2026-12-10', version: current.version }))
        .statusCode,
    ).toBe(200);
    await fire(e, plan.id, 'approve');
    expect(await tick()).toEqual([`${K} | Het POP wacht op je goedkeuring`]);
    await fire(m, plan.id, 'approve');
    expect(await tick()).toEqual([]);

    // The action's date passed without an update.
    await at('2026-05-01T06:00:00.000Z');
    expect(await tick()).toEqual([`${Z} | Een actie in je POP wacht op een update`]);

    // The day before the follow-up, then a week before the evaluation.
    await at('2026-06-14T06:00:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Morgen: opvolgingsmoment met Zoë Peeters`,
        `${Z} | Morgen: opvolgingsmoment met Katrien Van den Broeck`,
      ]),
    );
    await at('2026-12-03T07:00:00.000Z');
    expect(await tick()).toEqual(
      sorted([
        `${K} | Evaluatie van je POP met Zoë Peeters op 10/12/2026`,
        `${Z} | Evaluatie van je POP met Katrien Van den Broeck op 10/12/2026`,
      ]),
    );

    // Nothing more, and nothing twice: 15 emails in all.
    await at('2026-12-11T07:00:00.000Z');
    expect(await tick()).toEqual([]);
    expect(box.all()).toHaveLength(15);
    const outbox = await h.ctx.database.db
      .selectFrom('emails')
      .select(['kind', 'status'])
      .where('to_address', 'in', [Z, K])
      .execute();
    expect(outbox.every((row) => row.status === 'sent')).toBe(true);
    expect(outbox).toHaveLength(15);

    // Every email is multipart text + HTML, and links carry ids only.
    for (const message of box.all()) {
      expect(message.text.length).toBeGreaterThan(20);
      expect(message.html).toContain('<p>');
      for (const link of message.text.match(/https?:\/\/\S+/g) ?? [])
        expect(link).toMatch(/^http:\/\/localhost:3000\/plans\/[0-9a-f-]{36}(\?tab=\w+)?$/);
    }

    // The same events are in-app notifications, with an unread count.
    const list = (await e.get('/api/notifications')).json();
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual([
      'evaluation_due',
      'follow_up_due',
      'action_overdue',
      'conversation_tomorrow',
      'exchange_deadline',
      'preparation_due',
      'conversation_invitation',
      'cycle_started',
    ]);
    expect(list.unread).toBe(8);
    const first = list.items[0];
    expect(first).toMatchObject({
      planId: plan.id,
      params: { other: 'Katrien Van den Broeck', date: '2026-12-10' },
    });
    expect((await e.post(`/api/notifications/${first.id}/read`)).json()).toEqual({ unread: 7 });
    expect((await e.get('/api/notifications?unread=true')).json().items).toHaveLength(7);
    expect((await m.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await e.post('/api/notifications/read-all')).json()).toEqual({ unread: 0 });
    expect((await e.get('/api/notifications/unread')).json()).toEqual({ unread: 0 });
  });

  it('sends nothing for a plan that moved on or a person who left', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { org, manager, employee } = await team(h);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    const box = mailbox(h, [manager, employee]);
    const m = await h.login(manager);
    const plan = (
      await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' })
    ).json();
    await runner.runOnce();
    expect(box.take()).toHaveLength(3);

    // The reminder of 6 March is stored a day ahead; then the manager starts the conversation early.
    h.clock.set('2026-03-05T09:00:00.000Z');
    await runner.runOnce();
    const waiting = await h.ctx.database.db
      .selectFrom('reminders')
      .select(['kind', 'status'])
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'preparation_due')
      .execute();
    expect(waiting).toEqual([
      { kind: 'preparation_due', status: 'pending' },
      { kind: 'preparation_due', status: 'pending' },
    ]);
    await fire(await h.login(manager), plan.id, 'start_conversation');
    h.clock.set('2026-03-06T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);
    const skipped = await h.ctx.database.db
      .selectFrom('reminders')
      .select(['status', 'outcome'])
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'preparation_due')
      .execute();
    expect(skipped).toEqual([
      { status: 'skipped', outcome: 'moved_on' },
      { status: 'skipped', outcome: 'moved_on' },
    ]);

    // The employee leaves (disabled by HR): the day before the conversation, nobody is reminded of it.
    const admin = await h.login(org.admin);
    const person = (await admin.get(`/api/people/${employee.id}`)).json();
    const disabled = await admin.patch(`/api/people/${employee.id}`, {
      status: 'disabled',
      version: person.version,
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    h.clock.set('2026-03-19T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);
  });
});

describeEachDatabase('the bell', (h) => {
  it('counts what the other party just did at once, without waiting for the job runner', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h);
    const m = await h.login(manager);
    const e = await h.login(employee);
    expect((await e.get('/api/notifications/unread')).json()).toEqual({ unread: 0 });

    const plan = (
      await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' })
    ).json();
    const started = (await e.get('/api/notifications/unread')).json().unread;
    expect(started).toBeGreaterThan(0);
    // Asking again without a change gives the same answer.
    expect((await e.get('/api/notifications/unread')).json()).toEqual({ unread: started });

    // The manager stops the cycle: the plan changed, so the employee's bell counts the cancellation at once.
    await fire(m, plan.id, 'cancel');
    const after = (await e.get('/api/notifications/unread')).json().unread;
    expect(after).toBeGreaterThan(started);
    const kinds = (await e.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('conversation_cancelled');
  });
});

describeEachDatabase('email preferences and the weekly digest', (h) => {
  it('leaves out what a person turned off, bundles the digest kinds, and always sends the mandatory ones', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { org, manager, employee } = await team(h);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    const box = mailbox(h, [manager, employee]);
    const admin = await h.login(org.admin);
    const e = await h.login(employee);
    const Z = employee.email;
    const K = manager.email;

    // The employee's choices.
    const before = (await e.get('/api/notifications/preferences')).json();
    expect(before.items.map((i: { kind: string }) => i.kind)).not.toContain('training_balance');
    expect(before.items.find((i: { kind: string }) => i.kind === 'preparation_due')).toEqual({
      kind: 'preparation_due',
      mode: 'instant',
      modes: ['instant', 'digest', 'off'],
      mandatory: false,
    });
    const saved = await e.put('/api/notifications/preferences', {
      items: [
        { kind: 'preparation_due', mode: 'digest' },
        { kind: 'exchange_deadline', mode: 'off' },
        { kind: 'conversation_invitation', mode: 'off' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const noDigest = await e.put('/api/notifications/preferences', {
      items: [{ kind: 'exchange_deadline', mode: 'digest' }],
    });
    expect(noDigest.statusCode).toBe(409);
    const hrOnly = await e.put('/api/notifications/preferences', {
      items: [{ kind: 'training_balance', mode: 'off' }],
    });
    expect(hrOnly.statusCode).toBe(409);

    // The beheerder makes the invitation and "tomorrow" mandatory; the employee cannot turn them off.
    expect((await e.get('/api/admin/notification-settings')).statusCode).toBe(403);
    const settings = (await admin.get('/api/admin/notification-settings')).json();
    expect(settings).toEqual({ mandatoryKinds: [], version: 1 });
    const mandatory = await admin.put('/api/admin/notification-settings', {
      mandatoryKinds: ['conversation_tomorrow', 'conversation_invitation'],
      version: 1,
    });
    expect(mandatory.json()).toEqual({
      mandatoryKinds: ['conversation_invitation', 'conversation_tomorrow'],
      version: 2,
    });
    expect(
      (await admin.put('/api/admin/notification-settings', { mandatoryKinds: [], version: 1 })).statusCode,
    ).toBe(409);
    const refused = await e.put('/api/notifications/preferences', {
      items: [{ kind: 'conversation_tomorrow', mode: 'off' }],
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/verplicht/);
    const after = (await e.get('/api/notifications/preferences')).json().items;
    expect(after.find((i: { kind: string }) => i.kind === 'conversation_invitation')).toMatchObject({
      mode: 'instant',
      modes: ['instant'],
      mandatory: true,
    });

    const m = await h.login(manager);
    await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' });
    h.clock.set('2026-03-02T08:05:00.000Z');
    await runner.runOnce();
    // The invitation is mandatory: it reaches the employee who had turned it off.
    expect(box.take()).toEqual(
      sorted([
        `${K} | Uitnodiging: POP-gesprek met Zoë Peeters op 20/03/2026 10:00`,
        `${Z} | Je POP-cyclus met Katrien Van den Broeck is gestart`,
        `${Z} | Uitnodiging: POP-gesprek met Katrien Van den Broeck op 20/03/2026 10:00`,
      ]),
    );
    // Friday: the employee's preparation reminder waits for her digest.
    h.clock.set('2026-03-06T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([`${K} | Bereid je POP-gesprek met Zoë Peeters voor`]);

    // The weekly digest, on Monday 9 March at 08:00, with the preparation reminder and its link.
    h.clock.set('2026-03-09T06:59:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);
    h.clock.set('2026-03-09T07:00:00.000Z');
    await runner.runOnce();
    await runner.runOnce();
    expect(box.take()).toEqual([`${Z} | Je weekoverzicht van Groeipad`]);
    const digest = box.all().find((x) => x.subject === 'Je weekoverzicht van Groeipad');
    expect(digest?.text).toContain('Bereid je POP-gesprek met Katrien Van den Broeck voor');
    expect(digest?.html).toMatch(/<a href="http:\/\/localhost:3000\/plans\/[0-9a-f-]{36}\?tab=preparation">/);
    h.clock.set('2026-03-09T09:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);

    // The exchange deadline: the employee turned it off.
    h.clock.set('2026-03-13T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([
      `${K} | Vandaag wisselen jullie de voorbereiding van het POP-gesprek met Zoë Peeters uit`,
    ]);
    // In the app, the employee still sees everything.
    const kinds = (await (await h.login(employee)).get('/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual([
      'exchange_deadline',
      'preparation_due',
      'conversation_invitation',
      'cycle_started',
    ]);
    h.clock.set('2026-03-16T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);

    // Mandatory wins over "off": "tomorrow" reaches both.
    h.clock.set('2026-03-19T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual(
      sorted([
        `${K} | Morgen: POP-gesprek met Zoë Peeters`,
        `${Z} | Morgen: POP-gesprek met Katrien Van den Broeck`,
      ]),
    );
  });

  it('does not email a "today" or "tomorrow" after its day, but shows it in the app', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h);
    const box = mailbox(h, [manager, employee]);
    const m = await h.login(manager);
    await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' });
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    await runner.runOnce();
    box.take();
    // The runner was down from 12 March to the morning of 14 March: the exchange day (13 March) is gone.
    h.clock.set('2026-03-14T07:00:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);
    const kinds = (await (await h.login(employee)).get('/api/notifications'))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('exchange_deadline');
  });

  it('reminds HR in January to send the training-days balance statements', async () => {
    h.clock.set('2027-01-15T07:00:00.000Z');
    const org = await h.createOrganisation();
    const hr = await h.createPerson(org.id, {
      roles: ['employee', 'hr'],
      firstName: 'Sofie',
      lastName: 'Maes',
    });
    const employee = await h.createPerson(org.id);
    const box = mailbox(h, [org.admin, hr, employee]);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    await runner.runOnce();
    await runner.runOnce();
    expect(box.take()).toEqual(
      sorted([
        `${hr.email} | Opleidingsrecht 2027: stuur de saldo-overzichten`,
        `${org.admin.email} | Opleidingsrecht 2027: stuur de saldo-overzichten`,
      ]),
    );
    const prefs = (await (await h.login(hr)).get('/api/notifications/preferences')).json();
    expect(prefs.items.map((i: { kind: string }) => i.kind)).toContain('training_balance');
  });
});

describeEachDatabase('delivery: crashes, SMTP failures and header injection', (h) => {
  it('retries a reminder whose sender died between claim and send, after the timeout, once', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { org, manager, employee } = await team(h);
    const box = mailbox(h, [manager, employee]);
    const m = await h.login(manager);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    await scheduleOrganisation(h.ctx, org.id, h.clock.now());
    // A process claimed the reminder and died before sending.
    const claimed = await h.ctx.database.db
      .updateTable('reminders')
      .set({ status: 'claimed', claimed_at: '2026-03-02T08:00:00.000Z', claim_token: 'dead-process' })
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'cycle_started')
      .executeTakeFirst();
    expect(Number(claimed.numUpdatedRows)).toBe(1);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    h.clock.set('2026-03-02T08:09:00.000Z');
    await runner.runOnce();
    expect(box.take()).toEqual([]);
    h.clock.set('2026-03-02T08:10:01.000Z');
    await runner.runOnce();
    await runner.runOnce();
    expect(box.take()).toEqual([`${employee.email} | Je POP-cyclus met Katrien Van den Broeck is gestart`]);
    const row = await h.ctx.database.db
      .selectFrom('reminders')
      .select(['status', 'attempts', 'claim_token'])
      .where('plan_id', '=', plan.id)
      .where('kind', '=', 'cycle_started')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', attempts: 1, claim_token: null });

    // The same for an email the outbox holds: claimed by a process that died before talking to the SMTP server.
    await h.ctx.database.db
      .insertInto('emails')
      .values({
        id: crypto.randomUUID(),
        organisation_id: org.id,
        kind: 'cycle_started',
        to_address: employee.email,
        subject: 'Verweesde e-mail',
        text_body: 'tekst',
        html_body: '<p>tekst</p>',
        status: 'pending',
        last_error: null,
        created_at: '2026-03-02T08:10:00.000Z',
        sent_at: null,
        next_attempt_at: null,
        claimed_at: '2026-03-02T08:10:00.000Z',
        claim_token: 'dead-process',
        attachments: null,
      })
      .execute();
    await runner.runOnce();
    expect(box.take()).toEqual([]);
    h.clock.set('2026-03-02T08:20:01.000Z');
    await runner.runOnce();
    await runner.runOnce();
    expect(box.take()).toEqual([`${employee.email} | Verweesde e-mail`]);
  });

  it('retries a refused delivery with backoff, shows it to the beheerder, and sends it once', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { org, manager, employee } = await team(h);
    const box = mailbox(h, [manager, employee]);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    const admin = await h.login(org.admin);
    const m = await h.login(manager);
    await m.post('/api/plans', { employeeId: employee.id });
    h.smtp.rejecting = true;
    try {
      await runner.runOnce();
      const outbox = async () =>
        (await (await h.login(org.admin)).get('/api/admin/outbox'))
          .json()
          .items.filter((i: { to: string }) => i.to === employee.email);
      expect(await outbox()).toMatchObject([
        {
          kind: 'cycle_started',
          status: 'retrying',
          attempts: 1,
          lastError: expect.stringContaining('451'),
          nextAttemptAt: '2026-03-02T08:01:00.000Z',
        },
      ]);
      // Not before its time; then 4 minutes, 16 minutes...
      h.clock.set('2026-03-02T08:00:59.000Z');
      await runner.runOnce();
      expect((await outbox())[0].attempts).toBe(1);
      h.clock.set('2026-03-02T08:01:00.000Z');
      await runner.runOnce();
      expect(await outbox()).toMatchObject([
        { status: 'retrying', attempts: 2, nextAttemptAt: '2026-03-02T08:05:00.000Z' },
      ]);
      // The server takes mail again: the next attempt delivers it, once.
      h.smtp.rejecting = false;
      h.clock.set('2026-03-02T08:05:00.000Z');
      await runner.runOnce();
      await runner.runOnce();
      expect(box.take()).toEqual([`${employee.email} | Je POP-cyclus met Katrien Van den Broeck is gestart`]);
      expect(await outbox()).toMatchObject([{ status: 'sent', attempts: 3, nextAttemptAt: null }]);

      // A delivery that keeps failing is given up after 8 attempts and shown as failed; the beheerder retries it.
      h.smtp.rejecting = true;
      await admin.post('/api/people', {
        firstName: 'Nieuwe',
        lastName: 'Collega',
        email: 'nieuw@retry.example',
        invite: true,
      });
      let attempts = 1;
      while (attempts < 8) {
        h.clock.advance(5 * 3_600_000);
        await runner.runOnce();
        attempts++;
      }
      const failed = (await (await h.login(org.admin)).get('/api/admin/outbox'))
        .json()
        .items.find((i: { to: string }) => i.to === 'nieuw@retry.example');
      expect(failed).toMatchObject({
        kind: 'invitation',
        status: 'failed',
        attempts: 8,
        nextAttemptAt: null,
      });
      h.smtp.rejecting = false;
      const retried = await (await h.login(org.admin)).post(`/api/admin/outbox/${failed.id}/retry`);
      expect(retried.statusCode, retried.body).toBe(200);
      expect(retried.json()).toMatchObject({ status: 'sent', attempts: 9 });
      expect(h.smtp.messages.filter((x) => x.to.includes('nieuw@retry.example'))).toHaveLength(1);
      const again = await (await h.login(org.admin)).post(`/api/admin/outbox/${failed.id}/retry`);
      expect(again.statusCode).toBe(409);
      expect((await (await h.login(employee)).post(`/api/admin/outbox/${failed.id}/retry`)).statusCode).toBe(
        403,
      );
    } finally {
      h.smtp.rejecting = false;
    }
  });

  it('writes each email in its recipient’s language', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h);
    const box = mailbox(h, [manager, employee]);
    expect((await (await h.login(employee)).patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
    await (await h.login(manager)).post('/api/plans', {
      employeeId: employee.id,
      conversationAt: '2026-03-20T10:00:00+01:00',
    });
    await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
    expect(box.take()).toEqual(
      sorted([
        `${manager.email} | Uitnodiging: POP-gesprek met Zoë Peeters op 20/03/2026 10:00`,
        `${employee.email} | Your POP cycle with Katrien Van den Broeck has started`,
        `${employee.email} | Invitation: POP conversation with Katrien Van den Broeck on 20/03/2026 10:00`,
      ]),
    );
    const english = box.all().find((x) => x.subject.startsWith('Your POP cycle'));
    expect(english?.text).toMatch(/^Hello Zoë,/);
    const invite = box.all().find((x) => x.subject.startsWith('Invitation'));
    expect(invite?.raw).toContain('SUMMARY:POP conversation with Katrien Van den Broeck');
  });

  it('keeps names with line breaks out of the headers', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h, {
      employee: 'Zoë\r\nBcc: evil@attacker.example\r\nX-Evil: 1',
    });
    const box = mailbox(h, [manager, employee]);
    const m = await h.login(manager);
    await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' });
    await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
    const mails = box.all();
    expect(mails).toHaveLength(3);
    expect(h.smtp.messages.some((x) => x.to.includes('evil@attacker.example'))).toBe(false);
    for (const mail of mails) {
      expect(mail.to).toHaveLength(1);
      expect(mail.parsed.headers.has('bcc')).toBe(false);
      expect(mail.parsed.headers.has('x-evil')).toBe(false);
      const headers = mail.raw.slice(0, mail.raw.search(/\r?\n\r?\n/));
      expect(headers).not.toMatch(/^(Bcc|X-Evil):/im);
      expect(mail.text).not.toMatch(/^Bcc:/im);
    }
    const invitation = mails.find((x) => x.to.includes(manager.email));
    expect(invitation?.subject).toBe(
      'Uitnodiging: POP-gesprek met Zoë Bcc: evil@attacker.example X-Evil: 1 Peeters op 20/03/2026 10:00',
    );
  });
});
