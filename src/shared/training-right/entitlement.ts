/**
 * The Belgian individual training right (individueel opleidingsrecht, wet van 3 oktober 2022 houdende diverse
 * arbeidsbepalingen, "arbeidsdeal"), as pure arithmetic. No I/O, no clock: every input is an argument.
 *
 * - Size of the employer, in full-time equivalents (FTE): fewer than 10 -> no individual right; 10 to 19 -> 1 day
 *   per FTE per calendar year; 20 or more -> 5 days per FTE (4 in 2023, the first year of the right). A sector
 *   agreement may set another number for a year: HR records it as that year's norm, which then replaces the default.
 * - Pro rata for part-time work (the person's FTE) and for a partial year (the months employed in the year).
 * - Unused days either lapse at the end of the year, or (carry-over on) move to the next years for at most
 *   `carryOverYears` calendar years, oldest days used first.
 * - Training hours become days at the organisation's hours per day (default 7.6 h: a 38-hour week over 5 days).
 *
 * Every figure is rounded to hundredths of a day (0.01), the precision the learning account shows.
 */

export const sizeBands = ['under_10', 'from_10_to_19', 'from_20'] as const;
export type SizeBand = (typeof sizeBands)[number];

/** The first calendar year of the individual training right (4 days for employers with 20 or more FTE). */
export const firstTrainingRightYear = 2023;

/**
 * How long carried-over days stay usable: the year they arise plus four more. The law measures the right of an
 * employer with 10 to 19 FTE, and the 5-day target, over a period of five years; we use the same window so that
 * unused days never pile up forever. After it, they lapse.
 */
export const carryOverYears = 5;

/** The default hours of one training day: 7.6 h (a 38-hour week, the Belgian legal maximum, over five days). */
export const defaultHoursPerDay = 7.6;

/** Rounds to hundredths, halves away from zero, without binary noise (1.005 -> 1.01). */
export function round2(value: number): number {
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

/** The size band of an employer from its average number of workers in FTE. */
export function sizeBandOf(averageFte: number): SizeBand {
  if (averageFte >= 20) return 'from_20';
  if (averageFte >= 10) return 'from_10_to_19';
  return 'under_10';
}

/** The legal number of training days per FTE for a year, without a sector agreement. */
export function legalDaysPerFte(year: number, band: SizeBand): number {
  if (year < firstTrainingRightYear) return 0;
  switch (band) {
    case 'from_20':
      return year === firstTrainingRightYear ? 4 : 5;
    case 'from_10_to_19':
      return 1;
    case 'under_10':
      return 0;
  }
}

export interface DayNorm {
  year: number;
  daysPerFte: number;
}

/** The days per FTE that apply in a year: the organisation's norm for that year if it set one, else the legal one. */
export function daysPerFteFor(
  year: number,
  band: SizeBand,
  norms: readonly DayNorm[],
): { daysPerFte: number; source: 'norm' | 'legal' } {
  const norm = norms.find((n) => n.year === year);
  return norm
    ? { daysPerFte: norm.daysPerFte, source: 'norm' }
    : { daysPerFte: legalDaysPerFte(year, band), source: 'legal' };
}

/**
 * The number of calendar months of `year` in which the person was employed for at least one day (0..12).
 * `startDate` null means employed since before the year; `endDate` null means still employed.
 *
 * Why whole months: the employers' practice (payroll and social secretariats) and the worked examples around the
 * law express the pro rata in months ("in dienst op 1 september: 5 x 4/12"), and counting a started month in full
 * never gives a worker less than the law's minimum: a worker who starts on 15 April has April to December, 9 months.
 */
export function employedMonths(year: number, startDate: string | null, endDate: string | null): number {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (startDate && startDate > last) return 0;
  if (endDate && endDate < first) return 0;
  if (startDate && endDate && endDate < startDate) return 0;
  const fromMonth = startDate && startDate >= first ? Number(startDate.slice(5, 7)) : 1;
  const toMonth = endDate && endDate <= last ? Number(endDate.slice(5, 7)) : 12;
  return Math.max(0, toMonth - fromMonth + 1);
}

/** One person's entitlement for a year in days: days per FTE x FTE x months employed / 12. */
export function entitlementDays(input: { daysPerFte: number; fte: number; months: number }): number {
  const months = Math.min(12, Math.max(0, input.months));
  const fte = Math.min(1, Math.max(0, input.fte));
  return round2((input.daysPerFte * fte * months) / 12);
}

/** Hours of training as days at the organisation's hours per day. */
export function hoursToDays(hours: number, hoursPerDay: number): number {
  if (!(hoursPerDay > 0)) return 0;
  return round2(hours / hoursPerDay);
}

export interface TrainingRecordHours {
  /** Hours of the training; null when nobody recorded them (it then adds no days). */
  hours: number | null;
  /** Whether it counts for the training right (e.g. Vlaams opleidingsverlof does not). */
  counts: boolean;
}

/**
 * The days of a set of training records: only those that count, their hours added up first and converted once, so
 * rounding each record does not add up to a different total.
 */
export function trainingDays(records: readonly TrainingRecordHours[], hoursPerDay: number): number {
  const hours = records.reduce((sum, r) => (r.counts && r.hours !== null ? sum + r.hours : sum), 0);
  return hoursToDays(hours, hoursPerDay);
}

/** The average FTE employed during a year: each person's FTE weighted by the months employed in it. */
export function averageFte(
  year: number,
  people: readonly { fte: number; startDate: string | null; endDate: string | null }[],
): number {
  return round2(
    people.reduce((sum, p) => sum + (p.fte * employedMonths(year, p.startDate, p.endDate)) / 12, 0),
  );
}

export interface YearFigures {
  year: number;
  /** The entitlement of that year (see `entitlementDays`). */
  entitlement: number;
  /** Days followed in that year that count for the right. */
  followed: number;
}

export interface YearBalance {
  year: number;
  entitlement: number;
  /** Unused days of earlier years still usable this year (0 without carry-over). */
  carriedOver: number;
  /** entitlement + carriedOver. */
  available: number;
  followed: number;
  /** available - followed; negative when more was followed than the right (the right is a minimum, not a cap). */
  remaining: number;
  /** Of what remains, the days that lapse at the end of this year. */
  lapsingAtYearEnd: number;
}

/**
 * The balance of each year, in order. The years must be consecutive and ascending, starting with the first year
 * the organisation kept training records (earlier years have nothing to carry over from).
 *
 * Without carry-over, each year stands alone: unused days lapse on 31 December. With carry-over, each year's
 * entitlement is a lot usable in that year and the `carryOverYears - 1` years after it; days followed use the
 * oldest usable lot first, so the days closest to lapsing are spent first. Days followed beyond what is available
 * are not owed back and do not reduce later years.
 */
export function yearBalances(years: readonly YearFigures[], carryOver: boolean): YearBalance[] {
  let lots: { year: number; days: number }[] = [];
  const result: YearBalance[] = [];
  for (const figures of years) {
    lots = carryOver ? lots.filter((lot) => lot.year > figures.year - carryOverYears && lot.days > 0) : [];
    const carriedOver = round2(lots.reduce((sum, lot) => sum + lot.days, 0));
    lots.push({ year: figures.year, days: figures.entitlement });
    let toConsume = figures.followed;
    for (const lot of lots) {
      if (toConsume <= 0) break;
      const used = Math.min(lot.days, toConsume);
      lot.days = round2(lot.days - used);
      toConsume = round2(toConsume - used);
    }
    const available = round2(carriedOver + figures.entitlement);
    const remaining = round2(available - figures.followed);
    const lapsingAtYearEnd = carryOver
      ? round2(
          lots
            .filter((lot) => lot.year <= figures.year - carryOverYears + 1)
            .reduce((sum, lot) => sum + lot.days, 0),
        )
      : Math.max(0, remaining);
    result.push({
      year: figures.year,
      entitlement: figures.entitlement,
      carriedOver,
      available,
      followed: figures.followed,
      remaining,
      lapsingAtYearEnd,
    });
  }
  return result;
}

/** The balance of the last year of `years` (see `yearBalances`); undefined when there are no years. */
export function balanceOf(years: readonly YearFigures[], carryOver: boolean): YearBalance | undefined {
  return yearBalances(years, carryOver).at(-1);
}
