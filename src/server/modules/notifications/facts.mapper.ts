import type { CalendarPlanFacts, StoredEvent } from '../../../shared/notifications/calendar.js';
import type { PlannerPerson, PlannerPlan } from '../../../shared/notifications/planner.js';
import type { Phase } from '../../../shared/pop/phases.js';
import type { Timing } from '../../../shared/pop/timing.js';
import type { ActionStatus, Requester } from '../../../shared/pop/vocabulary.js';
import type { CalendarEventRow } from '../../db/schema.js';
import type { FactPerson, FactRows } from './facts.repository.js';

const parseTiming = (json: string | null): Timing | null => {
  if (!json) return null;
  try {
    return JSON.parse(json) as Timing;
  } catch {
    return null;
  }
};

/** Database rows -> the planner's view of each plan. */
export function plannerPlans(rows: FactRows): PlannerPlan[] {
  const byPlan = <T extends { plan_id: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const items = map.get(item.plan_id);
      if (items) items.push(item);
      else map.set(item.plan_id, [item]);
    }
    return map;
  };
  const preparations = byPlan(rows.preparations);
  const evaluations = byPlan(rows.evaluations);
  const followUps = byPlan(rows.followUps);
  const actions = byPlan(rows.actions);
  return rows.plans.map((p) => {
    const shared = (party: string) =>
      (preparations.get(p.id) ?? []).some((x) => x.party === party && x.shared_at !== null);
    const evaluated = (party: string) =>
      (evaluations.get(p.id) ?? []).some((x) => x.party === party && x.submitted_at !== null);
    return {
      id: p.id,
      employeeId: p.employee_id,
      managerId: p.manager_id,
      phase: p.phase as Phase,
      cancelled: Boolean(p.cancelled),
      requestedBy: p.requested_by as Requester,
      createdAt: p.created_at,
      periodStart: p.period_start,
      periodEnd: p.period_end,
      conversationAt: p.conversation_at,
      employeeApprovedAt: p.employee_approved_at,
      managerApprovedAt: p.manager_approved_at,
      disagreement: Boolean(p.disagreement),
      revisionOpen: Boolean(p.revision_open),
      evaluationDate: p.evaluation_date,
      shared: { employee: shared('employee'), manager: shared('manager') },
      evaluated: { employee: evaluated('employee'), manager: evaluated('manager') },
      followUps: (followUps.get(p.id) ?? []).map((f) => ({
        id: f.id,
        plannedDate: f.planned_date,
        heldAt: f.held_at,
      })),
      actions: (actions.get(p.id) ?? []).map((a) => ({
        id: a.id,
        status: a.status as ActionStatus,
        timing: parseTiming(a.timing),
        updatedAt: a.updated_at,
      })),
    };
  });
}

export const calendarFacts = (plan: PlannerPlan): CalendarPlanFacts => ({
  id: plan.id,
  cancelled: plan.cancelled,
  conversationAt: plan.conversationAt,
  evaluationDate: plan.evaluationDate,
  followUps: plan.followUps,
});

export const plannerPerson = (p: FactPerson): PlannerPerson => ({
  id: p.id,
  firstName: p.first_name,
  lastName: p.last_name,
  status: p.status,
  endDate: p.end_date,
});

export const storedEvent = (row: CalendarEventRow): StoredEvent => ({
  id: row.id,
  uid: row.uid,
  kind: row.kind,
  planId: row.plan_id,
  refId: row.ref_id,
  signature: row.signature,
  sequence: Number(row.sequence),
  cancelledAt: row.cancelled_at,
  updatedAt: row.updated_at,
});
