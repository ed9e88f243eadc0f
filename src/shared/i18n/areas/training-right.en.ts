import type { trainingRightNlBE } from './training-right.nl-be.js';

/** Strings of one area (en): The Belgian training right and the learning account. */
export const trainingRightEn: typeof trainingRightNlBE = {
  errors: {},
  email: {},
  web: {},
};
