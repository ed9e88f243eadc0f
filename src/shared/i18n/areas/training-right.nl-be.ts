/** Strings of one area (nl-BE): The Belgian training right and the learning account. `errors` and `email` join the server catalogue, `web` the web app's. */
export const trainingRightNlBE = {
  errors: {},
  email: {},
  web: {},
};
