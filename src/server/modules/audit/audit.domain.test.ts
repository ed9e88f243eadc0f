import { describe, expect, it } from 'vitest';
import { type Actor, canSearchAuditLog, planAuditViewOf } from '../../../shared/policies.js';
import {
  auditChanges,
  auditFieldKind,
  isRecentRead,
  presentChanges,
  whitelistedChanges,
} from './audit.domain.js';

describe('auditFieldKind', () => {
  it.each([
    ['goal', 'title', 'content'],
    ['goal', 'priority', 'value'],
    ['action', 'description', 'content'],
    ['action', 'cost', 'value'],
    ['plan', 'phase', 'value'],
    ['plan', 'conversationNotes.start', 'content'],
    ['plan', 'facilities.start', null],
    ['person', 'roles', 'value'],
    ['person', 'passwordHash', null],
    ['person', 'password_hash', null],
    ['person', 'gender', null],
    ['preparation', 'answers', null],
    ['preparation', 'sharedAt', 'value'],
    ['organisation', 'sessionSecret', null],
    ['plan', 'talkingPoints', null],
    ['person', 'token', null],
  ] as const)('%s.%s is %s', (objectType, field, kind) => {
    expect(auditFieldKind(objectType, field)).toBe(kind);
  });
});

describe('auditChanges', () => {
  it.each([
    {
      name: 'an update keeps only the fields that differ',
      before: { title: 'A', priority: 'high', position: 0 },
      after: { title: 'B', priority: 'high' },
      expected: { title: { before: 'A', after: 'B' } },
    },
    {
      name: 'an update that changed nothing is null',
      before: { title: 'A', confirmSpecific: false },
      after: { title: 'A', confirmSpecific: false },
      expected: null,
    },
    {
      name: 'a field set for the first time has before null',
      before: { targetDate: null },
      after: { targetDate: '2026-09-30' },
      expected: { targetDate: { before: null, after: '2026-09-30' } },
    },
    {
      name: 'a creation keeps its non-empty fields',
      before: null,
      after: { title: 'A', description: null, reason: '', measure: 'x' },
      expected: { title: { after: 'A' }, measure: { after: 'x' } },
    },
    {
      name: 'a deletion keeps what was there',
      before: { title: 'A', description: null },
      after: null,
      expected: { title: { before: 'A' } },
    },
    {
      name: 'fields outside the whitelist are dropped, secrets above all',
      before: { title: 'A', passwordHash: 'h1', answers: 'x' },
      after: { title: 'B', passwordHash: 'h2', answers: 'y', internal: 1 },
      expected: { title: { before: 'A', after: 'B' } },
    },
    {
      name: 'objects compare by value',
      before: { timing: { kind: 'quarter', year: 2026, quarter: 1 } },
      after: { timing: { kind: 'quarter', year: 2026, quarter: 1 } },
      expected: null,
    },
  ])('$name', ({ before, after, expected }) => {
    const objectType = 'timing' in (after ?? before ?? {}) ? 'action' : 'goal';
    expect(auditChanges(objectType, before, after)).toEqual(expected);
  });

  it('keeps the roles of a person and never their password hash', () => {
    expect(
      auditChanges(
        'person',
        { roles: ['employee'], passwordHash: 'x' },
        { roles: ['employee', 'hr'], passwordHash: 'y' },
      ),
    ).toEqual({ roles: { before: ['employee'], after: ['employee', 'hr'] } });
  });
});

describe('whitelistedChanges', () => {
  it('drops fields the log may not hold, whoever built the changes', () => {
    expect(
      whitelistedChanges('preparation', { sharedAt: { after: 'x' }, answers: { after: 'secret' } }),
    ).toEqual({ sharedAt: { after: 'x' } });
    expect(whitelistedChanges('preparation', { answers: { after: 'secret' } })).toBeNull();
  });
});

describe('presentChanges', () => {
  const stored = {
    title: { before: 'Oud', after: 'Nieuw' },
    priority: { before: 'low', after: 'high' },
    secretToken: { after: 'abc' },
  };
  it('shows content to the plan’s parties', () => {
    expect(presentChanges('goal', stored, true)).toEqual([
      { field: 'title', before: 'Oud', after: 'Nieuw', hidden: false },
      { field: 'priority', before: 'low', after: 'high', hidden: false },
    ]);
  });
  it('names content fields without their values for the beheerder', () => {
    expect(presentChanges('goal', stored, false)).toEqual([
      { field: 'title', hidden: true },
      { field: 'priority', before: 'low', after: 'high', hidden: false },
    ]);
  });
  it('answers nothing for a row without changes', () => {
    expect(presentChanges('plan', null, true)).toEqual([]);
  });
});

describe('isRecentRead', () => {
  const now = new Date('2026-03-05T10:00:00.000Z');
  it.each([
    [undefined, false],
    ['2026-03-05T09:00:00.001Z', true],
    ['2026-03-05T09:00:00.000Z', false],
    ['2026-03-04T10:00:00.000Z', false],
    ['2026-03-05T10:30:00.000Z', true],
  ])('last read %s -> %s', (last, recent) => {
    expect(isRecentRead(last, now)).toBe(recent);
  });
});

describe('who reads the audit log', () => {
  const plan = { organisationId: 'o1', employeeId: 'emp', managerId: 'man' };
  const actor = (personId: string, roles: Actor['roles'], organisationId = 'o1'): Actor => ({
    personId,
    organisationId,
    roles,
  });
  it.each([
    ['the employee', actor('emp', ['employee']), 'reads_and_changes'],
    ['the manager', actor('man', ['employee', 'manager']), 'changes'],
    ['HR', actor('hr', ['employee', 'hr']), 'none'],
    ['the beheerder', actor('adm', ['employee', 'admin']), 'none'],
    ['a colleague', actor('col', ['employee']), 'none'],
    ['the employee’s id in another organisation', actor('emp', ['employee'], 'o2'), 'none'],
  ] as const)('%s of a plan: %s', (_who, who, view) => {
    expect(planAuditViewOf(who, plan)).toBe(view);
  });
  it.each([
    [['employee', 'admin'], true],
    [['employee', 'hr'], false],
    [['employee', 'manager'], false],
  ] as const)('%j searches the organisation’s log: %s', (roles, allowed) => {
    expect(canSearchAuditLog(actor('x', roles))).toBe(allowed);
  });
});
