import type { trainingPlanNlBE } from './training-plan.nl-be.js';

/** Strings of one area (en): The organisation's training plan (opleidingsplan) and its consultation timeline. */
export const trainingPlanEn: typeof trainingPlanNlBE = {
  errors: {},
  email: {},
  web: {},
};
