import { z } from 'zod';
import { consultationBodies } from '../pop/training-plan.js';
import { sizeBands } from '../training-right/entitlement.js';
import { id, optionalText, version, versionInQuery } from './common.js';

export { type ConsultationBody, consultationBodies } from '../pop/training-plan.js';

const year = z.coerce.number().int().min(2000).max(2100);
const days = z.number().min(0).max(30);
/** A paritair comité number: 3 digits, optionally one or two 2-digit sub-committees ("319.01", "330.01.20"). */
const jointCommittee = z
  .string()
  .trim()
  .max(12)
  .regex(/^(\d{3}(\.\d{2}){0,2})?$/)
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const yearQuery = z.strictObject({ year: year.optional() });
export const normParams = z.strictObject({ year });
export const normVersionQuery = z.strictObject({ version: versionInQuery });

export const dayNormResponse = z.object({
  year: z.number(),
  daysPerFte: z.number(),
  note: z.string().nullable(),
  /** What the law gives for that year and the organisation's size, for comparison. */
  legalDaysPerFte: z.number(),
  version: z.number(),
});
export type DayNormView = z.infer<typeof dayNormResponse>;

export const trainingRightSettingsResponse = z.object({
  /** The year the computed figures below are for. */
  year: z.number(),
  /** Average FTE entered by HR; null = computed from the people records. */
  averageFte: z.number().nullable(),
  /** The average FTE of `year` from the people records (FTE x months employed / 12). */
  computedAverageFte: z.number(),
  sizeBand: z.enum(sizeBands),
  legalDaysPerFte: z.number(),
  /** Days per FTE that apply in `year`: the norm of that year, else the legal number. */
  daysPerFte: z.number(),
  daysPerFteSource: z.enum(['norm', 'legal']),
  jointCommittee: z.string().nullable(),
  carryOver: z.boolean(),
  hoursPerDay: z.number(),
  consultationBody: z.enum(consultationBodies).nullable(),
  norms: z.array(dayNormResponse),
  /** The version of the organisation row the settings live on. */
  version: z.number(),
});
export type TrainingRightSettings = z.infer<typeof trainingRightSettingsResponse>;

export const updateTrainingRightSettingsBody = z.strictObject({
  averageFte: z.number().min(0).max(100_000).nullable().optional(),
  jointCommittee: jointCommittee.optional(),
  carryOver: z.boolean().optional(),
  hoursPerDay: z.number().min(1).max(12).optional(),
  consultationBody: z.enum(consultationBodies).nullable().optional(),
  version,
});
export type UpdateTrainingRightSettingsInput = z.infer<typeof updateTrainingRightSettingsBody>;

export const saveDayNormBody = z.strictObject({
  daysPerFte: days,
  note: optionalText(500),
  /** The norm's version when it exists; null to create the year's norm. */
  version: version.nullable(),
});
export type SaveDayNormInput = z.infer<typeof saveDayNormBody>;

export const balanceListQuery = z.strictObject({
  year: year.optional(),
  q: z.string().trim().max(100).optional(),
  teamId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type BalanceListQuery = z.infer<typeof balanceListQuery>;

/** One person's training days in one calendar year. */
export const trainingBalance = z.object({
  personId: id,
  name: z.string(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  fte: z.number(),
  workRegime: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Months of the year employed (a month counts when employed at least one day in it). */
  months: z.number(),
  entitlement: z.number(),
  carriedOver: z.number(),
  available: z.number(),
  /** Counting actions of approved plans in the year that are not done yet. */
  planned: z.number(),
  /** Counting actions done in the year (actual hours, else planned hours). */
  followed: z.number(),
  /** available - followed; negative when more was followed than the right. */
  remaining: z.number(),
  lapsingAtYearEnd: z.number(),
  /** Counting actions without any hours: they add no days until someone records their hours. */
  withoutHours: z.number(),
  statementSentAt: z.string().nullable(),
});
export type TrainingBalance = z.infer<typeof trainingBalance>;

const yearContext = {
  year: z.number(),
  daysPerFte: z.number(),
  sizeBand: z.enum(sizeBands),
  hoursPerDay: z.number(),
  carryOver: z.boolean(),
};

export const balanceListResponse = z.object({
  ...yearContext,
  items: z.array(trainingBalance),
  total: z.number(),
  totals: z.object({ entitlement: z.number(), followed: z.number(), planned: z.number() }),
});
export type BalanceList = z.infer<typeof balanceListResponse>;

/** One of the employee's own trainings of the year, with whether it counts for the training right. */
export const ownTraining = z.object({
  id,
  planId: id,
  description: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  status: z.enum(['planned', 'in_progress', 'done', 'cancelled', 'postponed']),
  hours: z.number().nullable(),
  days: z.number().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  counts: z.boolean(),
});
export type OwnTraining = z.infer<typeof ownTraining>;

export const myTrainingRightResponse = z.object({
  ...yearContext,
  balance: trainingBalance,
  trainings: z.array(ownTraining),
});
export type MyTrainingRight = z.infer<typeof myTrainingRightResponse>;

export const sendStatementsBody = z.strictObject({ year: z.number().int().min(2000).max(2100) });
export const sendStatementsResponse = z.object({
  year: z.number(),
  sent: z.number(),
  /** Already had this year's statement. */
  alreadySent: z.number(),
  /** Not employed in that year. */
  notEmployed: z.number(),
});
export type SendStatementsResult = z.infer<typeof sendStatementsResponse>;

export const exportQuery = z.strictObject({
  period: z
    .string()
    .trim()
    .max(20)
    .regex(/^(\d{4}|\d{4}-Q[1-4]|new-hires)$/),
});

export const learningAccountTraining = z.object({
  id,
  name: z.string(),
  type: z.string(),
  learning: z.enum(['formal', 'informal']),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  durationHours: z.number().nullable(),
  durationDays: z.number().nullable(),
  followed: z.boolean(),
  certificate: z.string().nullable(),
  countsForTrainingRight: z.boolean(),
  financing: z.string().nullable(),
});

export const learningAccountPerson = z.object({
  id,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  workRegime: z.string().nullable(),
  fte: z.number(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  year: z.number(),
  daysPerFte: z.number(),
  entitlementDays: z.number(),
  carriedOverDays: z.number(),
  remainingDays: z.number(),
  trainings: z.array(learningAccountTraining),
});

/** The JSON delivery (docs/learning-account-export.md). */
export const learningAccountExport = z.object({
  format: z.literal('groeipad-learning-account/1'),
  kind: z.enum(['yearly', 'quarterly', 'new_hire']),
  period: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  generatedAt: z.string(),
  employer: z.object({
    name: z.string(),
    jointCommittee: z.string().nullable(),
    averageFte: z.number(),
    sizeBand: z.enum(sizeBands),
    hoursPerDay: z.number(),
  }),
  people: z.array(learningAccountPerson),
});
export type LearningAccountExport = z.infer<typeof learningAccountExport>;

export const deadlineItem = z.object({
  kind: z.enum(['yearly', 'quarterly', 'new_hire']),
  period: z.string(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(['done', 'overdue', 'due_soon', 'upcoming']),
  exportedAt: z.string().nullable(),
});
export type DeadlineItem = z.infer<typeof deadlineItem>;

export const deadlinesResponse = z.object({
  year: z.number(),
  today: z.string(),
  items: z.array(deadlineItem),
  recentExports: z.array(
    z.object({
      id,
      kind: z.enum(['yearly', 'quarterly', 'new_hire']),
      period: z.string(),
      exportedAt: z.string(),
      exportedBy: z.string().nullable(),
      records: z.number(),
    }),
  ),
});
export type Deadlines = z.infer<typeof deadlinesResponse>;
