import { addDays } from './dates.js';

/**
 * The organisation's training plan (opleidingsplan) under Belgian law (wet werkbaar en wendbaar werk 2017,
 * arbeidsdeal 2022): employers with at least 20 workers draw it up every year by 31 March; the draft goes to the
 * works council (ondernemingsraad) or, without one, the union delegation (vakbondsafvaardiging) at least 15 days
 * before they discuss it, and their advice is due by 15 March.
 */

/** At least this many workers oblige a Belgian employer to draw up a training plan. */
export const trainingPlanWorkerThreshold = 20;

/** The consultation steps of one year's plan, in order. */
export const trainingPlanTaskKeys = ['draft_to_council', 'advice', 'final'] as const;
export type TrainingPlanTaskKey = (typeof trainingPlanTaskKeys)[number];

/** Who gives advice on the plan; `none` when the organisation has neither. */
export const consultationBodies = ['works_council', 'union_delegation', 'none'] as const;
export type ConsultationBody = (typeof consultationBodies)[number];

/** Optional, HR-only facts of a person that the plan counts (never shown to anyone else). */
export const genders = ['female', 'male', 'x'] as const;
export type Gender = (typeof genders)[number];

export const isGender = (value: unknown): value is Gender =>
  typeof value === 'string' && (genders as readonly string[]).includes(value);

export const isConsultationBody = (value: unknown): value is ConsultationBody =>
  typeof value === 'string' && (consultationBodies as readonly string[]).includes(value);

/** Plans in these phases were agreed by both parties: their actions are the plan's "planned" figures. */
export const agreedPhases = ['approved', 'evaluation', 'closed'] as const;

/** The due date of each consultation step of the plan for `year` (`YYYY-MM-DD`). */
export function consultationDeadlines(year: number): Record<TrainingPlanTaskKey, string> {
  const advice = `${String(year).padStart(4, '0')}-03-15`;
  return {
    // "At least 15 days before": 28 February, or 29 February in a leap year.
    draft_to_council: addDays(advice, -15),
    advice,
    final: `${String(year).padStart(4, '0')}-03-31`,
  };
}

/** Without a works council or union delegation there is nobody to consult: only the final plan remains. */
export function taskApplies(key: TrainingPlanTaskKey, body: ConsultationBody | null): boolean {
  return body !== 'none' || key === 'final';
}

/** A step that applies, is not done and whose due date has passed. */
export function isTaskOverdue(
  task: { dueDate: string; done: boolean; applies: boolean },
  today: string,
): boolean {
  return task.applies && !task.done && today > task.dueDate;
}

/**
 * The year the page opens on: the law's plan is for the coming year, so in the last quarter HR works on next year's
 * plan; before that, on this year's.
 */
export function defaultTrainingPlanYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

export type WorkerCountSource = 'average_fte' | 'active_people';

/** The worker count the obligation is measured on: HR's average FTE when entered, else the active people. */
export function workerCount(input: { averageFte: number | null; activePeople: number }): {
  count: number;
  source: WorkerCountSource;
} {
  return input.averageFte !== null && Number.isFinite(input.averageFte)
    ? { count: input.averageFte, source: 'average_fte' }
    : { count: input.activePeople, source: 'active_people' };
}

/** Belgian employers from the threshold on; the law does not apply elsewhere. */
export function isTrainingPlanObliged(country: string, workers: number): boolean {
  return country === 'BE' && workers >= trainingPlanWorkerThreshold;
}
