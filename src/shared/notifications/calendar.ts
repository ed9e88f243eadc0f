/**
 * The calendar events of a POP: the conversation, every opvolgingsmoment and the evaluation. Each event keeps one
 * UID for its whole life, so a calendar that imported it updates the same entry when the date changes (a higher
 * SEQUENCE) and removes it when it is cancelled. Pure: the server stores the sequence and renders the .ics.
 */
export const calendarEventKinds = ['conversation', 'follow_up', 'evaluation'] as const;
export type CalendarEventKind = (typeof calendarEventKinds)[number];

/** How long the conversation takes in a calendar: a POP-gesprek is planned as one hour. */
export const conversationMinutes = 60;

export interface CalendarPlanFacts {
  id: string;
  cancelled: boolean;
  /** ISO timestamp of the conversation, or null while not planned. */
  conversationAt: string | null;
  /** `YYYY-MM-DD`, or null. */
  evaluationDate: string | null;
  followUps: ReadonlyArray<{ id: string; plannedDate: string }>;
}

export interface DerivedEvent {
  uid: string;
  kind: CalendarEventKind;
  planId: string;
  /** The follow-up's id; null for the conversation and the evaluation. */
  refId: string | null;
  /** ISO timestamp for the conversation, `YYYY-MM-DD` for all-day events. */
  start: string;
  allDay: boolean;
  /** What a calendar shows of the moment: when it changes, the event's SEQUENCE goes up. */
  signature: string;
}

export interface StoredEvent {
  id: string;
  uid: string;
  kind: string;
  planId: string;
  refId: string | null;
  signature: string;
  sequence: number;
  cancelledAt: string | null;
  updatedAt: string;
}

const uidKind: Record<CalendarEventKind, string> = {
  conversation: 'conversation',
  follow_up: 'follow-up',
  evaluation: 'evaluation',
};

/** `conversation-<planId>@host`, `follow-up-<followUpId>@host`, `evaluation-<planId>@host`: stable for life. */
export const eventUid = (kind: CalendarEventKind, id: string, host: string): string =>
  `${uidKind[kind]}-${id}@${host}`;

export function calendarEventsOf(plan: CalendarPlanFacts, host: string): DerivedEvent[] {
  if (plan.cancelled) return [];
  const events: DerivedEvent[] = [];
  if (plan.conversationAt) {
    const start = new Date(plan.conversationAt).toISOString();
    events.push({
      uid: eventUid('conversation', plan.id, host),
      kind: 'conversation',
      planId: plan.id,
      refId: null,
      start,
      allDay: false,
      signature: start,
    });
  }
  for (const followUp of plan.followUps) {
    events.push({
      uid: eventUid('follow_up', followUp.id, host),
      kind: 'follow_up',
      planId: plan.id,
      refId: followUp.id,
      start: followUp.plannedDate,
      allDay: true,
      signature: followUp.plannedDate,
    });
  }
  if (plan.evaluationDate) {
    events.push({
      uid: eventUid('evaluation', plan.id, host),
      kind: 'evaluation',
      planId: plan.id,
      refId: null,
      start: plan.evaluationDate,
      allDay: true,
      signature: plan.evaluationDate,
    });
  }
  return events;
}

export type CalendarChange =
  | { type: 'insert'; event: DerivedEvent }
  | { type: 'update'; stored: StoredEvent; event: DerivedEvent }
  | { type: 'cancel'; stored: StoredEvent };

/**
 * What must change in the stored events of some plans so they match the plans: new events start at SEQUENCE 0, a
 * moved (or revived) event goes one up, and an event that disappeared (plan cancelled, date cleared, follow-up
 * deleted) is cancelled, one up, once.
 */
export function diffCalendar(
  derived: readonly DerivedEvent[],
  stored: readonly StoredEvent[],
): CalendarChange[] {
  const byUid = new Map(stored.map((s) => [s.uid, s]));
  const seen = new Set<string>();
  const changes: CalendarChange[] = [];
  for (const event of derived) {
    seen.add(event.uid);
    const existing = byUid.get(event.uid);
    if (!existing) changes.push({ type: 'insert', event });
    else if (existing.signature !== event.signature || existing.cancelledAt !== null)
      changes.push({ type: 'update', stored: existing, event });
  }
  for (const existing of stored) {
    if (!seen.has(existing.uid) && existing.cancelledAt === null)
      changes.push({ type: 'cancel', stored: existing });
  }
  return changes;
}

/** The start of a stored event as a Date (all-day events start at midnight UTC of their date). */
export const storedStart = (signature: string): Date =>
  new Date(signature.length === 10 ? `${signature}T00:00:00.000Z` : signature);
