/** Strings of the web app (nl-BE). */
export const webNlBE = {
  app: {
    name: 'Groeipad',
  },
};
