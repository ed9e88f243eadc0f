/** Strings of one area (nl-BE): Budgets and funding sources. `errors` and `email` join the server catalogue, `web` the web app's. */
export const budgetsNlBE = {
  errors: {},
  email: {},
  web: {},
};
