import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './calendar.js';
import {
  dueItems,
  hasLeft,
  type PlannedItem,
  type PlannerInput,
  type PlannerPerson,
  type PlannerPlan,
  planNotifications,
} from './planner.js';

const E = 'emp-1';
const M = 'man-1';
const H = 'hr-1';

const person = (id: string, firstName: string, extra: Partial<PlannerPerson> = {}): PlannerPerson => ({
  id,
  firstName,
  lastName: 'Test',
  status: 'active',
  endDate: null,
  ...extra,
});

/** A plan started on 2 March 2026 with the conversation on Friday 20 March at 10:00 Brussels time. */
const basePlan: PlannerPlan = {
  id: 'plan-1',
  employeeId: E,
  managerId: M,
  phase: 'preparation',
  cancelled: false,
  requestedBy: 'manager',
  createdAt: '2026-03-02T08:00:00.000Z',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  conversationAt: '2026-03-20T09:00:00.000Z',
  employeeApprovedAt: null,
  managerApprovedAt: null,
  disagreement: false,
  revisionOpen: false,
  evaluationDate: null,
  shared: { employee: false, manager: false },
  evaluated: { employee: false, manager: false },
  followUps: [],
  actions: [],
};

function input(plan: Partial<PlannerPlan> = {}, extra: Partial<PlannerInput> = {}): PlannerInput {
  return {
    organisation: { id: 'org', timeZone: 'Europe/Brussels', exchangeDays: 7, country: 'BE' },
    people: new Map(
      [person(E, 'Zoë'), person(M, 'Katrien'), person(H, 'Sofie')].map((p) => [p.id, p] as const),
    ),
    plans: [{ ...basePlan, ...plan }],
    conversationEvents: [],
    ...extra,
  };
}

const summary = (items: PlannedItem[]) => items.map((i) => `${i.kind}->${i.recipientId}@${i.dueAt}`).sort();
const ofKind = (items: PlannedItem[], kind: string) => items.filter((i) => i.kind === kind);
const now = new Date('2026-03-02T09:00:00.000Z');

describe('planNotifications: when each kind is due', () => {
  it.each([
    // kind, plan changes, expected "kind->recipient@due" lines
    [
      'cycle started by the manager: the employee hears it',
      'cycle_started',
      {},
      [`cycle_started->${E}@2026-03-02T08:00:00.000Z`],
    ],
    [
      'cycle asked for by the employee: the manager hears it',
      'cycle_started',
      { requestedBy: 'employee' },
      [`cycle_started->${M}@2026-03-02T08:00:00.000Z`],
    ],
    [
      'cycle started by HR: both hear it',
      'cycle_started',
      { requestedBy: 'hr' },
      [`cycle_started->${E}@2026-03-02T08:00:00.000Z`, `cycle_started->${M}@2026-03-02T08:00:00.000Z`],
    ],
    ['no cycle message once the conversation started', 'cycle_started', { phase: 'conversation' }, []],
    // Exchange deadline Friday 13 March; preparation a week before that, at 08:00 Brussels (07:00 UTC).
    [
      'preparation due for both a week before the exchange',
      'preparation_due',
      {},
      [`preparation_due->${E}@2026-03-06T07:00:00.000Z`, `preparation_due->${M}@2026-03-06T07:00:00.000Z`],
    ],
    [
      'no preparation reminder for who already shared',
      'preparation_due',
      {
        shared: { employee: true, manager: false },
      },
      [`preparation_due->${M}@2026-03-06T07:00:00.000Z`],
    ],
    ['no preparation reminder without a conversation date', 'preparation_due', { conversationAt: null }, []],
    [
      'no preparation reminder when the plan started after its moment',
      'preparation_due',
      {
        createdAt: '2026-03-10T08:00:00.000Z',
      },
      [],
    ],
    [
      'exchange deadline for both while someone has not shared',
      'exchange_deadline',
      {
        shared: { employee: true, manager: false },
      },
      [
        `exchange_deadline->${E}@2026-03-13T07:00:00.000Z`,
        `exchange_deadline->${M}@2026-03-13T07:00:00.000Z`,
      ],
    ],
    [
      'no exchange reminder when both shared',
      'exchange_deadline',
      {
        shared: { employee: true, manager: true },
      },
      [],
    ],
    [
      'no exchange reminder once the conversation started',
      'exchange_deadline',
      { phase: 'conversation' },
      [],
    ],
    [
      'conversation tomorrow for both',
      'conversation_tomorrow',
      {},
      [
        `conversation_tomorrow->${E}@2026-03-19T07:00:00.000Z`,
        `conversation_tomorrow->${M}@2026-03-19T07:00:00.000Z`,
      ],
    ],
    [
      'conversation tomorrow also in the conversation phase',
      'conversation_tomorrow',
      { phase: 'conversation' },
      [
        `conversation_tomorrow->${E}@2026-03-19T07:00:00.000Z`,
        `conversation_tomorrow->${M}@2026-03-19T07:00:00.000Z`,
      ],
    ],
    ['no conversation reminder once approved', 'conversation_tomorrow', { phase: 'approved' }, []],
    [
      'the plan waits for the manager after the employee approved',
      'approval_waiting',
      {
        phase: 'conversation',
        employeeApprovedAt: '2026-03-20T10:00:00.000Z',
      },
      [`approval_waiting->${M}@2026-03-20T10:00:00.000Z`],
    ],
    [
      'the plan waits for the employee after the manager approved a revision',
      'approval_waiting',
      {
        phase: 'approved',
        revisionOpen: true,
        managerApprovedAt: '2026-06-15T10:00:00.000Z',
      },
      [`approval_waiting->${E}@2026-06-15T10:00:00.000Z`],
    ],
    [
      'nobody waits once both approved',
      'approval_waiting',
      {
        phase: 'approved',
        employeeApprovedAt: '2026-03-20T10:00:00.000Z',
        managerApprovedAt: '2026-03-20T11:00:00.000Z',
      },
      [],
    ],
    [
      'nobody waits during a disagreement',
      'approval_waiting',
      {
        phase: 'conversation',
        disagreement: true,
        managerApprovedAt: '2026-03-20T10:00:00.000Z',
      },
      [],
    ],
    [
      'follow-up due the day before, for both',
      'follow_up_due',
      {
        phase: 'approved',
        followUps: [{ id: 'fu-1', plannedDate: '2026-06-15', heldAt: null }],
      },
      [`follow_up_due->${E}@2026-06-14T06:00:00.000Z`, `follow_up_due->${M}@2026-06-14T06:00:00.000Z`],
    ],
    [
      'no reminder for a follow-up that was held',
      'follow_up_due',
      {
        phase: 'approved',
        followUps: [{ id: 'fu-1', plannedDate: '2026-06-15', heldAt: '2026-06-10T09:00:00.000Z' }],
      },
      [],
    ],
    [
      'no reminder for a follow-up of a plan in evaluation',
      'follow_up_due',
      {
        phase: 'evaluation',
        followUps: [{ id: 'fu-1', plannedDate: '2026-06-15', heldAt: null }],
      },
      [],
    ],
    [
      'an open action whose date passed without an update: the employee',
      'action_overdue',
      {
        phase: 'approved',
        actions: [
          {
            id: 'a-1',
            status: 'planned',
            timing: { kind: 'date', date: '2026-04-30' },
            updatedAt: '2026-03-20T10:00:00.000Z',
          },
          {
            id: 'a-2',
            status: 'in_progress',
            timing: { kind: 'quarter', year: 2026, quarter: 2 },
            updatedAt: '2026-03-20T10:00:00.000Z',
          },
          {
            id: 'a-3',
            status: 'done',
            timing: { kind: 'date', date: '2026-04-30' },
            updatedAt: '2026-03-20T10:00:00.000Z',
          },
          {
            id: 'a-4',
            status: 'planned',
            timing: { kind: 'ongoing' },
            updatedAt: '2026-03-20T10:00:00.000Z',
          },
          {
            id: 'a-5',
            status: 'postponed',
            timing: { kind: 'date', date: '2026-04-30' },
            updatedAt: '2026-03-20T10:00:00.000Z',
          },
          { id: 'a-6', status: 'planned', timing: null, updatedAt: '2026-03-20T10:00:00.000Z' },
          {
            id: 'a-7',
            status: 'planned',
            timing: { kind: 'date', date: '2026-04-30' },
            updatedAt: '2026-05-02T10:00:00.000Z',
          },
        ],
      },
      [`action_overdue->${E}@2026-05-01T06:00:00.000Z`, `action_overdue->${E}@2026-07-01T06:00:00.000Z`],
    ],
    [
      'evaluation due a week before the agreed date',
      'evaluation_due',
      {
        phase: 'approved',
        evaluationDate: '2026-12-10',
      },
      [`evaluation_due->${E}@2026-12-03T07:00:00.000Z`, `evaluation_due->${M}@2026-12-03T07:00:00.000Z`],
    ],
    [
      'evaluation due a week before the end of the period without a date',
      'evaluation_due',
      { phase: 'approved' },
      [`evaluation_due->${E}@2026-12-24T07:00:00.000Z`, `evaluation_due->${M}@2026-12-24T07:00:00.000Z`],
    ],
    [
      'no evaluation reminder for who submitted',
      'evaluation_due',
      {
        phase: 'evaluation',
        evaluationDate: '2026-12-10',
        evaluated: { employee: false, manager: true },
      },
      [`evaluation_due->${E}@2026-12-03T07:00:00.000Z`],
    ],
    [
      'no evaluation reminder for a closed plan',
      'evaluation_due',
      { phase: 'closed', evaluationDate: '2026-12-10' },
      [],
    ],
  ] as Array<[string, string, Partial<PlannerPlan>, string[]]>)('%s', (_label, kind, plan, expected) => {
    expect(summary(ofKind(planNotifications(input(plan), now), kind))).toEqual(expected.sort());
  });

  it('says who has not shared yet, from each recipient side', () => {
    const items = ofKind(
      planNotifications(input({ shared: { employee: true, manager: false } }), now),
      'exchange_deadline',
    );
    expect(items.map((i) => [i.recipientId, i.params.missing])).toEqual([
      [E, 'other'],
      [M, 'you'],
    ]);
    const neither = ofKind(planNotifications(input(), now), 'exchange_deadline');
    expect(neither.map((i) => i.params.missing)).toEqual(['both', 'both']);
  });

  it('names the other party and links to the page, with ids only', () => {
    const [item] = ofKind(planNotifications(input(), now), 'cycle_started');
    expect(item).toMatchObject({
      dedupeKey: `cycle_started:plan-1:${E}`,
      planId: 'plan-1',
      link: '/plans/plan-1?tab=preparation',
      params: { other: 'Katrien Test', role: 'employee', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
    });
  });

  it('gives a moved date a new key, so the old reminder is not planned any more', () => {
    const before = ofKind(planNotifications(input(), now), 'conversation_tomorrow').map((i) => i.dedupeKey);
    const after = ofKind(
      planNotifications(input({ conversationAt: '2026-03-27T09:00:00.000Z' }), now),
      'conversation_tomorrow',
    ).map((i) => i.dedupeKey);
    expect(after.some((key) => before.includes(key))).toBe(false);
  });

  it.each([
    ['exchange_deadline', {}, '2026-03-14T07:00:00.000Z'],
    ['conversation_tomorrow', {}, '2026-03-20T07:00:00.000Z'],
    ['preparation_due', {}, '2026-03-13T07:00:00.000Z'],
    [
      'follow_up_due',
      { phase: 'approved', followUps: [{ id: 'fu-1', plannedDate: '2026-06-15', heldAt: null }] },
      '2026-06-15T06:00:00.000Z',
    ],
    ['cycle_started', {}, undefined],
    [
      'approval_waiting',
      { phase: 'conversation', employeeApprovedAt: '2026-03-20T10:00:00.000Z' },
      undefined,
    ],
  ] as Array<[string, Partial<PlannerPlan>, string | undefined]>)(
    '%s is emailed until %s',
    (kind, plan, expiresAt) => {
      const items = ofKind(planNotifications(input(plan), now), kind);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.expiresAt).toBe(expiresAt);
    },
  );

  it('plans nothing about the conversation once its moment passed', () => {
    const later = new Date('2026-03-20T10:00:00.000Z');
    expect(ofKind(planNotifications(input(), later), 'conversation_tomorrow')).toEqual([]);
  });
});

describe('planNotifications: plans that moved on and people who left', () => {
  it('plans nothing for a cancelled plan', () => {
    expect(planNotifications(input({ phase: 'closed', cancelled: true }), now)).toEqual([]);
  });

  it.each([
    ['disabled', { status: 'disabled' }],
    ['past the last working day', { endDate: '2026-03-01' }],
  ])('plans nothing about the plan of an employee who is %s', (_label, change) => {
    const people = new Map(input().people);
    people.set(E, person(E, 'Zoë', change));
    expect(planNotifications({ ...input({ requestedBy: 'hr' }), people }, now)).toEqual([]);
  });

  it('still tells the employee when the manager left, but not the manager', () => {
    const people = new Map(input().people);
    people.set(M, person(M, 'Katrien', { status: 'disabled' }));
    const items = planNotifications({ ...input({ requestedBy: 'hr' }), people }, now);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.recipientId === E)).toBe(true);
  });

  it('counts the last working day itself as still there', () => {
    expect(hasLeft(person(E, 'Zoë', { endDate: '2026-03-02' }), '2026-03-02')).toBe(false);
    expect(hasLeft(person(E, 'Zoë', { endDate: '2026-03-01' }), '2026-03-02')).toBe(true);
    expect(hasLeft(undefined, '2026-03-02')).toBe(true);
  });
});

describe('planNotifications: calendar invitations', () => {
  const stored = (extra: Partial<StoredEvent> = {}): StoredEvent => ({
    id: 'ev-1',
    uid: 'conversation-plan-1@pop.example',
    kind: 'conversation',
    planId: 'plan-1',
    refId: null,
    signature: '2026-03-20T09:00:00.000Z',
    sequence: 0,
    cancelledAt: null,
    updatedAt: '2026-03-02T08:00:00.000Z',
    ...extra,
  });

  it.each([
    ['a first invitation to both', {}, {}, ['conversation_invitation:plan-1:0']],
    ['a new invitation per sequence', {}, { sequence: 2 }, ['conversation_invitation:plan-1:2']],
    [
      'none while the stored event lags behind the plan',
      { conversationAt: '2026-03-27T09:00:00.000Z' },
      {},
      [],
    ],
    [
      'a cancellation when the plan was cancelled',
      { phase: 'closed', cancelled: true },
      { cancelledAt: '2026-03-05T08:00:00.000Z', sequence: 1 },
      ['conversation_cancelled:plan-1:1'],
    ],
    [
      'a cancellation when the date was cleared',
      { conversationAt: null },
      { cancelledAt: '2026-03-05T08:00:00.000Z', sequence: 1 },
      ['conversation_cancelled:plan-1:1'],
    ],
    ['nothing for a moment in the past', {}, { signature: '2026-03-01T09:00:00.000Z' }, []],
  ] as Array<[string, Partial<PlannerPlan>, Partial<StoredEvent>, string[]]>)(
    '%s',
    (_l, plan, event, keys) => {
      const items = planNotifications(input(plan, { conversationEvents: [stored(event)] }), now).filter(
        (i) => i.kind.startsWith('conversation_') && i.kind !== 'conversation_tomorrow',
      );
      const expected = keys.flatMap((k) => [`${k}:${E}`, `${k}:${M}`]);
      expect(items.map((i) => i.dedupeKey).sort()).toEqual(expected.sort());
    },
  );
});

describe('planNotifications: the yearly training-days balance', () => {
  const january = new Date('2027-01-20T09:00:00.000Z');
  const hrInput = (extra: Partial<PlannerInput> = {}) => input({ phase: 'closed' }, { hrIds: [H], ...extra });

  it('reminds HR on 15 January in Belgium', () => {
    expect(summary(ofKind(planNotifications(hrInput(), january), 'training_balance'))).toEqual([
      `training_balance->${H}@2027-01-15T07:00:00.000Z`,
    ]);
  });

  it("does not once this year's statements were sent, nor in the Netherlands", () => {
    expect(
      ofKind(
        planNotifications(hrInput({ lastBalanceStatementAt: '2027-01-12T10:00:00.000Z' }), january),
        'training_balance',
      ),
    ).toEqual([]);
    const dutch = hrInput();
    expect(
      ofKind(
        planNotifications({ ...dutch, organisation: { ...dutch.organisation, country: 'NL' } }, january),
        'training_balance',
      ),
    ).toEqual([]);
  });

  it('still reminds when the last statements date from last year', () => {
    const items = planNotifications(hrInput({ lastBalanceStatementAt: '2026-01-14T10:00:00.000Z' }), january);
    expect(ofKind(items, 'training_balance')).toHaveLength(1);
  });
});

describe('dueItems', () => {
  const item = (dueAt: string): PlannedItem => ({
    kind: 'cycle_started',
    dedupeKey: dueAt,
    recipientId: E,
    planId: null,
    dueAt,
    params: {},
    link: '/',
  });
  it.each([
    ['2026-03-02T08:59:59.000Z', true],
    ['2026-03-02T09:00:00.000Z', true],
    ['2026-03-02T09:00:01.000Z', false],
    ['2026-02-23T09:00:00.000Z', true],
    ['2026-02-23T08:59:59.000Z', false],
  ])('%s is due: %s', (dueAt, expected) => {
    expect(dueItems([item(dueAt)], now, 7).length === 1).toBe(expected);
  });
});
