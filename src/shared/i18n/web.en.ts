import type { webNlBE } from './web.nl-be.js';

/** Strings of the web app (en). Same shape as nl-BE. */
export const webEn: typeof webNlBE = {
  app: {
    name: 'Groeipad',
  },
};
