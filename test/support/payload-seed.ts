import { ApiClient } from './api-client.js';
import { allPayloads, clip, type Payload, payloads } from './payloads.js';

/**
 * Seeds the hostile-text corpus (test/support/payloads.ts) into the demo organisation of a running server
 * (`node dist/server/server/main.js --demo`, as e2e/support/server.ts starts it), through the real API, so that a
 * browser test can load the pages and check that nothing runs and every payload shows as plain text.
 *
 * What it writes: one person per payload (names), managed by the demo leidinggevende, of whom the first gets an
 * account (through the invitation in the outbox) and a POP with a planned conversation that goes through
 * voorbereiding (answers and talking points of both parties, shared), gesprek (notes, a goal per payload with an
 * action and a comment) and approval (a follow-up with notes). Usage in an e2e test:
 *
 *   const seeded = await seedPayloadOrganisation(server.url);
 *   // sign in as seeded.logins.manager, visit each of seeded.pages, assert window.__pwned is undefined and
 *   // that seeded.payloads' values are visible as text.
 */
export const DEMO_PASSWORD = 'Groeipad-Demo-2026';
const demo = {
  admin: 'annelies.goossens@debrug.example',
  hr: 'sofie.maes@debrug.example',
  manager: 'katrien.vandenbroeck@debrug.example',
};
const EMPLOYEE_PASSWORD = 'Payload-Proef-Wachtwoord-2026';

export interface SeededPayloads {
  payloads: readonly Payload[];
  logins: Record<'admin' | 'hr' | 'manager' | 'employee', { email: string; password: string }>;
  planId: string;
  personIds: string[];
  /** Web app pages that show the payloads (paths on the server). */
  pages: { path: string; as: 'admin' | 'hr' | 'manager' | 'employee'; what: string }[];
}

async function signIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  await client.expect(200, 'POST', '/api/auth/login', { email, password });
  return client;
}

async function fire(client: ApiClient, planId: string, event: string): Promise<void> {
  const plan = await client.expect(200, 'GET', `/api/plans/${planId}`);
  await client.expect(200, 'POST', `/api/plans/${planId}/events`, { event, version: plan.version });
}

export async function seedPayloadOrganisation(baseUrl: string): Promise<SeededPayloads> {
  const admin = await signIn(baseUrl, demo.admin, DEMO_PASSWORD);
  const manager = await signIn(baseUrl, demo.manager, DEMO_PASSWORD);
  const managerId = (await manager.expect(200, 'GET', '/api/auth/me')).person.id as string;

  // People named after the payloads; the first one gets an account through the invitation in the outbox.
  const personIds: string[] = [];
  const employeeEmail = 'payload.medewerker@debrug.example';
  for (const [i, p] of payloads.entries()) {
    const person = await admin.expect(201, 'POST', '/api/people', {
      firstName: clip(p.value, 100),
      lastName: clip(p.value, 100),
      email: i === 0 ? employeeEmail : `payload.${i}@debrug.example`,
      managerId,
      invite: i === 0,
    });
    personIds.push(person.id);
  }
  const outbox = await admin.expect(200, 'GET', '/api/admin/outbox');
  const invitation = (outbox.items as Array<{ to: string; text: string }>).find(
    (m) => m.to === employeeEmail,
  );
  const token = invitation && /\/welcome\/([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
  if (!token) throw new Error('the invitation of the payload employee is not in the outbox');
  const employee = new ApiClient(baseUrl);
  await employee.expect(200, 'POST', '/api/auth/tokens', { token, password: EMPLOYEE_PASSWORD });

  // Voorbereiding: answers and talking points of both parties, shared.
  // A planned conversation: the reminder jobs tell the manager about it, with the employee's (payload) name.
  const conversationAt = new Date(Date.now() + 14 * 86_400_000);
  conversationAt.setUTCHours(9, 0, 0, 0);
  const plan = await manager.expect(201, 'POST', '/api/plans', {
    employeeId: personIds[0],
    conversationAt: conversationAt.toISOString(),
  });
  for (const party of [employee, manager]) {
    const prep = await party.expect(200, 'GET', `/api/plans/${plan.id}/preparations/mine`);
    const answers = Object.fromEntries(
      (prep.questions as Array<{ id: string }>).map((q, i) => [
        q.id,
        allPayloads[i % allPayloads.length]!.value,
      ]),
    );
    const saved = await party.expect(200, 'PUT', `/api/plans/${plan.id}/preparations/mine`, {
      answers,
      version: prep.version,
    });
    for (const p of allPayloads)
      await party.expect(201, 'POST', `/api/plans/${plan.id}/talking-points`, { text: p.value });
    await party.expect(200, 'POST', `/api/plans/${plan.id}/preparations/mine/share`, {
      version: saved.version,
    });
  }

  // Gesprek: notes, a goal per payload with an action and a comment.
  await fire(manager, plan.id, 'start_conversation');
  const current = await manager.expect(200, 'GET', `/api/plans/${plan.id}`);
  const steps = Object.keys(current.content.conversationNotes);
  await manager.expect(200, 'PATCH', `/api/plans/${plan.id}`, {
    facilities: allPayloads[0]!.value,
    conversationNotes: Object.fromEntries(
      steps.map((s, i) => [s, allPayloads[i % allPayloads.length]!.value]),
    ),
    version: current.version,
  });
  for (const p of allPayloads) {
    const title = payloads.includes(p) ? clip(p.value, 200) : `Doel: ${p.name}`;
    const goal = await manager.expect(201, 'POST', `/api/plans/${plan.id}/goals`, {
      title,
      description: p.value,
      measure: p.value,
    });
    const action = await manager.expect(201, 'POST', `/api/goals/${goal.id}/actions`, {
      type: 'training',
      description: p.value,
      provider: p.value,
    });
    await employee.expect(201, 'POST', `/api/actions/${action.id}/comments`, { text: p.value });
  }

  // Approval, then an opvolgingsmoment with notes.
  const followUp = await manager.expect(201, 'POST', `/api/plans/${plan.id}/follow-ups`, {
    plannedDate: `${new Date().getUTCFullYear()}-12-15`,
  });
  await fire(employee, plan.id, 'approve');
  await fire(manager, plan.id, 'approve');
  await manager.expect(200, 'PATCH', `/api/follow-ups/${followUp.id}`, {
    notes: allPayloads.map((p) => p.value).join('\n'),
    version: followUp.version,
  });

  return {
    payloads: allPayloads,
    logins: {
      admin: { email: demo.admin, password: DEMO_PASSWORD },
      hr: { email: demo.hr, password: DEMO_PASSWORD },
      manager: { email: demo.manager, password: DEMO_PASSWORD },
      employee: { email: employeeEmail, password: EMPLOYEE_PASSWORD },
    },
    planId: plan.id,
    personIds,
    pages: [
      {
        path: `/plans/${plan.id}`,
        as: 'manager',
        what: 'the POP: preparations, talking points, goals, actions, follow-up',
      },
      { path: `/plans/${plan.id}`, as: 'employee', what: 'the POP as the employee sees it' },
      { path: '/team', as: 'manager', what: 'the team overview with the payload names' },
      { path: '/people', as: 'hr', what: 'the people list' },
      { path: `/people/${personIds[1]}`, as: 'hr', what: 'one person' },
      { path: '/settings/outbox', as: 'admin', what: 'the outbox with the invitation' },
    ],
  };
}
