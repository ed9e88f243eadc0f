import { z } from 'zod';
import { locales } from '../i18n/locales.js';
import { countries, roles } from '../roles.js';
import { email, id, password } from './common.js';

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1).max(128),
});

export const capabilities = z.object({
  manageOrganisation: z.boolean(),
  managePeople: z.boolean(),
  manageStructure: z.boolean(),
  viewTeam: z.boolean(),
  viewOutbox: z.boolean(),
  startPlans: z.boolean(),
  viewAllPlans: z.boolean(),
  managePlanTemplates: z.boolean(),
});

export const meResponse = z.object({
  person: z.object({
    id,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    locale: z.enum(locales),
    roles: z.array(z.enum(roles)),
  }),
  organisation: z.object({
    id,
    name: z.string(),
    country: z.enum(countries),
    timeZone: z.string(),
    isDemo: z.boolean(),
  }),
  capabilities,
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;

export const passwordResetRequestBody = z.strictObject({ email });

export const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const tokenInfoResponse = z.object({
  purpose: z.enum(['invitation', 'reset']),
  firstName: z.string(),
  organisationName: z.string(),
});

export const setPasswordWithTokenBody = z.strictObject({
  token: z.string().min(20).max(200),
  password,
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: password,
});

export const updateMeBody = z.strictObject({
  locale: z.enum(locales),
});
