/**
 * The conversation guide of seed 004 ("Leidraad POP-gesprek"): the steps of a POP-gesprek in order, each with the
 * prompts the web app shows (labels under `pop.guide.<step>.prompts`). Notes are kept per step.
 */
export const guideSteps = ['start', 'review', 'exploration', 'planning', 'closing'] as const;
export type GuideStep = (typeof guideSteps)[number];

export const guidePrompts: Record<GuideStep, readonly string[]> = {
  start: ['howAreYou', 'whatToGain'],
  review: ['experience', 'training', 'growth'],
  exploration: ['competencies', 'learn', 'grow', 'motivation'],
  planning: ['goals', 'needs', 'organise', 'evaluate'],
  closing: ['repeat', 'record', 'nextMoment'],
};

/** The three questions of every opvolgingsmoment (seed 000). */
export const followUpQuestions = ['progress', 'acceleration', 'expectations'] as const;
export type FollowUpQuestion = (typeof followUpQuestions)[number];

/** The three questions of the evaluation (seeds 000 and 001). */
export const evaluationQuestions = ['goalsReached', 'effectOnFunctioning', 'effectOnCareer'] as const;
export type EvaluationQuestion = (typeof evaluationQuestions)[number];
