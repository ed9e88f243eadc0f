import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canAssignRole,
  canChangeRoles,
  canEditPerson,
  canManageAccountOf,
  canManagePeople,
  canManageStructure,
  canReadCatalogue,
  canViewImportJob,
  canViewOutbox,
  canViewPerson,
  canViewTeam,
  capabilitiesOf,
  type PersonScope,
  peopleScopeOf,
  type TeamScope,
  teamScopeOf,
} from './policies.js';
import type { Role } from './roles.js';

const org = 'org-1';
const actor = (name: string, ...roles: Role[]): Actor => ({ personId: name, organisationId: org, roles });
const admin = actor('admin', 'employee', 'admin');
const hr = actor('hr', 'employee', 'hr');
const manager = actor('manager', 'employee', 'manager');
const employee = actor('employee', 'employee');
const outsider: Actor = { personId: 'outsider', organisationId: 'org-2', roles: ['employee', 'admin', 'hr'] };
const actors = { admin, hr, manager, employee, outsider };
type Name = keyof typeof actors;

describe('organisation-wide abilities', () => {
  const table: [
    Name,
    { people: boolean; structure: boolean; outbox: boolean; scope: string; teams: string },
  ][] = [
    ['admin', { people: true, structure: true, outbox: true, scope: 'organisation', teams: 'organisation' }],
    ['hr', { people: true, structure: true, outbox: false, scope: 'organisation', teams: 'organisation' }],
    ['manager', { people: false, structure: false, outbox: false, scope: 'managed', teams: 'led' }],
    ['employee', { people: false, structure: false, outbox: false, scope: 'self', teams: 'none' }],
  ];
  it.each(table)('%s', (name, expected) => {
    const a = actors[name];
    expect({
      people: canManagePeople(a),
      structure: canManageStructure(a),
      outbox: canViewOutbox(a),
      scope: peopleScopeOf(a),
      teams: teamScopeOf(a),
    }).toEqual(expected);
  });
});

describe('roles', () => {
  const assign: [Name, Role, boolean][] = [
    ['admin', 'admin', true],
    ['admin', 'hr', true],
    ['hr', 'employee', true],
    ['hr', 'manager', true],
    ['hr', 'hr', false],
    ['hr', 'admin', false],
    ['manager', 'employee', false],
    ['employee', 'employee', false],
  ];
  it.each(assign)('%s assigns %s: %s', (name, role, expected) => {
    expect(canAssignRole(actors[name], role)).toBe(expected);
  });

  const change: [Name, Role[], Role[], boolean][] = [
    ['hr', ['employee'], ['employee', 'manager'], true],
    ['hr', ['employee', 'admin'], ['employee', 'admin', 'manager'], true],
    ['hr', ['employee', 'admin'], ['employee'], false],
    ['hr', ['employee'], ['employee', 'hr'], false],
    ['hr', ['employee', 'hr'], ['employee', 'hr'], true],
    ['admin', ['employee'], ['admin'], true],
    ['manager', ['employee'], ['employee'], true],
    ['manager', ['employee'], ['employee', 'manager'], false],
  ];
  it.each(change)('%s changes %j to %j: %s', (name, before, after, expected) => {
    expect(canChangeRoles(actors[name], before, after)).toBe(expected);
  });

  const account: [Name, Role[], boolean][] = [
    ['admin', ['employee', 'admin'], true],
    ['hr', ['employee', 'manager'], true],
    ['hr', ['employee', 'hr'], false],
    ['hr', ['employee', 'admin'], false],
    ['manager', ['employee'], false],
  ];
  it.each(account)('%s manages the account of someone with %j: %s', (name, roles, expected) => {
    expect(canManageAccountOf(actors[name], roles)).toBe(expected);
  });
});

describe('people and teams', () => {
  const team: TeamScope = { id: 'team-1', organisationId: org, managerId: 'manager' };
  const report: PersonScope = { id: 'report', organisationId: org, managerId: 'manager', teamId: null };
  const member: PersonScope = { id: 'member', organisationId: org, managerId: null, teamId: 'team-1' };
  const stranger: PersonScope = { id: 'stranger', organisationId: org, managerId: null, teamId: null };
  const self: PersonScope = { id: 'employee', organisationId: org, managerId: null, teamId: null };
  const view: [Name, PersonScope, boolean][] = [
    ['manager', report, true],
    ['manager', member, true],
    ['manager', stranger, false],
    ['employee', self, true],
    ['employee', stranger, false],
    ['hr', stranger, true],
    ['outsider', stranger, false],
  ];
  it.each(view)('%s sees %o: %s', (name, person, expected) => {
    expect(canViewPerson(actors[name], person, person.teamId ? team : null)).toBe(expected);
  });

  const edit: [Name, boolean][] = [
    ['admin', true],
    ['hr', true],
    ['manager', false],
    ['employee', false],
    ['outsider', false],
  ];
  it.each(edit)('%s edits a person: %s', (name, expected) => {
    expect(canEditPerson(actors[name], stranger)).toBe(expected);
  });

  const teams: [Name, boolean][] = [
    ['admin', true],
    ['hr', true],
    ['manager', true],
    ['employee', false],
    ['outsider', false],
  ];
  it.each(teams)('%s sees the team led by the manager: %s', (name, expected) => {
    expect(canViewTeam(actors[name], team)).toBe(expected);
  });
  it('a manager does not see a team led by someone else', () => {
    expect(canViewTeam(manager, { ...team, managerId: 'other' })).toBe(false);
  });
});

describe('catalogue and imports', () => {
  const read: [Name, boolean][] = [
    ['employee', true],
    ['manager', true],
    ['outsider', false],
  ];
  it.each(read)('%s reads the catalogue: %s', (name, expected) => {
    expect(canReadCatalogue(actors[name], { organisationId: org })).toBe(expected);
  });

  const job = { organisationId: org, startedBy: 'hr' };
  const jobs: [Name, boolean][] = [
    ['hr', true],
    ['admin', false],
    ['outsider', false],
  ];
  it.each(jobs)('%s follows an import started by HR: %s', (name, expected) => {
    expect(canViewImportJob(actors[name], job)).toBe(expected);
  });
});

describe('POP capabilities for the navigation', () => {
  const table: [Name, { startPlans: boolean; viewAllPlans: boolean; managePlanTemplates: boolean }][] = [
    ['admin', { startPlans: false, viewAllPlans: false, managePlanTemplates: false }],
    ['hr', { startPlans: true, viewAllPlans: true, managePlanTemplates: true }],
    ['manager', { startPlans: true, viewAllPlans: false, managePlanTemplates: false }],
    ['employee', { startPlans: false, viewAllPlans: false, managePlanTemplates: false }],
  ];
  it.each(table)('%s', (name, expected) => {
    expect(capabilitiesOf(actors[name])).toMatchObject(expected);
  });
});
