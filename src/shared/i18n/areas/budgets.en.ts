import type { budgetsNlBE } from './budgets.nl-be.js';

/** Strings of one area (en): Budgets and funding sources. */
export const budgetsEn: typeof budgetsNlBE = {
  errors: {},
  email: {},
  web: {},
};
