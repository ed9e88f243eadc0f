import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { conversationMinutes, storedStart } from '../../../shared/notifications/calendar.js';

/** One event as a calendar app sees it: what, when, and a link to the plan; never anything of the plan's content. */
export interface IcsEvent {
  uid: string;
  sequence: number;
  /** ISO timestamp (the conversation, written in UTC) or `YYYY-MM-DD` (all day). */
  start: string;
  summary: string;
  description: string;
  url: string;
  cancelled: boolean;
}

export interface IcsPerson {
  name: string;
  email: string;
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const methods: Record<IcsMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/** Reads `Name <address>` (MAIL_FROM) into an organizer. */
export function parseMailbox(value: string): IcsPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match
    ? { name: match[1]?.trim() || 'Groeipad', email: match[2]?.trim() ?? value }
    : { name: 'Groeipad', email: value.trim() };
}

export function renderIcs(options: {
  name: string;
  method: IcsMethod;
  events: readonly IcsEvent[];
  stamp: Date;
  /** Invitations (REQUEST, CANCEL) name who sends them and who is invited. */
  invitation?: { organizer: IcsPerson; attendees: readonly IcsPerson[] };
}): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Groeipad', product: 'Groeipad', language: 'NL' },
    method: methods[options.method],
  });
  for (const event of options.events) {
    const start = storedStart(event.start);
    const allDay = event.start.length === 10;
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      stamp: options.stamp,
      start,
      ...(allDay ? { allDay: true } : { end: new Date(start.getTime() + conversationMinutes * 60_000) }),
      summary: event.summary,
      description: event.description,
      url: event.url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(options.invitation
        ? {
            organizer: options.invitation.organizer,
            attendees: options.invitation.attendees.map((a) => ({
              name: a.name,
              email: a.email,
              role: ICalAttendeeRole.REQ,
              status: event.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.NEEDSACTION,
              rsvp: false,
            })),
          }
        : {}),
    });
  }
  return calendar.toString();
}
