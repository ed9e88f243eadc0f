import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

interface ParsedEvent {
  method: string | null;
  uid: string;
  sequence: number;
  start: string;
  isDate: boolean;
  summary: string;
  status: string | null;
  url: string | null;
  attendees: string[];
}

/** Reads an .ics with a real iCalendar parser. */
function parseIcs(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const method = calendar.getFirstPropertyValue('method') as string | null;
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      method,
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toString(),
      isDate: event.startDate.isDate,
      summary: event.summary,
      status: component.getFirstPropertyValue('status') as string | null,
      url: component.getFirstPropertyValue('url') as string | null,
      attendees: component.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
    };
  });
}

async function fire(client: Client, planId: string, event: string) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, { event, version: plan.version });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

async function setUp(h: Harness) {
  h.clock.set('2026-03-02T08:00:00.000Z');
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Vandenbroeck',
  });
  const employee = await h.createPerson(org.id, {
    firstName: 'Zoë',
    lastName: 'Peeters',
    managerId: manager.id,
  });
  const m = await h.login(manager);
  const e = await h.login(employee);
  const plan = (
    await m.post('/api/plans', { employeeId: employee.id, conversationAt: '2026-03-20T10:00:00+01:00' })
  ).json();
  return { org, manager, employee, m, e, plan };
}

describeEachDatabase('calendar events', (h) => {
  it('downloads each event as .ics with a stable UID, a higher SEQUENCE on a new date, and CANCEL when cancelled', async () => {
    const { org, manager, employee, m, e, plan } = await setUp(h);
    const download = async (client: Client, path: string) => {
      const response = await client.get(`/api/plans/${plan.id}/events/${path}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(String(response.headers['content-disposition'])).toMatch(
        /^attachment; filename="groeipad-[a-z0-9-]+\.ics"$/,
      );
      return parseIcs(response.body);
    };

    const [first] = await download(e, 'conversation.ics');
    expect(first).toEqual({
      method: 'PUBLISH',
      uid: `conversation-${plan.id}@localhost`,
      sequence: 0,
      start: '2026-03-20T09:00:00Z',
      isDate: false,
      summary: 'POP-gesprek met Katrien Vandenbroeck',
      status: 'CONFIRMED',
      url: `http://localhost:3000/plans/${plan.id}`,
      attendees: [],
    });
    const [managerView] = await download(m, 'conversation.ics');
    expect(managerView).toMatchObject({
      uid: first?.uid,
      sequence: 0,
      summary: 'POP-gesprek met Zoë Peeters',
    });

    // A new date: the same UID, one SEQUENCE up.
    let current = (await m.get(`/api/plans/${plan.id}`)).json();
    await m.patch(`/api/plans/${plan.id}`, {
      conversationAt: '2026-03-27T14:00:00+01:00',
      version: current.version,
    });
    expect((await download(e, 'conversation.ics'))[0]).toMatchObject({
      uid: first?.uid,
      sequence: 1,
      start: '2026-03-27T13:00:00Z',
      status: 'CONFIRMED',
    });

    // Follow-ups and the evaluation are all-day events.
    await fire(e, plan.id, 'start_conversation');
    const followUp = (await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-15' })).json();
    current = (await m.get(`/api/plans/${plan.id}`)).json();
    await m.patch(`/api/plans/${plan.id}`, { evaluationDate: '2026-12-10', version: current.version });
    expect((await download(e, `follow-up/${followUp.id}.ics`))[0]).toMatchObject({
      uid: `follow-up-${followUp.id}@localhost`,
      sequence: 0,
      start: '2026-06-15',
      isDate: true,
      summary: 'Opvolgingsmoment POP met Katrien Vandenbroeck',
      url: `http://localhost:3000/plans/${plan.id}?tab=followUps`,
    });
    expect((await download(e, 'evaluation.ics'))[0]).toMatchObject({
      uid: `evaluation-${plan.id}@localhost`,
      start: '2026-12-10',
      isDate: true,
      summary: 'Evaluatie POP met Katrien Vandenbroeck',
    });

    // A deleted follow-up is cancelled: the same UID, one up, METHOD:CANCEL and STATUS:CANCELLED.
    expect((await m.delete(`/api/follow-ups/${followUp.id}?version=${followUp.version}`)).statusCode).toBe(
      200,
    );
    expect((await download(e, `follow-up/${followUp.id}.ics`))[0]).toMatchObject({
      method: 'CANCEL',
      uid: `follow-up-${followUp.id}@localhost`,
      sequence: 1,
      status: 'CANCELLED',
    });

    // Who may download: the two parties only.
    const hr = await h.login(await h.createPerson(org.id, { roles: ['employee', 'hr'] }));
    const refused = await hr.get(`/api/plans/${plan.id}/events/conversation.ics`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/medewerker en de leidinggevende/);
    const colleague = await h.login(await h.createPerson(org.id, { managerId: manager.id }));
    expect((await colleague.get(`/api/plans/${plan.id}/events/conversation.ics`)).statusCode).toBe(404);
    expect((await h.anonymous().get(`/api/plans/${plan.id}/events/conversation.ics`)).statusCode).toBe(401);
    const outsider = await h.createOrganisation();
    expect(
      (await (await h.login(outsider.admin)).get(`/api/plans/${plan.id}/events/conversation.ics`)).statusCode,
    ).toBe(404);
    expect((await e.get(`/api/plans/${plan.id}/events/follow-up/${employee.id}.ics`)).statusCode).toBe(404);

    // The plan is cancelled: every event of it is.
    await fire(m, plan.id, 'cancel');
    expect((await download(e, 'conversation.ics'))[0]).toMatchObject({
      method: 'CANCEL',
      sequence: 2,
      status: 'CANCELLED',
    });
    expect((await download(m, 'evaluation.ics'))[0]).toMatchObject({ method: 'CANCEL', sequence: 1 });
  });

  it('sends invitations with METHOD:REQUEST, a changed date with a higher SEQUENCE, and a cancellation', async () => {
    const { manager, employee, m, plan } = await setUp(h);
    const runner = createJobRunner(h.ctx, { intervalSeconds: 0 });
    const mine = () =>
      h.smtp.messages.filter((x) => x.to.includes(employee.email) || x.to.includes(manager.email));
    const invites = () =>
      mine()
        .filter((x) => /^(Uitnodiging|Gewijzigd|Geannuleerd)/.test(x.subject))
        .map((x) => {
          const calendarPart = x.parsed.attachments.find((a) => a.contentType === 'application/ics');
          const alternative = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)/i.exec(x.raw)?.[1];
          const [event] = parseIcs(calendarPart?.content.toString('utf8') ?? '');
          return { to: x.to[0], subject: x.subject, alternative, event };
        });

    await runner.runOnce();
    let sent = invites();
    expect(sent).toHaveLength(2);
    const toEmployee = sent.find((x) => x.to === employee.email);
    expect(toEmployee).toMatchObject({
      subject: 'Uitnodiging: POP-gesprek met Katrien Vandenbroeck op 20/03/2026 10:00',
      alternative: 'REQUEST',
      event: {
        method: 'REQUEST',
        uid: `conversation-${plan.id}@localhost`,
        sequence: 0,
        start: '2026-03-20T09:00:00Z',
        summary: 'POP-gesprek met Katrien Vandenbroeck',
        status: 'CONFIRMED',
      },
    });
    expect(toEmployee?.event?.attendees.sort()).toEqual(
      [`mailto:${employee.email}`, `mailto:${manager.email}`].sort(),
    );

    // The date moves: a "changed" invitation for the same event, one SEQUENCE up.
    h.clock.set('2026-03-03T08:00:00.000Z');
    const current = (await (await h.login(manager)).get(`/api/plans/${plan.id}`)).json();
    await (await h.login(manager)).patch(`/api/plans/${plan.id}`, {
      conversationAt: '2026-03-27T10:00:00+01:00',
      version: current.version,
    });
    await runner.runOnce();
    await runner.runOnce();
    sent = invites();
    expect(sent).toHaveLength(4);
    expect(sent.filter((x) => x.subject.startsWith('Gewijzigd'))).toMatchObject([
      {
        alternative: 'REQUEST',
        event: { uid: `conversation-${plan.id}@localhost`, sequence: 1, start: '2026-03-27T09:00:00Z' },
      },
      { alternative: 'REQUEST', event: { sequence: 1 } },
    ]);

    // Cancelled: a cancellation (METHOD:CANCEL, STATUS:CANCELLED) to both.
    h.clock.set('2026-03-04T08:00:00.000Z');
    await fire(await h.login(manager), plan.id, 'cancel');
    await runner.runOnce();
    sent = invites();
    expect(sent.filter((x) => x.subject.startsWith('Geannuleerd'))).toMatchObject([
      { alternative: 'CANCEL', event: { method: 'CANCEL', sequence: 2, status: 'CANCELLED' } },
      { alternative: 'CANCEL', event: { method: 'CANCEL', sequence: 2, status: 'CANCELLED' } },
    ]);
    expect(sent).toHaveLength(6);
    expect(m).toBeDefined();
  });

  it('serves a private feed per person that can be revoked and renewed', async () => {
    const { org, manager, e, m, plan } = await setUp(h);
    // The employee's private preparation never reaches a calendar.
    const prep = (await e.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    await e.put(`/api/plans/${plan.id}/preparations/mine`, {
      answers: { [prep.questions[0].id]: 'GEHEIM-feed-antwoord' },
      version: prep.version,
    });
    const otherEmployee = await h.createPerson(org.id, {
      firstName: 'Ander',
      lastName: 'Persoon',
      managerId: manager.id,
    });
    const otherPlan = (
      await m.post('/api/plans', {
        employeeId: otherEmployee.id,
        conversationAt: '2026-03-23T10:00:00+01:00',
      })
    ).json();

    expect((await e.get('/api/calendar/feed')).json()).toEqual({
      active: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const created = await e.post('/api/calendar/feed');
    expect(created.statusCode, created.body).toBe(201);
    const feed = created.json();
    expect(feed).toMatchObject({ active: true, createdAt: '2026-03-02T08:00:00.000Z', lastUsedAt: null });
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace('http://', 'webcal://'));
    const path = new URL(feed.url).pathname;

    const response = await h.anonymous().get(path);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).not.toContain('GEHEIM');
    const events = parseIcs(response.body);
    expect(events.map((x) => x.uid)).toEqual([`conversation-${plan.id}@localhost`]);
    expect(events[0]).toMatchObject({ method: 'PUBLISH', summary: 'POP-gesprek met Katrien Vandenbroeck' });
    expect(response.body).not.toContain(otherPlan.id);
    expect((await e.get('/api/calendar/feed')).json().lastUsedAt).toBe('2026-03-02T08:00:00.000Z');

    // The manager's own feed holds both conversations they lead.
    const managerFeed = (await m.post('/api/calendar/feed')).json();
    const managerEvents = parseIcs((await h.anonymous().get(new URL(managerFeed.url).pathname)).body);
    expect(managerEvents.map((x) => x.summary).sort()).toEqual([
      'POP-gesprek met Ander Persoon',
      'POP-gesprek met Zoë Peeters',
    ]);

    // Renewed: the old link stops working. Revoked: no link works.
    const renewed = (await e.post('/api/calendar/feed')).json();
    expect((await h.anonymous().get(path)).statusCode).toBe(404);
    expect((await h.anonymous().get(new URL(renewed.url).pathname)).statusCode).toBe(200);
    expect((await e.delete('/api/calendar/feed')).json()).toEqual({ ok: true });
    expect((await h.anonymous().get(new URL(renewed.url).pathname)).statusCode).toBe(404);
    expect((await e.get('/api/calendar/feed')).json().active).toBe(false);
    expect((await h.anonymous().get('/calendar/not-a-token.ics')).statusCode).toBe(422);

    // A person who left has no feed any more.
    const admin = await h.login(org.admin);
    const person = (await admin.get(`/api/people/${manager.id}`)).json();
    await admin.patch(`/api/people/${manager.id}`, { status: 'disabled', version: person.version });
    expect((await h.anonymous().get(new URL(managerFeed.url).pathname)).statusCode).toBe(404);
    expect((await h.anonymous().get('/api/calendar/feed')).statusCode).toBe(401);
  });
});
