import { addDays } from '../pop/dates.js';
import { csvLine } from '../spreadsheet.js';

/**
 * The federal learning account (Mijn loopbaan / Mon compte formation, run by Sigedis): what an employer delivers and
 * when. Pure rules: the periods an export covers, the delivery deadlines, and the CSV layout documented in
 * docs/learning-account-export.md.
 *
 * Deadlines (werk.belgie.be, Sigedis):
 * - a new hire: within 60 days of the start of employment (their entitlement and any training so far);
 * - each quarter: by the last day of the month after the quarter (training records of that quarter);
 * - each year: the entitlement of the year by 30 January.
 */

export type LearningAccountKind = 'yearly' | 'quarterly' | 'new_hire';

export type ExportPeriod =
  | { kind: 'yearly'; year: number; from: string; to: string; label: string }
  | { kind: 'quarterly'; year: number; quarter: 1 | 2 | 3 | 4; from: string; to: string; label: string }
  | { kind: 'new_hire'; label: 'new-hires' };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function quarterBounds(year: number, quarter: 1 | 2 | 3 | 4): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** `2027` (a year), `2027-Q2` (a quarter) or `new-hires`; anything else is null. */
export function parseExportPeriod(value: string): ExportPeriod | null {
  if (value === 'new-hires') return { kind: 'new_hire', label: 'new-hires' };
  const year = /^(\d{4})$/.exec(value);
  if (year) {
    const y = Number(year[1]);
    return { kind: 'yearly', year: y, from: `${y}-01-01`, to: `${y}-12-31`, label: value };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]) as 1 | 2 | 3 | 4;
    return { kind: 'quarterly', year: y, quarter: q, ...quarterBounds(y, q), label: value };
  }
  return null;
}

/** The yearly delivery of year Y (its entitlements) is due on 30 January of Y. */
export const yearlyDueDate = (year: number): string => `${year}-01-30`;

/** A quarter's training records are due by the last day of the month after the quarter. */
export function quarterlyDueDate(year: number, quarter: 1 | 2 | 3 | 4): string {
  const month = quarter * 3 + 1;
  if (month > 12) return `${year + 1}-01-31`;
  return `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
}

/** A new hire is reported within 60 days of their start date. */
export const newHireDueDate = (startDate: string): string => addDays(startDate, 60);

/** How close a delivery is: within this many days of its due date it is "due soon". */
export const dueSoonDays = 14;

export type DeadlineStatus = 'done' | 'overdue' | 'due_soon' | 'upcoming';

export function deadlineStatus(dueDate: string, covered: boolean, today: string): DeadlineStatus {
  if (covered) return 'done';
  if (today > dueDate) return 'overdue';
  if (addDays(today, dueSoonDays) >= dueDate) return 'due_soon';
  return 'upcoming';
}

/**
 * The date a training record is reported under: when it ended, else when it started, else the end or start of its
 * planned timing. A record without any date (ongoing, or no timing) has none: it only appears in the yearly
 * delivery of the year `actionYear` gives it.
 */
export function recordDate(record: {
  actualStart: string | null;
  actualEnd: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
}): string | null {
  return record.actualEnd ?? record.actualStart ?? record.plannedEnd ?? record.plannedStart ?? null;
}

/** One row of the CSV: a training record of a person, or the person alone (no training in the period). */
export interface LearningAccountRow {
  personId: string;
  email: string;
  firstName: string;
  lastName: string;
  workRegime: string | null;
  fte: number;
  year: number;
  daysPerFte: number;
  entitlementDays: number;
  carriedOverDays: number;
  remainingDays: number;
  trainingId: string | null;
  trainingName: string | null;
  trainingType: string | null;
  learning: 'formal' | 'informal' | null;
  startDate: string | null;
  endDate: string | null;
  durationHours: number | null;
  durationDays: number | null;
  followed: boolean | null;
  certificate: string | null;
  countsForTrainingRight: boolean | null;
  financing: string | null;
}

/** The CSV columns in order, with the row field each one carries (documented in docs/learning-account-export.md). */
export const learningAccountColumns: readonly [string, keyof LearningAccountRow][] = [
  ['person_id', 'personId'],
  ['email', 'email'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['work_regime', 'workRegime'],
  ['fte', 'fte'],
  ['year', 'year'],
  ['days_per_fte', 'daysPerFte'],
  ['entitlement_days', 'entitlementDays'],
  ['carried_over_days', 'carriedOverDays'],
  ['remaining_days', 'remainingDays'],
  ['training_id', 'trainingId'],
  ['training_name', 'trainingName'],
  ['training_type', 'trainingType'],
  ['learning', 'learning'],
  ['start_date', 'startDate'],
  ['end_date', 'endDate'],
  ['duration_hours', 'durationHours'],
  ['duration_days', 'durationDays'],
  ['followed', 'followed'],
  ['certificate', 'certificate'],
  ['counts_for_training_right', 'countsForTrainingRight'],
  ['financing', 'financing'],
];

const cell = (value: LearningAccountRow[keyof LearningAccountRow]): string | null => {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : null;
  return value;
};

/**
 * The CSV file as Excel in Belgium opens it without an import wizard: UTF-8 with a byte order mark (the accents),
 * `;` as separator, a decimal comma, CRLF line ends, one header line. Dates are YYYY-MM-DD and yes/no are the
 * English words `yes`/`no`, the same in every language. Every text cell is neutralised against formula injection.
 * Programs read the JSON export, which carries plain numbers.
 */
export function learningAccountCsv(rows: readonly LearningAccountRow[]): string {
  const header = csvLine(learningAccountColumns.map(([name]) => name));
  const body = rows.map((row) => csvLine(learningAccountColumns.map(([, field]) => cell(row[field]))));
  return `\uFEFF${header}${body.join('')}`;
}
