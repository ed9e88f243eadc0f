/** Strings of one area (nl-BE): CSV and XLSX exports of plans, goals and actions. `errors` and `email` join the server catalogue, `web` the web app's. */
export const exportsNlBE = {
  errors: {},
  email: {},
  web: {},
};
