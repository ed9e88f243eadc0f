import { z } from 'zod';
import { consultationBodies, genders, trainingPlanTaskKeys } from '../pop/training-plan.js';
import { id, maxVersion, optionalText, version } from './common.js';

/**
 * The organisation's training plan (opleidingsplan) of one year: aggregates of every POP's actions, the Belgian
 * obligation and its consultation timeline. Counts only: no person is named and no plan's content appears unless
 * the organisation lets HR read plan content.
 */
export const trainingPlanYear = z.coerce.number().int().min(2000).max(2100);
export const learningKinds = ['formal', 'informal'] as const;
export type LearningKind = (typeof learningKinds)[number];

export const trainingPlanQuery = z.strictObject({
  /** Defaults to next year in the last quarter, this year before. */
  year: trainingPlanYear.optional(),
  teamId: id.optional(),
  functionId: id.optional(),
  learning: z.enum(learningKinds).optional(),
});
export type TrainingPlanQuery = z.infer<typeof trainingPlanQuery>;

/** Actions of agreed plans (approved, in evaluation or closed): planned against actual. */
export const trainingPlanFigures = z.object({
  actions: z.number(),
  actionsDone: z.number(),
  plannedHours: z.number(),
  actualHours: z.number(),
  plannedCost: z.number(),
  actualCost: z.number(),
  /** Distinct employees with at least one action. */
  peopleReached: z.number(),
  /** Distinct employees with at least one completed action. */
  peopleFollowed: z.number(),
});
export type TrainingPlanFigures = z.infer<typeof trainingPlanFigures>;

/** Actions of plans not agreed yet (voorbereiding, POP-gesprek): "in preparation". */
export const trainingPlanDraftFigures = z.object({
  actions: z.number(),
  hours: z.number(),
  cost: z.number(),
  people: z.number(),
});
export type TrainingPlanDraftFigures = z.infer<typeof trainingPlanDraftFigures>;

const figuresOfRow = { planned: trainingPlanFigures, preparation: trainingPlanDraftFigures };
/** Active people in a group (the workforce the group's figures can be set against). */
const headcount = z.number();

export const trainingPlanTypeRow = z.object({
  key: z.string(),
  label: z.string(),
  isFormal: z.boolean(),
  ...figuresOfRow,
});
export const trainingPlanLearningRow = z.object({ learning: z.enum(learningKinds), ...figuresOfRow });
export const trainingPlanTeamRow = z.object({
  teamId: id.nullable(),
  name: z.string().nullable(),
  headcount,
  ...figuresOfRow,
});
export const trainingPlanFunctionRow = z.object({
  functionId: id.nullable(),
  name: z.string().nullable(),
  headcount,
  ...figuresOfRow,
});
export const riskGroupKeys = ['yes', 'no'] as const;
export const genderGroupKeys = [...genders, 'unknown'] as const;
export const trainingPlanRiskRow = z.object({ group: z.enum(riskGroupKeys), headcount, ...figuresOfRow });
export const trainingPlanGenderRow = z.object({ group: z.enum(genderGroupKeys), headcount, ...figuresOfRow });
export type TrainingPlanTypeRow = z.infer<typeof trainingPlanTypeRow>;
export type TrainingPlanTeamRow = z.infer<typeof trainingPlanTeamRow>;
export type TrainingPlanFunctionRow = z.infer<typeof trainingPlanFunctionRow>;

/** One training as the plans name it (only when HR may read plan content): counts, never names of people. */
export const trainingPlanTraining = z.object({
  description: z.string(),
  provider: z.string().nullable(),
  typeKey: z.string(),
  typeLabel: z.string(),
  isFormal: z.boolean(),
  participants: z.number(),
  actions: z.number(),
  actionsDone: z.number(),
  plannedHours: z.number(),
  actualHours: z.number(),
  plannedCost: z.number(),
  actualCost: z.number(),
});
export type TrainingPlanTraining = z.infer<typeof trainingPlanTraining>;

export const trainingPlanTask = z.object({
  key: z.enum(trainingPlanTaskKeys),
  dueDate: z.string(),
  /** False for the consultation steps when the organisation has no works council or union delegation. */
  applies: z.boolean(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  /** 0 while the step was never recorded. */
  version: z.number(),
});
export type TrainingPlanTask = z.infer<typeof trainingPlanTask>;

export const trainingPlanBelgium = z.object({
  /** The organisation is Belgian: the training-plan law applies to it. */
  applies: z.boolean(),
  workers: z.number(),
  workerSource: z.enum(['average_fte', 'active_people']),
  threshold: z.number(),
  obliged: z.boolean(),
  consultationBody: z.enum(consultationBodies).nullable(),
  organisationVersion: z.number(),
  tasks: z.array(trainingPlanTask),
});
export type TrainingPlanBelgium = z.infer<typeof trainingPlanBelgium>;

export const trainingPlanResponse = z.object({
  year: z.number(),
  defaultYear: z.number(),
  /** Today in the organisation's time zone, for due dates. */
  today: z.string(),
  filters: z.object({
    teamId: id.nullable(),
    functionId: id.nullable(),
    learning: z.enum(learningKinds).nullable(),
  }),
  organisationName: z.string(),
  currency: z.string(),
  /** HR may read plan content (organisation setting): then `trainings` lists what the plans name. */
  canSeeContent: z.boolean(),
  headcount: z.number(),
  totals: trainingPlanFigures,
  preparation: trainingPlanDraftFigures,
  byType: z.array(trainingPlanTypeRow),
  byLearning: z.array(trainingPlanLearningRow),
  byTeam: z.array(trainingPlanTeamRow),
  byFunction: z.array(trainingPlanFunctionRow),
  targetGroups: z.object({
    riskGroup: z.array(trainingPlanRiskRow),
    gender: z.array(trainingPlanGenderRow),
  }),
  trainings: z.array(trainingPlanTraining).nullable(),
  /** More trainings exist than listed (the longest lists are cut at the most-followed ones). */
  trainingsTruncated: z.boolean(),
  belgium: trainingPlanBelgium,
});
export type TrainingPlan = z.infer<typeof trainingPlanResponse>;

export const trainingPlanTaskParams = z.strictObject({
  year: trainingPlanYear,
  key: z.enum(trainingPlanTaskKeys),
});
export const updateTrainingPlanTaskBody = z.strictObject({
  done: z.boolean(),
  note: optionalText(2000),
  /** The step's version as last read; 0 when it was never recorded. */
  version: z.number().int().min(0).max(maxVersion),
});
export type UpdateTrainingPlanTaskInput = z.infer<typeof updateTrainingPlanTaskBody>;

export const updateTrainingPlanSettingsBody = z.strictObject({
  consultationBody: z.enum(consultationBodies).nullable(),
  /** The organisation's version as last read. */
  version,
});
export type UpdateTrainingPlanSettingsInput = z.infer<typeof updateTrainingPlanSettingsBody>;
export const trainingPlanSettingsResponse = z.object({
  consultationBody: z.enum(consultationBodies).nullable(),
  organisationVersion: z.number(),
});
