import { describe, expect, it } from 'vitest';
import { checkSmart, type SmartInput } from './smart.js';
import { formatTiming, parseQuarter, timingBounds } from './timing.js';

const allConfirmed = {
  specific: true,
  measurable: true,
  realistic: true,
  timeBound: true,
  acceptableByEmployee: true,
  acceptableByManager: true,
};

const conflictTraining: SmartInput = {
  title: 'Beter leren omgaan met conflicten',
  description: 'Rustig blijven en de-escaleren in gesprekken met bewoners en familie.',
  measure: 'Evaluatie bij het volgend POP-gesprek',
  targetDate: '2027-03-31',
  actions: [{ timing: { kind: 'quarter', year: 2027, quarter: 1 } }],
  plan: { periodStart: '2027-01-01', periodEnd: '2027-12-31' },
  confirmations: allConfirmed,
  today: '2027-01-10',
};

const hintsOf = (input: SmartInput) =>
  Object.fromEntries(checkSmart(input).map((r) => [r.criterion, r.hints]));
const holdsOf = (input: SmartInput) =>
  Object.fromEntries(checkSmart(input).map((r) => [r.criterion, r.holds]));

describe('checkSmart', () => {
  it("holds for the seed's conflict-training goal", () => {
    expect(holdsOf(conflictTraining)).toEqual({
      specific: true,
      measurable: true,
      acceptable: true,
      realistic: true,
      timeBound: true,
    });
  });

  it.each([
    {
      name: 'no target date -> not Tijdgebonden',
      change: { targetDate: null },
      criterion: 'timeBound',
      hint: 'no_target_date',
    },
    {
      name: 'no measure -> not Meetbaar',
      change: { measure: '' },
      criterion: 'measurable',
      hint: 'no_measure',
    },
    {
      name: 'target past the period -> not Realistisch',
      change: { targetDate: '2028-02-01' },
      criterion: 'realistic',
      hint: 'target_after_period',
    },
    {
      name: 'target before the period -> not Tijdgebonden',
      change: { targetDate: '2026-12-01' },
      criterion: 'timeBound',
      hint: 'target_before_period',
    },
    {
      name: 'target in the past -> not Realistisch',
      change: { today: '2027-04-02' },
      criterion: 'realistic',
      hint: 'target_in_past',
    },
    {
      name: 'no action -> not Realistisch',
      change: { actions: [] },
      criterion: 'realistic',
      hint: 'no_actions',
    },
    {
      name: 'only cancelled actions -> not Realistisch',
      change: { actions: [{ timing: null, cancelled: true }] },
      criterion: 'realistic',
      hint: 'no_actions',
    },
    {
      name: 'an action starting after the target -> not Realistisch',
      change: { actions: [{ timing: { kind: 'quarter' as const, year: 2027, quarter: 2 as const } }] },
      criterion: 'realistic',
      hint: 'action_after_target',
    },
    {
      name: 'vague description -> not Specifiek',
      change: { description: 'beter doen' },
      criterion: 'specific',
      hint: 'no_description',
    },
  ])('$name', ({ change, criterion, hint }) => {
    const input = { ...conflictTraining, ...change } as SmartInput;
    expect(hintsOf(input)[criterion]).toContain(hint);
    expect(holdsOf(input)[criterion]).toBe(false);
  });

  it('needs both parties for Acceptabel', () => {
    const one = { ...conflictTraining, confirmations: { ...allConfirmed, acceptableByManager: false } };
    expect(holdsOf(one).acceptable).toBe(false);
    expect(checkSmart(one).find((r) => r.criterion === 'acceptable')?.hints).toEqual([]);
  });

  it('an unconfirmed criterion without hints does not hold yet', () => {
    const input = { ...conflictTraining, confirmations: { ...allConfirmed, specific: false } };
    expect(checkSmart(input).find((r) => r.criterion === 'specific')).toEqual({
      criterion: 'specific',
      hints: [],
      confirmed: false,
      holds: false,
    });
  });

  it('continuous actions never start after the target', () => {
    expect(hintsOf({ ...conflictTraining, actions: [{ timing: { kind: 'ongoing' } }] }).realistic).toEqual(
      [],
    );
  });
});

describe('timing', () => {
  it.each([
    [
      { kind: 'date' as const, date: '2027-03-15' },
      { start: '2027-03-15', end: '2027-03-15' },
    ],
    [
      { kind: 'range' as const, from: '2027-02-01', to: '2027-04-30' },
      { start: '2027-02-01', end: '2027-04-30' },
    ],
    [
      { kind: 'quarter' as const, year: 2027, quarter: 1 as const },
      { start: '2027-01-01', end: '2027-03-31' },
    ],
    [
      { kind: 'quarter' as const, year: 2028, quarter: 4 as const },
      { start: '2028-10-01', end: '2028-12-31' },
    ],
    [{ kind: 'ongoing' as const }, { start: null, end: null }],
  ])('bounds of %o', (timing, bounds) => {
    expect(timingBounds(timing)).toEqual(bounds);
  });

  it.each([
    ['Q1 2025', { year: 2025, quarter: 1 }],
    ['q3-2027', { year: 2027, quarter: 3 }],
    ['2027 Q4', { year: 2027, quarter: 4 }],
    ['K2 2026', { year: 2026, quarter: 2 }],
    ['Q5 2027', null],
    ['eind maart', null],
  ])('parses %s', (text, expected) => {
    expect(parseQuarter(text)).toEqual(expected);
  });

  it('writes timings the Belgian way', () => {
    const words = { ongoing: 'Doorlopend', quarter: 'Q' };
    expect(formatTiming({ kind: 'quarter', year: 2025, quarter: 1 }, words)).toBe('Q1 2025');
    expect(formatTiming({ kind: 'ongoing' }, words)).toBe('Doorlopend');
    expect(formatTiming({ kind: 'range', from: '2027-02-01', to: '2027-04-30' }, words)).toBe(
      '01/02/2027 – 30/04/2027',
    );
  });
});
