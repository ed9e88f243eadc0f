import { expect, it } from 'vitest';
import { type Client, describeEachDatabase } from '../support/harness.js';

const fire = async (c: Client, id: string, event: string) => {
  const { version } = (await c.get(`/api/plans/${id}`)).json();
  const response = await c.post(`/api/plans/${id}/events`, { event, version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describeEachDatabase('revisions of an approved POP', (h) => {
  it('puts the approved version back when a revision is discarded', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    await fire(e, plan.id, 'start_conversation');
    const goal = (
      await m.post(`/api/plans/${plan.id}/goals`, { title: 'Plannen', targetDate: '2026-06-30' })
    ).json();
    const action = (
      await m.post(`/api/goals/${goal.id}/actions`, {
        type: 'course',
        description: 'Vorming timemanagement',
        timing: { kind: 'date', date: '2026-04-10' },
      })
    ).json();
    await fire(e, plan.id, 'approve');
    const approved = await fire(m, plan.id, 'approve');
    const approvals = [approved.employeeApprovedAt, approved.managerApprovedAt];
    const progress = await e.patch(`/api/actions/${action.id}/progress`, {
      status: 'in_progress',
      version: action.version,
    });
    expect(progress.statusCode).toBe(200);

    // Open a revision and change everything; progress cannot be kept meanwhile.
    await fire(e, plan.id, 'start_revision');
    const during = await e.patch(`/api/actions/${action.id}/progress`, {
      status: 'done',
      version: progress.json().version,
    });
    expect(during.statusCode).toBe(409);
    const current = (await m.get(`/api/goals/${goal.id}`)).json();
    await m.patch(`/api/goals/${goal.id}`, { title: 'Anders plannen', version: current.version });
    await m.post(`/api/plans/${plan.id}/goals`, { title: 'Nieuw doel' });
    await m.delete(`/api/actions/${action.id}?version=${progress.json().version}`);
    const { version } = (await m.get(`/api/plans/${plan.id}`)).json();
    await m.patch(`/api/plans/${plan.id}`, { facilities: 'Iets nieuws', version });

    const discarded = await fire(m, plan.id, 'discard_revision');
    expect(discarded).toMatchObject({
      phase: 'approved',
      revisionOpen: false,
      approvedVersion: 1,
      employeeApprovedAt: approvals[0],
      managerApprovedAt: approvals[1],
    });
    expect(discarded.content.facilities).toBeNull();
    expect(
      discarded.content.goals.map(
        (g: { id: string; title: string; actions: Array<{ id: string; description: string }> }) => [
          g.id,
          g.title,
          g.actions.map((a) => [a.id, a.description]),
        ],
      ),
    ).toEqual([[goal.id, 'Plannen', [[action.id, 'Vorming timemanagement']]]]);
    expect(discarded.versions).toHaveLength(1);
    // Back in the execution: progress again, and the agreed content is frozen.
    const restored = discarded.content.goals[0].actions[0];
    expect(
      (await e.patch(`/api/actions/${action.id}/progress`, { status: 'done', version: restored.version }))
        .statusCode,
    ).toBe(200);
    expect((await m.post(`/api/plans/${plan.id}/goals`, { title: 'Nog een' })).statusCode).toBe(409);
  });

  it('keeps the parties’ own lists of talking points and follow-ups tidy', async () => {
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'] });
    const employee = await h.createPerson(org.id, { managerId: manager.id });
    const m = await h.login(manager);
    const e = await h.login(employee);
    const plan = (await m.post('/api/plans', { employeeId: employee.id })).json();
    const first = (await e.post(`/api/plans/${plan.id}/talking-points`, { text: 'Eerste' })).json();
    const second = (await e.post(`/api/plans/${plan.id}/talking-points`, { text: 'Tweede' })).json();
    expect([first.position, second.position]).toEqual([0, 1]);
    const moved = await e.patch(`/api/plans/${plan.id}/talking-points/${second.id}`, {
      position: 0,
      text: 'Tweede, herschreven',
      version: 1,
    });
    expect(moved.json()).toMatchObject({ position: 0, text: 'Tweede, herschreven', version: 2 });
    expect((await e.delete(`/api/plans/${plan.id}/talking-points/${first.id}?version=1`)).statusCode).toBe(
      200,
    );
    expect((await m.delete(`/api/plans/${plan.id}/talking-points/${second.id}?version=2`)).statusCode).toBe(
      404,
    );
    const points = (await e.get(`/api/plans/${plan.id}`)).json().talkingPoints.employee;
    expect(points.map((p: { text: string }) => p.text)).toEqual(['Tweede, herschreven']);

    // Follow-ups are planned from the conversation on; one that took place stays.
    expect((await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-01' })).statusCode).toBe(
      409,
    );
    await fire(m, plan.id, 'start_conversation');
    const followUp = (await m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-06-01' })).json();
    const moveIt = await e.patch(`/api/follow-ups/${followUp.id}`, {
      plannedDate: '2026-06-08',
      version: followUp.version,
    });
    expect(moveIt.json().plannedDate).toBe('2026-06-08');
    const heldTooEarly = await e.patch(`/api/follow-ups/${followUp.id}`, {
      held: true,
      version: moveIt.json().version,
    });
    expect(heldTooEarly.statusCode).toBe(409);
    expect(
      (await e.delete(`/api/follow-ups/${followUp.id}?version=${moveIt.json().version}`)).statusCode,
    ).toBe(200);
    expect((await m.get(`/api/plans/${plan.id}`)).json().content.followUps).toEqual([]);
  });
});
