import { expect, it } from 'vitest';
import { type Client, describeEachDatabase, type Harness } from '../support/harness.js';

/** Fires an event with the plan's current version, as the web app does after loading the plan. */
async function fire(client: Client, planId: string, event: string, extra: object = {}) {
  const plan = (await client.get(`/api/plans/${planId}`)).json();
  const response = await client.post(`/api/plans/${planId}/events`, {
    event,
    version: plan.version,
    ...extra,
  });
  expect(response.statusCode, `${event}: ${response.body}`).toBe(200);
  return response.json();
}

async function team(h: Harness) {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, {
    roles: ['employee', 'manager'],
    firstName: 'Katrien',
    lastName: 'Van den Broeck',
  });
  const employee = await h.createPerson(org.id, {
    firstName: 'Zoë',
    lastName: 'Peeters',
    managerId: manager.id,
  });
  return { org, manager, employee };
}

describeEachDatabase('the POP cycle', (h) => {
  it('runs from voorbereiding to a next cycle, with versions, follow-up, evaluation and carry-over', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const { manager, employee } = await team(h);
    let m = await h.login(manager);
    let e = await h.login(employee);
    // Sessions end after 30 idle minutes: moving the clock by days means signing in again.
    const later = async (moment: string) => {
      h.clock.set(moment);
      m = await h.login(manager);
      e = await h.login(employee);
    };

    // Start: the manager plans the conversation; the period defaults to the calendar year.
    const started = await m.post('/api/plans', {
      employeeId: employee.id,
      conversationAt: '2026-03-20T10:00:00+01:00',
    });
    expect(started.statusCode, started.body).toBe(201);
    const plan = started.json();
    expect(plan).toMatchObject({
      phase: 'preparation',
      employee: { id: employee.id, name: 'Zoë Peeters' },
      manager: { id: manager.id, name: 'Katrien Van den Broeck' },
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      conversationAt: '2026-03-20T09:00:00.000Z',
      exchangeDeadline: '2026-03-13',
      requestedBy: 'manager',
      myParty: 'manager',
      allowedEvents: ['start_conversation', 'cancel'],
      employeeShared: false,
      managerShared: false,
      approvedVersion: 0,
    });
    expect(plan.preparations.employee).toEqual({ party: 'employee', visible: false, shared: false });
    expect(plan.preparations.manager.questions.length).toBeGreaterThanOrEqual(8);

    // Both prepare, privately, with autosave; then both share.
    const mine = (await e.get(`/api/plans/${plan.id}`)).json().preparations.employee;
    expect(mine.templateName).toBe('Voorbereiding medewerker');
    expect(mine.questions[0].prompt).toBe('Welke zijn mijn sterke punten?');
    const [q1, q2] = mine.questions;
    const saved = await e.put(`/api/plans/${plan.id}/preparations/mine`, {
      answers: { [q1.id]: 'Rustig blijven in drukte.', [q2.id]: '' },
      version: mine.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, answers: { [q1.id]: 'Rustig blijven in drukte.' } });
    expect(
      (await e.post(`/api/plans/${plan.id}/talking-points`, { text: 'Conflicten met familie' })).statusCode,
    ).toBe(201);
    const managerPrep = (await m.get(`/api/plans/${plan.id}/preparations/mine`)).json();
    await m.put(`/api/plans/${plan.id}/preparations/mine`, {
      answers: { [managerPrep.questions[0].id]: 'Nieuwe woonvorm in 2027.' },
      version: managerPrep.version,
    });
    await m.post(`/api/plans/${plan.id}/talking-points`, { text: 'Rol als aanspreekpunt' });
    expect((await e.post(`/api/plans/${plan.id}/preparations/mine/share`, { version: 2 })).statusCode).toBe(
      200,
    );
    expect((await m.post(`/api/plans/${plan.id}/preparations/mine/share`, { version: 2 })).statusCode).toBe(
      200,
    );
    const shared = (await m.get(`/api/plans/${plan.id}`)).json();
    expect(shared).toMatchObject({ employeeShared: true, managerShared: true });
    expect(shared.preparations.employee.answers[q1.id]).toBe('Rustig blijven in drukte.');
    expect(shared.talkingPoints.employee.map((t: { text: string }) => t.text)).toEqual([
      'Conflicten met familie',
    ]);

    // The conversation, following the guide, with the seed's sample POP form.
    expect((await fire(e, plan.id, 'start_conversation')).phase).toBe('conversation');
    await later('2026-03-20T10:30:00.000Z');
    const got = await m.get(`/api/plans/${plan.id}`);
    expect(got.statusCode, got.body).toBe(200);
    let current = got.json();
    const noted = await m.patch(`/api/plans/${plan.id}`, {
      conversationNotes: { start: 'Zoë wil vooral rust in moeilijke gesprekken.', planning: 'Twee doelen.' },
      facilities: 'Vormingsbudget van de afdeling; opleidingsuren tijdens de werktijd.',
      evaluationDate: '2026-12-10',
      version: current.version,
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json().content.conversationNotes).toMatchObject({
      start: 'Zoë wil vooral rust in moeilijke gesprekken.',
      review: null,
      planning: 'Twee doelen.',
    });

    const conflict = await m.post(`/api/plans/${plan.id}/goals`, {
      title: 'Beter leren omgaan met conflicten',
      description: 'Rustig blijven en de-escaleren in gesprekken met bewoners en familie.',
      reason: 'Veel spanningen bij bezoekmomenten in de woonvorm.',
      priority: 'high',
      horizon: 'short',
      targetDate: '2026-03-31',
      measure: 'Evaluatie bij het volgend POP-gesprek',
    });
    expect(conflict.statusCode, conflict.body).toBe(201);
    const goal1 = conflict.json();
    const training = await m.post(`/api/goals/${goal1.id}/actions`, {
      type: 'training',
      description: 'Training ‘conflicthantering’ volgen',
      timing: { kind: 'quarter', year: 2026, quarter: 1 },
      supportTime: 'Tijd vrijmaken voor deelname',
      followUp: 'Evaluatie bij volgend POP-gesprek',
      hours: 14,
      cost: 450,
    });
    expect(training.statusCode, training.body).toBe(201);
    expect(training.json()).toMatchObject({
      type: 'training',
      isFormal: true,
      currency: 'EUR',
      status: 'planned',
      timing: { kind: 'quarter', year: 2026, quarter: 1 },
    });
    await e.post(`/api/goals/${goal1.id}/actions`, {
      type: 'self_study',
      description: 'Hoofdstuk over de-escalatie lezen en bespreken in intervisie',
      timing: { kind: 'range', from: '2026-03-01', to: '2026-03-31' },
    });
    const responsibility = (
      await e.post(`/api/plans/${plan.id}/goals`, {
        title: 'Meer verantwoordelijkheid opnemen',
        horizon: 'medium',
      })
    ).json();
    const coaching = await m.post(`/api/goals/${responsibility.id}/actions`, {
      type: 'internal_coaching',
      description: 'Interne coaching door collega',
      timing: { kind: 'ongoing' },
      supportCoach: 'Aanstelling coach',
      followUp: 'Korte evaluatie na 3 maanden',
    });
    expect(coaching.json()).toMatchObject({ isFormal: false, timing: { kind: 'ongoing' } });

    // The SMART check: the conflict goal holds once confirmed; the other one lacks a date and a measure.
    current = (await e.get(`/api/plans/${plan.id}`)).json();
    const smartOf = (goal: { smart: Array<{ criterion: string; hints: string[] }> }) =>
      Object.fromEntries(goal.smart.map((s) => [s.criterion, s.hints]));
    expect(smartOf(current.content.goals[0])).toEqual({
      specific: [],
      measurable: [],
      acceptable: [],
      realistic: [],
      timeBound: [],
    });
    expect(smartOf(current.content.goals[1])).toMatchObject({
      specific: ['no_description'],
      measurable: ['no_measure'],
      timeBound: ['no_target_date'],
    });
    const confirmed = await e.patch(`/api/goals/${goal1.id}`, {
      confirmSpecific: true,
      confirmMeasurable: true,
      confirmRealistic: true,
      confirmTimeBound: true,
      acceptable: true,
      version: goal1.version,
    });
    expect(confirmed.json()).toMatchObject({ acceptableByEmployee: true, acceptableByManager: false });
    const managerAccepts = await m.patch(`/api/goals/${goal1.id}`, {
      acceptable: true,
      version: confirmed.json().version,
    });
    expect(managerAccepts.json().smart.every((s: { holds: boolean }) => s.holds)).toBe(true);
    await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-15' });

    // Agreement: both approve; the plan is frozen as version 1.
    expect((await fire(e, plan.id, 'approve')).employeeApprovedAt).not.toBeNull();
    const approved = await fire(m, plan.id, 'approve');
    expect(approved).toMatchObject({ phase: 'approved', approvedVersion: 1, revisionOpen: false });
    expect(approved.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const version1 = (await e.get(`/api/plans/${plan.id}/versions/1`)).json();
    expect(version1.snapshot.followUpDates).toEqual(['2026-06-15']);
    expect(version1.snapshot.goals.map((g: { title: string }) => g.title)).toEqual([
      'Beter leren omgaan met conflicten',
      'Meer verantwoordelijkheid opnemen',
    ]);
    expect(version1.snapshot.goals[0].actions[0]).toMatchObject({
      type: 'training',
      description: 'Training ‘conflicthantering’ volgen',
      timing: { kind: 'quarter', year: 2026, quarter: 1 },
      supportTime: 'Tijd vrijmaken voor deelname',
      followUp: 'Evaluatie bij volgend POP-gesprek',
    });
    expect(version1.snapshot.goals[1].actions[0]).toMatchObject({
      type: 'internal_coaching',
      description: 'Interne coaching door collega',
      timing: { kind: 'ongoing' },
      supportCoach: 'Aanstelling coach',
      followUp: 'Korte evaluatie na 3 maanden',
    });

    // A frozen plan refuses content changes and says how to go on.
    const frozen = await e.patch(`/api/goals/${responsibility.id}`, { targetDate: '2026-09-30', version: 1 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'INVALID_STATE' });
    expect(frozen.json().error.message).toMatch(/herziening/);

    // Uitvoering: progress, comments, and a follow-up with an adjusted goal, which opens a revision.
    await later('2026-04-02T08:00:00.000Z');
    const done = await e.patch(`/api/actions/${training.json().id}/progress`, {
      status: 'done',
      actualHours: 14,
      actualCost: 450,
      actualStart: '2026-03-10',
      actualEnd: '2026-03-11',
      certificateNote: 'Attest ontvangen',
      version: training.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const coachingAction = coaching.json();
    await e.patch(`/api/actions/${coachingAction.id}/progress`, {
      status: 'in_progress',
      version: coachingAction.version,
    });
    const comment = await m.post(`/api/actions/${training.json().id}/comments`, { text: 'Sterk verslag!' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().comments).toMatchObject([
      { authorName: 'Katrien Van den Broeck', text: 'Sterk verslag!' },
    ]);

    await later('2026-06-15T09:00:00.000Z');
    const followUp = (await m.get(`/api/plans/${plan.id}`)).json().content.followUps[0];
    const held = await m.patch(`/api/follow-ups/${followUp.id}`, {
      held: true,
      notes: 'Goed gesprek.',
      entries: [
        { goalId: goal1.id, state: 'reached', progress: 'Training gevolgd, toegepast bij bezoek.' },
        {
          goalId: responsibility.id,
          state: 'adjusted',
          progress: 'Coaching loopt.',
          acceleration: 'Vaste momenten inplannen.',
          expectations: 'Ja, maar een streefdatum ontbreekt.',
        },
      ],
      version: followUp.version,
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().heldAt).toBe('2026-06-15T09:00:00.000Z');
    expect(
      held
        .json()
        .entries.map((x: { state: string }) => x.state)
        .sort(),
    ).toEqual(['adjusted', 'reached']);
    current = (await e.get(`/api/plans/${plan.id}`)).json();
    expect(current).toMatchObject({ phase: 'approved', revisionOpen: true, employeeApprovedAt: null });
    expect(current.allowedEvents).toEqual(['approve', 'record_disagreement', 'discard_revision']);

    // The adjustment becomes version 2; every earlier version stays readable, with what changed.
    const adjusted = current.content.goals[1];
    await e.patch(`/api/goals/${adjusted.id}`, {
      targetDate: '2026-11-30',
      measure: 'Coördineert zelfstandig het onthaal van nieuwe collega’s',
      version: adjusted.version,
    });
    await fire(m, plan.id, 'approve');
    const v2 = await fire(e, plan.id, 'approve');
    expect(v2).toMatchObject({ approvedVersion: 2, revisionOpen: false });
    const diff = (await m.get(`/api/plans/${plan.id}/versions/1/diff/2`)).json();
    expect(diff.goals.changed).toEqual([
      {
        id: responsibility.id,
        title: 'Meer verantwoordelijkheid opnemen',
        changes: [
          { field: 'targetDate', from: null, to: '2026-11-30' },
          { field: 'measure', from: null, to: 'Coördineert zelfstandig het onthaal van nieuwe collega’s' },
        ],
      },
    ]);
    expect((await m.get(`/api/plans/${plan.id}/versions/1`)).json().snapshot.goals[1].targetDate).toBeNull();

    // Evaluation by both, per goal and with the three questions; then the plan closes.
    await later('2026-12-10T09:00:00.000Z');
    await fire(m, plan.id, 'start_evaluation');
    current = (await e.get(`/api/plans/${plan.id}`)).json();
    await e.patch(`/api/goals/${goal1.id}`, {
      evaluationResult: 'reached',
      version: current.content.goals[0].version,
    });
    await m.patch(`/api/goals/${adjusted.id}`, {
      evaluationResult: 'partly',
      evaluationNote: 'Onthaal loopt, coördinatie nog niet.',
      version: current.content.goals[1].version,
    });
    const employeeEvaluation = current.content.evaluations.employee;
    const savedEvaluation = await e.put(`/api/plans/${plan.id}/evaluations/mine`, {
      goalsReached: 'Conflicten: ja. Verantwoordelijkheid: deels.',
      effectOnFunctioning: 'Ik blijf rustiger bij bezoek.',
      effectOnCareer: 'Ik wil naar een rol als aanspreekpunt.',
      version: employeeEvaluation.version,
    });
    expect(savedEvaluation.statusCode, savedEvaluation.body).toBe(200);
    await e.post(`/api/plans/${plan.id}/evaluations/mine/submit`, {
      version: savedEvaluation.json().version,
    });
    const closeTooSoon = await e.post(`/api/plans/${plan.id}/events`, {
      event: 'close',
      version: (await e.get(`/api/plans/${plan.id}`)).json().version,
    });
    expect(closeTooSoon.statusCode).toBe(409);
    const managerView = (await m.get(`/api/plans/${plan.id}`)).json();
    expect(managerView.content.evaluations.employee.effectOnCareer).toBe(
      'Ik wil naar een rol als aanspreekpunt.',
    );
    const managerEvaluation = await m.put(`/api/plans/${plan.id}/evaluations/mine`, {
      goalsReached: 'Eerste doel bereikt, tweede deels.',
      effectOnFunctioning: 'Merkbaar rustiger.',
      effectOnCareer: 'Klaar voor meer verantwoordelijkheid.',
      version: managerView.content.evaluations.manager.version,
    });
    await m.post(`/api/plans/${plan.id}/evaluations/mine/submit`, {
      version: managerEvaluation.json().version,
    });
    const closed = await fire(e, plan.id, 'close');
    expect(closed).toMatchObject({
      phase: 'closed',
      evaluationComplete: true,
      closedAt: '2026-12-10T09:00:00.000Z',
    });

    // The next cycle takes the unfinished goal and its open action along, and the two plans are linked.
    const options = (await m.get(`/api/plans/${plan.id}/carry-over`)).json();
    expect(options.goals).toEqual([
      {
        id: responsibility.id,
        title: 'Meer verantwoordelijkheid opnemen',
        evaluationResult: 'partly',
        actions: [
          { id: coachingAction.id, description: 'Interne coaching door collega', status: 'in_progress' },
        ],
      },
    ]);
    const next = await m.post('/api/plans', {
      employeeId: employee.id,
      previousPlanId: plan.id,
      carryGoalIds: [responsibility.id],
      carryActionIds: [coachingAction.id],
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({
      previousPlanId: plan.id,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      phase: 'preparation',
    });
    expect(next.json().content.goals).toMatchObject([
      {
        title: 'Meer verantwoordelijkheid opnemen',
        carriedFromGoalId: responsibility.id,
        targetDate: null,
        actions: [
          {
            description: 'Interne coaching door collega',
            status: 'planned',
            carriedFromActionId: coachingAction.id,
            supportCoach: 'Aanstelling coach',
          },
        ],
      },
    ]);
    expect((await e.get(`/api/plans/${plan.id}`)).json().nextPlanId).toBe(next.json().id);
    const list = (await e.get('/api/plans')).json();
    expect(list.items.map((p: { phase: string }) => p.phase)).toEqual(['preparation', 'closed']);
  });
});
