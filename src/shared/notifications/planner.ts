import { addDays, dateIn, zonedTimeToUtc } from '../pop/dates.js';
import type { Phase } from '../pop/phases.js';
import { type Timing, timingBounds } from '../pop/timing.js';
import type { ActionStatus, PlanParty, Requester } from '../pop/vocabulary.js';
import { type StoredEvent, storedStart } from './calendar.js';
import type { NotificationKind } from './kinds.js';

/**
 * Which reminders and notifications are due, derived from the state of the plans alone. Nothing here remembers
 * what was sent: each item has a stable dedupe key, the server stores each key once, and just before sending it
 * plans the same plan again: a key that is no longer planned (the plan moved on, a date changed, the person left)
 * is not sent. Pure: the current moment is an argument.
 */

/** Reminders go out at this local time of the organisation on their day. */
export const sendTime = '08:00';
/** Days the follow-up reminder, the preparation reminder and the evaluation reminder come ahead of their date. */
export const followUpLeadDays = 1;
export const preparationLeadDays = 7;
export const evaluationLeadDays = 7;
/** The yearly reminder to HR to send the training-days balance statements: this day of January. */
export const trainingBalanceDay = '01-15';

export interface PlannerPerson {
  id: string;
  firstName: string;
  lastName: string;
  /** active | disabled */
  status: string;
  /** Last working day; after it the person has left. */
  endDate: string | null;
}

export interface PlannerPlan {
  id: string;
  employeeId: string;
  managerId: string;
  phase: Phase;
  cancelled: boolean;
  requestedBy: Requester;
  createdAt: string;
  periodStart: string;
  periodEnd: string;
  conversationAt: string | null;
  employeeApprovedAt: string | null;
  managerApprovedAt: string | null;
  disagreement: boolean;
  revisionOpen: boolean;
  evaluationDate: string | null;
  shared: Record<PlanParty, boolean>;
  evaluated: Record<PlanParty, boolean>;
  followUps: ReadonlyArray<{ id: string; plannedDate: string; heldAt: string | null }>;
  actions: ReadonlyArray<{ id: string; status: ActionStatus; timing: Timing | null; updatedAt: string }>;
}

export interface PlannerInput {
  organisation: { id: string; timeZone: string; exchangeDays: number; country: string };
  people: ReadonlyMap<string, PlannerPerson>;
  plans: readonly PlannerPlan[];
  /** Stored conversation events of these plans (invitations and cancellations follow their SEQUENCE). */
  conversationEvents: readonly StoredEvent[];
  /** HR members, for the organisation-wide reminders; omit when planning for some plans only. */
  hrIds?: readonly string[];
  /** The latest training-days balance statement the organisation sent, if any. */
  lastBalanceStatementAt?: string | null;
}

export type NotificationParams = Record<string, string | number>;

export interface PlannedItem {
  kind: NotificationKind;
  dedupeKey: string;
  recipientId: string;
  planId: string | null;
  /** ISO moment from which it may be sent. */
  dueAt: string;
  /** A message about "today" or "tomorrow" is not emailed any more from this moment on. */
  expiresAt?: string;
  params: NotificationParams;
  /** Path in the web app (ids only, never names). */
  link: string;
}

const name = (person: PlannerPerson | undefined): string =>
  person ? `${person.firstName} ${person.lastName}`.trim() : '';

/** Disabled, or past the last working day: nothing more is sent to them, or about their plan. */
export function hasLeft(person: PlannerPerson | undefined, today: string): boolean {
  if (person?.status !== 'active') return true;
  return person.endDate !== null && person.endDate < today;
}

const openActionStatuses: ReadonlySet<ActionStatus> = new Set(['planned', 'in_progress']);

export function planNotifications(input: PlannerInput, now: Date): PlannedItem[] {
  const { timeZone } = input.organisation;
  const today = dateIn(timeZone, now);
  // Time-zone arithmetic is costly (Intl) and the same dates recur across plans: each is worked out once.
  const mornings = new Map<string, string>();
  const morning = (date: string) => {
    let value = mornings.get(date);
    if (value === undefined) {
      value = zonedTimeToUtc(date, sendTime, timeZone).toISOString();
      mornings.set(date, value);
    }
    return value;
  };
  const days = new Map<string, string>();
  const dayOf = (iso: string) => {
    let value = days.get(iso);
    if (value === undefined) {
      value = dateIn(timeZone, new Date(iso));
      days.set(iso, value);
    }
    return value;
  };
  const items: PlannedItem[] = [];
  const eventsByPlan = new Map<string, StoredEvent>();
  for (const event of input.conversationEvents)
    if (event.kind === 'conversation') eventsByPlan.set(event.planId, event);

  for (const plan of input.plans) {
    const employee = input.people.get(plan.employeeId);
    if (hasLeft(employee, today)) continue;
    const partyIds: Record<PlanParty, string> = { employee: plan.employeeId, manager: plan.managerId };
    const present = (['employee', 'manager'] as const).filter(
      (p) => !hasLeft(input.people.get(partyIds[p]), today),
    );
    const otherName = (party: PlanParty) =>
      name(input.people.get(partyIds[party === 'employee' ? 'manager' : 'employee']));
    const add = (
      kind: NotificationKind,
      party: PlanParty,
      key: string,
      dueAt: string,
      link: string,
      params: NotificationParams = {},
      expiresAt?: string,
    ) => {
      if (!present.includes(party)) return;
      const recipientId = partyIds[party];
      items.push({
        kind,
        dedupeKey: `${kind}:${key}:${recipientId}`,
        recipientId,
        planId: plan.id,
        dueAt,
        ...(expiresAt ? { expiresAt } : {}),
        params: { other: otherName(party), role: party, ...params },
        link,
      });
    };
    /** The end of the day a reminder speaks of ("today", "tomorrow"). */
    const endOfDay = (dueAt: string) => new Date(new Date(dueAt).getTime() + 86_400_000).toISOString();
    const planLink = (tab?: string) => `/plans/${plan.id}${tab ? `?tab=${tab}` : ''}`;
    const { phase } = plan;

    // A new cycle is open: those who did not start it hear of it.
    if (phase === 'preparation' && !plan.cancelled) {
      const told: PlanParty[] =
        plan.requestedBy === 'manager'
          ? ['employee']
          : plan.requestedBy === 'employee'
            ? ['manager']
            : ['employee', 'manager'];
      for (const party of told)
        add('cycle_started', party, plan.id, plan.createdAt, planLink('preparation'), {
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
        });
    }

    // Preparation and the exchange a week before the conversation (seed 002).
    const deadline = plan.conversationAt
      ? addDays(dayOf(plan.conversationAt), -input.organisation.exchangeDays)
      : null;
    if (phase === 'preparation' && plan.conversationAt && deadline) {
      const at = new Date(plan.conversationAt).toISOString();
      const prepareBy = morning(addDays(deadline, -preparationLeadDays));
      if (prepareBy > plan.createdAt)
        for (const party of ['employee', 'manager'] as const)
          if (!plan.shared[party])
            add(
              'preparation_due',
              party,
              `${plan.id}:${deadline}`,
              prepareBy,
              planLink('preparation'),
              { at, deadline },
              morning(deadline),
            );
      const exchangeAt = morning(deadline);
      if (exchangeAt >= plan.createdAt && (!plan.shared.employee || !plan.shared.manager))
        for (const party of ['employee', 'manager'] as const) {
          const other = party === 'employee' ? 'manager' : 'employee';
          const missing =
            !plan.shared[party] && !plan.shared[other] ? 'both' : !plan.shared[party] ? 'you' : 'other';
          add(
            'exchange_deadline',
            party,
            `${plan.id}:${deadline}`,
            exchangeAt,
            planLink('preparation'),
            { at, deadline, missing },
            endOfDay(exchangeAt),
          );
        }
    }

    // The conversation tomorrow, while it still lies ahead.
    if ((phase === 'preparation' || phase === 'conversation') && plan.conversationAt) {
      const at = new Date(plan.conversationAt).toISOString();
      const dueAt = morning(addDays(dayOf(at), -1));
      if (at > now.toISOString() && dueAt >= plan.createdAt)
        for (const party of ['employee', 'manager'] as const)
          add('conversation_tomorrow', party, `${plan.id}:${at}`, dueAt, planLink(), { at }, endOfDay(dueAt));
    }

    // One party approved: the plan waits for the other.
    const agreeing = phase === 'conversation' || (phase === 'approved' && plan.revisionOpen);
    if (agreeing && !plan.disagreement) {
      const { employeeApprovedAt: byEmployee, managerApprovedAt: byManager } = plan;
      if (byEmployee && !byManager)
        add('approval_waiting', 'manager', `${plan.id}:${byEmployee}`, byEmployee, planLink(), {
          approvedAt: byEmployee,
        });
      if (byManager && !byEmployee)
        add('approval_waiting', 'employee', `${plan.id}:${byManager}`, byManager, planLink(), {
          approvedAt: byManager,
        });
    }

    if (phase === 'approved') {
      for (const followUp of plan.followUps) {
        if (followUp.heldAt !== null || followUp.plannedDate < today) continue;
        const dueAt = morning(addDays(followUp.plannedDate, -followUpLeadDays));
        for (const party of ['employee', 'manager'] as const)
          add(
            'follow_up_due',
            party,
            `${followUp.id}:${followUp.plannedDate}`,
            dueAt,
            planLink('followUps'),
            { date: followUp.plannedDate },
            endOfDay(dueAt),
          );
      }
      // An action whose date passed without an update since: the employee carries out the plan.
      for (const action of plan.actions) {
        if (!openActionStatuses.has(action.status) || !action.timing) continue;
        const end = timingBounds(action.timing).end;
        if (!end) continue;
        const dueAt = morning(addDays(end, 1));
        if (action.updatedAt >= dueAt) continue;
        add('action_overdue', 'employee', `${action.id}:${end}`, dueAt, planLink('execution'), { date: end });
      }
    }

    // The evaluation: on the agreed date, else at the end of the period.
    if (phase === 'approved' || phase === 'evaluation') {
      const date = plan.evaluationDate ?? plan.periodEnd;
      const dueAt = morning(addDays(date, -evaluationLeadDays));
      for (const party of ['employee', 'manager'] as const)
        if (!plan.evaluated[party])
          add(
            'evaluation_due',
            party,
            `${plan.id}:${date}`,
            dueAt,
            planLink(phase === 'evaluation' ? 'evaluation' : undefined),
            { date },
          );
    }

    // Calendar invitations and cancellations of the conversation, one per SEQUENCE, for a moment still ahead.
    const event = eventsByPlan.get(plan.id);
    if (event && storedStart(event.signature) > now) {
      const planned =
        plan.conversationAt && !plan.cancelled ? new Date(plan.conversationAt).toISOString() : null;
      const kind =
        event.cancelledAt === null
          ? planned === event.signature && 'conversation_invitation'
          : planned === null && 'conversation_cancelled';
      if (kind)
        for (const party of ['employee', 'manager'] as const)
          add(kind, party, `${plan.id}:${event.sequence}`, event.updatedAt, planLink(), {
            at: event.signature,
            sequence: event.sequence,
          });
    }
  }

  // HR: the yearly training-days balance statements (Belgium: the employee hears their balance at least yearly).
  if (input.hrIds && input.organisation.country === 'BE') {
    const year = Number(today.slice(0, 4));
    const dueAt = morning(`${year}-${trainingBalanceDay}`);
    const yearStart = zonedTimeToUtc(`${year}-01-01`, '00:00', timeZone).toISOString();
    const sent = (input.lastBalanceStatementAt ?? '') >= yearStart;
    if (!sent)
      for (const hrId of input.hrIds) {
        if (hasLeft(input.people.get(hrId), today)) continue;
        items.push({
          kind: 'training_balance',
          dedupeKey: `training_balance:${year}:${hrId}`,
          recipientId: hrId,
          planId: null,
          dueAt,
          params: { year },
          link: '/training-right',
        });
      }
  }
  return items;
}

/** Items whose moment has come, and that are not so old that sending them now would only confuse. */
export function dueItems(items: readonly PlannedItem[], now: Date, staleDays: number): PlannedItem[] {
  const nowIso = now.toISOString();
  const oldest = new Date(now.getTime() - staleDays * 86_400_000).toISOString();
  return items.filter((item) => item.dueAt <= nowIso && item.dueAt >= oldest);
}
