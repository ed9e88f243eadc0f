import { describe, expect, it } from 'vitest';
import {
  averageFte,
  balanceOf,
  daysPerFteFor,
  employedMonths,
  entitlementDays,
  hoursToDays,
  legalDaysPerFte,
  round2,
  type SizeBand,
  sizeBandOf,
  trainingDays,
  type YearFigures,
  yearBalances,
} from './entitlement.js';

describe('size band and legal days per FTE', () => {
  it.each([
    [0, 'under_10'],
    [9.99, 'under_10'],
    [10, 'from_10_to_19'],
    [19.99, 'from_10_to_19'],
    [20, 'from_20'],
    [240.5, 'from_20'],
  ] as const)('%s FTE -> %s', (fte, band) => {
    expect(sizeBandOf(fte)).toBe(band);
  });

  it.each<[number, SizeBand, number]>([
    [2022, 'from_20', 0], // before the individual right existed
    [2023, 'from_20', 4], // first year: 4 days
    [2024, 'from_20', 5],
    [2027, 'from_20', 5],
    [2023, 'from_10_to_19', 1],
    [2026, 'from_10_to_19', 1],
    [2026, 'under_10', 0],
  ])('%s, %s -> %s days per FTE', (year, band, days) => {
    expect(legalDaysPerFte(year, band)).toBe(days);
  });

  it('a norm for the year (sector agreement) replaces the legal default, only for that year', () => {
    const norms = [{ year: 2026, daysPerFte: 2 }];
    expect(daysPerFteFor(2026, 'from_20', norms)).toEqual({ daysPerFte: 2, source: 'norm' });
    expect(daysPerFteFor(2027, 'from_20', norms)).toEqual({ daysPerFte: 5, source: 'legal' });
  });
});

describe('months employed in a year (a month counts when employed at least one day in it)', () => {
  it.each<[string, string | null, string | null, number]>([
    ['employed all year, no dates', null, null, 12],
    ['started years ago, still employed', '2009-09-01', null, 12],
    ['started 1 April: April..December', '2026-04-01', null, 9],
    ['started 15 April: April counts too', '2026-04-15', null, 9],
    ['started 31 December: one month', '2026-12-31', null, 1],
    ['left 15 June: January..June', '2015-01-05', '2026-06-15', 6],
    ['started 1 March, left 31 October', '2026-03-01', '2026-10-31', 8],
    ['starts next year', '2027-01-01', null, 0],
    ['left last year', '2010-01-01', '2025-12-31', 0],
    ['end before start (bad data) counts nothing', '2026-06-01', '2026-02-01', 0],
  ])('%s', (_name, start, end, months) => {
    expect(employedMonths(2026, start, end)).toBe(months);
  });
});

describe('entitlement in days (days per FTE x FTE x months / 12, to 0.01)', () => {
  it.each<[string, number, number, number, number]>([
    // Full year, full time, 20+ FTE employer in 2026: 5 x 1 x 12/12 = 5.
    ['full year, full time', 5, 1, 12, 5],
    // Four-fifths (0.8 FTE) all year: 5 x 0.8 x 12/12 = 4.
    ['0.8 FTE all year', 5, 0.8, 12, 4],
    // Started 1 April, full time: 5 x 1 x 9/12 = 3.75.
    ['started 1 April', 5, 1, 9, 3.75],
    // Left mid-June, half time: 5 x 0.5 x 6/12 = 1.25.
    ['left mid-June at 0.5 FTE', 5, 0.5, 6, 1.25],
    // March to October at 0.8 FTE: 5 x 0.8 x 8/12 = 2.6666... -> 2.67.
    ['8 months at 0.8 FTE', 5, 0.8, 8, 2.67],
    // 10-19 FTE employer, half time: 1 x 0.5 x 12/12 = 0.5.
    ['10-19 FTE employer, half time', 1, 0.5, 12, 0.5],
    // 10-19 FTE employer, started 1 September: 1 x 1 x 4/12 = 0.333... -> 0.33.
    ['10-19 FTE employer, started September', 1, 1, 4, 0.33],
    // First year of the right (2023): 4 x 1 x 12/12 = 4.
    ['2023: four days', 4, 1, 12, 4],
    // Sector agreement of 2 days, 0.8 FTE: 2 x 0.8 = 1.6.
    ['sector norm of 2 days at 0.8 FTE', 2, 0.8, 12, 1.6],
    ['no right under 10 FTE', 0, 1, 12, 0],
    ['not employed in the year', 5, 1, 0, 0],
  ])('%s', (_name, daysPerFte, fte, months, expected) => {
    expect(entitlementDays({ daysPerFte, fte, months })).toBe(expected);
  });
});

describe('hours to days', () => {
  it.each<[number, number, number]>([
    // 7.6 hours is one day at the default 7.6 h per day.
    [7.6, 7.6, 1],
    // A two-day training of 14 hours: 14 / 7.6 = 1.8421... -> 1.84.
    [14, 7.6, 1.84],
    // Half a day: 3.8 / 7.6 = 0.5.
    [3.8, 7.6, 0.5],
    // One hour: 1 / 7.6 = 0.1315... -> 0.13.
    [1, 7.6, 0.13],
    // At 8 hours per day: 14 / 8 = 1.75.
    [14, 8, 1.75],
    // A postgraduate of 120 hours: 120 / 7.6 = 15.789... -> 15.79.
    [120, 7.6, 15.79],
    [0, 7.6, 0],
  ])('%s h at %s h/day -> %s days', (hours, perDay, days) => {
    expect(hoursToDays(hours, perDay)).toBe(days);
  });

  it('adds only the records that count, and converts the total once', () => {
    // 14 h + 8 h count (Vlaams opleidingsverlof of 7.6 h does not; a record without hours adds nothing):
    // 22 / 7.6 = 2.894... -> 2.89.
    expect(
      trainingDays(
        [
          { hours: 14, counts: true },
          { hours: 7.6, counts: false },
          { hours: null, counts: true },
          { hours: 8, counts: true },
        ],
        7.6,
      ),
    ).toBe(2.89);
    // Five one-hour sessions: 5 / 7.6 = 0.6578... -> 0.66.
    expect(
      trainingDays(
        [1, 1, 1, 1, 1].map((hours) => ({ hours, counts: true })),
        7.6,
      ),
    ).toBe(0.66);
    // Rounding each of the five 1-hour sessions first would give 5 x 0.13 = 0.65.
    expect(round2(5 * hoursToDays(1, 7.6))).toBe(0.65);
  });
});

describe('average FTE of a year', () => {
  it('weights each person by the months employed', () => {
    // 1 FTE all year + 0.5 FTE all year + 1 FTE from 1 July (6/12) + someone who left last year = 2.
    expect(
      averageFte(2026, [
        { fte: 1, startDate: '2010-01-01', endDate: null },
        { fte: 0.5, startDate: null, endDate: null },
        { fte: 1, startDate: '2026-07-01', endDate: null },
        { fte: 1, startDate: '2010-01-01', endDate: '2025-12-31' },
      ]),
    ).toBe(2);
  });
});

const years = (...rows: [number, number, number][]): YearFigures[] =>
  rows.map(([year, entitlement, followed]) => ({ year, entitlement, followed }));

describe('balance: carry-over off (unused days lapse on 31 December)', () => {
  it('each year stands alone', () => {
    // 2025: 5 days, 2 followed -> 3 remain and lapse. 2026: 5 days, 1 followed -> 4 remain.
    const [y2025, y2026] = yearBalances(years([2025, 5, 2], [2026, 5, 1]), false);
    expect(y2025).toEqual({
      year: 2025,
      entitlement: 5,
      carriedOver: 0,
      available: 5,
      followed: 2,
      remaining: 3,
      lapsingAtYearEnd: 3,
    });
    expect(y2026).toMatchObject({ carriedOver: 0, available: 5, remaining: 4, lapsingAtYearEnd: 4 });
  });

  it('more followed than the right gives a negative remainder that is not owed back', () => {
    // 2025: 5 days, 7 followed -> -2. 2026 still starts at 5.
    const [y2025, y2026] = yearBalances(years([2025, 5, 7], [2026, 5, 0]), false);
    expect(y2025).toMatchObject({ remaining: -2, lapsingAtYearEnd: 0 });
    expect(y2026).toMatchObject({ available: 5, remaining: 5 });
  });
});

describe('balance: carry-over on (unused days move on for at most 5 calendar years)', () => {
  it('the balance of year N-1 adds to year N', () => {
    // 2025: 5 days, 2 followed -> 3 carried into 2026. 2026: 3 + 5 = 8 available, 1 followed -> 7 remain.
    expect(balanceOf(years([2025, 5, 2], [2026, 5, 1]), true)).toEqual({
      year: 2026,
      entitlement: 5,
      carriedOver: 3,
      available: 8,
      followed: 1,
      remaining: 7,
      lapsingAtYearEnd: 0,
    });
  });

  it('uses the oldest days first', () => {
    // 2024: 5 days, none followed. 2025: 5 + 5 available, 6 followed: the 5 of 2024 go first, then 1 of 2025.
    // 2026: 4 days of 2025 carried + 5 = 9.
    const balances = yearBalances(years([2024, 5, 0], [2025, 5, 6], [2026, 5, 0]), true);
    expect(balances.map((b) => [b.carriedOver, b.available, b.remaining])).toEqual([
      [0, 5, 5],
      [5, 10, 4],
      [4, 9, 9],
    ]);
  });

  it('days lapse after five calendar years (the year they arise and four more)', () => {
    // A 10-19 FTE employer: 1 day a year from 2023, never used.
    // 2027 holds the days of 2023..2026 (4) + 1 = 5; the 2023 day lapses at the end of 2027.
    // 2028 holds 2024..2027 (4) + 1 = 5 again.
    const balances = yearBalances(
      years([2023, 1, 0], [2024, 1, 0], [2025, 1, 0], [2026, 1, 0], [2027, 1, 0], [2028, 1, 0]),
      true,
    );
    expect(balances.map((b) => [b.year, b.carriedOver, b.available, b.lapsingAtYearEnd])).toEqual([
      [2023, 0, 1, 0],
      [2024, 1, 2, 0],
      [2025, 2, 3, 0],
      [2026, 3, 4, 0],
      [2027, 4, 5, 1],
      [2028, 4, 5, 1],
    ]);
  });

  it('days followed beyond the right do not reduce the next year', () => {
    const [, y2026] = yearBalances(years([2025, 5, 8], [2026, 5, 0]), true);
    expect(y2026).toMatchObject({ carriedOver: 0, available: 5 });
  });

  it('has no balance without years', () => {
    expect(balanceOf([], true)).toBeUndefined();
  });
});

describe('round2', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [-1.005, -1.01],
    [0.1 + 0.2, 0.3],
  ])('%s -> %s', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});
