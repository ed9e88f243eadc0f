import { describe, expect, it } from 'vitest';
import { type Actor, canViewTeamOverview, teamOverviewScopeOf } from '../policies.js';
import type { Role } from '../roles.js';

const actor = (roles: Role[], personId = 'me', organisationId = 'org'): Actor => ({
  personId,
  organisationId,
  roles,
});

describe('teamOverviewScopeOf', () => {
  it.each<[Role[], string]>([
    [['employee'], 'none'],
    [['employee', 'admin'], 'none'],
    [['employee', 'manager'], 'led'],
    [['employee', 'hr'], 'organisation'],
    [['employee', 'manager', 'hr'], 'organisation'],
  ])('%j -> %s', (roles, scope) => {
    expect(teamOverviewScopeOf(actor(roles))).toBe(scope);
  });
});

describe('canViewTeamOverview', () => {
  const team = { id: 't', organisationId: 'org', managerId: 'me' };
  it.each<[string, Actor, typeof team, boolean]>([
    ['the manager of the team', actor(['employee', 'manager']), team, true],
    ['a manager of another team', actor(['employee', 'manager'], 'other'), team, false],
    ['a former manager without the role', actor(['employee']), team, false],
    ['HR, any team', actor(['employee', 'hr'], 'hr'), team, true],
    ['HR of another organisation', actor(['employee', 'hr'], 'hr', 'elsewhere'), team, false],
    ['the beheerder alone', actor(['employee', 'admin'], 'admin'), team, false],
  ])('%s', (_name, who, target, expected) => {
    expect(canViewTeamOverview(who, target)).toBe(expected);
  });
});
