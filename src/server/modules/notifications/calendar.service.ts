import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CalendarFeed, CreatedCalendarFeed } from '../../../shared/contracts/notifications.js';
import { AppError } from '../../../shared/errors.js';
import { isLocale, type Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import {
  type CalendarEventKind,
  calendarEventsOf,
  diffCalendar,
  eventUid,
  type StoredEvent,
} from '../../../shared/notifications/calendar.js';
import { hasLeft, type PlannerPlan } from '../../../shared/notifications/planner.js';
import type { Actor } from '../../../shared/policies.js';
import { addDays, dateIn } from '../../../shared/pop/dates.js';
import { planPartiesOf, planPartyOf } from '../../../shared/pop/plan-access.js';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { hashToken, newToken } from '../../security/tokens.js';
import * as calendarRepo from './calendar.repository.js';
import { type IcsEvent, type IcsMethod, type IcsPerson, parseMailbox, renderIcs } from './calendar-ics.js';
import { calendarFacts, plannerPerson, plannerPlans, storedEvent } from './facts.mapper.js';
import * as facts from './facts.repository.js';

type Db = Kysely<Database>;

export const calendarHost = (ctx: AppContext): string => new URL(ctx.config.publicUrl).hostname;

/**
 * Brings the stored events of some plans in line with the plans: new events at SEQUENCE 0, a moved event one up, a
 * vanished one cancelled. Safe to run from several processes at once (guarded by the sequence read). Answers the
 * stored events afterwards.
 */
export async function syncCalendar(
  ctx: AppContext,
  db: Db,
  organisationId: string,
  plans: readonly PlannerPlan[],
  now: Date,
): Promise<StoredEvent[]> {
  const ids = plans.map((p) => p.id);
  const stored = (await calendarRepo.eventsOfPlans(db, organisationId, ids)).map(storedEvent);
  const host = calendarHost(ctx);
  const derived = plans.flatMap((plan) => calendarEventsOf(calendarFacts(plan), host));
  const changes = diffCalendar(derived, stored);
  if (changes.length === 0) return stored;
  const at = now.toISOString();
  // One transaction for all changes: a first pass over a large organisation writes thousands of events.
  await db.transaction().execute(async (trx) => {
    for (const change of changes) {
      if (change.type === 'insert')
        await calendarRepo.insertEvent(trx, organisationId, change.event, randomUUID(), at);
      else if (change.type === 'update')
        await calendarRepo.moveEvent(
          trx,
          organisationId,
          change.stored,
          { signature: change.event.signature, cancelledAt: null },
          at,
        );
      else
        await calendarRepo.moveEvent(
          trx,
          organisationId,
          change.stored,
          { signature: change.stored.signature, cancelledAt: at },
          at,
        );
    }
  });
  return (await calendarRepo.eventsOfPlans(db, organisationId, ids)).map(storedEvent);
}

export interface EventPeople {
  get(id: string): { firstName: string; lastName: string; email?: string } | undefined;
}

const fullNameOf = (p: { firstName: string; lastName: string } | undefined) =>
  p ? `${p.firstName} ${p.lastName}`.trim() : '';

/** One stored event as the given party of its plan sees it in a calendar. */
export function icsEventFor(
  ctx: AppContext,
  event: StoredEvent,
  plan: PlannerPlan,
  viewerId: string,
  people: EventPeople,
  locale: Locale,
): IcsEvent {
  const otherId = viewerId === plan.employeeId ? plan.managerId : plan.employeeId;
  const other = fullNameOf(people.get(otherId));
  const url = `${ctx.config.publicUrl}/plans/${plan.id}${event.kind === 'follow_up' ? '?tab=followUps' : ''}`;
  const kind =
    (['conversation', 'follow_up', 'evaluation'] as const).find((k) => k === event.kind) ?? 'conversation';
  return {
    uid: event.uid,
    sequence: event.sequence,
    start: event.signature,
    summary: translate(locale, `email.notifications.calendar.${kind}`, { other }),
    description: translate(locale, 'email.notifications.calendar.description', { url }),
    url,
    cancelled: event.cancelledAt !== null,
  };
}

async function loadPlanWithEvents(ctx: AppContext, organisationId: string, planIds: readonly string[]) {
  const db = ctx.database.db;
  const plans = plannerPlans(await facts.loadFactRows(db, organisationId, { planIds }));
  const events = await syncCalendar(ctx, db, organisationId, plans, ctx.clock.now());
  const people = await facts.loadPeople(
    db,
    organisationId,
    plans.flatMap((p) => [p.employeeId, p.managerId]),
  );
  const byId = new Map(people.map((p) => [p.id, { ...plannerPerson(p), email: p.email }]));
  return { plans, events, people: byId };
}

const fileNames: Record<CalendarEventKind, string> = {
  conversation: 'pop-gesprek',
  follow_up: 'opvolgingsmoment',
  evaluation: 'evaluatie',
};

/** The .ics of one event of a plan, for one of its two parties: PUBLISH, or CANCEL once it was cancelled. */
export async function planEventIcs(
  ctx: AppContext,
  actor: Actor & { locale: Locale },
  planId: string,
  kind: CalendarEventKind,
  refId: string | null,
): Promise<{ filename: string; body: string }> {
  const db = ctx.database.db;
  const row = await db
    .selectFrom('plans')
    .select(['id', 'organisation_id', 'employee_id', 'manager_id'])
    .where('organisation_id', '=', actor.organisationId)
    .where('id', '=', planId)
    .executeTakeFirst();
  const scope = row && {
    organisationId: row.organisation_id,
    employeeId: row.employee_id,
    managerId: row.manager_id,
  };
  if (!scope || planPartiesOf(actor, scope).length === 0) throw new AppError('NOT_FOUND');
  if (planPartyOf(actor, scope) === null)
    throw new AppError('FORBIDDEN', { params: { messageKey: 'CALENDAR_PARTIES_ONLY' } });
  const { plans, events, people } = await loadPlanWithEvents(ctx, actor.organisationId, [planId]);
  const plan = plans[0];
  const uid = eventUid(kind, refId ?? planId, calendarHost(ctx));
  const event = events.find((e) => e.uid === uid);
  if (!plan || !event) throw new AppError('NOT_FOUND', { params: { messageKey: 'CALENDAR_NO_EVENT' } });
  const ics = icsEventFor(ctx, event, plan, actor.personId, people, actor.locale);
  const body = renderIcs({
    name: translate(actor.locale, 'email.notifications.calendar.name', { name: ics.summary }),
    method: ics.cancelled ? 'CANCEL' : 'PUBLISH',
    events: [ics],
    stamp: ctx.clock.now(),
  });
  const suffix = kind === 'follow_up' ? `-${event.signature}` : '';
  return { filename: `groeipad-${fileNames[kind]}${suffix}.ics`, body };
}

/** An invitation (REQUEST) or cancellation (CANCEL) of the conversation, to attach to an email. */
export function conversationInvitation(
  ctx: AppContext,
  event: StoredEvent,
  plan: PlannerPlan,
  recipientId: string,
  people: EventPeople,
  locale: Locale,
): { filename: string; content: string; method: IcsMethod } {
  const ics = icsEventFor(ctx, event, plan, recipientId, people, locale);
  const method: IcsMethod = ics.cancelled ? 'CANCEL' : 'REQUEST';
  const attendees: IcsPerson[] = [plan.employeeId, plan.managerId].flatMap((id) => {
    const person = people.get(id);
    return person?.email ? [{ name: fullNameOf(person), email: person.email }] : [];
  });
  return {
    filename: ics.cancelled ? 'cancel.ics' : 'invite.ics',
    method,
    content: renderIcs({
      name: ics.summary,
      method,
      events: [ics],
      stamp: ctx.clock.now(),
      invitation: { organizer: parseMailbox(ctx.config.mail.from), attendees },
    }),
  };
}

/** Feeds: a private, revocable URL per person. */

const feedUrls = (ctx: AppContext, token: string) => {
  const url = `${ctx.config.publicUrl}/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
};

export async function feedStatus(ctx: AppContext, actor: Actor): Promise<CalendarFeed> {
  const feed = await calendarRepo.findFeedOf(ctx.database.db, actor.organisationId, actor.personId);
  return { active: !!feed, createdAt: feed?.created_at ?? null, lastUsedAt: feed?.last_used_at ?? null };
}

/** A new feed URL; the previous one, if any, stops working. The token is answered once and only its hash kept. */
export async function createFeed(ctx: AppContext, actor: Actor): Promise<CreatedCalendarFeed> {
  const token = newToken();
  const now = ctx.clock.now().toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    await calendarRepo.deleteFeedOf(trx, actor.organisationId, actor.personId);
    await calendarRepo.insertFeed(trx, {
      id: randomUUID(),
      organisationId: actor.organisationId,
      personId: actor.personId,
      tokenHash: hashToken(token),
      now,
    });
  });
  return { active: true, createdAt: now, lastUsedAt: null, ...feedUrls(ctx, token) };
}

export async function revokeFeed(ctx: AppContext, actor: Actor): Promise<void> {
  await calendarRepo.deleteFeedOf(ctx.database.db, actor.organisationId, actor.personId);
}

/** The feed behind a token: the person's POP moments only, titles and links, nothing of the content. */
export async function feedIcs(ctx: AppContext, token: string): Promise<string> {
  const db = ctx.database.db;
  const feed = await calendarRepo.findFeedByHash(db, hashToken(token));
  if (!feed) throw new AppError('NOT_FOUND');
  const person = await calendarRepo.findPersonForFeed(db, feed.organisation_id, feed.person_id);
  const organisation = await facts.findOrganisation(db, feed.organisation_id);
  if (!person || !organisation) throw new AppError('NOT_FOUND');
  const now = ctx.clock.now();
  const today = dateIn(organisation.time_zone, now);
  if (hasLeft(plannerPerson({ ...person, email: '' }), today)) throw new AppError('NOT_FOUND');
  const planIds = await calendarRepo.planIdsOfPerson(
    db,
    feed.organisation_id,
    person.id,
    addDays(today, -365),
  );
  const { plans, events, people } = await loadPlanWithEvents(ctx, feed.organisation_id, planIds);
  const locale: Locale = isLocale(person.locale) ? person.locale : 'nl-BE';
  const byPlan = new Map(plans.map((p) => [p.id, p]));
  const ics = events.flatMap((event) => {
    const plan = byPlan.get(event.planId);
    // A subscribed calendar reads the whole feed again: an event that is gone simply disappears.
    if (!plan || event.cancelledAt !== null) return [];
    return [icsEventFor(ctx, event, plan, person.id, people, locale)];
  });
  await calendarRepo.touchFeed(db, feed.id, now.toISOString());
  return renderIcs({
    name: translate(locale, 'email.notifications.calendar.name', {
      name: `${person.first_name} ${person.last_name}`,
    }),
    method: 'PUBLISH',
    events: ics,
    stamp: now,
  });
}
