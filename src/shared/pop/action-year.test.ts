import { describe, expect, it } from 'vitest';
import { actionYear } from './action-year.js';
import type { Timing } from './timing.js';

const cases: [string, Timing | null, string | null, string | null, string, number][] = [
  [
    'actual end wins',
    { kind: 'quarter', year: 2027, quarter: 1 },
    '2026-12-01',
    '2027-02-03',
    '2026-01-01',
    2027,
  ],
  ['actual start without end', { kind: 'date', date: '2028-05-01' }, '2026-11-20', null, '2026-01-01', 2026],
  ['a single date', { kind: 'date', date: '2027-03-15' }, null, null, '2026-01-01', 2027],
  [
    'a range counts where it ends',
    { kind: 'range', from: '2026-11-01', to: '2027-01-31' },
    null,
    null,
    '2026-01-01',
    2027,
  ],
  ['a quarter', { kind: 'quarter', year: 2027, quarter: 4 }, null, null, '2026-01-01', 2027],
  ['ongoing counts in the plan year', { kind: 'ongoing' }, null, null, '2026-09-01', 2026],
  ['no timing counts in the plan year', null, null, null, '2025-07-01', 2025],
];

describe('actionYear', () => {
  it.each(cases)('%s', (_name, timing, actualStart, actualEnd, planPeriodStart, year) => {
    expect(actionYear({ timing, actualStart, actualEnd, planPeriodStart })).toBe(year);
  });
});
