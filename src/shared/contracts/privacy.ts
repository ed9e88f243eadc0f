import { z } from 'zod';
import { retentionCategories } from '../privacy/retention.js';
import { countries, personStatuses, roles } from '../roles.js';
import { auditActions, auditActorRoles, auditObjectTypes } from './audit.js';
import { id, multilineText, version } from './common.js';
import { planDetailResponse, planVersionResponse } from './plans.js';
import { myTrainingRightResponse } from './training-right.js';

/**
 * Privacy over HTTP (GDPR / AVG): a person's own data export (art. 15), the beheerder's retention periods, legal
 * holds and erasures (art. 17), and the records of processing (art. 30) generated from the settings.
 */
const category = z.enum(retentionCategories);
const personRef = z.object({ id, name: z.string() });

// The export of one's own data.

/** A POP of the person as its employee sees it on the plan page, with the snapshot of every approved version. */
export const exportedPlan = planDetailResponse
  .omit({ permissions: true, allowedEvents: true, today: true })
  .extend({ versionSnapshots: z.array(planVersionResponse) });

export const exportedAuditEvent = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actor: personRef.nullable(),
  actorRole: z.enum(auditActorRoles).nullable(),
  action: z.enum(auditActions),
  objectType: z.enum(auditObjectTypes),
  objectId: z.string().nullable(),
  planId: z.string().nullable(),
  /** Whitelisted fields with before and after; only on rows about the person themselves. */
  changes: z
    .record(z.string(), z.object({ before: z.unknown().optional(), after: z.unknown().optional() }))
    .nullable(),
});
export type ExportedAuditEvent = z.infer<typeof exportedAuditEvent>;

export const dataExportResponse = z.object({
  format: z.literal('groeipad-data-export'),
  formatVersion: z.literal(1),
  generatedAt: z.string(),
  organisation: z.object({ id, name: z.string(), country: z.enum(countries) }),
  person: z.object({
    id,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    function: z.string().nullable(),
    team: z.string().nullable(),
    manager: personRef.nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    fte: z.number(),
    workRegime: z.string().nullable(),
    employmentCountry: z.string(),
    locale: z.string(),
    /** Kept for the training plan's counts (HR only in the app); the person's own data all the same. */
    riskGroup: z.boolean(),
    gender: z.string().nullable(),
    legalHold: z.boolean(),
    createdAt: z.string(),
  }),
  account: z.object({
    roles: z.array(z.enum(roles)),
    status: z.enum(personStatuses),
    hasPassword: z.boolean(),
    invitedAt: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    sessions: z.array(
      z.object({
        createdAt: z.string(),
        lastSeenAt: z.string(),
        expiresAt: z.string(),
        ip: z.string().nullable(),
        userAgent: z.string().nullable(),
      }),
    ),
    calendarFeed: z.object({ createdAt: z.string(), lastUsedAt: z.string().nullable() }).nullable(),
  }),
  /** The POPs where the person is the employee: everything they can read, including what their manager wrote. */
  plans: z.array(exportedPlan),
  /** The POPs the person leads as manager: which ones (their content belongs to those employees' exports). */
  managedPlans: z.array(
    z.object({
      id,
      employee: personRef,
      periodStart: z.string(),
      periodEnd: z.string(),
      phase: z.string(),
    }),
  ),
  training: z.object({
    /** Belgium: the training-days balance and trainings per year. */
    years: z.array(myTrainingRightResponse),
    statements: z.array(z.object({ year: z.number(), sentAt: z.string() })),
  }),
  notifications: z.array(
    z.object({
      kind: z.string(),
      createdAt: z.string(),
      readAt: z.string().nullable(),
      link: z.string(),
      params: z.record(z.string(), z.unknown()),
    }),
  ),
  emailPreferences: z.array(z.object({ kind: z.string(), mode: z.string() })),
  /** Emails Groeipad wrote to the person (their bodies are left out: they may carry sign-in links). */
  emails: z.array(
    z.object({
      kind: z.string(),
      subject: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  /** Who else read or changed the person's data (the access log). */
  accessLog: z.array(exportedAuditEvent),
  /** What the person did themselves (without the other people's data the changes held). */
  ownActions: z.array(exportedAuditEvent),
  retention: z.array(z.object({ category, months: z.number(), startsAt: z.enum(['leaving', 'event']) })),
});
export type DataExport = z.infer<typeof dataExportResponse>;

// Retention periods (beheerder).

export const retentionSettingsResponse = z.object({
  country: z.enum(countries),
  categories: z.array(
    z.object({
      category,
      /** The organisation's choice; null = the country's default. */
      months: z.number().nullable(),
      defaultMonths: z.number(),
      effectiveMonths: z.number(),
      /** A legal duty to keep at least this long, if any. */
      minimumMonths: z.number().nullable(),
      maximumMonths: z.number(),
      startsAt: z.enum(['leaving', 'event']),
    }),
  ),
  /** People marked as disabled without an end date: their data is kept until the day they left is entered. */
  disabledWithoutEndDate: z.number(),
  legalHolds: z.number(),
  lastRun: z
    .object({ day: z.string(), finishedAt: z.string().nullable(), removed: z.record(z.string(), z.number()) })
    .nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: personRef.nullable(),
  version: z.number(),
});
export type RetentionSettingsView = z.infer<typeof retentionSettingsResponse>;

const months = z.number().int().min(0).max(240).nullable();
export const updateRetentionBody = z.strictObject({
  planContent: months.optional(),
  trainingRecords: months.optional(),
  accounts: months.optional(),
  auditLog: z.number().int().min(1).max(240).nullable().optional(),
  version,
});
export type UpdateRetentionInput = z.infer<typeof updateRetentionBody>;

// One person's privacy (beheerder): legal hold, when each category is due, erasure.

export const erasureRecordResponse = z.object({
  id,
  personId: id,
  pseudonym: z.string(),
  erasedAt: z.string(),
  erasedBy: personRef.nullable(),
  reason: z.string(),
  kept: z.array(z.object({ category, count: z.number(), basis: z.string() })),
  removed: z.record(z.string(), z.number()),
});
export type ErasureRecord = z.infer<typeof erasureRecordResponse>;

export const personPrivacyResponse = z.object({
  personId: id,
  name: z.string(),
  status: z.enum(personStatuses),
  endDate: z.string().nullable(),
  legalHold: z.object({
    active: z.boolean(),
    reason: z.string().nullable(),
    setAt: z.string().nullable(),
    setBy: personRef.nullable(),
  }),
  categories: z.array(
    z.object({
      category: z.enum(['plan_content', 'training_records', 'accounts']),
      months: z.number(),
      /** The first day the purge removes it; null while the person has not left. */
      dueOn: z.string().nullable(),
      purgedAt: z.string().nullable(),
    }),
  ),
  erasure: erasureRecordResponse.nullable(),
  version: z.number(),
});
export type PersonPrivacy = z.infer<typeof personPrivacyResponse>;

export const legalHoldBody = z.strictObject({
  legalHold: z.boolean(),
  /** Why the records must stay (a dispute, an inspection); required to set the hold. */
  reason: multilineText(1000).optional(),
  version,
});
export type LegalHoldInput = z.infer<typeof legalHoldBody>;

export const erasureBody = z.strictObject({
  reason: multilineText(1000),
  version,
});
export type ErasureInput = z.infer<typeof erasureBody>;

// The records of processing (art. 30), in the reader's language.

export const recordsOfProcessingResponse = z.object({
  organisation: z.object({ name: z.string(), country: z.enum(countries) }),
  generatedAt: z.string(),
  controller: z.string(),
  activities: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      purpose: z.string(),
      legalBasis: z.string(),
      dataSubjects: z.array(z.string()),
      dataCategories: z.array(z.string()),
      recipients: z.array(z.string()),
      retention: z.string(),
    }),
  ),
  retention: z.array(
    z.object({
      category,
      label: z.string(),
      months: z.number(),
      isDefault: z.boolean(),
      startsAt: z.enum(['leaving', 'event']),
      basis: z.string(),
    }),
  ),
  measures: z.array(z.string()),
  transfers: z.string(),
});
export type RecordsOfProcessing = z.infer<typeof recordsOfProcessingResponse>;
