import { randomUUID } from 'node:crypto';
import { isLocale, type Locale } from '../../../shared/i18n/locales.js';
import type { StoredEvent } from '../../../shared/notifications/calendar.js';
import {
  type DeliveryMode,
  effectiveMode,
  isNotificationKind,
  type NotificationKind,
} from '../../../shared/notifications/kinds.js';
import {
  hasLeft,
  type PlannedItem,
  type PlannerPerson,
  type PlannerPlan,
  planNotifications,
  sendTime,
} from '../../../shared/notifications/planner.js';
import { addDays, dateIn, zonedTimeToUtc } from '../../../shared/pop/dates.js';
import type { AppContext } from '../../context.js';
import type { ReminderRow } from '../../db/schema.js';
import type { OutgoingEmail } from '../../email/mailer.js';
import { claimTimeoutMs } from '../../email/retry.domain.js';
import { conversationInvitation, syncCalendar } from './calendar.service.js';
import { plannerPerson, plannerPlans } from './facts.mapper.js';
import * as facts from './facts.repository.js';
import { digestEmail, type EmailContext, notificationEmail } from './notification-emails.js';
import * as repo from './notifications.repository.js';
import { mandatoryKindsOf } from './preferences.service.js';

/**
 * The reminder pipeline, run by the job runner (and in part on request):
 * 1. schedule: plan every organisation's reminders from the state of its plans and store each key once, as a
 *    reminder (an email to send) and, once due, as an in-app notification;
 * 2. send: claim due reminders with a guarded update, plan the same plan again just before sending (skip what
 *    moved on), and hand the email to the outbox in the transaction that marks the reminder sent;
 * 3. the outbox delivers, retrying failures with backoff (see email/mailer.ts).
 */

/** Reminders whose moment passed longer ago than this are not sent any more (after downtime, or at first start). */
export const staleDays = 7;
/** Reminders are stored this long before they are due, so they can be seen coming. */
const lookaheadMs = 24 * 3_600_000;
/** A plan closed this long ago no longer changes calendars. */
const closedDays = 30;
/** A reminder claimed this often without being finished is given up (and shows as failed). */
const maxClaims = 5;

const iso = (ms: number) => new Date(ms).toISOString();

interface Planned {
  organisation: facts.OrganisationFacts;
  plans: PlannerPlan[];
  events: StoredEvent[];
  people: Map<string, PlannerPerson & { email: string; locale: string }>;
  items: PlannedItem[];
}

/** Plans the reminders of some plans of an organisation (with its calendar brought up to date first). */
async function planFor(
  ctx: AppContext,
  organisationId: string,
  scope: facts.FactsScope,
  now: Date,
  options: { hr: boolean },
): Promise<Planned | null> {
  const db = ctx.database.db;
  const organisation = await facts.findOrganisation(db, organisationId);
  if (!organisation) return null;
  const plans = plannerPlans(await facts.loadFactRows(db, organisationId, scope));
  const events = await syncCalendar(ctx, db, organisationId, plans, now);
  const hrIds = options.hr ? await facts.hrIdsOf(db, organisationId) : [];
  const rows = await facts.loadPeople(db, organisationId, [
    ...plans.flatMap((p) => [p.employeeId, p.managerId]),
    ...hrIds,
  ]);
  const people = new Map(rows.map((p) => [p.id, { ...plannerPerson(p), email: p.email, locale: p.locale }]));
  const items = planNotifications(
    {
      organisation: {
        id: organisation.id,
        timeZone: organisation.time_zone,
        exchangeDays: Number(organisation.exchange_days),
        country: organisation.country,
      },
      people,
      plans,
      conversationEvents: events.filter((e) => e.kind === 'conversation'),
      ...(options.hr
        ? { hrIds, lastBalanceStatementAt: await facts.lastBalanceStatementAt(db, organisationId) }
        : {}),
    },
    now,
  );
  return { organisation, plans, events, people, items };
}

/** Stores what is due (or nearly): reminders to send and in-app notifications to show. Idempotent. */
export async function scheduleOrganisation(
  ctx: AppContext,
  organisationId: string,
  now: Date,
  scope?: facts.FactsScope,
): Promise<{ reminders: number; notifications: number }> {
  const closedSince = iso(now.getTime() - closedDays * 86_400_000);
  const planned = await planFor(ctx, organisationId, scope ?? { all: true, closedSince }, now, {
    hr: !scope,
  });
  if (!planned) return { reminders: 0, notifications: 0 };
  const oldest = iso(now.getTime() - staleDays * 86_400_000);
  const horizon = iso(now.getTime() + lookaheadMs);
  const nowIso = now.toISOString();
  const upcoming = planned.items.filter((i) => i.dueAt >= oldest && i.dueAt <= horizon);
  const db = ctx.database.db;
  return {
    // A "today" or "tomorrow" that has passed is still shown in the app, but never emailed.
    reminders: await repo.insertReminders(
      db,
      organisationId,
      upcoming.filter((i) => !i.expiresAt || i.expiresAt > nowIso),
      randomUUID,
      nowIso,
    ),
    notifications: await repo.insertNotifications(
      db,
      organisationId,
      upcoming.filter((i) => i.dueAt <= nowIso),
      randomUUID,
    ),
  };
}

/** Request-time scheduling for one person's plans, so a notification appears without waiting for the runner. */
export async function scheduleForPerson(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await scheduleOrganisation(ctx, organisationId, now, {
    personId,
    closedSince: iso(now.getTime() - closedDays * 86_400_000),
  });
}

// Sending.

export interface SendReport {
  sent: number;
  skipped: number;
  digest: number;
  failed: number;
}

/** How each person of one organisation wants each kind, read once per batch. */
function modeLookup(ctx: AppContext, organisationId: string) {
  const db = ctx.database.db;
  let mandatory: Promise<NotificationKind[]> | undefined;
  const chosen = new Map<string, Promise<Array<{ kind: string; mode: string }>>>();
  return async (personId: string, kind: NotificationKind): Promise<DeliveryMode> => {
    mandatory ??= mandatoryKindsOf(ctx, organisationId);
    let preferences = chosen.get(personId);
    if (!preferences) {
      preferences = repo.preferencesOf(db, organisationId, personId);
      chosen.set(personId, preferences);
    }
    const mode = (await preferences).find((p) => p.kind === kind)?.mode as DeliveryMode | undefined;
    return effectiveMode(kind, mode, await mandatory);
  };
}

const localeOf = (value: string): Locale => (isLocale(value) ? value : 'nl-BE');

async function recheck(ctx: AppContext, rows: readonly ReminderRow[], now: Date): Promise<Planned | null> {
  const first = rows[0];
  if (!first) return null;
  const planIds = [...new Set(rows.flatMap((r) => (r.plan_id ? [r.plan_id] : [])))];
  const needsHr = rows.some((r) => r.plan_id === null);
  return planFor(ctx, first.organisation_id, { planIds }, now, { hr: needsHr });
}

/** Records the email in the outbox and marks the reminder(s) sent, in one transaction; then delivers it. */
async function handOver(
  ctx: AppContext,
  email: OutgoingEmail,
  mark: (trx: typeof ctx.database.db, emailId: string) => Promise<boolean>,
): Promise<boolean> {
  const emailToken = randomUUID();
  let emailId: string | null = null;
  try {
    emailId = await ctx.database.db.transaction().execute(async (trx) => {
      const id = await ctx.mailer.record(trx, email, emailToken);
      if (!(await mark(trx, id))) throw new LostClaim();
      return id;
    });
  } catch (error) {
    if (error instanceof LostClaim) return false;
    throw error;
  }
  await ctx.mailer.deliver(emailId, emailToken, email.toName);
  return true;
}

class LostClaim extends Error {}

function emailContext(
  ctx: AppContext,
  planned: Planned,
  recipient: { firstName: string; locale: string },
): EmailContext {
  return {
    publicUrl: ctx.config.publicUrl,
    organisation: { name: planned.organisation.name, timeZone: planned.organisation.time_zone },
    recipient: { firstName: recipient.firstName, locale: localeOf(recipient.locale) },
  };
}

async function sendOne(
  ctx: AppContext,
  row: ReminderRow,
  token: string,
  now: Date,
  batch: { planned: Planned | null; modeFor: ReturnType<typeof modeLookup> },
): Promise<keyof SendReport> {
  const db = ctx.database.db;
  const at = now.toISOString();
  const finish = (values: Parameters<typeof repo.finishReminder>[3]) =>
    repo.finishReminder(db, row.id, token, values, at);
  if (Number(row.attempts) + 1 > maxClaims) {
    await finish({ status: 'failed', outcome: 'gave_up' });
    return 'failed';
  }
  if (row.kind === 'digest') return sendDigest(ctx, row, token, now);
  if (row.due_at < iso(now.getTime() - staleDays * 86_400_000)) {
    await finish({ status: 'skipped', outcome: 'stale' });
    return 'skipped';
  }
  const { planned } = batch;
  const item = planned?.items.find((i) => i.dedupeKey === row.dedupe_key);
  const recipient = planned?.people.get(row.recipient_id);
  if (!planned || !item || !recipient || !isNotificationKind(row.kind)) {
    await finish({ status: 'skipped', outcome: 'moved_on' });
    return 'skipped';
  }
  if (item.expiresAt && item.expiresAt <= at) {
    await finish({ status: 'skipped', outcome: 'stale' });
    return 'skipped';
  }
  const mode = await batch.modeFor(row.recipient_id, row.kind);
  if (mode === 'off') {
    await finish({ status: 'skipped', outcome: 'off' });
    return 'skipped';
  }
  if (mode === 'digest') {
    await finish({ status: 'digest' });
    return 'digest';
  }
  const context = emailContext(ctx, planned, recipient);
  const rendered = notificationEmail(context, item);
  const email: OutgoingEmail = {
    organisationId: row.organisation_id,
    kind: row.kind,
    to: recipient.email,
    toName: `${recipient.firstName} ${recipient.lastName}`,
    ...rendered,
  };
  if (row.kind === 'conversation_invitation' || row.kind === 'conversation_cancelled') {
    const plan = planned.plans.find((p) => p.id === row.plan_id);
    const event = planned.events.find((e) => e.planId === row.plan_id && e.kind === 'conversation');
    if (plan && event) {
      const invite = conversationInvitation(
        ctx,
        event,
        plan,
        row.recipient_id,
        planned.people,
        context.recipient.locale,
      );
      email.attachments = [
        { ...invite, contentType: `text/calendar; charset=utf-8; method=${invite.method}` },
      ];
    }
  }
  const handed = await handOver(ctx, email, (trx, emailId) =>
    repo.finishReminder(trx, row.id, token, { status: 'sent', emailId }, at),
  );
  return handed ? 'sent' : 'skipped';
}

async function sendDigest(
  ctx: AppContext,
  row: ReminderRow,
  token: string,
  now: Date,
): Promise<keyof SendReport> {
  const db = ctx.database.db;
  const at = now.toISOString();
  const waiting = await repo.digestItemsOf(db, row.organisation_id, row.recipient_id);
  const planned = await recheck(ctx, waiting, now);
  const recipient = (await repo.findRecipient(db, row.organisation_id, row.recipient_id)) ?? null;
  const today = planned ? dateIn(planned.organisation.time_zone, now) : at.slice(0, 10);
  const person = recipient ? plannerPerson(recipient) : undefined;
  const valid =
    planned && person && !hasLeft(person, today)
      ? waiting.flatMap((r) => {
          const item = planned.items.find((i) => i.dedupeKey === r.dedupe_key);
          return item && !(item.expiresAt && item.expiresAt <= at) ? [{ row: r, item }] : [];
        })
      : [];
  const stale = waiting.filter((r) => !valid.some((v) => v.row.id === r.id)).map((r) => r.id);
  await repo.takeDigestItems(db, stale, { status: 'skipped', emailId: null, outcome: 'moved_on' }, at);
  if (!planned || !recipient || valid.length === 0) {
    await repo.finishReminder(db, row.id, token, { status: 'skipped', outcome: 'nothing' }, at);
    return 'skipped';
  }
  const context = emailContext(ctx, planned, { firstName: recipient.first_name, locale: recipient.locale });
  const rendered = digestEmail(
    context,
    valid.map((v) => v.item),
  );
  const handed = await handOver(
    ctx,
    {
      organisationId: row.organisation_id,
      kind: 'digest',
      to: recipient.email,
      toName: `${recipient.first_name} ${recipient.last_name}`,
      ...rendered,
    },
    async (trx, emailId) => {
      const ids = valid.map((v) => v.row.id);
      const taken = await repo.takeDigestItems(trx, ids, { status: 'sent', emailId, outcome: null }, at);
      if (taken !== ids.length) return false;
      return repo.finishReminder(trx, row.id, token, { status: 'sent', emailId }, at);
    },
  );
  return handed ? 'sent' : 'skipped';
}

/** Claims due reminders one by one (a guarded update each) and sends the ones this process won. */
export async function sendDueReminders(ctx: AppContext, now: Date, limit = 100): Promise<SendReport> {
  const db = ctx.database.db;
  const at = now.toISOString();
  const staleClaim = iso(now.getTime() - claimTimeoutMs);
  const report: SendReport = { sent: 0, skipped: 0, digest: 0, failed: 0 };
  const candidates = await repo.claimableReminders(db, at, staleClaim, limit);
  // One guarded update claims the batch: of two processes racing for a row, exactly one gets it back.
  const token = randomUUID();
  const won = await repo.claimReminders(
    db,
    candidates.map((r) => r.id),
    token,
    at,
    staleClaim,
  );
  const rows = candidates.filter((r) => won.has(r.id));
  const byOrganisation = new Map<string, ReminderRow[]>();
  for (const row of rows)
    byOrganisation.set(row.organisation_id, [...(byOrganisation.get(row.organisation_id) ?? []), row]);
  for (const [organisationId, group] of byOrganisation) {
    // The plans of the whole batch are planned again at once, just before sending.
    const reminders = group.filter((r) => r.kind !== 'digest');
    let planned: Planned | null = null;
    try {
      planned = await recheck(ctx, reminders, now);
    } catch (error) {
      ctx.logger.error({ err: error, organisationId }, 'reminders could not be checked');
      continue;
    }
    const modeFor = modeLookup(ctx, organisationId);
    for (const row of group) {
      try {
        report[await sendOne(ctx, row, token, now, { planned, modeFor })]++;
      } catch (error) {
        // The claim stays: after the timeout another run tries again (and gives up after a few tries).
        ctx.logger.error({ err: error, reminderId: row.id, kind: row.kind }, 'reminder could not be sent');
      }
    }
  }
  return report;
}

/** Every person with reminders held back gets a digest reminder for the coming Monday morning. */
export async function scheduleDigests(ctx: AppContext, now: Date): Promise<number> {
  const db = ctx.database.db;
  const recipients = await repo.digestRecipients(db);
  const zones = new Map<string, string>();
  let created = 0;
  for (const { organisation_id, recipient_id } of recipients) {
    let zone = zones.get(organisation_id);
    if (!zone) {
      zone = (await facts.findOrganisation(db, organisation_id))?.time_zone ?? 'Europe/Brussels';
      zones.set(organisation_id, zone);
    }
    const monday = nextDigestDay(now, zone);
    await repo.insertDigestReminder(db, {
      id: randomUUID(),
      organisationId: organisation_id,
      recipientId: recipient_id,
      dueAt: zonedTimeToUtc(monday, sendTime, zone).toISOString(),
      dedupeKey: `digest:${monday}:${recipient_id}`,
      now: now.toISOString(),
    });
    created++;
  }
  return created;
}

/** The Monday whose morning send time is the first one at or after now. */
export function nextDigestDay(now: Date, timeZone: string): string {
  let day = dateIn(timeZone, now);
  for (let i = 0; i < 8; i++) {
    const isMonday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    if (isMonday && zonedTimeToUtc(day, sendTime, timeZone) >= now) return day;
    day = addDays(day, 1);
  }
  return day;
}

/** One pass of everything: what the job runner does on each tick. */
export async function runReminders(ctx: AppContext, now: Date): Promise<SendReport & { scheduled: number }> {
  let scheduled = 0;
  for (const organisationId of await facts.organisationIds(ctx.database.db)) {
    try {
      scheduled += (await scheduleOrganisation(ctx, organisationId, now)).reminders;
    } catch (error) {
      ctx.logger.error({ err: error, organisationId }, 'reminders could not be planned');
    }
  }
  await scheduleDigests(ctx, now);
  const report = await sendDueReminders(ctx, now);
  return { ...report, scheduled };
}
