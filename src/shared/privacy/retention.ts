import { addMonths } from '../pop/dates.js';
import type { Country } from '../roles.js';

/**
 * How long Groeipad keeps what, and what the daily purge removes on a given day. Pure: today is an argument.
 *
 * Four categories of records, each with a period in months:
 * - `plan_content`: a person's POPs and everything in them (preparations, talking points, goals, agreements,
 *   conversation notes, follow-ups, evaluations, comments, approved versions) — development content;
 * - `training_records`: the training facts of agreed POPs that the learning account and the budgets need (kind,
 *   name, provider, timing, hours, cost, funding, status, dates, certificate), balance statements and learning-account
 *   deliveries — kept apart from the content, so the content can go first;
 * - `accounts`: the sign-in and the person record (name, email, function, sessions, links, notifications, email
 *   choices, emails in the outbox); at its end the record becomes a pseudonym;
 * - `audit_log`: the log of reads and changes, counted from each event (not from leaving): its rows describe acts,
 *   and the log is append-only (its one purge removes whole days).
 *
 * The first three count from the day a person left (`people.end_date`). See docs/privacy.md for the legal basis of
 * each default.
 */
export const retentionCategories = ['plan_content', 'training_records', 'accounts', 'audit_log'] as const;
export type RetentionCategory = (typeof retentionCategories)[number];

/** The categories of one person, in the order the purge removes them: content before training records. */
export const personCategories = ['plan_content', 'training_records', 'accounts'] as const;
export type PersonCategory = (typeof personCategories)[number];

export const isPersonCategory = (category: string): category is PersonCategory =>
  (personCategories as readonly string[]).includes(category);

/** The field of each category in the API (camelCase). */
export const retentionFields = {
  plan_content: 'planContent',
  training_records: 'trainingRecords',
  accounts: 'accounts',
  audit_log: 'auditLog',
} as const satisfies Record<RetentionCategory, string>;
export type RetentionField = (typeof retentionFields)[RetentionCategory];

/** When a category's period starts: the day the person left, or the day of the event (the audit log). */
export const retentionStart: Record<RetentionCategory, 'leaving' | 'event'> = {
  plan_content: 'leaving',
  training_records: 'leaving',
  accounts: 'leaving',
  audit_log: 'event',
};

/**
 * The defaults of each country, in months. Belgium: personnel data five years after leaving, training records six
 * (the five years of the social documents counted from the end of the calendar year the learning account reports
 * on, at most a year after leaving). The Netherlands: personnel data two years after leaving, training costs seven
 * (the fiscal retention duty of the administration). The audit log: two years after each event in both.
 */
export const countryRetention: Record<Country, Record<RetentionCategory, number>> = {
  BE: { plan_content: 60, training_records: 72, accounts: 60, audit_log: 24 },
  NL: { plan_content: 24, training_records: 84, accounts: 24, audit_log: 24 },
};

/** A period the organisation may not go under: a legal duty to keep the records (Belgium: training records). */
export const legalMinimum: Record<Country, Partial<Record<RetentionCategory, number>>> = {
  BE: { training_records: 60 },
  NL: {},
};

/** The range of any period: 0 months (removed the day after leaving) to 20 years; the audit log at least a month. */
export const retentionBounds: Record<RetentionCategory, { min: number; max: number }> = {
  plan_content: { min: 0, max: 240 },
  training_records: { min: 0, max: 240 },
  accounts: { min: 0, max: 240 },
  audit_log: { min: 1, max: 240 },
};

/** The organisation's choice per category; null = the country's default. */
export type RetentionSettings = Record<RetentionCategory, number | null>;
export const noRetentionSettings: RetentionSettings = {
  plan_content: null,
  training_records: null,
  accounts: null,
  audit_log: null,
};

export type Retention = Record<RetentionCategory, number>;

export function effectiveRetention(country: Country, settings: RetentionSettings): Retention {
  const defaults = countryRetention[country];
  return {
    plan_content: settings.plan_content ?? defaults.plan_content,
    training_records: settings.training_records ?? defaults.training_records,
    accounts: settings.accounts ?? defaults.accounts,
    audit_log: settings.audit_log ?? defaults.audit_log,
  };
}

export interface RetentionError {
  /** The API field at fault. */
  path: RetentionField;
  code: 'retention_below_minimum' | 'retention_training_before_content' | 'retention_out_of_range';
  params?: Record<string, number>;
}

/**
 * What is wrong with a choice of periods in a country: out of range, under a legal minimum, or training records that
 * would go before the content that holds them (the training facts live in the POP until its content goes).
 */
export function retentionErrors(country: Country, settings: RetentionSettings): RetentionError[] {
  const errors: RetentionError[] = [];
  const retention = effectiveRetention(country, settings);
  for (const category of retentionCategories) {
    const months = settings[category];
    if (months === null) continue;
    const { min, max } = retentionBounds[category];
    if (!Number.isInteger(months) || months < min || months > max) {
      errors.push({ path: retentionFields[category], code: 'retention_out_of_range', params: { min, max } });
      continue;
    }
    const minimum = legalMinimum[country][category];
    if (minimum !== undefined && months < minimum)
      errors.push({
        path: retentionFields[category],
        code: 'retention_below_minimum',
        params: { min: minimum },
      });
  }
  if (
    retention.training_records < retention.plan_content &&
    !errors.some((e) => e.path === 'trainingRecords')
  )
    errors.push({
      path: 'trainingRecords',
      code: 'retention_training_before_content',
      params: { months: retention.plan_content },
    });
  return errors;
}

/** The first day a category of someone who left on `leftOn` is due for removal: `months` after leaving. */
export const dueOn = (leftOn: string, months: number): string => addMonths(leftOn, months);

export interface PurgeQuestion {
  /** The organisation's calendar date the purge runs on. */
  today: string;
  /** The day the person left (`end_date`); null = still employed, or not known. */
  leftOn: string | null;
  retention: Retention;
  legalHold: boolean;
  /** Categories already removed for this person. */
  done?: readonly PersonCategory[];
}

/**
 * The categories of a person due for removal today, in purge order. Nothing while a legal hold is set, nothing for
 * someone who has not left (or leaves in the future). Training records due implies the content is due too: the
 * training facts are part of the POP, which goes as a whole.
 */
export function dueCategories(question: PurgeQuestion): PersonCategory[] {
  const { today, leftOn, retention, legalHold } = question;
  if (legalHold || leftOn === null || leftOn > today) return [];
  const done = new Set(question.done ?? []);
  const due = new Set(personCategories.filter((c) => dueOn(leftOn, retention[c]) <= today));
  if (due.has('training_records')) due.add('plan_content');
  return personCategories.filter((c) => due.has(c) && !done.has(c));
}

/**
 * A day no later than which everyone due for some category today has left: the purge's first, indexed filter
 * (`dueCategories` decides). The end of the month, because a period ending on a shorter month is cut to its last day.
 */
export function leftOnOrBefore(today: string, retention: Retention): string {
  const shortest = Math.min(...personCategories.map((c) => retention[c]));
  const [year = 0, month = 1] = addMonths(today, -shortest).split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * The calendar day from which audit rows are kept: every row of an earlier day is due. Null while a legal hold is set
 * on anyone in the organisation (the log is evidence, and its purge cannot spare one person's rows).
 */
export function auditKeptFrom(
  today: string,
  months: number,
  legalHoldInOrganisation: boolean,
): string | null {
  if (legalHoldInOrganisation) return null;
  return addMonths(today, -months);
}
