import { expect } from 'vitest';
import type { Client, Harness, TestPerson } from './harness.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every uuid in a JSON value. */
export function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && uuidPattern.test(value)) into.add(value);
  else if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) idsIn(v, into);
  return into;
}

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers
  return r.json() as any;
}

async function fire(client: Client, planId: string, event: string) {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

/** A plan in gesprek with a talking point, a goal with an action and a follow-up; answers the plan's ids. */
async function planInConversation(starter: Client, manager: Client, employee: Client, employeeId: string) {
  const plan = await ok(starter.post('/api/plans', { employeeId }), 201);
  await ok(employee.post(`/api/plans/${plan.id}/talking-points`, { text: 'Werkdruk bespreken' }), 201);
  await fire(manager, plan.id, 'start_conversation');
  const goal = await ok(
    manager.post(`/api/plans/${plan.id}/goals`, { title: 'Beter plannen', horizon: 'short' }),
    201,
  );
  await ok(
    manager.post(`/api/goals/${goal.id}/actions`, {
      type: 'training',
      description: 'Opleiding timemanagement',
    }),
    201,
  );
  await ok(manager.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-09-15' }), 201);
  return plan.id as string;
}

export interface FuzzWorld {
  hr: TestPerson;
  employee: TestPerson;
  /** Ids of the organisation's data, without the two callers' own person ids. */
  ownIds: string[];
  foreignIds: string[];
}

/**
 * One organisation with data behind every kind of id (people, a team, plans in gesprek with goals, actions,
 * talking points, follow-ups, templates, action types) and a second organisation whose ids must stay out of reach.
 * The callers are the beheerder (also HR) and an employee who is a party to a plan.
 */
export async function seedFuzzWorld(h: Harness): Promise<FuzzWorld> {
  const org = await h.createOrganisation();
  const manager = await h.createPerson(org.id, { roles: ['employee', 'manager'], firstName: 'Katrien' });
  const employee = await h.createPerson(org.id, { managerId: manager.id, firstName: 'Zoë' });
  const reportOfHr = await h.createPerson(org.id, { managerId: org.admin.id, firstName: 'Lars' });
  await h.createTeam(org.id, { managerId: manager.id, name: 'Woonvorm De Linde' });
  const hr = await h.login(org.admin);
  const m = await h.login(manager);
  const e = await h.login(employee);
  const r = await h.login(reportOfHr);
  const p1 = await planInConversation(hr, m, e, employee.id);
  const p2 = await planInConversation(hr, hr, r, reportOfHr.id);

  const own = new Set<string>();
  for (const url of [
    '/api/people',
    '/api/teams',
    '/api/templates',
    '/api/action-types',
    '/api/competencies',
    '/api/functions',
    '/api/plans',
    `/api/plans/${p1}`,
    `/api/plans/${p2}`,
  ]) {
    const response = await hr.get(url);
    if (response.statusCode === 200) idsIn(response.json(), own);
  }
  idsIn((await e.get(`/api/plans/${p1}`)).json(), own);
  own.delete(org.admin.id);
  own.delete(employee.id);
  own.delete(org.id);

  const other = await h.createOrganisation();
  const otherManager = await h.createPerson(other.id, { roles: ['employee', 'manager'] });
  const otherEmployee = await h.createPerson(other.id, { managerId: otherManager.id });
  const om = await h.login(otherManager);
  const oe = await h.login(otherEmployee);
  const oa = await h.login(other.admin);
  const op = await planInConversation(oa, om, oe, otherEmployee.id);
  const foreign = idsIn((await om.get(`/api/plans/${op}`)).json());
  idsIn((await oa.get('/api/people')).json(), foreign);
  foreign.add(other.id);

  return { hr: org.admin, employee, ownIds: [...own], foreignIds: [...foreign] };
}
