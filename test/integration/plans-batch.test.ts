import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { dateIn } from '../../src/shared/pop/dates.js';
import { describeEachDatabase } from '../support/harness.js';

describeEachDatabase('starting POP cycles for many people at once', (h) => {
  it('starts a team with conversation dates on the working days of the window, skipping open plans', async () => {
    const org = await h.createOrganisation();
    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'], lastName: 'Lambrecht' });
    const team = await h.createTeam(org.id, { name: 'Atelier', managerId: lead.id });
    const members = [];
    for (const lastName of ['Aerts', 'Claes', 'Dubois', 'Janssens']) {
      members.push(await h.createPerson(org.id, { lastName, teamId: team.id }));
    }
    const hr = await h.login(org.admin);
    const busy = members[1]!;
    expect((await hr.post('/api/plans', { employeeId: busy.id })).statusCode).toBe(201);

    // Friday to Tuesday: three working days for three people.
    const started = await hr.post('/api/plans/batch', {
      teamId: team.id,
      window: { from: '2027-03-05', to: '2027-03-09' },
    });
    expect(started.statusCode, started.body).toBe(200);
    const result = started.json();
    expect(result.skipped).toEqual([
      { personId: busy.id, name: expect.stringContaining('Claes'), reason: 'open_plan' },
    ]);
    expect(result.created.map((c: { employeeName: string }) => c.employeeName.split(' ').pop())).toEqual([
      'Aerts',
      'Dubois',
      'Janssens',
    ]);
    expect(
      result.created.map((c: { conversationAt: string }) =>
        dateIn('Europe/Brussels', new Date(c.conversationAt)),
      ),
    ).toEqual(['2027-03-05', '2027-03-08', '2027-03-09']);
    expect(result.created[0].conversationAt).toBe('2027-03-05T08:00:00.000Z');

    const plan = (await hr.get(`/api/plans/${result.created[0].planId}`)).json();
    expect(plan).toMatchObject({
      phase: 'preparation',
      manager: { id: lead.id },
      requestedBy: 'hr',
      exchangeDeadline: '2027-02-26',
    });
    // The team's manager sees them all; running the batch again starts nobody twice.
    const managerClient = await h.login(lead);
    expect((await managerClient.get(`/api/plans?teamId=${team.id}`)).json().total).toBe(4);
    const twice = (
      await managerClient.post('/api/plans/batch', {
        teamId: team.id,
        window: { from: '2027-03-05', to: '2027-03-09' },
      })
    ).json();
    expect(twice.created).toEqual([]);
    expect(twice.skipped.map((s: { reason: string }) => s.reason)).toEqual([
      'open_plan',
      'open_plan',
      'open_plan',
      'open_plan',
    ]);
  });

  it('starts the whole organisation for HR only, and reports who is skipped and why', async () => {
    const org = await h.createOrganisation();
    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const hrPerson = await h.createPerson(org.id, { roles: ['employee', 'hr'], managerId: lead.id });
    const report = await h.createPerson(org.id, { managerId: lead.id });
    const hr = await h.login(hrPerson);
    const result = (
      await hr.post('/api/plans/batch', {
        wholeOrganisation: true,
        window: { from: '2027-01-11', to: '2027-01-22' },
      })
    ).json();
    expect(result.created.map((c: { employeeId: string }) => c.employeeId)).toEqual([report.id]);
    const reasons = Object.fromEntries(
      result.skipped.map((s: { personId: string; reason: string }) => [s.personId, s.reason]),
    );
    expect(reasons).toEqual({ [hrPerson.id]: 'self', [lead.id]: 'no_manager', [org.admin.id]: 'no_manager' });

    const managerClient = await h.login(lead);
    const forbidden = await managerClient.post('/api/plans/batch', {
      wholeOrganisation: true,
      window: { from: '2027-01-11', to: '2027-01-22' },
    });
    expect(forbidden.statusCode).toBe(403);
    const otherTeam = await h.createTeam(org.id, { name: 'Niet van hem' });
    const notHis = await managerClient.post('/api/plans/batch', {
      teamId: otherTeam.id,
      window: { from: '2027-01-11', to: '2027-01-22' },
    });
    expect(notHis.statusCode).toBe(404);
    const stranger = await h.createPerson(org.id);
    const someone = (
      await managerClient.post('/api/plans/batch', {
        personIds: [stranger.id, randomUUID()],
        window: { from: '2027-01-11', to: '2027-01-22' },
      })
    ).json();
    expect(someone.created).toEqual([]);
    expect(someone.skipped.map((s: { reason: string; name: string | null }) => [s.reason, s.name])).toEqual([
      ['not_found', null],
      ['not_found', null],
    ]);
  });

  it('refuses an unclear selection or a window without working days', async () => {
    const org = await h.createOrganisation();
    const hr = await h.login(org.admin);
    const both = await hr.post('/api/plans/batch', {
      wholeOrganisation: true,
      teamId: randomUUID(),
      window: { from: '2027-01-11', to: '2027-01-22' },
    });
    expect(both.json().error.fields).toMatchObject([{ path: 'personIds', code: 'choose_one' }]);
    const lead = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const person = await h.createPerson(org.id, { managerId: lead.id });
    const weekend = await hr.post('/api/plans/batch', {
      personIds: [person.id],
      window: { from: '2027-01-09', to: '2027-01-10' },
    });
    expect(weekend.json().error.fields).toMatchObject([{ path: 'window', code: 'no_working_days' }]);
    const backwards = await hr.post('/api/plans/batch', {
      personIds: [person.id],
      window: { from: '2027-01-22', to: '2027-01-11' },
    });
    expect(backwards.json().error.fields).toMatchObject([{ path: 'window.to', code: 'end_before_start' }]);
    // Nothing was started by the refused batches.
    expect((await hr.get(`/api/plans?employeeId=${person.id}`)).json().total).toBe(0);
  });
});
