import { describe, expect, it } from 'vitest';
import {
  type CalendarPlanFacts,
  calendarEventsOf,
  type DerivedEvent,
  diffCalendar,
  eventUid,
  type StoredEvent,
  storedStart,
} from './calendar.js';

const host = 'pop.example';
const plan: CalendarPlanFacts = {
  id: 'p1',
  cancelled: false,
  conversationAt: '2026-03-20T10:00:00+01:00',
  evaluationDate: '2026-12-10',
  followUps: [{ id: 'f1', plannedDate: '2026-06-15' }],
};

const stored = (event: DerivedEvent, extra: Partial<StoredEvent> = {}): StoredEvent => ({
  id: `row-${event.uid}`,
  uid: event.uid,
  kind: event.kind,
  planId: event.planId,
  refId: event.refId,
  signature: event.signature,
  sequence: 0,
  cancelledAt: null,
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...extra,
});

describe('calendarEventsOf', () => {
  it('has the conversation (UTC, timed), each follow-up and the evaluation (all day)', () => {
    expect(calendarEventsOf(plan, host)).toEqual([
      {
        uid: 'conversation-p1@pop.example',
        kind: 'conversation',
        planId: 'p1',
        refId: null,
        start: '2026-03-20T09:00:00.000Z',
        allDay: false,
        signature: '2026-03-20T09:00:00.000Z',
      },
      {
        uid: 'follow-up-f1@pop.example',
        kind: 'follow_up',
        planId: 'p1',
        refId: 'f1',
        start: '2026-06-15',
        allDay: true,
        signature: '2026-06-15',
      },
      {
        uid: 'evaluation-p1@pop.example',
        kind: 'evaluation',
        planId: 'p1',
        refId: null,
        start: '2026-12-10',
        allDay: true,
        signature: '2026-12-10',
      },
    ]);
  });

  it.each([
    ['a cancelled plan', { cancelled: true }, []],
    ['no dates yet', { conversationAt: null, evaluationDate: null, followUps: [] }, []],
    ['only a conversation', { evaluationDate: null, followUps: [] }, ['conversation-p1@pop.example']],
  ] as Array<[string, Partial<CalendarPlanFacts>, string[]]>)('%s', (_label, change, uids) => {
    expect(calendarEventsOf({ ...plan, ...change }, host).map((e) => e.uid)).toEqual(uids);
  });

  it('keeps the UID when the date changes', () => {
    const moved = calendarEventsOf({ ...plan, conversationAt: '2026-03-27T09:00:00.000Z' }, host);
    expect(moved[0]?.uid).toBe(eventUid('conversation', 'p1', host));
  });
});

describe('diffCalendar', () => {
  const events = calendarEventsOf(plan, host);
  const [conversation, followUp, evaluation] = events as [DerivedEvent, DerivedEvent, DerivedEvent];

  it('inserts new events and leaves unchanged ones alone', () => {
    expect(diffCalendar(events, [])).toEqual(events.map((event) => ({ type: 'insert', event })));
    expect(
      diffCalendar(
        events,
        events.map((e) => stored(e)),
      ),
    ).toEqual([]);
  });

  it('updates a moved event and cancels a vanished one once', () => {
    const moved = {
      ...conversation,
      start: '2026-03-27T09:00:00.000Z',
      signature: '2026-03-27T09:00:00.000Z',
    };
    const rows = events.map((e) => stored(e));
    expect(diffCalendar([moved, evaluation], rows)).toEqual([
      { type: 'update', stored: rows[0], event: moved },
      { type: 'cancel', stored: rows[1] },
    ]);
    const cancelled = rows.map((r) =>
      r.uid === followUp.uid ? { ...r, cancelledAt: '2026-04-01T00:00:00Z' } : r,
    );
    expect(diffCalendar([conversation, evaluation], cancelled)).toEqual([]);
  });

  it('revives a cancelled event that comes back', () => {
    const row = stored(conversation, { cancelledAt: '2026-03-05T00:00:00Z', sequence: 1 });
    expect(diffCalendar([conversation], [row])).toEqual([
      { type: 'update', stored: row, event: conversation },
    ]);
  });
});

describe('storedStart', () => {
  it('reads both kinds of signature', () => {
    expect(storedStart('2026-06-15').toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(storedStart('2026-03-20T09:00:00.000Z').toISOString()).toBe('2026-03-20T09:00:00.000Z');
  });
});
