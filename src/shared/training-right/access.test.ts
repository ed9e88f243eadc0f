import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canDeliverLearningAccount,
  canManageTrainingRight,
  trainingBalanceScopeOf,
} from '../policies.js';
import type { Role } from '../roles.js';

const actor = (...roles: Role[]): Actor => ({ personId: 'p', organisationId: 'o', roles });

describe('who may do what with the training right', () => {
  it.each<[Role[], boolean, 'organisation' | 'managed' | 'none', boolean]>([
    [['employee'], false, 'none', false],
    [['employee', 'manager'], false, 'managed', false],
    [['employee', 'hr'], true, 'organisation', true],
    [['employee', 'admin'], true, 'organisation', false],
    [['employee', 'manager', 'hr'], true, 'organisation', true],
  ])('%j: settings %s, balances %s, learning account %s', (roles, settings, scope, deliver) => {
    expect(canManageTrainingRight(actor(...roles))).toBe(settings);
    expect(trainingBalanceScopeOf(actor(...roles))).toBe(scope);
    expect(canDeliverLearningAccount(actor(...roles))).toBe(deliver);
  });
});
