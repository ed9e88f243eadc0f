import { z } from 'zod';
import { locales } from '../i18n/locales.js';
import { genders } from '../pop/training-plan.js';
import { countries, personStatuses, roles } from '../roles.js';
import { timeZones } from '../time-zones.js';
import { email, id, isoDate, optionalText, text, version } from './common.js';

export { timeZones };

export const organisationResponse = z.object({
  id,
  name: z.string(),
  country: z.enum(countries),
  locale: z.enum(locales),
  timeZone: z.string(),
  isDemo: z.boolean(),
  /** HR may read the content of every POP (goals, actions, agreements); never the preparations. */
  hrSeesPlanContent: z.boolean(),
  /** Days before the POP-gesprek by which both parties share their preparation. */
  exchangeDays: z.number(),
  version: z.number(),
});
export type Organisation = z.infer<typeof organisationResponse>;

export const updateOrganisationBody = z.strictObject({
  name: text(200).optional(),
  country: z.enum(countries).optional(),
  locale: z.enum(locales).optional(),
  timeZone: z.enum(timeZones).optional(),
  hrSeesPlanContent: z.boolean().optional(),
  exchangeDays: z.number().int().min(0).max(60).optional(),
  version,
});

// Teams (afdelingen): nested one level.
export const teamResponse = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  parentId: id.nullable(),
  managerId: id.nullable(),
  managerName: z.string().nullable(),
  memberCount: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type Team = z.infer<typeof teamResponse>;
export const teamListResponse = z.object({ items: z.array(teamResponse) });

export const createTeamBody = z.strictObject({
  name: text(120),
  description: optionalText(2000),
  parentId: id.nullable().optional(),
  managerId: id.nullable().optional(),
});
export const updateTeamBody = z.strictObject({
  name: text(120).optional(),
  description: optionalText(2000),
  parentId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  active: z.boolean().optional(),
  version,
});

// Competencies and functions (functieprofielen).
export const competencyResponse = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  indicators: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
});
export type Competency = z.infer<typeof competencyResponse>;
export const competencyListResponse = z.object({ items: z.array(competencyResponse) });

const indicators = z.array(text(500)).max(30);
export const createCompetencyBody = z.strictObject({
  name: text(120),
  description: optionalText(4000),
  indicators: indicators.optional(),
});
export const updateCompetencyBody = z.strictObject({
  name: text(120).optional(),
  description: optionalText(4000),
  indicators: indicators.optional(),
  active: z.boolean().optional(),
  version,
});

export const jobFunctionResponse = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  competencies: z.array(z.object({ id, name: z.string() })),
  peopleCount: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type JobFunction = z.infer<typeof jobFunctionResponse>;
export const jobFunctionListResponse = z.object({ items: z.array(jobFunctionResponse) });

export const createJobFunctionBody = z.strictObject({
  name: text(120),
  description: optionalText(8000),
  competencyIds: z.array(id).max(100).optional(),
});
export const updateJobFunctionBody = z.strictObject({
  name: text(120).optional(),
  description: optionalText(8000),
  competencyIds: z.array(id).max(100).optional(),
  active: z.boolean().optional(),
  version,
});

// People.
const fte = z.number().min(0.01).max(1);
export const personResponse = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  functionId: id.nullable(),
  functionName: z.string().nullable(),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  managerId: id.nullable(),
  managerName: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  fte: z.number(),
  workRegime: z.string().nullable(),
  employmentCountry: z.enum(countries),
  locale: z.enum(locales),
  roles: z.array(z.enum(roles)),
  status: z.enum(personStatuses),
  hasAccount: z.boolean(),
  invitedAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  /** HR and the beheerder only (absent for anyone else): counted in the training plan's risk groups. */
  riskGroup: z.boolean().optional(),
  /** HR and the beheerder only (absent for anyone else): female | male | x; null = not recorded. */
  gender: z.enum(genders).nullable().optional(),
  version: z.number(),
});
export type Person = z.infer<typeof personResponse>;

export const personListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  teamId: id.optional(),
  status: z.enum([...personStatuses, 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const personListResponse = z.object({ items: z.array(personResponse), total: z.number() });

const personFields = {
  firstName: text(100),
  lastName: text(100),
  email,
  functionId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  managerId: id.nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  fte: fte.optional(),
  workRegime: optionalText(100),
  employmentCountry: z.enum(countries).optional(),
  locale: z.enum(locales).optional(),
  roles: z.array(z.enum(roles)).max(roles.length).optional(),
  riskGroup: z.boolean().optional(),
  gender: z.enum(genders).nullable().optional(),
};
export const createPersonBody = z.strictObject({ ...personFields, invite: z.boolean().optional() });
export const updatePersonBody = z.strictObject({
  firstName: personFields.firstName.optional(),
  lastName: personFields.lastName.optional(),
  email: personFields.email.optional(),
  functionId: personFields.functionId,
  teamId: personFields.teamId,
  managerId: personFields.managerId,
  startDate: personFields.startDate,
  endDate: personFields.endDate,
  fte: personFields.fte,
  workRegime: personFields.workRegime,
  employmentCountry: personFields.employmentCountry,
  locale: personFields.locale,
  roles: personFields.roles,
  riskGroup: personFields.riskGroup,
  gender: personFields.gender,
  status: z.enum(personStatuses).optional(),
  version,
});

// CSV imports (people and competencies): preview first, then an all-or-nothing import.
export const csvUploadBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  /** Up to the request body limit; the import refuses files over 2 MB with a clear 413 of its own. */
  content: z.string().min(1).max(3_145_728),
  sendInvitations: z.boolean().optional(),
});

export const importRowResponse = z.object({
  line: z.number(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  label: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});
export const importPreviewResponse = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(importRowResponse),
  counts: z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
  fileErrors: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ImportPreview = z.infer<typeof importPreviewResponse>;

export const importJobResponse = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  invited: z.number(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobResponse>;
export const importJobParams = z.strictObject({ jobId: z.string().min(1).max(64) });

export const invitePersonResponse = z.object({ invitedAt: z.string() });

// The outbox of sent and logged emails (beheerder).
export const outboxResponse = z.object({
  items: z.array(
    z.object({
      id,
      kind: z.string(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      status: z.enum(['sent', 'logged', 'failed', 'pending', 'retrying']),
      attempts: z.number(),
      lastError: z.string().nullable(),
      /** A failed delivery waits for this retry (backoff). */
      nextAttemptAt: z.string().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});
