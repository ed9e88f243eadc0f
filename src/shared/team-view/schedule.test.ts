import { describe, expect, it } from 'vitest';
import { awaitingApprovalOf, currentPlanOf, nextDate, overdueItems, type PlanSchedule } from './schedule.js';

const base: PlanSchedule = {
  phase: 'preparation',
  cancelled: false,
  conversationDate: null,
  exchangeDeadline: null,
  employeeShared: false,
  managerShared: false,
  followUps: [],
  evaluationDate: null,
  evaluationComplete: false,
  openActionEnds: [],
};
const plan = (over: Partial<PlanSchedule>): PlanSchedule => ({ ...base, ...over });
const today = '2027-03-10';

describe('nextDate', () => {
  it.each<[string, Partial<PlanSchedule>, ReturnType<typeof nextDate>]>([
    ['nothing planned', {}, null],
    [
      'the exchange deadline comes before the conversation',
      { conversationDate: '2027-03-20', exchangeDeadline: '2027-03-13' },
      { kind: 'exchange_deadline', date: '2027-03-13' },
    ],
    [
      'both shared: the conversation is next',
      {
        conversationDate: '2027-03-20',
        exchangeDeadline: '2027-03-13',
        employeeShared: true,
        managerShared: true,
      },
      { kind: 'conversation', date: '2027-03-20' },
    ],
    [
      'a missed deadline is not next; the conversation is',
      { conversationDate: '2027-03-12', exchangeDeadline: '2027-03-05' },
      { kind: 'conversation', date: '2027-03-12' },
    ],
    [
      'today counts as ahead',
      { conversationDate: '2027-03-10', exchangeDeadline: '2027-03-10' },
      { kind: 'exchange_deadline', date: '2027-03-10' },
    ],
    [
      'approved: the first follow-up not yet held',
      {
        phase: 'approved',
        followUps: [
          { plannedDate: '2027-03-01', held: true },
          { plannedDate: '2027-06-01', held: false },
          { plannedDate: '2027-04-01', held: false },
        ],
        evaluationDate: '2027-12-01',
      },
      { kind: 'follow_up', date: '2027-04-01' },
    ],
    [
      'approved without follow-ups: the evaluation',
      { phase: 'approved', evaluationDate: '2027-12-01' },
      { kind: 'evaluation', date: '2027-12-01' },
    ],
    [
      'evaluation phase: the evaluation date',
      { phase: 'evaluation', evaluationDate: '2027-03-30' },
      { kind: 'evaluation', date: '2027-03-30' },
    ],
    [
      'evaluation complete: nothing',
      { phase: 'evaluation', evaluationDate: '2027-03-30', evaluationComplete: true },
      null,
    ],
    ['closed: nothing', { phase: 'closed', evaluationDate: '2027-12-01' }, null],
    [
      'cancelled: nothing',
      { cancelled: true, conversationDate: '2027-03-20', exchangeDeadline: '2027-03-13' },
      null,
    ],
  ])('%s', (_name, over, expected) => {
    expect(nextDate(plan(over), today)).toEqual(expected);
  });
});

describe('overdueItems', () => {
  it.each<[string, Partial<PlanSchedule>, ReturnType<typeof overdueItems>]>([
    ['nothing late', { conversationDate: '2027-03-20', exchangeDeadline: '2027-03-13' }, []],
    [
      'preparations not exchanged in time',
      { conversationDate: '2027-03-12', exchangeDeadline: '2027-03-05', employeeShared: true },
      [{ kind: 'exchange_deadline', date: '2027-03-05', count: 1 }],
    ],
    [
      'exchanged: the deadline is not late',
      {
        conversationDate: '2027-03-12',
        exchangeDeadline: '2027-03-05',
        employeeShared: true,
        managerShared: true,
      },
      [],
    ],
    [
      'the conversation date passed in preparation',
      {
        conversationDate: '2027-03-09',
        exchangeDeadline: '2027-03-02',
        employeeShared: true,
        managerShared: true,
      },
      [{ kind: 'conversation', date: '2027-03-09', count: 1 }],
    ],
    [
      'follow-ups not held, counted, earliest date',
      {
        phase: 'approved',
        followUps: [
          { plannedDate: '2027-02-01', held: false },
          { plannedDate: '2027-01-15', held: false },
          { plannedDate: '2027-01-01', held: true },
        ],
      },
      [{ kind: 'follow_up', date: '2027-01-15', count: 2 }],
    ],
    [
      'a follow-up in the conversation phase is not late yet',
      { phase: 'conversation', followUps: [{ plannedDate: '2027-02-01', held: false }] },
      [],
    ],
    [
      'evaluation date passed while carrying out',
      { phase: 'approved', evaluationDate: '2027-03-01' },
      [{ kind: 'evaluation', date: '2027-03-01', count: 1 }],
    ],
    [
      'evaluation not complete after its date',
      { phase: 'evaluation', evaluationDate: '2027-03-01' },
      [{ kind: 'evaluation', date: '2027-03-01', count: 1 }],
    ],
    [
      'actions past their timing, ongoing ones never',
      { phase: 'approved', openActionEnds: ['2027-03-31', '2027-01-31', null, '2026-12-31'] },
      [{ kind: 'action', date: '2026-12-31', count: 2 }],
    ],
    ['actions do not count outside execution', { phase: 'evaluation', openActionEnds: ['2026-12-31'] }, []],
    [
      'in a fixed order',
      {
        phase: 'approved',
        followUps: [{ plannedDate: '2027-02-01', held: false }],
        evaluationDate: '2027-03-01',
        openActionEnds: ['2027-01-01'],
      },
      [
        { kind: 'follow_up', date: '2027-02-01', count: 1 },
        { kind: 'evaluation', date: '2027-03-01', count: 1 },
        { kind: 'action', date: '2027-01-01', count: 1 },
      ],
    ],
    ['cancelled: nothing is late', { cancelled: true, phase: 'closed', openActionEnds: ['2026-01-01'] }, []],
  ])('%s', (_name, over, expected) => {
    expect(overdueItems(plan(over), today)).toEqual(expected);
  });
});

describe('awaitingApprovalOf', () => {
  const state: Parameters<typeof awaitingApprovalOf>[0] = {
    phase: 'conversation',
    cancelled: false,
    disputed: false,
    revisionOpen: false,
    employeeApproved: false,
    managerApproved: false,
  };
  it.each<[string, Partial<typeof state>, string[]]>([
    ['both, in the conversation', {}, ['employee', 'manager']],
    ['the employee only', { managerApproved: true }, ['employee']],
    ['nobody in preparation', { phase: 'preparation' }, []],
    ['nobody when disputed', { disputed: true }, []],
    ['a revision waits for both', { phase: 'approved', revisionOpen: true }, ['employee', 'manager']],
    ['an approved plan without revision waits for nobody', { phase: 'approved' }, []],
  ])('%s', (_name, over, expected) => {
    expect(awaitingApprovalOf({ ...state, ...over })).toEqual(expected);
  });
});

describe('currentPlanOf', () => {
  const p = (id: string, phase: PlanSchedule['phase'], periodStart: string, createdAt = '2026-01-01') => ({
    id,
    phase,
    periodStart,
    createdAt,
  });
  it('prefers the open plan over a more recent closed one', () => {
    expect(currentPlanOf([p('a', 'closed', '2028-01-01'), p('b', 'approved', '2027-01-01')])?.id).toBe('b');
  });
  it('takes the most recent period among closed plans', () => {
    expect(currentPlanOf([p('a', 'closed', '2025-01-01'), p('b', 'closed', '2026-01-01')])?.id).toBe('b');
  });
  it('breaks a tie by creation', () => {
    expect(
      currentPlanOf([
        p('a', 'closed', '2026-01-01', '2026-01-02'),
        p('b', 'closed', '2026-01-01', '2026-03-01'),
      ])?.id,
    ).toBe('b');
  });
  it('answers null without plans', () => {
    expect(currentPlanOf([])).toBeNull();
  });
});
