import { describe, expect, it } from 'vitest';
import type { Actor } from '../policies.js';
import type { Role } from '../roles.js';
import { initialPlanState, type Phase, type PlanState } from './phases.js';
import {
  canSeePlan,
  canSeePlanContent,
  canSeePreparation,
  canStartBatch,
  canStartPlanFor,
  type PlanPermissions,
  planListScopeOf,
  planPartiesOf,
  planPermissions,
} from './plan-access.js';

const org = 'org-1';
const actor = (personId: string, ...roles: Role[]): Actor => ({ personId, organisationId: org, roles });
const actors = {
  employee: actor('emp', 'employee'),
  manager: actor('mgr', 'employee', 'manager'),
  hr: actor('hr', 'employee', 'hr'),
  admin: actor('adm', 'employee', 'admin'),
  colleague: actor('col', 'employee'),
  otherManager: actor('mgr2', 'employee', 'manager'),
  outsider: {
    personId: 'mgr',
    organisationId: 'org-2',
    roles: ['employee', 'manager', 'hr', 'admin'],
  } as Actor,
};
type Name = keyof typeof actors;
const plan = { organisationId: org, employeeId: 'emp', managerId: 'mgr' };
const on = { hrSeesPlanContent: true };
const off = { hrSeesPlanContent: false };

describe('who sees a plan', () => {
  const table: [Name, parties: string[], content: [off: boolean, on: boolean], list: string][] = [
    ['employee', ['employee'], [true, true], 'own'],
    ['manager', ['manager'], [true, true], 'own'],
    ['hr', ['hr'], [false, true], 'organisation'],
    ['admin', [], [false, false], 'own'],
    ['colleague', [], [false, false], 'own'],
    ['otherManager', [], [false, false], 'own'],
    ['outsider', [], [false, false], 'organisation'],
  ];
  it.each(table)('%s: parties %j, content %j, list %s', (name, parties, [contentOff, contentOn], list) => {
    const a = actors[name];
    expect(planPartiesOf(a, plan)).toEqual(parties);
    expect(canSeePlan(a, plan)).toBe(parties.length > 0);
    expect([canSeePlanContent(a, plan, off), canSeePlanContent(a, plan, on)]).toEqual([
      contentOff,
      contentOn,
    ]);
    expect(planListScopeOf(a)).toBe(list);
  });

  it('an HR member who is the employee of the plan is both', () => {
    const hrEmployee = actor('emp', 'employee', 'hr');
    expect(planPartiesOf(hrEmployee, plan)).toEqual(['employee', 'hr']);
  });
});

describe('who reads a preparation', () => {
  const table: [Name, 'employee' | 'manager', shared: boolean, expected: boolean][] = [
    ['employee', 'employee', false, true],
    ['manager', 'employee', false, false],
    ['manager', 'employee', true, true],
    ['employee', 'manager', false, false],
    ['employee', 'manager', true, true],
    ['manager', 'manager', false, true],
    ['hr', 'employee', true, false],
    ['hr', 'manager', true, false],
    ['admin', 'employee', true, false],
    ['colleague', 'employee', true, false],
    ['outsider', 'manager', true, false],
  ];
  it.each(table)('%s reads the %s preparation (shared %s): %s', (name, party, isShared, expected) => {
    expect(canSeePreparation(actors[name], plan, { party, isShared })).toBe(expected);
  });
});

describe('who starts a cycle', () => {
  const person = { id: 'emp', organisationId: org, managerId: 'mgr', teamId: null };
  const table: [Name, boolean][] = [
    ['hr', true],
    ['manager', true],
    ['otherManager', false],
    ['admin', false],
    ['employee', false],
    ['outsider', false],
  ];
  it.each(table)('%s starts one for the employee: %s', (name, expected) => {
    expect(canStartPlanFor(actors[name], person)).toBe(expected);
  });

  it('a team manager starts one for a team member; nobody for themselves', () => {
    const member = { id: 'x', organisationId: org, managerId: null, teamId: 't' };
    const team = { id: 't', organisationId: org, managerId: 'mgr2' };
    expect(canStartPlanFor(actors.otherManager, member, team)).toBe(true);
    expect(canStartPlanFor(actors.hr, { ...person, id: 'hr' })).toBe(false);
  });

  it.each([
    ['hr', 'organisation', true],
    ['manager', 'team', true],
    ['manager', 'organisation', false],
    ['employee', 'people', false],
    ['admin', 'team', false],
  ] as const)('%s starts a batch for the %s: %s', (name, scope, expected) => {
    expect(canStartBatch(actors[name], scope)).toBe(expected);
  });
});

describe('planPermissions', () => {
  const state = (phase: Phase, extra: Partial<PlanState> = {}): PlanState => ({
    ...initialPlanState,
    phase,
    ...extra,
  });
  const on = (name: Name, s: PlanState) => planPermissions(actors[name], { ...plan, state: s }, off);
  const granted = (p: PlanPermissions) =>
    Object.entries(p)
      .filter(([, v]) => v)
      .map(([k]) => k)
      .sort();

  const table: [Name, Phase, Partial<PlanState>, string[]][] = [
    [
      'employee',
      'preparation',
      {},
      [
        'canComment',
        'canEditContent',
        'canEditOwnPreparation',
        'canPlanConversation',
        'canSeeContent',
        'canSeePreparations',
        'canShareOwnPreparation',
      ],
    ],
    [
      'manager',
      'conversation',
      {},
      [
        'canComment',
        'canEditContent',
        'canEditNotes',
        'canManageFollowUps',
        'canPlanConversation',
        'canSeeContent',
        'canSeePreparations',
        'canShareOwnPreparation',
      ],
    ],
    [
      'employee',
      'approved',
      {},
      [
        'canComment',
        'canHoldFollowUps',
        'canManageFollowUps',
        'canSeeContent',
        'canSeePreparations',
        'canUpdateProgress',
      ],
    ],
    [
      'manager',
      'approved',
      { revisionOpen: true },
      [
        'canComment',
        'canEditContent',
        'canEditNotes',
        'canHoldFollowUps',
        'canManageFollowUps',
        'canSeeContent',
        'canSeePreparations',
      ],
    ],
    [
      'employee',
      'evaluation',
      {},
      [
        'canComment',
        'canEvaluate',
        'canManageFollowUps',
        'canSeeContent',
        'canSeePreparations',
        'canSetGoalResults',
        'canUpdateProgress',
      ],
    ],
    ['employee', 'closed', {}, ['canCarryOver', 'canSeeContent', 'canSeePreparations']],
    ['hr', 'preparation', {}, ['canChangeManager', 'canPlanConversation']],
    ['hr', 'approved', {}, ['canChangeManager']],
    ['hr', 'closed', {}, []],
    ['admin', 'conversation', {}, []],
    ['colleague', 'approved', {}, []],
  ];
  it.each(table)('%s in %s %o', (name, phase, extra, expected) => {
    expect(granted(on(name, state(phase, extra)))).toEqual(expected);
  });

  it('a shared preparation cannot be shared again; a submitted evaluation is done', () => {
    const facts = { ownPreparationShared: true, ownEvaluationSubmitted: true };
    expect(
      planPermissions(actors.employee, { ...plan, state: state('preparation') }, off, facts)
        .canShareOwnPreparation,
    ).toBe(false);
    expect(
      planPermissions(actors.employee, { ...plan, state: state('evaluation') }, off, facts).canEvaluate,
    ).toBe(false);
  });
});
