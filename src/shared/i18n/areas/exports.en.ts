import type { exportsNlBE } from './exports.nl-be.js';

/** Strings of one area (en): CSV and XLSX exports of plans, goals and actions. */
export const exportsEn: typeof exportsNlBE = {
  errors: {},
  email: {},
  web: {},
};
