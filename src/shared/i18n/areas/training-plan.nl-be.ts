/** Strings of one area (nl-BE): The organisation's training plan (opleidingsplan) and its consultation timeline. `errors` and `email` join the server catalogue, `web` the web app's. */
export const trainingPlanNlBE = {
  errors: {},
  email: {},
  web: {},
};
