import type { teamViewNlBE } from './team-view.nl-be.js';

/** Strings of one area (en): Team view: overview of a manager's team, learning needs, charts. */
export const teamViewEn: typeof teamViewNlBE = {
  errors: {},
  email: {},
  web: {},
};
