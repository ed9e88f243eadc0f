import { randomUUID } from 'node:crypto';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { hashToken, newToken } from '../../src/server/security/tokens.js';
import type { ActorKey, ObjectKind, Relation, SecretClass } from './authz-matrix.js';
import { type Client, type Harness, type TestPerson, waitForImport } from './harness.js';

/**
 * The world of the authorisation matrix and the privacy-marker test: two organisations, and in the first one the
 * people every column of the matrix stands for, with objects behind every kind of id.
 *
 * Organisation A:
 * - team "Wonen" led by manager M, with employees E and E2 (M is their direct manager);
 * - team "Atelier" led by manager M2, with employee F;
 * - HR (HR role only) and a beheerder (admin role only); the organisation's first beheerder (admin + HR) sets up;
 * - E's plan (`plan`): approved as version 1 with a goal, an action with a comment, a follow-up with notes and
 *   a conversation date, then a revision opened, so content is editable and versions exist; both parties answered
 *   their preparation privately and have an unshared talking point;
 * - E2's plan (`draftPlan`): in voorbereiding, both parties answered privately and have an unshared talking point;
 * - F's plan, managed by M2; catalogue objects (function, competency, template, action type, funding source,
 *   budget), an import job started by HR, a notification of E, a failed email in the outbox, E's calendar feed.
 * Organisation B: its beheerder (admin + HR) is the "other organisation" column; a manager and an employee with a
 * plan in gesprek give ids that organisation A must not reach.
 *
 * Every id and every piece of text that only some people may see is registered as a secret with its owner (E or
 * E2) and its class, so a test can look for it in any answer.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers of many routes
type Json = any;

export interface Secret {
  owner: 'E' | 'E2';
  cls: SecretClass;
  value: string;
  label: string;
}

export interface WorldOptions {
  /** Text planted in the private preparation answers and talking points (default: a random token per item). */
  privateText?: (label: string) => string;
}

export interface AuthzWorld {
  h: Harness;
  orgA: { id: string; superAdmin: TestPerson };
  orgB: { id: string };
  people: Record<'E' | 'E2' | 'M' | 'M2' | 'F' | 'HR' | 'AD' | 'B' | 'invitee' | 'tokenHolder', TestPerson>;
  /** One signed-in client per person who acts in the matrix, plus the set-up client of organisation A. */
  clients: Record<'E' | 'E2' | 'M' | 'M2' | 'HR' | 'AD' | 'B' | 'superAdmin', Client>;
  ids: {
    plan: string;
    draftPlan: string;
    otherTeamPlan: string;
    goal: string;
    action: string;
    followUp: string;
    /** The talking points of the owner and of the manager on each plan. */
    planPoints: { owner: string; manager: string };
    draftPoints: { owner: string; manager: string };
    team: string;
    otherTeam: string;
    function: string;
    competency: string;
    template: string;
    actionType: string;
    fundingSource: string;
    budget: string;
    importJob: string;
    notification: string;
    outboxEmail: string;
    feedToken: string;
  };
  /** Organisation B's ids of the same kinds, for requests from organisation A that must find nothing. */
  foreign: {
    plan: string;
    goal: string;
    action: string;
    followUp: string;
    talkingPoint: string;
    person: string;
    team: string;
    function: string;
    competency: string;
    template: string;
    fundingSource: string;
  };
  secrets: Secret[];
  /** Organisation B's data (ids, names, a goal title): nobody of organisation A may read any of it. */
  foreignSecrets: { label: string; value: string }[];
  /** Whether a party shared its preparation on each plan (sharing makes its private class visible to the other). */
  shared: { E: { owner: boolean; manager: boolean }; E2: { owner: boolean; manager: boolean } };
  hrSeesPlanContent: boolean;
  /** Re-signs a person in when a route ended or replaced their session. */
  relogin(key: keyof AuthzWorld['clients']): Promise<void>;
  /** A live invitation/reset token of the token holder (a person who has nothing to do with the plans). */
  authToken(): Promise<string>;
  /** Every registered secret value (ids and texts), for "no data at all" checks. */
  allSecretValues(): string[];
}

export const tokenOf = (label: string): string => `Zq${label}${randomUUID().replace(/-/g, '').slice(0, 10)}`;

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await response;
  if (r.statusCode !== status)
    throw new Error(`world set-up: expected ${status}, got ${r.statusCode} ${r.body}`);
  return r.json() as Json;
}

async function fire(client: Client, planId: string, event: string) {
  const plan = await ok(client.get(`/api/plans/${planId}`));
  return ok(client.post(`/api/plans/${planId}/events`, { event, version: plan.version }));
}

async function answerPreparation(client: Client, planId: string, text: string) {
  const prep = await ok(client.get(`/api/plans/${planId}/preparations/mine`));
  const answers = Object.fromEntries(
    (prep.questions as Array<{ id: string }>).map((q, i) => [q.id, `${text} ${i}`]),
  );
  return ok(client.put(`/api/plans/${planId}/preparations/mine`, { answers, version: prep.version }));
}

export async function buildAuthzWorld(h: Harness, options: WorldOptions = {}): Promise<AuthzWorld> {
  h.clock.set('2026-03-02T08:00:00.000Z');
  const secrets: Secret[] = [];
  const secret = (owner: 'E' | 'E2', cls: SecretClass, label: string, value: string) => {
    secrets.push({ owner, cls, label, value });
    return value;
  };
  const privateText = options.privateText ?? tokenOf;

  // Organisation A and its people.
  const a = await h.createOrganisation({ name: 'Autorisatie vzw A' });
  const superAdmin = await h.login(a.admin);
  const M = await h.createPerson(a.id, {
    roles: ['employee', 'manager'],
    firstName: 'Mona',
    lastName: 'Maes',
  });
  const M2 = await h.createPerson(a.id, {
    roles: ['employee', 'manager'],
    firstName: 'Mathias',
    lastName: 'Mertens',
  });
  const team = await h.createTeam(a.id, { name: 'Wonen', managerId: M.id });
  const otherTeam = await h.createTeam(a.id, { name: 'Atelier', managerId: M2.id });
  const fn = await ok(superAdmin.post('/api/functions', { name: 'Begeleider' }), 201);
  const competency = await ok(superAdmin.post('/api/competencies', { name: 'Samenwerken' }), 201);
  const eLast = tokenOf('NameE');
  const e2Last = tokenOf('NameEtwo');
  const E = await h.createPerson(a.id, {
    firstName: 'Emma',
    lastName: eLast,
    managerId: M.id,
    teamId: team.id,
    functionId: fn.id,
  });
  const E2 = await h.createPerson(a.id, {
    firstName: 'Ewout',
    lastName: e2Last,
    managerId: M.id,
    teamId: team.id,
  });
  const F = await h.createPerson(a.id, { firstName: 'Fien', managerId: M2.id, teamId: otherTeam.id });
  const HR = await h.createPerson(a.id, {
    roles: ['employee', 'hr'],
    firstName: 'Hilde',
    lastName: 'Hermans',
  });
  const AD = await h.createPerson(a.id, {
    roles: ['employee', 'admin'],
    firstName: 'Arne',
    lastName: 'Aerts',
  });
  const tokenHolder = await h.createPerson(a.id, { firstName: 'Tom', lastName: 'Tokens' });
  const invitee = await ok(
    superAdmin.post('/api/people', {
      firstName: 'Ines',
      lastName: 'Uitgenodigd',
      email: `ines-${randomUUID().slice(0, 8)}@example.org`,
      managerId: M.id,
      teamId: team.id,
    }),
    201,
  );
  for (const [owner, person, last] of [
    ['E', E, eLast],
    ['E2', E2, e2Last],
  ] as const) {
    secret(owner, 'person', 'person id', person.id);
    secret(owner, 'person', 'last name', last);
    secret(owner, 'person', 'email', person.email);
  }

  // Organisation B.
  const b = await h.createOrganisation({ name: 'Andere vzw B' });
  const bAdmin = await h.login(b.admin);
  const bManager = await h.createPerson(b.id, { roles: ['employee', 'manager'] });
  const bTeam = await h.createTeam(b.id, { name: 'Team B', managerId: bManager.id });
  const bLast = tokenOf('NameB');
  const bEmployee = await h.createPerson(b.id, { lastName: bLast, managerId: bManager.id, teamId: bTeam.id });

  const clients = {
    E: await h.login(E),
    E2: await h.login(E2),
    M: await h.login(M),
    M2: await h.login(M2),
    HR: await h.login(HR),
    AD: await h.login(AD),
    B: bAdmin,
    superAdmin,
  };
  const m = clients.M;
  const e = clients.E;

  // E's plan: through the conversation and approval, then a revision.
  const plan = await ok(
    m.post('/api/plans', { employeeId: E.id, conversationAt: '2026-03-20T10:00:00+01:00' }),
    201,
  );
  secret('E', 'plan', 'plan id', plan.id);
  await answerPreparation(
    e,
    plan.id,
    secret('E', 'ownerPrivate', 'plan: owner answers', privateText('PrepE')),
  );
  await answerPreparation(
    m,
    plan.id,
    secret('E', 'managerPrivate', 'plan: manager answers', privateText('PrepM')),
  );
  const planOwnerPoint = await ok(
    e.post(`/api/plans/${plan.id}/talking-points`, {
      text: secret('E', 'ownerPrivate', 'plan: owner point', privateText('PointE')),
    }),
    201,
  );
  const planManagerPoint = await ok(
    m.post(`/api/plans/${plan.id}/talking-points`, {
      text: secret('E', 'managerPrivate', 'plan: manager point', privateText('PointM')),
    }),
    201,
  );
  secret('E', 'ownerPrivate', 'plan: owner point id', planOwnerPoint.id);
  secret('E', 'managerPrivate', 'plan: manager point id', planManagerPoint.id);
  await fire(m, plan.id, 'start_conversation');
  const inConversation = await ok(m.get(`/api/plans/${plan.id}`));
  await ok(
    m.patch(`/api/plans/${plan.id}`, {
      facilities: secret('E', 'content', 'facilities', tokenOf('Facilities')),
      evaluationDate: '2026-12-15',
      version: inConversation.version,
    }),
  );
  const goal = await ok(
    m.post(`/api/plans/${plan.id}/goals`, {
      title: secret('E', 'content', 'goal title', tokenOf('GoalTitle')),
      horizon: 'short',
    }),
    201,
  );
  secret('E', 'content', 'goal id', goal.id);
  const action = await ok(
    m.post(`/api/goals/${goal.id}/actions`, {
      type: 'training',
      description: secret('E', 'training', 'action description', tokenOf('ActionText')),
      hours: 8,
      cost: 250,
      timing: { kind: 'date', date: '2026-06-15' },
    }),
    201,
  );
  secret('E', 'training', 'action id', action.id);
  const followUp = await ok(m.post(`/api/plans/${plan.id}/follow-ups`, { plannedDate: '2026-09-15' }), 201);
  secret('E', 'content', 'follow-up id', followUp.id);
  await fire(e, plan.id, 'approve');
  await fire(m, plan.id, 'approve');
  const heldFollowUp = await ok(m.get(`/api/plans/${plan.id}`));
  const fu = heldFollowUp.content.followUps.find((f: { id: string }) => f.id === followUp.id);
  await ok(
    m.patch(`/api/follow-ups/${followUp.id}`, {
      notes: secret('E', 'content', 'follow-up notes', tokenOf('FollowUpNotes')),
      version: fu.version,
    }),
  );
  await ok(
    e.post(`/api/actions/${action.id}/comments`, {
      text: secret('E', 'content', 'action comment', tokenOf('Comment')),
    }),
    201,
  );
  await fire(e, plan.id, 'start_revision');

  // E2's plan, in voorbereiding.
  const draftPlan = await ok(m.post('/api/plans', { employeeId: E2.id }), 201);
  secret('E2', 'plan', 'plan id', draftPlan.id);
  await answerPreparation(
    clients.E2,
    draftPlan.id,
    secret('E2', 'ownerPrivate', 'draft: owner answers', privateText('PrepEtwo')),
  );
  await answerPreparation(
    m,
    draftPlan.id,
    secret('E2', 'managerPrivate', 'draft: manager answers', privateText('PrepMtwo')),
  );
  const draftOwnerPoint = await ok(
    clients.E2.post(`/api/plans/${draftPlan.id}/talking-points`, {
      text: secret('E2', 'ownerPrivate', 'draft: owner point', privateText('PointEtwo')),
    }),
    201,
  );
  const draftManagerPoint = await ok(
    m.post(`/api/plans/${draftPlan.id}/talking-points`, {
      text: secret('E2', 'managerPrivate', 'draft: manager point', privateText('PointMtwo')),
    }),
    201,
  );
  secret('E2', 'ownerPrivate', 'draft: owner point id', draftOwnerPoint.id);
  secret('E2', 'managerPrivate', 'draft: manager point id', draftManagerPoint.id);

  // F's plan in the other team.
  const otherTeamPlan = await ok(clients.M2.post('/api/plans', { employeeId: F.id }), 201);

  // Shared objects of organisation A.
  const templates = await ok(clients.HR.get('/api/templates'));
  const template = (templates.items as Array<{ id: string }>)[0]!;
  const actionType = await ok(clients.HR.post('/api/action-types', { nameNl: 'Intervisie' }), 201);
  const fundingSource = await ok(
    clients.HR.post('/api/funding-sources', { name: 'VIVO-budget', kind: 'vivo' }),
    201,
  );
  const budget = await ok(
    clients.HR.post('/api/budgets', { year: 2026, teamId: team.id, amount: 5000, fundingSourceId: null }),
    201,
  );
  const started = await ok(
    clients.HR.post('/api/people/import', {
      filename: 'mensen.csv',
      content: `voornaam;achternaam;e-mail\nIris;Import;iris-${randomUUID().slice(0, 8)}@example.org\n`,
    }),
    202,
  );
  await waitForImport(clients.HR, started.id);

  // A failed email in the outbox: an invitation while the mail server refuses.
  h.smtp.rejecting = true;
  await ok(superAdmin.post(`/api/people/${invitee.id}/invitation`));
  h.smtp.rejecting = false;
  const outbox = await ok(superAdmin.get('/api/admin/outbox'));
  const failed = (outbox.items as Array<{ id: string; to: string; status: string }>).find(
    (i) => i.to === invitee.email,
  );
  if (!failed) throw new Error('world set-up: the invitation is not in the outbox');

  // Notifications and calendar.
  await createJobRunner(h.ctx, { intervalSeconds: 0 }).runOnce();
  const notifications = await ok(e.get('/api/notifications'));
  const notification = (notifications.items as Array<{ id: string }>)[0];
  if (!notification) throw new Error('world set-up: E has no notification');
  const feed = await ok(e.post('/api/calendar/feed'), 201);
  const feedToken = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(feed.url as string)?.[1];
  if (!feedToken) throw new Error(`world set-up: no feed token in ${feed.url}`);

  // Organisation B's plan in gesprek with a goal, an action, a follow-up and a talking point.
  const bm = await h.login(bManager);
  const be = await h.login(bEmployee);
  const bPlan = await ok(bm.post('/api/plans', { employeeId: bEmployee.id }), 201);
  const bPoint = await ok(be.post(`/api/plans/${bPlan.id}/talking-points`, { text: 'Werkdruk' }), 201);
  await fire(bm, bPlan.id, 'start_conversation');
  const bGoalTitle = tokenOf('GoalB');
  const bGoal = await ok(bm.post(`/api/plans/${bPlan.id}/goals`, { title: bGoalTitle }), 201);
  const bAction = await ok(
    bm.post(`/api/goals/${bGoal.id}/actions`, { type: 'training', description: 'Opleiding' }),
    201,
  );
  const bFollowUp = await ok(
    bm.post(`/api/plans/${bPlan.id}/follow-ups`, { plannedDate: '2026-09-15' }),
    201,
  );
  const bFunction = await ok(bAdmin.post('/api/functions', { name: 'Functie B' }), 201);
  const bCompetency = await ok(bAdmin.post('/api/competencies', { name: 'Competentie B' }), 201);
  const bTemplate = ((await ok(bAdmin.get('/api/templates'))).items as Array<{ id: string }>)[0]!;
  const bSource = await ok(bAdmin.post('/api/funding-sources', { name: 'Bron B', kind: 'own' }), 201);

  for (const [label, id] of [
    ['organisation id', a.id],
    ['team id', team.id],
    ['other team id', otherTeam.id],
    ['function id', fn.id],
    ['competency id', competency.id],
    ['action type id', actionType.id],
    ['funding source id', fundingSource.id],
    ['budget id', budget.id],
  ] as const)
    secret('E', 'organisation', label, id);

  const people = {
    E,
    E2,
    M,
    M2,
    F,
    HR,
    AD,
    B: b.admin,
    invitee: { id: invitee.id as string, email: invitee.email as string, password: '', organisationId: a.id },
    tokenHolder,
  };
  const world: AuthzWorld = {
    h,
    orgA: { id: a.id, superAdmin: a.admin },
    orgB: { id: b.id },
    people,
    clients,
    ids: {
      plan: plan.id,
      draftPlan: draftPlan.id,
      otherTeamPlan: otherTeamPlan.id,
      goal: goal.id,
      action: action.id,
      followUp: followUp.id,
      planPoints: { owner: planOwnerPoint.id, manager: planManagerPoint.id },
      draftPoints: { owner: draftOwnerPoint.id, manager: draftManagerPoint.id },
      team: team.id,
      otherTeam: otherTeam.id,
      function: fn.id,
      competency: competency.id,
      template: template.id,
      actionType: actionType.id,
      fundingSource: fundingSource.id,
      budget: budget.id,
      importJob: started.id,
      notification: notification.id,
      outboxEmail: failed.id,
      feedToken,
    },
    foreign: {
      plan: bPlan.id,
      goal: bGoal.id,
      action: bAction.id,
      followUp: bFollowUp.id,
      talkingPoint: bPoint.id,
      person: bEmployee.id,
      team: bTeam.id,
      function: bFunction.id,
      competency: bCompetency.id,
      template: bTemplate.id,
      fundingSource: bSource.id,
    },
    secrets,
    foreignSecrets: [
      { label: 'organisation id', value: b.id },
      { label: 'person id', value: bEmployee.id },
      { label: 'last name', value: bLast },
      { label: 'team id', value: bTeam.id },
      { label: 'plan id', value: bPlan.id },
      { label: 'goal id', value: bGoal.id },
      { label: 'goal title', value: bGoalTitle },
    ],
    shared: { E: { owner: false, manager: false }, E2: { owner: false, manager: false } },
    hrSeesPlanContent: false,
    async relogin(key) {
      const person = key === 'superAdmin' ? a.admin : people[key];
      world.clients[key] = await h.login(person);
    },
    async authToken() {
      const token = newToken();
      const now = h.clock.now();
      await h.ctx.database.db
        .insertInto('auth_tokens')
        .values({
          id: randomUUID(),
          token_hash: hashToken(token),
          organisation_id: a.id,
          person_id: tokenHolder.id,
          purpose: 'reset',
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
          used_at: null,
        })
        .execute();
      return token;
    },
    allSecretValues: () => [...secrets.map((s) => s.value), ...world.foreignSecrets.map((s) => s.value)],
  };
  return world;
}

/** The person behind each column of the matrix, for a row whose object belongs to E or to E2. */
export function personOf(actor: ActorKey, owner: 'E' | 'E2'): keyof AuthzWorld['clients'] | null {
  switch (actor) {
    case 'anonymous':
      return null;
    case 'owner':
      return owner;
    case 'colleague':
      return owner === 'E' ? 'E2' : 'E';
    case 'manager':
      return 'M';
    case 'otherManager':
      return 'M2';
    case 'hr':
      return 'HR';
    case 'admin':
      return 'AD';
    case 'otherOrg':
      return 'B';
  }
}

/** How a signed-in person (or nobody) relates to the owner of a secret. */
export function relationTo(person: keyof AuthzWorld['clients'] | null, owner: 'E' | 'E2'): Relation {
  switch (person) {
    case null:
      return 'anonymous';
    case 'E':
    case 'E2':
      return person === owner ? 'owner' : 'colleague';
    case 'M':
      return 'manager';
    case 'M2':
      return 'otherManager';
    case 'HR':
      return 'hr';
    case 'AD':
      return 'admin';
    case 'B':
      return 'otherOrg';
    case 'superAdmin':
      return 'hr';
  }
}

/** The path values of an object kind in organisation A (`id` and the other names a path may use). */
export function pathValues(w: AuthzWorld, object: ObjectKind): Record<string, string> {
  const ids = w.ids;
  const byObject: Partial<Record<ObjectKind, string>> = {
    plan: ids.plan,
    draftPlan: ids.draftPlan,
    draftPoint: ids.draftPlan,
    goal: ids.goal,
    action: ids.action,
    followUp: ids.followUp,
    person: w.people.E.id,
    invitee: w.people.invitee.id,
    team: ids.team,
    function: ids.function,
    competency: ids.competency,
    template: ids.template,
    actionType: ids.actionType,
    fundingSource: ids.fundingSource,
    budget: ids.budget,
    notification: ids.notification,
    outboxEmail: ids.outboxEmail,
  };
  const id = byObject[object];
  return {
    ...(id ? { id } : {}),
    pointId: ids.draftPoints.owner,
    followUpId: ids.followUp,
    jobId: ids.importJob,
    token: ids.feedToken,
    year: '2026',
    number: '1',
    a: '1',
    b: '1',
    kind: 'conversation',
    key: 'draft_to_council',
  };
}
