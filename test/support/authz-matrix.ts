/**
 * The authorisation matrix of the API: for every route of the OpenAPI document (method + path template), the
 * answer each kind of caller gets, as designed in src/shared/policies.ts, src/shared/pop/plan-access.ts and the
 * services. test/integration/authz-matrix.test.ts sends every route as every caller and compares; a route of the
 * document without a row here fails that test.
 *
 * Columns: the callers, relative to the owner of the object the path points at (heading, key in `actorKeys`):
 *   anon  (anonymous)    no session
 *   owner (owner)        the employee who owns the object: E for E's plan and all in it, E2 for `draftPlan`
 *   coll  (colleague)    another employee of the same team and manager (E2 for E's objects, E for E2's)
 *   mgr   (manager)      the owner's manager M, the other party of the plan, who also leads the owner's team
 *   mgr2  (otherManager) M2, a manager of another team of the same organisation
 *   hr    (hr)           a person with the HR role only
 *   admin (admin)        a beheerder without the HR role
 *   org2  (otherOrg)     the beheerder (admin + HR) of another organisation, sending this organisation's ids
 *
 * Cells:
 *   ok    allowed: 2xx (a row may name the statuses an allowed write meets after the access check: `allowAlso`)
 *   401   refused, not signed in (UNAUTHENTICATED)
 *   403   refused, the caller may know the object exists, or the route is a role's (FORBIDDEN); error only
 *   404   refused as if the object did not exist (NOT_FOUND); error only
 *   nf    another organisation's id: 404, exactly as an id that never existed
 *   ref   another organisation's id in the body: 422 with `unknown_reference` on that field, as a made-up id
 *   a|b   HR only: `a` while the organisation keeps plan content from HR (hrSeesPlanContent off, the default),
 *         `b` when it lets HR read plan content
 *
 * Routes that are not bound to an object (`object: none`) answer each caller about their own organisation or
 * themselves; "ok" for the other organisation there means: their own data, none of ours. */

export const actorKeys = [
  'anonymous',
  'owner',
  'colleague',
  'manager',
  'otherManager',
  'hr',
  'admin',
  'otherOrg',
] as const;
export type ActorKey = (typeof actorKeys)[number];
/** How a caller relates to the owner of a piece of data; the same words as the columns. */
export type Relation = ActorKey;

export type Outcome = 'allow' | 'deny401' | 'deny403' | 'deny404' | 'notFound' | 'unknownReference';
export type Cell = Outcome | { hrSeesPlanContent: { off: Outcome; on: Outcome } };

/** What a route's path ids point at. Objects of `draftPlan` and `draftPoint` belong to E2, all others to E. */
export type ObjectKind =
  | 'none'
  | 'plan'
  | 'draftPlan'
  | 'draftPoint'
  | 'goal'
  | 'action'
  | 'followUp'
  | 'person'
  | 'invitee'
  | 'erasable'
  | 'team'
  | 'function'
  | 'competency'
  | 'template'
  | 'actionType'
  | 'fundingSource'
  | 'budget'
  | 'importJob'
  | 'notification'
  | 'outboxEmail'
  | 'authToken'
  | 'feedToken'
  | 'year';

/**
 * Classes of data and who may read them (see `visibleClasses`): a person's record, that a plan exists (its id,
 * phase, dates), the plan's content (goals, actions, agreements, follow-ups, comments), and each party's private
 * preparation (answers and talking points) until that party shares it. `organisation` is the organisation's shared
 * vocabulary (teams, functions, budgets...), readable by its members. `training` is the part of the content that
 * names a training (an action's id and description): whoever reads the content reads it.
 */
export type SecretClass =
  | 'organisation'
  | 'person'
  | 'plan'
  | 'content'
  | 'training'
  | 'ownerPrivate'
  | 'managerPrivate';

export interface VisibilityState {
  ownerShared: boolean;
  managerShared: boolean;
  hrSeesPlanContent: boolean;
}

export function visibleClasses(relation: Relation, state: VisibilityState): SecretClass[] {
  const classes = classesOf(relation, state);
  return classes.includes('content') ? [...classes, 'training'] : classes;
}

function classesOf(relation: Relation, state: VisibilityState): SecretClass[] {
  switch (relation) {
    case 'owner':
      return [
        'organisation',
        'person',
        'plan',
        'content',
        'ownerPrivate',
        ...(state.managerShared ? (['managerPrivate'] as const) : []),
      ];
    case 'manager':
      return [
        'organisation',
        'person',
        'plan',
        'content',
        'managerPrivate',
        ...(state.ownerShared ? (['ownerPrivate'] as const) : []),
      ];
    case 'hr':
      return ['organisation', 'person', 'plan', ...(state.hrSeesPlanContent ? (['content'] as const) : [])];
    case 'admin':
      return ['organisation', 'person'];
    case 'colleague':
    case 'otherManager':
      return ['organisation'];
    case 'otherOrg':
    case 'anonymous':
      return [];
  }
}

export interface Reveal {
  to: readonly Relation[];
  /** A class, or `<class>:ids` for its ids only (never its text). */
  classes: readonly (SecretClass | `${SecretClass}:ids`)[];
  why: string;
}

export interface MatrixRow {
  method: string;
  path: string;
  object: ObjectKind;
  cells: Record<ActorKey, Cell>;
  /** Statuses besides 2xx an allowed caller may get, after the access check passed, and why. */
  allowAlso?: { statuses: readonly number[]; why: string };
  /** Data a route shows on purpose to callers who otherwise may not read it. */
  reveals?: readonly Reveal[];
}

const outcomeOf: Record<string, Outcome> = {
  ok: 'allow',
  '401': 'deny401',
  '403': 'deny403',
  '404': 'deny404',
  nf: 'notFound',
  ref: 'unknownReference',
};

function parseCells(route: string, text: string): Record<ActorKey, Cell> {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length !== actorKeys.length)
    throw new Error(`${route}: ${tokens.length} cells, expected ${actorKeys.length}`);
  const outcome = (token: string): Outcome => {
    const o = outcomeOf[token];
    if (!o) throw new Error(`${route}: unknown cell "${token}"`);
    return o;
  };
  return Object.fromEntries(
    actorKeys.map((actor, i) => {
      const token = tokens[i] as string;
      if (!token.includes('|')) return [actor, outcome(token)];
      if (actor !== 'hr') throw new Error(`${route}: only the hr column depends on hrSeesPlanContent`);
      const [off = '', on = ''] = token.split('|');
      return [actor, { hrSeesPlanContent: { off: outcome(off), on: outcome(on) } }];
    }),
  ) as Record<ActorKey, Cell>;
}

function r(route: string, object: ObjectKind, cells: string, extra: Partial<MatrixRow> = {}): MatrixRow {
  const [method = '', path = ''] = route.split(' ');
  return { method, path, object, cells: parseCells(route, cells), ...extra };
}

const phaseConflict = (why: string) => ({ allowAlso: { statuses: [409], why } });

/** Signing in (with a password or a link) makes the caller that person, of that person's organisation. */
const signedInAs = (to: readonly Relation[]): Reveal => ({
  to,
  classes: ['organisation'],
  why: 'the caller signed in as the person of the credentials or the link, and reads that person’s organisation',
});

/** policies.ts canDeliverLearningAccount: HR's legal duty, whatever the organisation's setting on plan content. */
const learningAccount: Reveal = {
  to: ['hr'],
  classes: ['training'],
  why: 'the federal learning account names each training (Sigedis), HR delivers it whatever the content setting',
};

// biome-ignore format: a table, one route per line, columns aligned
export const authzMatrix: readonly MatrixRow[] = [
  //                                                                      anon owner coll  mgr   mgr2  hr      admin org2
  // System: public.
  r('GET /api/health',                                        'none',    'ok   ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/setup',                                         'none',    'ok   ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/setup',                                        'none',    'ok   ok    ok    ok    ok    ok      ok    ok',
    { allowAlso: { statuses: [409], why: 'the first set-up ran already: SETUP_ALREADY_DONE for everyone' } }),

  // Auth: one's own session and password; links are capabilities of whoever holds them.
  r('POST /api/auth/login',                                   'none',    'ok   ok    ok    ok    ok    ok      ok    ok',
    { reveals: [signedInAs(['anonymous'])] }),
  r('POST /api/auth/logout',                                  'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/auth/me',                                       'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('PATCH /api/auth/me',                                     'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/auth/password',                                'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/auth/password-reset',                          'none',    'ok   ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/auth/tokens/{token}',                           'authToken', 'ok ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/auth/tokens',                                  'authToken', 'ok ok    ok    ok    ok    ok      ok    ok',
    { reveals: [signedInAs(actorKeys)] }),

  // Organisation settings: every member reads them, the beheerder changes them.
  r('GET /api/organisation',                                  'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('PATCH /api/organisation',                                'none',    '401  403   403   403   403   403     ok    ok'),

  // Teams: HR and the beheerder all of them, a manager the teams they lead.
  r('GET /api/teams',                                         'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/teams',                                        'none',    '401  403   403   403   403   ok      ok    ok'),
  r('GET /api/teams/{id}',                                    'team',    '401  404   404   ok    404   ok      ok    nf'),
  r('PATCH /api/teams/{id}',                                  'team',    '401  403   403   403   403   ok      ok    nf'),

  // Functions and competencies: every member reads the vocabulary, HR and the beheerder keep it.
  r('GET /api/functions',                                     'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/functions',                                    'none',    '401  403   403   403   403   ok      ok    ok'),
  r('GET /api/functions/{id}',                                'function', '401 ok    ok    ok    ok    ok      ok    nf'),
  r('PATCH /api/functions/{id}',                              'function', '401 403   403   403   403   ok      ok    nf'),
  r('GET /api/competencies',                                  'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/competencies',                                 'none',    '401  403   403   403   403   ok      ok    ok'),
  r('POST /api/competencies/import/preview',                  'none',    '401  403   403   403   403   ok      ok    ok'),
  r('POST /api/competencies/import',                          'none',    '401  403   403   403   403   ok      ok    ok'),
  r('GET /api/competencies/{id}',                             'competency', '401 ok  ok    ok    ok    ok      ok    nf'),
  r('PATCH /api/competencies/{id}',                           'competency', '401 403 403   403   403   ok      ok    nf'),

  // People: oneself, one's manager, HR and the beheerder read a record; HR and the beheerder change it.
  r('GET /api/people',                                        'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/people',                                       'none',    '401  403   403   403   403   ok      ok    ok'),
  r('POST /api/people/import/preview',                        'none',    '401  403   403   403   403   ok      ok    ok'),
  r('POST /api/people/import',                                'none',    '401  403   403   403   403   ok      ok    ok'),
  r('GET /api/people/{id}',                                   'person',  '401  ok    404   ok    404   ok      ok    nf'),
  r('PATCH /api/people/{id}',                                 'person',  '401  403   403   403   403   ok      ok    nf'),
  // The invitee is a person of E's team without an account (E has one: inviting E answers 409).
  r('POST /api/people/{id}/invitation',                       'invitee', '401  403   403   403   403   ok      ok    nf'),
  // An import's progress belongs to whoever started it (HR here).
  r('GET /api/imports/{jobId}',                               'importJob', '401 404  404   404   404   ok      404   nf'),

  // The outbox holds links for other people: the beheerder only.
  r('GET /api/admin/outbox',                                  'none',    '401  403   403   403   403   403     ok    ok',
    { reveals: [{ to: ['admin'], classes: ['plan:ids'],
      why: 'the beheerder reads the sent emails, which link to plan pages; never their content' }] }),
  r('POST /api/admin/outbox/{id}/retry',                      'outboxEmail', '401 403 403  403   403   403     ok    nf'),

  // Preparation templates: HR keeps them; every member prints a blank one.
  r('GET /api/templates',                                     'none',    '401  403   403   403   403   ok      403   ok'),
  r('POST /api/templates',                                    'none',    '401  403   403   403   403   ok      403   ok'),
  r('PUT /api/templates/assignments',                         'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/templates/{id}',                                'template', '401 403   403   403   403   ok      403   nf'),
  r('PATCH /api/templates/{id}',                              'template', '401 403   403   403   403   ok      403   nf'),
  r('GET /api/templates/{id}/pdf',                            'template', '401 ok    ok    ok    ok    ok      ok    nf'),

  // Kinds of action: every member reads them, HR keeps them.
  r('GET /api/action-types',                                  'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/action-types',                                 'none',    '401  403   403   403   403   ok      403   ok'),
  r('PATCH /api/action-types/{id}',                           'actionType', '401 403 403   403   403   ok      403   nf'),

  // Plans: the two parties; HR sees that a plan exists (and its content as the organisation allows) but never
  // writes; everyone else, the beheerder included, finds nothing.
  r('GET /api/plans',                                         'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  // Starting a plan for E: HR and E's manager pass the access check and meet E's open plan.
  r('POST /api/plans',                                        'person',  '401  403   403   ok    403   ok      403   ref',
    phaseConflict('E has an open plan already (PLAN_ALREADY_OPEN), checked after who may start one')),
  // The batch answers 200 and reports each person it skips; a person the caller may not start for is "not_found".
  r('POST /api/plans/batch',                                  'person',  '401  403   403   ok    ok    ok      403   ok'),
  r('POST /api/plans/requests',                               'none',    '401  ok    ok    ok    ok    ok      ok    ok',
    { allowAlso: { statuses: [409, 422], why: 'asking for one’s own plan: E and E2 have one open, the others have no manager' } }),
  r('GET /api/plans/{id}',                                    'plan',    '401  ok    404   ok    404   ok      404   nf'),
  r('PATCH /api/plans/{id}',                                  'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('POST /api/plans/{id}/events',                            'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('GET /api/plans/{id}/versions/{number}',                  'plan',    '401  ok    404   ok    404   404|ok  404   nf'),
  r('GET /api/plans/{id}/versions/{a}/diff/{b}',              'plan',    '401  ok    404   ok    404   404|ok  404   nf'),
  r('GET /api/plans/{id}/carry-over',                         'plan',    '401  ok    404   ok    404   404|ok  404   nf'),

  // Preparations and talking points: each party its own side only; HR is no party (403).
  r('GET /api/plans/{id}/preparations/mine',                  'draftPlan', '401 ok   404   ok    404   403     404   nf'),
  r('PUT /api/plans/{id}/preparations/mine',                  'draftPlan', '401 ok   404   ok    404   403     404   nf'),
  r('POST /api/plans/{id}/preparations/mine/share',           'draftPlan', '401 ok   404   ok    404   403     404   nf'),
  r('POST /api/plans/{id}/talking-points',                    'draftPlan', '401 ok   404   ok    404   403     404   nf'),
  // The owner's talking point: the manager addresses their own list only, so the owner's point is not found.
  r('PATCH /api/plans/{id}/talking-points/{pointId}',         'draftPoint', '401 ok  404   404   404   403     404   nf'),
  r('DELETE /api/plans/{id}/talking-points/{pointId}',        'draftPoint', '401 ok  404   404   404   403     404   nf'),

  // Content: goals, actions, follow-ups. HR reads them only when the organisation allows, and never writes.
  r('POST /api/plans/{id}/goals',                             'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('GET /api/goals/{id}',                                    'goal',    '401  ok    404   ok    404   404|ok  404   nf'),
  r('PATCH /api/goals/{id}',                                  'goal',    '401  ok    404   ok    404   404|403 404   nf'),
  r('DELETE /api/goals/{id}',                                 'goal',    '401  ok    404   ok    404   404|403 404   nf'),
  r('POST /api/goals/{id}/actions',                           'goal',    '401  ok    404   ok    404   404|403 404   nf'),
  r('GET /api/actions/{id}',                                  'action',  '401  ok    404   ok    404   404|ok  404   nf'),
  r('PATCH /api/actions/{id}',                                'action',  '401  ok    404   ok    404   404|403 404   nf'),
  r('DELETE /api/actions/{id}',                               'action',  '401  ok    404   ok    404   404|403 404   nf'),
  r('PATCH /api/actions/{id}/progress',                       'action',  '401  ok    404   ok    404   404|403 404   nf',
    phaseConflict('progress is recorded during execution, not while a revision is open (INVALID_STATE)')),
  r('POST /api/actions/{id}/comments',                        'action',  '401  ok    404   ok    404   404|403 404   nf'),
  r('POST /api/plans/{id}/follow-ups',                        'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('PATCH /api/follow-ups/{id}',                             'followUp', '401 ok    404   ok    404   404|403 404   nf'),
  r('DELETE /api/follow-ups/{id}',                            'followUp', '401 ok    404   ok    404   404|403 404   nf'),
  r('PUT /api/plans/{id}/evaluations/mine',                   'plan',    '401  ok    404   ok    404   403     404   nf',
    phaseConflict('the evaluation opens after execution; the plan is in a revision (INVALID_STATE)')),
  r('POST /api/plans/{id}/evaluations/mine/submit',           'plan',    '401  ok    404   ok    404   403     404   nf',
    phaseConflict('the evaluation opens after execution; the plan is in a revision (INVALID_STATE)')),
  r('GET /api/plans/{id}/budget-check',                       'plan',    '401  ok    404   ok    404   ok      404   nf'),

  // Notifications: one's own; the organisation's mandatory emails: the beheerder.
  r('GET /api/notifications',                                 'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/notifications/unread',                          'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/notifications/{id}/read',                      'notification', '401 ok 404  404   404   404     404   nf'),
  r('POST /api/notifications/read-all',                       'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/notifications/preferences',                     'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('PUT /api/notifications/preferences',                     'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/admin/notification-settings',                   'none',    '401  403   403   403   403   403     ok    ok'),
  r('PUT /api/admin/notification-settings',                   'none',    '401  403   403   403   403   403     ok    ok'),

  // Calendar: a plan's events for its two parties (HR sees the plan, so 403); the feed is one's own, and its URL
  // is a capability: whoever holds the token reads the owner's moments (titles and dates, no content).
  r('GET /api/plans/{id}/events/{kind}.ics',                  'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('GET /api/plans/{id}/events/follow-up/{followUpId}.ics',  'plan',    '401  ok    404   ok    404   403     404   nf'),
  r('GET /api/calendar/feed',                                 'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/calendar/feed',                                'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('DELETE /api/calendar/feed',                              'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /calendar/{token}.ics',                              'feedToken', 'ok ok    ok    ok    ok    ok      ok    ok',
    { reveals: [{ to: ['anonymous', 'colleague', 'otherManager', 'hr', 'admin', 'otherOrg'], classes: ['person', 'plan:ids', 'content:ids'],
      why: 'a feed URL is a capability: the owner handed it out; it carries their name and the ids of their plan and follow-ups, no content' }] }),

  // Funding sources and budgets: HR; every member reads the names of the funding sources.
  r('GET /api/funding-sources',                               'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/funding-sources',                              'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/funding-sources/{id}',                          'fundingSource', '401 403 403 403  403   ok      403   nf'),
  r('PATCH /api/funding-sources/{id}',                        'fundingSource', '401 403 403 403  403   ok      403   nf'),
  r('GET /api/budgets',                                       'none',    '401  403   403   403   403   ok      403   ok'),
  r('POST /api/budgets',                                      'none',    '401  403   403   403   403   ok      403   ok'),
  // The overview: HR the whole organisation, a manager the teams they lead.
  r('GET /api/budgets/overview',                              'none',    '401  403   403   ok    ok    ok      403   ok'),
  r('GET /api/budgets/{id}',                                  'budget',  '401  403   403   403   403   ok      403   nf'),
  r('PATCH /api/budgets/{id}',                                'budget',  '401  403   403   403   403   ok      403   nf'),
  r('DELETE /api/budgets/{id}',                               'budget',  '401  403   403   403   403   ok      403   nf'),

  // Belgian training right: settings HR and the beheerder; balances also a manager for their people; the
  // learning account and statements are HR's legal duty.
  r('GET /api/training-right/settings',                       'none',    '401  403   403   403   403   ok      ok    ok'),
  r('PUT /api/training-right/settings',                       'none',    '401  403   403   403   403   ok      ok    ok'),
  r('PUT /api/training-right/norms/{year}',                   'year',    '401  403   403   403   403   ok      ok    ok'),
  // The year's norm exists in the first organisation only: the other one has none to delete.
  r('DELETE /api/training-right/norms/{year}',                'year',    '401  403   403   403   403   ok      ok    nf'),
  r('GET /api/training-right/balances',                       'none',    '401  403   403   ok    ok    ok      ok    ok'),
  r('GET /api/training-right/me',                             'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('POST /api/training-right/statements',                    'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/training-right/learning-account.json',          'none',    '401  403   403   403   403   ok      403   ok',
    { reveals: [learningAccount] }),
  r('GET /api/training-right/learning-account.csv',           'none',    '401  403   403   403   403   ok      403   ok',
    { reveals: [learningAccount] }),
  r('GET /api/training-right/deadlines',                      'none',    '401  403   403   403   403   ok      403   ok'),

  // The training plan (opleidingsplan): HR.
  r('GET /api/training-plan',                                 'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/training-plan/export.pdf',                      'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/training-plan/export.xlsx',                     'none',    '401  403   403   403   403   ok      403   ok'),
  r('GET /api/training-plan/export.csv',                      'none',    '401  403   403   403   403   ok      403   ok'),
  r('PUT /api/training-plan/tasks/{year}/{key}',              'year',    '401  403   403   403   403   ok      403   ok'),
  r('PUT /api/training-plan/settings',                        'none',    '401  403   403   403   403   ok      403   ok'),

  // Team view and the exports of plans, goals and actions: HR any team, a manager the teams they lead.
  r('GET /api/team-view',                                     'none',    '401  403   403   ok    ok    ok      403   ok'),
  r('GET /api/exports/plans',                                 'none',    '401  403   403   ok    ok    ok      403   ok'),
  r('GET /api/exports/goals',                                 'none',    '401  403   403   ok    ok    ok      403   ok'),
  r('GET /api/exports/actions',                               'none',    '401  403   403   ok    ok    ok      403   ok'),

  // PDFs: read through the same services as the JSON routes, refused as they refuse.
  r('GET /api/plans/{id}/versions/{number}/pdf',              'plan',    '401  ok    404   ok    404   404|ok  404   nf'),
  r('GET /api/plans/{id}/pdf',                                'plan',    '401  ok    404   ok    404   404|ok  404   nf'),
  r('GET /api/plans/{id}/preparations/mine/pdf',              'draftPlan', '401 ok   404   ok    404   403     404   nf'),
  r('GET /api/documents/pop-form.pdf',                        'none',    '401  ok    ok    ok    ok    ok      ok    ok'),

  // Privacy (GDPR): one's own data export, every member reads the records of processing; retention periods, legal
  // holds and erasures: the beheerder. Erasure cannot be undone: each request gets a person of E's team of its own.
  r('GET /api/me/data-export.json',                           'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/me/data-export.pdf',                            'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/organisation/retention',                        'none',    '401  403   403   403   403   403     ok    ok'),
  r('PUT /api/organisation/retention',                        'none',    '401  403   403   403   403   403     ok    ok'),
  r('GET /api/organisation/records-of-processing',            'none',    '401  ok    ok    ok    ok    ok      ok    ok'),
  r('GET /api/people/{id}/privacy',                           'person',  '401  403   403   403   403   403     ok    nf'),
  r('PUT /api/people/{id}/legal-hold',                        'person',  '401  403   403   403   403   403     ok    nf'),
  r('POST /api/people/{id}/erasure',                          'erasable', '401 403   403   403   403   403     ok    nf'),

  // Audit: a plan's log for its employee (reads and changes) and manager (changes); HR and the beheerder know
  // the plan exists (403); the organisation's log: the beheerder, ids and field names without content.
  r('GET /api/plans/{id}/audit',                              'plan',    '401  ok    404   ok    404   403     403   nf'),
  r('GET /api/audit',                                         'none',    '401  403   403   403   403   403     ok    ok',
    { reveals: [{ to: ['admin'], classes: ['plan:ids', 'content:ids', 'training:ids', 'ownerPrivate:ids', 'managerPrivate:ids'],
      why: 'the beheerder’s audit log names the objects that changed (ids and field names), never their content' }] }),
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export function matrixRow(method: string, path: string): MatrixRow | undefined {
  return authzMatrix.find((row) => routeKey(row.method, row.path) === routeKey(method, path));
}

/** The owner of the object a row's path points at. */
export const ownerOf = (row: MatrixRow): 'E' | 'E2' =>
  row.object === 'draftPlan' || row.object === 'draftPoint' ? 'E2' : 'E';

/** The expected outcome of a cell under the organisation's setting. */
export function outcomeFor(cell: Cell, hrSeesPlanContent: boolean): Outcome {
  return typeof cell === 'string' ? cell : cell.hrSeesPlanContent[hrSeesPlanContent ? 'on' : 'off'];
}

export const statusOf: Record<Exclude<Outcome, 'allow'>, number> = {
  deny401: 401,
  deny403: 403,
  deny404: 404,
  notFound: 404,
  unknownReference: 422,
};
