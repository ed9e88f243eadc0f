import {
  type AuditAction,
  type AuditActorRole,
  type AuditEvent,
  type AuditObjectType,
  auditActorRoles,
} from '../../../shared/contracts/audit.js';
import { fullName } from '../../../shared/text.js';
import { presentChanges, type StoredChanges } from './audit.domain.js';
import type { AuditEventView } from './audit.repository.js';

const parseChanges = (text: string | null): StoredChanges | null => {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as StoredChanges) : null;
  } catch {
    return null;
  }
};

const personOf = (id: string | null, first: string | null, last: string | null) =>
  id === null
    ? null
    : { id, name: first === null ? '' : fullName({ firstName: first, lastName: last ?? '' }) };

const labelMax = 120;
const shorten = (text: string | null): string | null =>
  text === null ? null : text.length > labelMax ? `${text.slice(0, labelMax - 1)}…` : text;

/**
 * A row as a reader gets it. `withContent`: plan content (changed texts, the current title of a goal) is shown; the
 * beheerder's search has it false and sees the names of the changed fields only.
 */
export function presentAuditEvent(
  row: AuditEventView,
  options: { withContent: boolean; withLabels: boolean },
): AuditEvent {
  const objectType = row.object_type as AuditObjectType;
  const label = options.withLabels && options.withContent ? (row.goal_title ?? row.action_description) : null;
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: personOf(row.actor_id, row.actor_first_name, row.actor_last_name),
    actorRole: (auditActorRoles as readonly string[]).includes(row.actor_role ?? '')
      ? (row.actor_role as AuditActorRole)
      : null,
    action: row.action as AuditAction,
    objectType,
    objectId: row.object_id,
    objectLabel: shorten(label),
    subject: personOf(row.subject_person_id, row.subject_first_name, row.subject_last_name),
    planId: row.plan_id,
    changes: presentChanges(objectType, parseChanges(row.changes), options.withContent),
    requestId: row.request_id,
  };
}
