import type { AuditChange, AuditObjectType } from '../../../shared/contracts/audit.js';

/**
 * What the audit log may hold of an object, field by field. A field that is not listed here never enters the log,
 * whatever a caller passes: passwords and their hashes, tokens, session ids and TOTP secrets are not listed, and
 * neither are the answers of a preparation or talking points (the log records that a preparation was shared, never
 * what it says).
 *
 * - `value`: facts about the object (a phase, a date, a role, a setting); every reader of the row sees them.
 * - `content`: what the plan's parties wrote (a goal's title, an action's description, notes). The plan's employee
 *   and manager see it in the plan's own log, as they see it on the plan; the beheerder searching the organisation's
 *   log sees only the field's name.
 */
export type AuditFieldKind = 'value' | 'content';

const v = 'value' as const;
const c = 'content' as const;

export const auditFields: Record<AuditObjectType, Readonly<Record<string, AuditFieldKind>>> = {
  plan: {
    employeeId: v,
    managerId: v,
    phase: v,
    periodStart: v,
    periodEnd: v,
    conversationAt: v,
    evaluationDate: v,
    facilities: c,
    /** One field per step of the conversation guide: `conversationNotes.<step>`. */
    conversationNotes: c,
    employeeApprovedAt: v,
    managerApprovedAt: v,
    disagreement: v,
    disagreementComment: c,
    revisionOpen: v,
    evaluationComplete: v,
    cancelled: v,
    approvedVersion: v,
    previousPlanId: v,
    carriedGoals: v,
    carriedActions: v,
  },
  plan_version: { number: v },
  preparation: { party: v, sharedAt: v },
  goal: {
    title: c,
    description: c,
    reason: c,
    organisationGoal: c,
    measure: c,
    evaluationNote: c,
    competencyId: v,
    priority: v,
    horizon: v,
    targetDate: v,
    position: v,
    confirmSpecific: v,
    confirmMeasurable: v,
    confirmRealistic: v,
    confirmTimeBound: v,
    acceptableByEmployee: v,
    acceptableByManager: v,
    evaluationResult: v,
  },
  action: {
    goalId: v,
    type: v,
    description: c,
    provider: c,
    timing: v,
    hours: v,
    cost: v,
    currency: v,
    isFormal: v,
    funding: c,
    fundingSourceId: v,
    countsForTrainingRight: v,
    supportTime: c,
    supportBudget: c,
    supportLogistics: c,
    supportCoach: c,
    followUp: c,
    position: v,
    status: v,
    actualHours: v,
    actualCost: v,
    actualStart: v,
    actualEnd: v,
    certificateNote: c,
  },
  follow_up: { plannedDate: v, heldAt: v, notes: c, entries: c },
  evaluation: { party: v, submittedAt: v },
  person: {
    firstName: v,
    lastName: v,
    email: v,
    roles: v,
    status: v,
    teamId: v,
    managerId: v,
    functionId: v,
    startDate: v,
    endDate: v,
    legalHold: v,
  },
  organisation: {
    name: v,
    country: v,
    locale: v,
    timeZone: v,
    hrSeesPlanContent: v,
    exchangeDays: v,
    averageFte: v,
    jointCommittee: v,
    carryOver: v,
    hoursPerDay: v,
    consultationBody: v,
    planContentMonths: v,
    trainingRecordsMonths: v,
    accountsMonths: v,
    auditLogMonths: v,
  },
  notification_settings: { mandatoryKinds: v },
  training_norm: { year: v, daysPerFte: v, note: v },
  training_plan_task: { year: v, task: v, doneAt: v, note: v },
  budget: {
    year: v,
    teamId: v,
    fundingSourceId: v,
    amount: v,
    currency: v,
    isHard: v,
    note: v,
  },
  funding_source: { name: v, kind: v, rules: v, active: v },
};

/**
 * Names that are refused even if someone lists them above by mistake: secrets and private preparation text. The
 * canary test in test/integration/audit.test.ts proves none of them reaches the log.
 */
const forbiddenName = /password|token|secret|session|totp|cookie|csrf|answer|talking/i;

/** The kind of a field of an object, or null when it may not be logged. `a.b` is looked up as `a`. */
export function auditFieldKind(objectType: AuditObjectType, field: string): AuditFieldKind | null {
  if (forbiddenName.test(field)) return null;
  const base = field.split('.')[0] ?? field;
  if (base !== field && base !== 'conversationNotes') return null;
  return auditFields[objectType][base] ?? null;
}

export type AuditValues = Readonly<Record<string, unknown>>;
export type StoredChanges = Record<string, { before?: unknown; after?: unknown }>;

/** JSON-safe and comparable: booleans stored as 0/1 stay 0/1 unless the caller maps them; Dates become ISO text. */
function normalise(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, normalise(x)]));
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The whitelisted fields that differ between `before` and `after`.
 * - Both given: a change; only the keys of `after` count (a partial update names what it touched), and only those
 *   whose value differs from `before`.
 * - Only `after`: a creation; its non-empty fields.
 * - Only `before`: a deletion; its non-empty fields.
 * Null when nothing remains.
 */
export function auditChanges(
  objectType: AuditObjectType,
  before: AuditValues | null,
  after: AuditValues | null,
): StoredChanges | null {
  const out: StoredChanges = {};
  const keys = after ? Object.keys(after) : before ? Object.keys(before) : [];
  for (const key of keys) {
    if (auditFieldKind(objectType, key) === null) continue;
    const b = before ? normalise(before[key]) : undefined;
    const a = after ? normalise(after[key]) : undefined;
    if (before && after) {
      if (a === undefined || same(a ?? null, b ?? null)) continue;
      out[key] = { before: b ?? null, after: a };
    } else if (after) {
      if (!isEmpty(a)) out[key] = { after: a };
    } else if (!isEmpty(b)) {
      out[key] = { before: b };
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Drops every field the log may not hold, whoever built the changes. */
export function whitelistedChanges(
  objectType: AuditObjectType,
  changes: StoredChanges,
): StoredChanges | null {
  const kept = Object.entries(changes).filter(([field]) => auditFieldKind(objectType, field) !== null);
  return kept.length > 0
    ? (Object.fromEntries(kept.map(([field, change]) => [field, normalise(change)])) as StoredChanges)
    : null;
}

/**
 * The stored changes as a reader gets them. With `withContent` false, content fields keep only their name. A stored
 * field that is no longer whitelisted is left out.
 */
export function presentChanges(
  objectType: AuditObjectType,
  stored: StoredChanges | null,
  withContent: boolean,
): AuditChange[] {
  if (!stored) return [];
  return Object.entries(stored).flatMap(([field, change]): AuditChange[] => {
    const kind = auditFieldKind(objectType, field);
    if (kind === null) return [];
    if (kind === 'content' && !withContent) return [{ field, hidden: true }];
    return [
      {
        field,
        ...('before' in change ? { before: change.before } : {}),
        ...('after' in change ? { after: change.after } : {}),
        hidden: false,
      },
    ];
  });
}

/** A read is recorded at most once per reader and plan in this window, so the plan page stays one insert away. */
export const readWindowMs = 60 * 60 * 1000;

export const isRecentRead = (lastReadAt: string | undefined, now: Date): boolean =>
  lastReadAt !== undefined && now.getTime() - new Date(lastReadAt).getTime() < readWindowMs;
