import { z } from 'zod';
import { countries } from '../roles.js';
import { email, password, text } from './common.js';

export const healthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']),
  version: z.string(),
});

export const setupStatusResponse = z.object({ needsSetup: z.boolean(), demo: z.boolean() });

export const setupBody = z.strictObject({
  organisation: z.strictObject({
    name: text(200),
    country: z.enum(countries),
  }),
  admin: z.strictObject({
    firstName: text(100),
    lastName: text(100),
    email,
    password,
  }),
});
export type SetupBody = z.infer<typeof setupBody>;
