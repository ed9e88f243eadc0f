import { describe, expect, it } from 'vitest';
import { actionYear } from '../pop/action-year.js';
import type { Timing } from '../pop/timing.js';
import {
  actionQuarter,
  actionsPerStatus,
  type ChartAction,
  hoursAndCostPerQuarter,
  plansPerPhase,
} from './charts.js';

const action = (over: Partial<ChartAction>): ChartAction => ({
  status: 'planned',
  timing: null,
  actualStart: null,
  actualEnd: null,
  planPeriodStart: '2027-01-01',
  hours: null,
  cost: null,
  ...over,
});

describe('actionQuarter', () => {
  it.each<[string, Timing | null, string | null, string | null, string, number, number]>([
    [
      'actual end wins',
      { kind: 'quarter', year: 2027, quarter: 1 },
      '2026-12-01',
      '2027-05-03',
      '2026-01-01',
      2027,
      2,
    ],
    [
      'actual start without end',
      { kind: 'date', date: '2028-05-01' },
      '2026-11-20',
      null,
      '2026-01-01',
      2026,
      4,
    ],
    ['a date', { kind: 'date', date: '2027-03-31' }, null, null, '2026-01-01', 2027, 1],
    [
      'a range where it ends',
      { kind: 'range', from: '2026-11-01', to: '2027-04-01' },
      null,
      null,
      '2026-01-01',
      2027,
      2,
    ],
    ['a quarter', { kind: 'quarter', year: 2027, quarter: 3 }, null, null, '2026-01-01', 2027, 3],
    ['ongoing: the start of the plan', { kind: 'ongoing' }, null, null, '2026-09-01', 2026, 3],
    ['no timing: the start of the plan', null, null, null, '2025-12-01', 2025, 4],
  ])('%s', (_name, timing, actualStart, actualEnd, planPeriodStart, year, quarter) => {
    const input = { timing, actualStart, actualEnd, planPeriodStart };
    expect(actionQuarter(input)).toEqual({ year, quarter });
    // Always the same year as the one rule for the training plan, budgets and the training right.
    expect(actionQuarter(input).year).toBe(actionYear(input));
  });
});

describe('charts', () => {
  it('counts plans per phase, stopped plans apart', () => {
    const counts = plansPerPhase([
      { phase: 'preparation', cancelled: false },
      { phase: 'preparation', cancelled: false },
      { phase: 'approved', cancelled: false },
      { phase: 'closed', cancelled: true },
    ]);
    expect(counts).toEqual([
      { phase: 'preparation', count: 2 },
      { phase: 'conversation', count: 0 },
      { phase: 'approved', count: 1 },
      { phase: 'evaluation', count: 0 },
      { phase: 'closed', count: 0 },
    ]);
  });

  it('counts actions per status', () => {
    expect(
      actionsPerStatus([{ status: 'done' }, { status: 'done' }, { status: 'postponed' }]).filter(
        (s) => s.count > 0,
      ),
    ).toEqual([
      { status: 'done', count: 2 },
      { status: 'postponed', count: 1 },
    ]);
  });

  it('adds hours and cost per quarter, in order, without cancelled actions', () => {
    expect(
      hoursAndCostPerQuarter([
        action({ timing: { kind: 'quarter', year: 2027, quarter: 2 }, hours: 7, cost: 180.1 }),
        action({ timing: { kind: 'date', date: '2027-05-02' }, hours: 3.5, cost: 0.2 }),
        action({ timing: { kind: 'date', date: '2027-01-10' }, hours: 14, cost: null }),
        action({ timing: { kind: 'date', date: '2026-11-10' }, hours: 1, cost: 50 }),
        action({ timing: { kind: 'date', date: '2027-01-10' }, hours: 99, cost: 999, status: 'cancelled' }),
      ]),
    ).toEqual([
      { year: 2026, quarter: 4, hours: 1, cost: 50, actions: 1 },
      { year: 2027, quarter: 1, hours: 14, cost: 0, actions: 1 },
      { year: 2027, quarter: 2, hours: 10.5, cost: 180.3, actions: 2 },
    ]);
  });
});
