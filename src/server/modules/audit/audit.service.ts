import type { Kysely } from 'kysely';
import type {
  AuditAction,
  AuditActorRole,
  AuditObjectType,
  AuditPage,
  AuditSearchQuery,
  PlanAudit,
  PlanAuditQuery,
} from '../../../shared/contracts/audit.js';
import { AppError } from '../../../shared/errors.js';
import { type Actor, canSearchAuditLog, isHr, planAuditViewOf } from '../../../shared/policies.js';
import { addDays, zonedTimeToUtc } from '../../../shared/pop/dates.js';
import type { AppContext } from '../../context.js';
import type { Database, NewAuditEvent } from '../../db/schema.js';
import {
  type AuditValues,
  auditChanges,
  isRecentRead,
  readWindowMs,
  type StoredChanges,
  whitelistedChanges,
} from './audit.domain.js';
import { organisationAuditValues } from './audit.mapper.js';
import { presentAuditEvent } from './audit.presenter.js';
import * as repo from './audit.repository.js';

type Db = Kysely<Database>;

/** One act for the log. Services call `recordAudit` inside the transaction of the change it records. */
export interface AuditEntry {
  organisationId: string;
  /** Null: the system (a job). */
  actor: Actor | null;
  /** The capacity the actor acted in; by default their highest role. */
  actorRole?: AuditActorRole | null;
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string | null;
  /** The person whose plan or record it concerns. */
  subjectPersonId?: string | null;
  planId?: string | null;
  changes?: StoredChanges | null;
  at: Date;
}

const rolePriority = ['admin', 'hr', 'manager', 'employee'] as const;

function roleOf(actor: Actor | null): AuditActorRole {
  if (!actor) return 'system';
  return rolePriority.find((role) => actor.roles.includes(role)) ?? 'employee';
}

/** The part someone plays on a plan: its employee, its manager, or else HR (nobody else reaches a plan). */
export const planActorRole = (plan: { party: 'employee' | 'manager' | null }): AuditActorRole =>
  plan.party ?? 'hr';

/**
 * The request an actor acts in: a signed-in person's actor carries it from the session hook, and so does every actor
 * made from it (`{ ...actor, locale }`, an import run after the answer). Null for jobs and the command line.
 */
const requestIdOf = (actor: Actor | null): string | null =>
  actor !== null && 'requestId' in actor && typeof actor.requestId === 'string' ? actor.requestId : null;

function auditRow(entry: AuditEntry): NewAuditEvent {
  const changes = entry.changes ? whitelistedChanges(entry.objectType, entry.changes) : null;
  return {
    organisation_id: entry.organisationId,
    occurred_at: entry.at.toISOString(),
    actor_id: entry.actor?.personId ?? null,
    actor_role: entry.actorRole ?? roleOf(entry.actor),
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    subject_person_id: entry.subjectPersonId ?? null,
    plan_id: entry.planId ?? null,
    changes: changes ? JSON.stringify(changes) : null,
    request_id: requestIdOf(entry.actor),
  };
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await repo.insertAuditEvent(db, auditRow(entry));
}

/**
 * Records the whitelisted fields that differ between `before` and `after` (see `auditChanges`). Without `always`,
 * records nothing when no such field changed (an autosave that sent what was stored). Answers whether a row was
 * written.
 */
export async function recordChange(
  db: Db,
  entry: Omit<AuditEntry, 'changes'> & {
    before: AuditValues | null;
    after: AuditValues | null;
    always?: boolean;
  },
): Promise<boolean> {
  const { before, after, always, ...rest } = entry;
  const changes = auditChanges(entry.objectType, before, after);
  if (!changes && !always) return false;
  await recordAudit(db, { ...rest, changes });
  return true;
}

/** The organisation's settings as the audit log names them, to pass as `before` to `recordOrganisationChange`. */
export async function organisationAuditSnapshot(db: Db, organisationId: string): Promise<AuditValues | null> {
  const row = await repo.findOrganisationRow(db, organisationId);
  return row ? organisationAuditValues(row) : null;
}

/** Records what changed in the organisation's settings since `before` (read again here, in the same transaction). */
export async function recordOrganisationChange(
  db: Db,
  change: { actor: Actor; actorRole?: AuditActorRole; before: AuditValues | null; at: Date },
): Promise<void> {
  await recordChange(db, {
    organisationId: change.actor.organisationId,
    actor: change.actor,
    ...(change.actorRole ? { actorRole: change.actorRole } : {}),
    action: 'organisation.settings_changed',
    objectType: 'organisation',
    objectId: change.actor.organisationId,
    before: change.before,
    after: await organisationAuditSnapshot(db, change.actor.organisationId),
    at: change.at,
  });
}

/** `recordChange` for many objects at once, in one statement per 200 rows (an import). */
export async function recordChanges(
  db: Db,
  entries: ReadonlyArray<Parameters<typeof recordChange>[1]>,
): Promise<void> {
  const rows = entries.flatMap(({ before, after, always, ...rest }) => {
    const changes = auditChanges(rest.objectType, before, after);
    return changes || always ? [auditRow({ ...rest, changes })] : [];
  });
  if (rows.length > 0) await repo.insertAuditEvents(db, rows);
}

/**
 * Someone other than the plan's employee read its content. Recorded at most once per reader and plan per hour: one
 * look-up in `plan_reads`, and the audit row with the note of it only when the last recorded read is older.
 */
export async function recordPlanRead(
  db: Db,
  read: {
    organisationId: string;
    actor: Actor;
    actorRole: AuditActorRole;
    planId: string;
    employeeId: string;
    at: Date;
  },
): Promise<void> {
  if (read.actor.personId === read.employeeId) return;
  const last = await repo.lastReadAt(db, read.planId, read.actor.personId);
  if (isRecentRead(last, read.at)) return;
  const record = async (trx: Db) => {
    await recordAudit(trx, {
      organisationId: read.organisationId,
      actor: read.actor,
      actorRole: read.actorRole,
      action: 'plan.read',
      objectType: 'plan',
      objectId: read.planId,
      subjectPersonId: read.employeeId,
      planId: read.planId,
      at: read.at,
    });
    await repo.noteRead(trx, {
      organisationId: read.organisationId,
      planId: read.planId,
      readerId: read.actor.personId,
      at: read.at.toISOString(),
    });
  };
  // The audit row and the note of it together: a read noted is a read recorded.
  if (db.isTransaction) await record(db);
  else await db.transaction().execute(record);
}

/** The daily purge: the notes of reads older than the read window decide nothing any more. */
export async function forgetOldReads(db: Db, organisationId: string, now: Date): Promise<number> {
  return repo.forgetReadsBefore(db, organisationId, new Date(now.getTime() - readWindowMs).toISOString());
}

function page(
  rows: repo.AuditEventView[],
  limit: number,
  withContent: boolean,
  withLabels: boolean,
): AuditPage {
  const items = rows.slice(0, limit).map((row) => presentAuditEvent(row, { withContent, withLabels }));
  return {
    items,
    nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null,
  };
}

/** The plan's own log: for its employee who read and changed it, for its manager what changed. */
export async function listPlanAudit(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  query: PlanAuditQuery,
): Promise<PlanAudit> {
  const db = ctx.database.db;
  const plan = await repo.findPlanParties(db, actor.organisationId, planId);
  if (!plan) throw new AppError('NOT_FOUND');
  const view = planAuditViewOf(actor, {
    organisationId: actor.organisationId,
    employeeId: plan.employee_id,
    managerId: plan.manager_id,
  });
  if (view === 'none')
    throw new AppError(isHr(actor) || canSearchAuditLog(actor) ? 'FORBIDDEN' : 'NOT_FOUND');
  const includesReads = view === 'reads_and_changes';
  const rows = await repo.listAuditEvents(db, actor.organisationId, {
    planId,
    ...(includesReads ? {} : { excludeActions: ['plan.read'] }),
    ...(query.before !== undefined ? { before: query.before } : {}),
    limit: query.limit + 1,
    withLabels: true,
  });
  return { ...page(rows, query.limit, true, true), includesReads };
}

/** The organisation's log for the beheerder: every act, with the names of changed content fields only. */
export async function searchAudit(
  ctx: AppContext,
  actor: Actor,
  query: AuditSearchQuery,
): Promise<AuditPage> {
  if (!canSearchAuditLog(actor)) throw new AppError('FORBIDDEN');
  if (query.from && query.to && query.to < query.from)
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'to', code: 'end_before_start' }] });
  const db = ctx.database.db;
  const timeZone = (await repo.findTimeZone(db, actor.organisationId)) ?? 'Europe/Brussels';
  const rows = await repo.listAuditEvents(db, actor.organisationId, {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.subjectPersonId ? { subjectPersonId: query.subjectPersonId } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.objectType ? { objectType: query.objectType } : {}),
    ...(query.from ? { from: zonedTimeToUtc(query.from, '00:00', timeZone).toISOString() } : {}),
    ...(query.to ? { until: zonedTimeToUtc(addDays(query.to, 1), '00:00', timeZone).toISOString() } : {}),
    ...(query.before !== undefined ? { before: query.before } : {}),
    limit: query.limit + 1,
  });
  return page(rows, query.limit, false, false);
}
