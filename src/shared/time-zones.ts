/** IANA time-zone names offered for an organisation (kept free of zod so the web app can import it cheaply). */
export const timeZones = [
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Luxembourg',
  'Europe/Paris',
  'Europe/London',
  'UTC',
] as const;
export type TimeZone = (typeof timeZones)[number];
