import { z } from 'zod';
import { id, isoDate } from './common.js';

/**
 * The audit log over HTTP: who did what to which object when. A plan's employee reads who read and changed their
 * plan; its manager reads the changes; the beheerder searches the organisation's log, with the names of changed
 * fields but never the plan content they held.
 */

/** Every act the log records, as a dotted code (`<object>.<what happened>`). */
export const auditActions = [
  'plan.read',
  'plan.created',
  'plan.updated',
  'plan.conversation_started',
  'plan.approved',
  'plan.approval_withdrawn',
  'plan.disagreement_recorded',
  'plan.disagreement_resolved',
  'plan.revision_started',
  'plan.revision_discarded',
  'plan.evaluation_started',
  'plan.closed',
  'plan.cancelled',
  'preparation.shared',
  'goal.created',
  'goal.updated',
  'goal.deleted',
  'action.created',
  'action.updated',
  'action.deleted',
  'action.progress_updated',
  'action.commented',
  'follow_up.created',
  'follow_up.updated',
  'follow_up.deleted',
  'evaluation.submitted',
  'person.created',
  'person.updated',
  'person.role_changed',
  'person.status_changed',
  'person.legal_hold_changed',
  'person.erased',
  'organisation.settings_changed',
  'organisation.retention_changed',
  'training_norm.saved',
  'training_norm.deleted',
  'training_plan.task_updated',
  'budget.created',
  'budget.updated',
  'budget.deleted',
  'funding_source.created',
  'funding_source.updated',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditObjectTypes = [
  'plan',
  'plan_version',
  'preparation',
  'goal',
  'action',
  'follow_up',
  'evaluation',
  'person',
  'organisation',
  'notification_settings',
  'training_norm',
  'training_plan_task',
  'budget',
  'funding_source',
] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

/** The capacity someone acted in at that moment; `system` for jobs. */
export const auditActorRoles = ['employee', 'manager', 'hr', 'admin', 'system'] as const;
export type AuditActorRole = (typeof auditActorRoles)[number];

const person = z.object({ id, name: z.string() });

/** One changed field. `hidden`: the field holds plan content the reader may not see; only its name is shown. */
export const auditChange = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  hidden: z.boolean(),
});
export type AuditChange = z.infer<typeof auditChange>;

export const auditEvent = z.object({
  id: z.number(),
  occurredAt: z.string(),
  /** Null: the system (a job). */
  actor: person.nullable(),
  actorRole: z.enum(auditActorRoles).nullable(),
  action: z.enum(auditActions),
  objectType: z.enum(auditObjectTypes),
  objectId: z.string().nullable(),
  /** What the object is called now (a goal's title, an action's description), when the reader may see it. */
  objectLabel: z.string().nullable(),
  /** The person whose plan or record it concerns. */
  subject: person.nullable(),
  planId: z.string().nullable(),
  changes: z.array(auditChange),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Keyset paging: `before` is the `nextCursor` of the previous page (rows with a smaller id, newest first). */
const cursor = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const auditPageResponse = z.object({
  items: z.array(auditEvent),
  /** Pass as `before` for the next (older) page; null when this was the last one. */
  nextCursor: z.number().nullable(),
});
export type AuditPage = z.infer<typeof auditPageResponse>;

export const planAuditQuery = z.strictObject({
  before: cursor.optional(),
  limit,
});
export type PlanAuditQuery = z.infer<typeof planAuditQuery>;

export const planAuditResponse = auditPageResponse.extend({
  /** Whether the page holds who read the plan (its employee) or only its changes (its manager). */
  includesReads: z.boolean(),
});
export type PlanAudit = z.infer<typeof planAuditResponse>;

export const auditSearchQuery = z.strictObject({
  actorId: id.optional(),
  subjectPersonId: id.optional(),
  action: z.enum(auditActions).optional(),
  objectType: z.enum(auditObjectTypes).optional(),
  /** Calendar days in the organisation's time zone, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: cursor.optional(),
  limit,
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuery>;
