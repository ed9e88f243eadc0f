import { actionYear } from '../../../shared/pop/action-year.js';
import { type Timing, timingBounds } from '../../../shared/pop/timing.js';
import {
  averageFte,
  type DayNorm,
  daysPerFteFor,
  employedMonths,
  entitlementDays,
  firstTrainingRightYear,
  hoursToDays,
  type SizeBand,
  sizeBandOf,
  trainingDays,
  type YearBalance,
  type YearFigures,
  yearBalances,
} from '../../../shared/training-right/entitlement.js';

/**
 * From the organisation's rows to each person's training-days balance: which actions count in which year, what is
 * planned and what was followed. Pure: the service loads the rows and hands them in.
 */

export interface EmployerFacts {
  /** Average FTE entered by HR; null = computed per year from `people`. */
  enteredAverageFte: number | null;
  carryOver: boolean;
  hoursPerDay: number;
  norms: readonly DayNorm[];
  /** The first year with training records in Groeipad: nothing is carried over from before it. */
  firstRecordedYear: number;
  /** Everyone's FTE and employment dates, to compute the average FTE of a year. */
  people: readonly { fte: number; startDate: string | null; endDate: string | null }[];
}

export interface YearRule {
  year: number;
  averageFte: number;
  computedAverageFte: number;
  sizeBand: SizeBand;
  daysPerFte: number;
  source: 'norm' | 'legal';
}

/** Size and days per FTE of one year. */
export function yearRule(employer: EmployerFacts, year: number): YearRule {
  const computedAverageFte = averageFte(year, employer.people);
  const average = employer.enteredAverageFte ?? computedAverageFte;
  const sizeBand = sizeBandOf(average);
  const { daysPerFte, source } = daysPerFteFor(year, sizeBand, employer.norms);
  return { year, averageFte: average, computedAverageFte, sizeBand, daysPerFte, source };
}

/** A POP action as the training right sees it. */
export interface TrainingAction {
  id: string;
  planId: string;
  employeeId: string;
  planPhase: string;
  planCancelled: boolean;
  planPeriodStart: string;
  status: string;
  timing: Timing | null;
  hours: number | null;
  actualHours: number | null;
  actualStart: string | null;
  actualEnd: string | null;
  counts: boolean;
}

/** Phases in which a plan's actions are agreed (approved, or later). */
const agreedPhases = ['approved', 'evaluation', 'closed'];
const openStatuses = ['planned', 'in_progress', 'postponed'];

/** The year an action counts in: the one rule shared with the training plan and budgets. */
export const yearOf = (action: TrainingAction): number =>
  actionYear({
    timing: action.timing,
    actualStart: action.actualStart,
    actualEnd: action.actualEnd,
    planPeriodStart: action.planPeriodStart,
  });

/** Done in an agreed plan (a plan stopped later keeps what was followed). */
export const isFollowed = (action: TrainingAction): boolean =>
  action.status === 'done' && agreedPhases.includes(action.planPhase);

/**
 * Still to come in a plan being carried out (approved or in evaluation, not stopped). A closed plan's unfinished
 * actions are not counted: they lapse, or the next POP takes them along as its own actions.
 */
export const isPlanned = (action: TrainingAction): boolean =>
  openStatuses.includes(action.status) &&
  !action.planCancelled &&
  (action.planPhase === 'approved' || action.planPhase === 'evaluation');

/** Hours that count: what was actually spent when recorded, else what was planned. */
export const hoursOf = (action: TrainingAction): number | null =>
  isFollowed(action) ? (action.actualHours ?? action.hours) : action.hours;

export const daysOf = (action: TrainingAction, hoursPerDay: number): number | null => {
  const hours = hoursOf(action);
  return hours === null ? null : hoursToDays(hours, hoursPerDay);
};

export interface PersonFacts {
  id: string;
  fte: number;
  startDate: string | null;
  endDate: string | null;
}

export interface PersonYearBalance extends YearBalance {
  months: number;
  planned: number;
  withoutHours: number;
}

/**
 * One person's balance in `year`. Without carry-over only that year matters; with it, every year from the first
 * recorded one, so the oldest days are used first and days older than the window lapse.
 */
export function personBalance(
  employer: EmployerFacts,
  rules: (year: number) => YearRule,
  person: PersonFacts,
  actions: readonly TrainingAction[],
  year: number,
): PersonYearBalance {
  const first = employer.carryOver ? Math.max(firstTrainingRightYear, employer.firstRecordedYear) : year;
  const from = Math.min(first, year);
  const byYear = new Map<number, TrainingAction[]>();
  for (const action of actions) {
    const y = yearOf(action);
    if (y < from || y > year) continue;
    byYear.set(y, [...(byYear.get(y) ?? []), action]);
  }
  const figures: YearFigures[] = [];
  for (let y = from; y <= year; y++) {
    const months = employedMonths(y, person.startDate, person.endDate);
    const followed = (byYear.get(y) ?? []).filter(isFollowed);
    figures.push({
      year: y,
      entitlement: entitlementDays({ daysPerFte: rules(y).daysPerFte, fte: person.fte, months }),
      followed: trainingDays(
        followed.map((a) => ({ hours: hoursOf(a), counts: a.counts })),
        employer.hoursPerDay,
      ),
    });
  }
  const balance = yearBalances(figures, employer.carryOver).at(-1) as YearBalance;
  const ofYear = byYear.get(year) ?? [];
  const planned = ofYear.filter(isPlanned);
  return {
    ...balance,
    months: employedMonths(year, person.startDate, person.endDate),
    planned: trainingDays(
      planned.map((a) => ({ hours: a.hours, counts: a.counts })),
      employer.hoursPerDay,
    ),
    withoutHours: ofYear.filter((a) => a.counts && (isFollowed(a) || isPlanned(a)) && hoursOf(a) === null)
      .length,
  };
}

/** Memoised year rules: the average FTE of a year is computed once per request. */
export function yearRules(employer: EmployerFacts): (year: number) => YearRule {
  const cache = new Map<number, YearRule>();
  return (year) => {
    let rule = cache.get(year);
    if (!rule) {
      rule = yearRule(employer, year);
      cache.set(year, rule);
    }
    return rule;
  };
}

/** Planned start and end of an action from its timing. */
export function plannedBounds(timing: Timing | null): { start: string | null; end: string | null } {
  return timing ? timingBounds(timing) : { start: null, end: null };
}

/** Trainings in the order they take place: by start (undated last), then end, then name. */
export function byDate<T extends { start: string | null; end: string | null; name: string }>(
  a: T,
  b: T,
): number {
  return (
    (a.start ?? '9999').localeCompare(b.start ?? '9999') ||
    (a.end ?? '9999').localeCompare(b.end ?? '9999') ||
    a.name.localeCompare(b.name)
  );
}
