/** Strings of one area (nl-BE): Team view: overview of a manager's team, learning needs, charts. `errors` and `email` join the server catalogue, `web` the web app's. */
export const teamViewNlBE = {
  errors: {},
  email: {},
  web: {},
};
