import { sql } from 'kysely';
import type {
  ActionRow,
  BudgetRow,
  FollowUpEntryRow,
  FollowUpRow,
  FundingSourceRow,
  GoalRow,
  NewAuditEvent,
  OrganisationRow,
  PlanRow,
  TrainingDayNormRow,
} from '../../../src/server/db/schema.js';
import {
  type AuditValues,
  auditChanges,
  readWindowMs,
  type StoredChanges,
  whitelistedChanges,
} from '../../../src/server/modules/audit/audit.domain.js';
import {
  actionAuditValues,
  budgetAuditValues,
  followUpAuditValues,
  fundingSourceAuditValues,
  goalAuditValues,
  organisationAuditValues,
  planAuditValues,
  trainingNormAuditValues,
} from '../../../src/server/modules/audit/audit.mapper.js';
import type { AuditAction, AuditActorRole, AuditObjectType } from '../../../src/shared/contracts/audit.js';
import type { Generator, PersonInfo, SeedContext } from '../context.js';
import type { Prng } from '../prng.js';
import * as words from '../words.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const dayPrefixes = new Map<number, string>();
/** `new Date(time).toISOString()` for whole milliseconds, with each day's date formatted once. */
function iso(time: number): string {
  const day = Math.floor(time / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = time - day * DAY;
  const millis = rest % 1000;
  return `${prefix}${twoDigits[Math.floor(rest / HOUR)]}:${twoDigits[Math.floor(rest / MINUTE) % 60]}:${
    twoDigits[Math.floor(rest / 1000) % 60]
  }.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
const ms = (timestamp: string) => Date.parse(timestamp);
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);
const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
/**
 * Rows handed to the writer at a time (it splits them into statements under the database's parameter limit), all of
 * a year in one transaction. Written soon after they are made, rows seldom outlive the young generation of the heap.
 */
const rowsPerWrite = 2_000;
const disagreementText =
  'Ik ben het niet eens met de timing van de opleiding: die valt midden in de drukste periode.';

interface Actor {
  id: string;
  role: AuditActorRole;
}

/** One act of the log before it becomes a row; `at` in milliseconds. */
interface Act {
  at: number;
  actor: Actor | null;
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string | null;
  changes: StoredChanges | null;
  subjectPersonId: string | null;
  planId: string | null;
  requestId: string | null;
}

/**
 * The row as `recordAudit()` writes it. `changes` are whitelisted already: they come from `auditChanges()`, or
 * through `whitelistedChanges()` where an act names them itself, as the application's services do.
 */
function auditRow(organisationId: string, act: Act): NewAuditEvent {
  const { changes } = act;
  return {
    organisation_id: organisationId,
    occurred_at: iso(act.at),
    actor_id: act.actor?.id ?? null,
    actor_role: act.actor?.role ?? 'system',
    action: act.action,
    object_type: act.objectType,
    object_id: act.objectId,
    subject_person_id: act.subjectPersonId,
    plan_id: act.planId,
    changes: changes ? JSON.stringify(changes) : null,
    request_id: act.requestId,
  };
}

/** The plans generator's clock of a plan year: fraction 0 is 2 January, 1 the year's last day (or today). */
function yearSpan(year: number, today: string) {
  const start = Date.UTC(year, 0, 2);
  const end = Math.max(start + DAY, Math.min(Date.UTC(year, 11, 31), dayStart(today)));
  return (fraction: number) => start + Math.floor(clamp(fraction, 0, 1) * (end - start));
}

/** A moment during office hours (UTC, like the plans generator's timestamps) on the day of `time`. */
const officeHours = (rng: Prng, time: number) =>
  Math.floor(time / DAY) * DAY + rng.int(7, 17) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;

/** A moment during office hours in [from, to], as near as the range allows. */
const atWork = (rng: Prng, from: number, to: number) =>
  clamp(officeHours(rng, within(rng, from, to)), from, to);

/** A moment in [from, to]; `from` when the range is empty. */
const within = (rng: Prng, from: number, to: number) =>
  to > from ? from + Math.floor(rng.next() * (to - from)) : from;

/**
 * The fields of `after` whose value may differ from `before`: all that `auditChanges()` looks at for a change, so
 * it answers the same while checking fewer fields.
 */
function touched(before: AuditValues, after: AuditValues): AuditValues {
  const out: Record<string, unknown> = {};
  for (const key in after) {
    const value = after[key];
    if (value !== before[key] || (typeof value === 'object' && value !== null)) out[key] = value;
  }
  return out;
}

/** The fields of a new object that `auditChanges()` records (it leaves out the empty ones). */
function filled(values: AuditValues): AuditValues {
  const out: Record<string, unknown> = {};
  for (const key in values) {
    const value = values[key];
    if (value !== null && value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

/** `count` moments in [from, to], in order. */
const spread = (rng: Prng, count: number, from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, count) }, () => within(rng, from, to)).sort((a, b) => a - b);

/** A plan as the database holds it, with its parts; of preparations, evaluations and versions what the log records. */
interface PlanHistory {
  plan: PlanRow;
  /** By position. */
  goals: GoalRow[];
  /** By goal and position. */
  actions: ActionRow[];
  followUps: FollowUpRow[];
  entries: FollowUpEntryRow[];
  comments: Array<{ action_id: string; author_id: string | null; created_at: string }>;
  preparations: Array<{ id: string; party: string; sharedAt: string | null }>;
  evaluations: Array<{ id: string; party: string; submittedAt: string | null }>;
  /** When each approved version was agreed (plan_versions.created_at), version 1 first. */
  versionsAt: string[];
}

/**
 * The plans of one year and their parts, read back as the other generators wrote them (the rows the application's
 * mappers read), in a fixed order so that a seed always gives the same log.
 */
async function plansOfYear(ctx: SeedContext, year: number): Promise<PlanHistory[]> {
  const org = ctx.organisationId;
  const ofYear = () =>
    ctx.db
      .selectFrom('plans')
      .select('id')
      .where('organisation_id', '=', org)
      .where('period_start', '>=', `${year}-01-01`)
      .where('period_start', '<', `${year + 1}-01-01`);
  const plans = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('organisation_id', '=', org)
    .where('id', 'in', ofYear())
    .orderBy('id')
    .execute();
  const [goals, actions, followUps, entries, comments, preparations, evaluations, versions] =
    await Promise.all([
      ctx.db
        .selectFrom('goals')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('position')
        .execute(),
      ctx.db
        .selectFrom('actions')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('goal_id')
        .orderBy('position')
        .execute(),
      ctx.db
        .selectFrom('follow_ups')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('planned_date')
        .orderBy('id')
        .execute(),
      ctx.db
        .selectFrom('follow_up_entries')
        .selectAll()
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('id')
        .execute(),
      ctx.db
        .selectFrom('action_comments')
        .select(['plan_id', 'action_id', 'author_id', 'created_at'])
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('id')
        .execute(),
      ctx.db
        .selectFrom('preparations')
        .select(['id', 'plan_id', 'party', 'shared_at'])
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('party')
        .execute(),
      ctx.db
        .selectFrom('evaluations')
        .select(['id', 'plan_id', 'party', 'submitted_at'])
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('party')
        .execute(),
      ctx.db
        .selectFrom('plan_versions')
        .select(['plan_id', 'number', 'created_at'])
        .where('organisation_id', '=', org)
        .where('plan_id', 'in', ofYear())
        .orderBy('plan_id')
        .orderBy('number')
        .execute(),
    ]);
  const histories = new Map<string, PlanHistory>(
    plans.map((plan) => [
      plan.id,
      {
        plan,
        goals: [],
        actions: [],
        followUps: [],
        entries: [],
        comments: [],
        preparations: [],
        evaluations: [],
        versionsAt: [],
      },
    ]),
  );
  const of = (planId: string) => histories.get(planId) as PlanHistory;
  for (const goal of goals) of(goal.plan_id).goals.push(goal);
  for (const action of actions) of(action.plan_id).actions.push(action);
  for (const followUp of followUps) of(followUp.plan_id).followUps.push(followUp);
  for (const entry of entries) of(entry.plan_id).entries.push(entry);
  for (const comment of comments) of(comment.plan_id).comments.push(comment);
  for (const p of preparations)
    of(p.plan_id).preparations.push({ id: p.id, party: p.party, sharedAt: p.shared_at });
  for (const e of evaluations)
    of(e.plan_id).evaluations.push({ id: e.id, party: e.party, submittedAt: e.submitted_at });
  for (const version of versions) of(version.plan_id).versionsAt.push(version.created_at);
  return [...histories.values()];
}

/** Something that happens at `at` and writes its rows then. */
interface Op {
  at: number;
  run: () => void;
}

/**
 * Runs the acts of many sources (each in time order) in one time order: a heap of the sources by their next act,
 * ties in the order of the sources. `flush` runs whenever `full()` says so (to write what piled up); every few
 * thousand acts the event loop gets a turn, so that a write in flight goes on meanwhile.
 */
async function inTimeOrder(sources: Op[][], full: () => boolean, flush: () => Promise<void>): Promise<void> {
  const heap = sources
    .filter((ops) => ops.length > 0)
    .map((ops, source) => ({ ops, next: 0, at: (ops[0] as Op).at, source }));
  type Entry = (typeof heap)[number];
  const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.source < b.source);
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < heap.length && before(heap[left] as Entry, heap[first] as Entry)) first = left;
      if (right < heap.length && before(heap[right] as Entry, heap[first] as Entry)) first = right;
      if (first === i) return;
      [heap[i], heap[first]] = [heap[first] as Entry, heap[i] as Entry];
      i = first;
    }
  };
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) down(i);
  for (let done = 1; heap.length > 0; done++) {
    if (done % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const top = heap[0] as Entry;
    (top.ops[top.next++] as Op).run();
    if (top.next < top.ops.length) top.at = (top.ops[top.next] as Op).at;
    else {
      const last = heap.pop() as Entry;
      if (heap.length > 0) heap[0] = last;
    }
    down(0);
    if (full()) await flush();
  }
}

interface Cast {
  /** HR members without the admin role: they act as `hr`. */
  hr: PersonInfo[];
  /** The beheerder of HR, who imported the organisation (acts as `admin`). */
  hrAdmin: PersonInfo;
  /** The CEO, the other beheerder: the organisation's settings. */
  ceo: PersonInfo;
}

interface ReplayContext {
  rng: Prng;
  today: string;
  /** Midnight UTC of today: nothing is logged after it but what the plans generator dated today. */
  todayStart: number;
  cast: Cast;
  /** The goals a later plan carried over, by id (the carried goal starts as their copy). */
  carriedFrom: Map<string, GoalRow>;
  /** While the organisation let HR see plan content (`hrSeesPlanContent`): HR's reads fall in it. */
  hrSeesContent: { from: number; until: number };
}

/**
 * One plan as the application would have logged it: created, the preparations shared, the conversation with its
 * goals, actions, notes and follow-up dates, the approvals (a version each, a revision before every later one),
 * progress, comments and follow-ups held during the year, the evaluation and the close (or a cancellation); and the
 * reads of the manager and of HR, at most once an hour per reader like `recordPlanRead()`. The acts are planned
 * first; run in time order (see `auditGenerator`), they change copies of the rows so that each `changes` is the
 * difference the application computes (`auditChanges` over the mapper's values). Answers the plan's acts in time
 * order: each emits its rows at its own moment.
 */
function replayPlan(h: PlanHistory, context: ReplayContext, emit: (act: Act) => void): Op[] {
  const { rng } = context;
  const final = h.plan as PlanRow;
  const planId = final.id;
  const year = Number(final.period_start.slice(0, 4));
  const clock = yearSpan(year, context.today);
  // The plans generator spreads a year's moments over the days the year had until today: early in January the
  // current year lasts a few days. Hours and days between acts shrink with it, so that they keep their order.
  const scale = clamp((clock(1) - clock(0)) / (363 * DAY), 0.001, 1);
  const hour = Math.round(HOUR * scale);
  const day = Math.round(DAY * scale);
  const cap = Math.min(Date.UTC(year, 11, 31, 18), context.todayStart);
  const employee: Actor = { id: final.employee_id, role: 'employee' };
  const manager: Actor = { id: final.manager_id, role: 'manager' };
  const party = (managerShare: number) => (rng.chance(managerShare) ? manager : employee);
  /** An HR member who is not a party of the plan (they would act as that party). */
  const hrMember = (): Actor | null => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const member = rng.pick(context.cast.hr);
      if (member.id !== final.employee_id && member.id !== final.manager_id)
        return { id: member.id, role: 'hr' };
    }
    return null;
  };
  const hrSees = (time: number) => time >= context.hrSeesContent.from && time < context.hrSeesContent.until;
  const created = ms(final.created_at);
  const closedAt = final.closed_at ? ms(final.closed_at) : null;
  const activeUntil = closedAt ?? cap;
  const versions = h.versionsAt.length;
  const agreed = versions > 0;
  const cancelled = Boolean(final.cancelled);

  const ops: Op[] = [];
  const at = (time: number, run: () => void) => ops.push({ at: time, run });

  const record = (
    time: number,
    actor: Actor,
    action: AuditAction,
    objectType: AuditObjectType,
    objectId: string,
    changes: StoredChanges | null,
    requestId: string = rng.uuid(),
  ) => {
    emit({
      at: time,
      actor,
      action,
      objectType,
      objectId,
      changes,
      subjectPersonId: final.employee_id,
      planId,
      requestId,
    });
    return requestId;
  };
  /** `recordPlanRead()`: at most once an hour per reader; never before the plan existed, nor after today. */
  const lastRead = new Map<string, number>();
  const read = (time: number, actor: Actor, requestId: string | null) => {
    if (time < created || time >= context.todayStart) return;
    const previous = lastRead.get(actor.id);
    if (previous !== undefined && time - previous < readWindowMs) return;
    lastRead.set(actor.id, time);
    record(time, actor, 'plan.read', 'plan', planId, null, requestId ?? rng.uuid());
  };
  /** The answer of a plan request is the plan page: a read in the same request, for whoever sees the content. */
  const answeredWithPlan = (time: number, actor: Actor, requestId: string) => {
    if (actor === manager || (actor.role === 'hr' && hrSees(time))) read(time, actor, requestId);
  };
  /** The manager had the plan page open shortly before changing a part of it. */
  const opened = (actor: Actor, time: number) => {
    if (actor !== manager) return;
    const readAt = time - rng.int(1, 25) * MINUTE;
    at(readAt, () => read(readAt, manager, null));
  };

  // The plan as it stood at each moment: as started, then changed act by act.
  const plan: PlanRow = {
    ...final,
    phase: 'preparation',
    conversation_at: null,
    evaluation_date: null,
    facilities: null,
    conversation_notes: '{}',
    employee_approved_at: null,
    manager_approved_at: null,
    disagreement: 0,
    disagreement_comment: null,
    revision_open: 0,
    evaluation_complete: 0,
    cancelled: 0,
    approved_version: 0,
  };
  /** The plan's values for the log as they stand (kept between acts: they change only through them). */
  let planValues: AuditValues | undefined;
  /** A plan event or update, as `recordPlanChange()`: the plan's fields before and after. */
  const planAct = (
    time: number,
    actor: Actor,
    action: AuditAction,
    change: (row: PlanRow) => void,
    sameRequest?: string,
  ) => {
    const before = planValues ?? planAuditValues(plan);
    change(plan);
    planValues = planAuditValues(plan);
    const changes = auditChanges('plan', before, touched(before, planValues));
    const requestId = record(time, actor, action, 'plan', planId, changes, sameRequest);
    if (!sameRequest) answeredWithPlan(time, actor, requestId);
  };
  /** A change of content withdraws the approvals given so far (no row of its own). */
  const contentChanged = () => {
    if (plan.employee_approved_at === null && plan.manager_approved_at === null) return;
    plan.employee_approved_at = null;
    plan.manager_approved_at = null;
    planValues = undefined;
  };
  const approvalField = (actor: Actor) =>
    actor === employee ? ('employee_approved_at' as const) : ('manager_approved_at' as const);

  // When each version was agreed: version 1 at the plan's approval, later ones at their own moment. The approvals
  // are planned first: the content of a version is written before its first approval.
  const agreedAt = h.versionsAt.map((version, i) =>
    i === 0 ? ms(final.manager_approved_at ?? version) : ms(version),
  );
  const approvalPlans = agreedAt.map((time, i) => {
    const first = rng.chance(0.5) ? employee : manager;
    const firstAt = time - rng.int(10, 300) * MINUTE;
    // Before the first agreement, now and then an approval is withdrawn or the employee disagrees for a while.
    const episode =
      i === 0
        ? rng.weighted([
            ['none', 93],
            ['withdrawn', 4],
            ['disagreement', 3],
          ] as const)
        : ('none' as const);
    const episodeAt = episode === 'none' ? firstAt : firstAt - rng.int(2, 6) * day;
    return { number: i + 1, time, first, firstAt, episode, episodeAt };
  });
  const conversationAt = final.conversation_at ? ms(final.conversation_at) : null;
  const conversationHeld = final.phase !== 'preparation' && conversationAt !== null;
  // Before the first approval, even where the plans generator's clock put both on one day with the approval first.
  const conversationFrom = conversationHeld
    ? clamp(conversationAt as number, created + 10 * MINUTE, (approvalPlans[0]?.episodeAt ?? cap) - 2 * hour)
    : created;
  /** Until when the content of the first agreement (or of a plan never agreed) was written. */
  const contentUntil = approvalPlans[0]
    ? approvalPlans[0].episodeAt - rng.int(1, 4) * hour
    : cancelled && closedAt
      ? closedAt - rng.int(5, 30) * day
      : cap;
  // The content is written in a few sittings: the conversation itself and some days around it. A part saved in a
  // sitting takes a moment in it (the manager reads the plan once for all of them).
  const contentSittings = [
    ...(conversationHeld ? [conversationFrom, conversationFrom] : []),
    ...spread(rng, rng.int(2, 4), created + hour, contentUntil - 2 * hour).map((time) =>
      clamp(officeHours(rng, time), created + hour, contentUntil - 2 * hour),
    ),
  ];
  const inSitting = (sittings: readonly number[], from: number, until: number) => {
    const fitting = sittings.filter((start) => start <= until - 5 * MINUTE && start + 90 * MINUTE >= from);
    if (fitting.length === 0) return within(rng, from, until);
    return clamp(rng.pick(fitting) + rng.int(1, 80) * MINUTE, from, until);
  };

  // 1. Started by whoever asked for it; the conversation's date given at once or a little later.
  const requester: Actor =
    final.requested_by === 'employee'
      ? employee
      : final.requested_by === 'hr'
        ? (hrMember() ?? manager)
        : manager;
  const datedLater = conversationAt !== null && rng.chance(0.35);
  const firstDate =
    conversationAt !== null && !datedLater && rng.chance(0.12)
      ? conversationAt - rng.int(2, 9) * day
      : conversationAt;
  at(created, () => {
    plan.conversation_at = datedLater || firstDate === null ? null : iso(firstDate);
    planValues = undefined;
    const after = {
      employeeId: final.employee_id,
      managerId: final.manager_id,
      periodStart: final.period_start,
      periodEnd: final.period_end,
      conversationAt: plan.conversation_at,
      previousPlanId: final.previous_plan_id,
      carriedGoals: h.goals.filter((g) => g.carried_from_goal_id).length,
      carriedActions: 0,
    };
    const requestId = record(
      created,
      requester,
      'plan.created',
      'plan',
      planId,
      auditChanges('plan', null, after),
    );
    answeredWithPlan(created, requester, requestId);
  });
  if (conversationAt !== null && (datedLater || firstDate !== conversationAt)) {
    const latest = Math.min(conversationHeld ? conversationFrom : cap, contentUntil) - hour;
    const when = Math.min(atWork(rng, created + hour, created + 12 * day), latest);
    if (when > created)
      at(when, () =>
        planAct(when, manager, 'plan.updated', (row) => {
          row.conversation_at = final.conversation_at;
        }),
      );
  }

  // 2. Each party shares its preparation: that it did, never what it says.
  for (const preparation of h.preparations) {
    if (!preparation.sharedAt) continue;
    const when = ms(preparation.sharedAt);
    if (when > cap || when < created) continue;
    const actor = preparation.party === 'employee' ? employee : manager;
    at(when, () => {
      record(
        when,
        actor,
        'preparation.shared',
        'preparation',
        preparation.id,
        whitelistedChanges('preparation', {
          party: { after: preparation.party },
          sharedAt: { after: iso(when) },
        }),
      );
    });
  }

  // 3. The conversation: its notes a few steps per save, the agreements on facilities and the evaluation date.
  // Each later version that adds no goal moves the evaluation date a week (see 6): the first agreement has the earliest.
  const lastGoal = versions > 1 && h.goals.length > 1 ? h.goals[h.goals.length - 1] : undefined;
  const dateMoves = Math.max(0, versions - 1 - (lastGoal ? 1 : 0));
  if (conversationHeld) {
    const actor = party(0.7);
    at(conversationFrom, () =>
      planAct(conversationFrom, actor, 'plan.conversation_started', (row) => {
        row.phase = 'conversation';
      }),
    );
    opened(actor, conversationFrom);
    const notes = Object.entries(JSON.parse(final.conversation_notes || '{}') as Record<string, string>);
    const saves: Array<Array<[string, string]>> = [];
    for (let i = 0; i < notes.length; ) {
      const size = rng.int(1, 3);
      saves.push(notes.slice(i, i + size));
      i += size;
    }
    const times = spread(rng, saves.length, conversationFrom + 10 * MINUTE, conversationFrom + 2 * hour);
    saves.forEach((save, i) => {
      const when = Math.min(times[i] as number, contentUntil - MINUTE);
      at(when, () =>
        planAct(when, manager, 'plan.updated', (row) => {
          const current = JSON.parse(row.conversation_notes) as Record<string, string>;
          for (const [step, text] of save) current[step] = text;
          row.conversation_notes = JSON.stringify(current);
        }),
      );
    });
    if (final.facilities || final.evaluation_date) {
      const when = inSitting(
        contentSittings,
        Math.min(conversationFrom + hour, contentUntil - MINUTE),
        contentUntil,
      );
      const by = party(0.6);
      at(when, () =>
        planAct(when, by, 'plan.updated', (row) => {
          row.facilities = final.facilities;
          row.evaluation_date = final.evaluation_date
            ? iso(dayStart(final.evaluation_date) - dateMoves * 7 * DAY).slice(0, 10)
            : null;
          contentChanged();
        }),
      );
      opened(by, when);
    }
  }
  if (final.disagreement) {
    const when = atWork(rng, conversationFrom + day, cap);
    at(when, () =>
      planAct(when, employee, 'plan.disagreement_recorded', (row) => {
        row.disagreement = 1;
        row.disagreement_comment = final.disagreement_comment;
        row.employee_approved_at = null;
        row.manager_approved_at = null;
      }),
    );
  }

  // The evaluation's window is known before the goals are written: their results are saved in it.
  const evaluated = agreed && (final.phase === 'evaluation' || (final.phase === 'closed' && !cancelled));
  const held = h.followUps
    .filter((f) => f.held_at && ms(f.held_at) <= cap)
    .map((f) => ({ row: f as FollowUpRow, at: ms(f.held_at as string) }));
  const submissions = h.evaluations
    .filter((e) => e.submittedAt && ms(e.submittedAt) <= cap)
    .map((e) => ({ ...e, at: ms(e.submittedAt as string) }));
  let evaluation: { from: number; until: number } | null = null;
  if (evaluated) {
    const afterExecution = Math.max(agreedAt[agreedAt.length - 1] ?? 0, ...held.map((f) => f.at)) + day;
    const firstSubmission = Math.min(...submissions.map((s) => s.at), closedAt ?? cap);
    const from = clamp(
      officeHours(rng, clock(0.86 + rng.next() * 0.03)),
      afterExecution,
      Math.max(afterExecution, firstSubmission - 2 * hour),
    );
    evaluation = { from, until: Math.max(from + hour, (closedAt ?? cap) - hour) };
  }
  const evaluationSittings = evaluation
    ? spread(rng, rng.int(1, 2), evaluation.from + hour, evaluation.until).map((time) =>
        officeHours(rng, time),
      )
    : [];

  // 4. Goals and their actions: created with the essentials, completed over a few saves, then found acceptable by
  // each party; evaluated at the end. Carried goals came with the plan (plan.created counts them).
  const actionsOf = new Map<string, PlanHistory['actions']>();
  for (const action of h.actions) {
    const list = actionsOf.get(action.goal_id) ?? [];
    list.push(action);
    actionsOf.set(action.goal_id, list);
  }
  const actionCreated = new Map<string, number>();
  type ActionAct = (time: number, actor: Actor, kind: AuditAction, patch: Partial<ActionRow>) => void;
  const progress: Array<{ action: ActionRow; act: ActionAct }> = [];
  const writeGoal = (
    goalInsert: PlanHistory['goals'][number],
    sittings: readonly number[],
    from: number,
    until: number,
  ) => {
    const goalFinal = goalInsert as GoalRow;
    const source = goalFinal.carried_from_goal_id
      ? context.carriedFrom.get(goalFinal.carried_from_goal_id)
      : undefined;
    const draftTitle = !source && rng.chance(0.15) ? words.goalText(rng).title : goalFinal.title;
    const withDescription = rng.chance(0.5);
    const withCompetency = rng.chance(0.5);
    const goal: GoalRow = {
      ...goalFinal,
      title: draftTitle,
      description: source ? (source.description ?? null) : withDescription ? goalFinal.description : null,
      reason: source?.reason ?? null,
      organisation_goal: source?.organisation_goal ?? null,
      measure: source?.measure ?? null,
      target_date: null,
      competency_id: source
        ? (source.competency_id ?? null)
        : withCompetency
          ? goalFinal.competency_id
          : null,
      priority: source?.priority ?? 'medium',
      horizon: source?.horizon ?? 'short',
      confirm_specific: 0,
      confirm_measurable: 0,
      confirm_realistic: 0,
      confirm_time_bound: 0,
      acceptable_by_employee: 0,
      acceptable_by_manager: 0,
      evaluation_result: null,
      evaluation_note: null,
    };
    let values: AuditValues | undefined;
    const goalAct = (time: number, actor: Actor, action: AuditAction, patch: Partial<GoalRow>) => {
      const before = action === 'goal.created' ? null : (values ?? goalAuditValues(goal));
      Object.assign(goal, patch);
      const after = goalAuditValues(goal);
      values = after;
      const changes = auditChanges('goal', before, before ? touched(before, after) : filled(after));
      if (!changes && action !== 'goal.created') return; // an autosave of what was stored leaves no row
      record(time, actor, action, 'goal', goalFinal.id, changes);
      if (!('evaluation_result' in patch)) contentChanged();
    };
    const saves: Array<{ actor: Actor; patch: Partial<GoalRow> }> = [];
    if (draftTitle !== goalFinal.title) saves.push({ actor: party(0.5), patch: { title: goalFinal.title } });
    const why = {
      description: goalFinal.description,
      reason: goalFinal.reason,
      organisation_goal: goalFinal.organisation_goal,
    };
    const how = {
      measure: goalFinal.measure,
      target_date: goalFinal.target_date,
      competency_id: goalFinal.competency_id,
      priority: goalFinal.priority,
      horizon: goalFinal.horizon,
    };
    if (rng.chance(0.5)) saves.push({ actor: party(0.6), patch: { ...why, ...how } });
    else saves.push({ actor: party(0.6), patch: why }, { actor: party(0.6), patch: how });
    // The SMART check: ticked in the last of those saves, or on its own.
    const smart = {
      confirm_specific: goalFinal.confirm_specific,
      confirm_measurable: goalFinal.confirm_measurable,
      confirm_realistic: goalFinal.confirm_realistic,
      confirm_time_bound: goalFinal.confirm_time_bound,
    };
    const last = saves[saves.length - 1] as { actor: Actor; patch: Partial<GoalRow> };
    if (rng.chance(0.7)) last.patch = { ...last.patch, ...smart };
    else saves.push({ actor: party(0.5), patch: smart });
    if (goalFinal.acceptable_by_employee)
      saves.push({ actor: employee, patch: { acceptable_by_employee: goalFinal.acceptable_by_employee } });
    if (goalFinal.acceptable_by_manager)
      saves.push({ actor: manager, patch: { acceptable_by_manager: goalFinal.acceptable_by_manager } });
    const createdAt = inSitting(sittings, from, until - hour);
    const creator = party(0.6);
    if (!source) {
      at(createdAt, () => goalAct(createdAt, creator, 'goal.created', {}));
      opened(creator, createdAt);
    }
    const times = saves.map(() => inSitting(sittings, createdAt + 5 * MINUTE, until)).sort((a, b) => a - b);
    saves.forEach((save, i) => {
      const when = times[i] as number;
      at(when, () => goalAct(when, save.actor, 'goal.updated', save.patch));
      opened(save.actor, when);
    });
    if (evaluation && (goalFinal.evaluation_result || goalFinal.evaluation_note)) {
      const when = inSitting(evaluationSittings, evaluation.from + hour, evaluation.until);
      const by = party(0.7);
      at(when, () =>
        goalAct(when, by, 'goal.updated', {
          evaluation_result: goalFinal.evaluation_result,
          evaluation_note: goalFinal.evaluation_note,
        }),
      );
      opened(by, when);
    }

    // Its actions: created right after the goal, the practicalities now and then added later.
    (actionsOf.get(goalFinal.id) ?? []).forEach((actionInsert, i) => {
      const actionFinal = actionInsert as ActionRow;
      const later = rng.chance(0.4);
      const details = {
        provider: actionFinal.provider,
        support_time: actionFinal.support_time,
        support_budget: actionFinal.support_budget,
        support_logistics: actionFinal.support_logistics,
        support_coach: actionFinal.support_coach,
        follow_up: actionFinal.follow_up,
      };
      const action: ActionRow = {
        ...actionFinal,
        ...(later
          ? {
              provider: null,
              support_time: null,
              support_budget: null,
              support_logistics: null,
              support_coach: null,
              follow_up: null,
            }
          : {}),
        status: 'planned',
        actual_hours: null,
        actual_cost: null,
        actual_start: null,
        actual_end: null,
        certificate_note: null,
      };
      let values: AuditValues | undefined;
      const actionAct: ActionAct = (time, actor, kind, patch) => {
        const before = kind === 'action.created' ? null : (values ?? actionAuditValues(action));
        Object.assign(action, patch);
        const after = actionAuditValues(action);
        values = after;
        const changes = auditChanges('action', before, before ? touched(before, after) : filled(after));
        if (!changes && kind !== 'action.created') return;
        record(time, actor, kind, 'action', actionFinal.id, changes);
        if (kind !== 'action.progress_updated') contentChanged();
      };
      const when = Math.min(createdAt + (i + 1) * rng.int(2, 9) * MINUTE, until);
      actionCreated.set(actionFinal.id, when);
      at(when, () => actionAct(when, creator, 'action.created', {}));
      if (later) {
        const update = inSitting(sittings, when + hour, until);
        const by = party(0.5);
        at(update, () => actionAct(update, by, 'action.updated', details));
        opened(by, update);
      }
      progress.push({ action: actionFinal, act: actionAct });
    });
  };
  for (const goal of h.goals)
    if (goal !== lastGoal) writeGoal(goal, contentSittings, created + hour, contentUntil);

  // A draft goal that did not make it.
  const model = h.goals[0] as GoalRow | undefined;
  if (model && contentUntil > conversationFrom + day && rng.chance(0.06)) {
    const text = words.goalText(rng);
    const draft: GoalRow = {
      ...model,
      id: rng.uuid(),
      title: text.title,
      description: text.description,
      reason: null,
      organisation_goal: null,
      measure: null,
      target_date: null,
      competency_id: null,
      priority: 'medium',
      horizon: 'short',
      position: h.goals.length,
      confirm_specific: 0,
      confirm_measurable: 0,
      confirm_realistic: 0,
      confirm_time_bound: 0,
      acceptable_by_employee: 0,
      acceptable_by_manager: 0,
      carried_from_goal_id: null,
      evaluation_result: null,
      evaluation_note: null,
    };
    const values = goalAuditValues(draft);
    const when = atWork(rng, conversationFrom, contentUntil - day);
    const removed = atWork(rng, when + hour, contentUntil);
    const by = party(0.5);
    at(when, () => {
      record(when, by, 'goal.created', 'goal', draft.id, auditChanges('goal', null, values));
      contentChanged();
    });
    at(removed, () => {
      record(removed, by, 'goal.deleted', 'goal', draft.id, auditChanges('goal', values, null));
      contentChanged();
    });
    opened(by, when);
  }

  // 5. The follow-up dates, agreed on in the conversation.
  for (const followUp of h.followUps) {
    const when = inSitting(contentSittings, Math.min(conversationFrom + hour, contentUntil), contentUntil);
    const by = party(0.7);
    at(when, () => {
      record(
        when,
        by,
        'follow_up.created',
        'follow_up',
        followUp.id,
        auditChanges('follow_up', null, { plannedDate: followUp.planned_date, heldAt: null, notes: null }),
      );
      contentChanged();
    });
    opened(by, when);
  }

  // 6. The approvals of each version; a revision before every later one, opened by a party or by a follow-up that
  // adjusted a goal, holding one change: the plan's last goal, or else a later evaluation date.
  const approve = (p: (typeof approvalPlans)[number]) => {
    const { first } = p;
    const second = first === employee ? manager : employee;
    if (p.episode === 'withdrawn') {
      const given = p.episodeAt;
      const withdrawn = given + rng.int(1, 40) * hour;
      at(given, () =>
        planAct(given, first, 'plan.approved', (row) => {
          row[approvalField(first)] = iso(given);
          if (first === employee) row.disagreement = 0;
        }),
      );
      at(withdrawn, () =>
        planAct(withdrawn, first, 'plan.approval_withdrawn', (row) => {
          row[approvalField(first)] = null;
        }),
      );
    } else if (p.episode === 'disagreement') {
      at(p.episodeAt, () =>
        planAct(p.episodeAt, employee, 'plan.disagreement_recorded', (row) => {
          row.disagreement = 1;
          row.disagreement_comment = disagreementText;
          row.employee_approved_at = null;
          row.manager_approved_at = null;
        }),
      );
      const resolved = p.episodeAt + rng.int(1, 3) * day;
      at(resolved, () =>
        planAct(resolved, employee, 'plan.disagreement_resolved', (row) => {
          row.disagreement = 0;
          row.disagreement_comment = null;
        }),
      );
    }
    at(p.firstAt, () =>
      planAct(p.firstAt, first, 'plan.approved', (row) => {
        row[approvalField(first)] = iso(p.firstAt);
        if (first === employee) row.disagreement = 0;
      }),
    );
    at(p.time, () =>
      planAct(p.time, second, 'plan.approved', (row) => {
        row[approvalField(second)] = iso(p.time);
        if (second === employee) row.disagreement = 0;
        row.phase = 'approved';
        row.revision_open = 0;
        row.approved_version = p.number;
      }),
    );
  };
  let lastAgreed: { employee: string | null; manager: string | null } = { employee: null, manager: null };
  const openRevision = (time: number, actor: Actor, sameRequest?: string) =>
    planAct(
      time,
      actor,
      'plan.revision_started',
      (row) => {
        lastAgreed = { employee: row.employee_approved_at, manager: row.manager_approved_at };
        row.revision_open = 1;
        row.employee_approved_at = null;
        row.manager_approved_at = null;
      },
      sameRequest,
    );
  const adjusts = (followUpId: string) =>
    h.entries.some((e) => e.follow_up_id === followUpId && e.state === 'adjusted');
  const revisions: Array<{ from: number; until: number; byFollowUp: number | null }> = [];
  if (approvalPlans[0]) approve(approvalPlans[0]);
  for (const p of approvalPlans.slice(1)) {
    const previous = agreedAt[p.number - 2] as number;
    const adjusting = held.find(
      (f) => f.at > previous + day && f.at < p.firstAt - day && p.time - f.at < 45 * day && adjusts(f.row.id),
    );
    const from = adjusting ? adjusting.at : Math.max(previous + day, p.firstAt - rng.int(2, 10) * day);
    revisions.push({ from, until: p.time, byFollowUp: adjusting ? adjusting.at : null });
    if (!adjusting) {
      const by = party(0.5);
      at(from, () => openRevision(from, by));
    }
    if (p.number === versions && lastGoal) {
      writeGoal(lastGoal, [atWork(rng, from + hour, p.firstAt - 3 * hour)], from + hour, p.firstAt - hour);
    } else {
      const when = atWork(rng, from + hour, p.firstAt - hour);
      const by = party(0.5);
      at(when, () =>
        planAct(when, by, 'plan.updated', (row) => {
          row.evaluation_date = iso(dayStart(row.evaluation_date as string) + 7 * DAY).slice(0, 10);
          contentChanged();
        }),
      );
      opened(by, when);
    }
    approve(p);
  }

  // 7. Follow-ups held during the execution, with each goal's state. Adjusting a goal opens a revision in the same
  // request; unless the next version comes of it, a party discards it again soon after.
  const windows = revisions.map((r) => ({ from: r.from, until: r.until }));
  const milestones = [...revisions.map((r) => r.from), evaluation?.from ?? activeUntil, activeUntil];
  for (const f of held) {
    const by = party(0.7);
    const opensVersion = revisions.some((r) => r.byFollowUp === f.at);
    const opensOwn =
      !opensVersion && adjusts(f.row.id) && !windows.some((w) => f.at >= w.from && f.at <= w.until);
    let discardAt = 0;
    if (opensOwn) {
      const next = Math.min(...milestones.filter((m) => m > f.at + 2 * hour));
      discardAt = clamp(officeHours(rng, f.at + rng.int(0, 4) * day), f.at + 10 * MINUTE, next - hour);
      windows.push({ from: f.at, until: discardAt });
    }
    at(f.at, () => {
      const entries = h.entries
        .filter((e) => e.follow_up_id === f.row.id)
        .sort((a, b) => a.goal_id.localeCompare(b.goal_id))
        .map((e) => ({
          goalId: e.goal_id,
          state: e.state,
          progress: e.progress ?? null,
          acceleration: e.acceleration ?? null,
          expectations: e.expectations ?? null,
          notes: e.notes ?? null,
        }));
      const before = { ...followUpAuditValues({ ...f.row, held_at: null, notes: null }), entries: [] };
      const after = { ...followUpAuditValues({ ...f.row, held_at: iso(f.at) }), entries };
      const requestId = record(
        f.at,
        by,
        'follow_up.updated',
        'follow_up',
        f.row.id,
        auditChanges('follow_up', before, after),
      );
      if (opensOwn || opensVersion) openRevision(f.at, by, requestId);
    });
    opened(by, f.at);
    if (opensOwn) {
      const discarder = party(0.5);
      at(discardAt, () =>
        planAct(discardAt, discarder, 'plan.revision_discarded', (row) => {
          row.revision_open = 0;
          row.disagreement = 0;
          row.employee_approved_at = lastAgreed.employee;
          row.manager_approved_at = lastAgreed.manager;
        }),
      );
    }
  }

  // Progress on the actions: after their agreement, outside open revisions, before the plan closed.
  if (agreed) {
    const executionUntil = Math.min(closedAt ?? cap, cap) - hour;
    const outsideRevisions = (time: number) => {
      let t = time;
      for (const w of windows) if (t >= w.from && t <= w.until) t = w.until + hour;
      return t;
    };
    for (const item of progress) {
      const { action } = item;
      const createdAt = actionCreated.get(action.id) ?? created;
      const from = (agreedAt.find((a) => a >= createdAt) ?? createdAt) + hour;
      const by = party(0.3);
      const steps: Array<{ at: number; patch: Partial<ActionRow> }> = [];
      if (action.status === 'done') {
        const started = officeHours(rng, action.actual_start ? dayStart(action.actual_start) : from);
        const ended = officeHours(rng, action.actual_end ? dayStart(action.actual_end) : started);
        const done: Partial<ActionRow> = {
          status: 'done',
          actual_start: action.actual_start,
          actual_end: action.actual_end,
          actual_hours: action.actual_hours,
          actual_cost: action.actual_cost,
          certificate_note: action.certificate_note,
        };
        if (ended - started > day) {
          steps.push({ at: started, patch: { status: 'in_progress', actual_start: action.actual_start } });
          steps.push({ at: ended, patch: done });
        } else steps.push({ at: Math.max(started, ended), patch: done });
      } else if (action.status !== 'planned') {
        steps.push({ at: atWork(rng, from, executionUntil), patch: { status: action.status } });
      }
      let earliest = from;
      for (const step of steps) {
        // Progress is saved by today at the latest, whatever end date it names.
        const when = Math.min(outsideRevisions(Math.max(step.at, earliest)), executionUntil);
        if (when < earliest || windows.some((w) => when >= w.from && when <= w.until)) break;
        earliest = when + MINUTE;
        at(when, () => item.act(when, by, 'action.progress_updated', step.patch));
        opened(by, when);
      }
    }
  }

  // Comments on actions: that one was added, never its text.
  for (const comment of h.comments) {
    const author = comment.author_id === final.employee_id ? employee : manager;
    const when = Math.max(
      ms(comment.created_at as string),
      (actionCreated.get(comment.action_id) ?? created) + hour,
    );
    if (when > (closedAt ?? cap)) continue;
    at(when, () => record(when, author, 'action.commented', 'action', comment.action_id, null));
    opened(author, when);
  }

  // 8. The evaluation: opened, each party's answers submitted (both: complete), closed. Or a cancellation.
  if (evaluation) {
    const { from, until } = evaluation;
    const by = party(0.6);
    at(from, () =>
      planAct(from, by, 'plan.evaluation_started', (row) => {
        row.phase = 'evaluation';
      }),
    );
    let submitted = 0;
    for (const submission of submissions) {
      const when = clamp(submission.at, from + hour, until);
      const author = submission.party === 'employee' ? employee : manager;
      at(when, () => {
        record(
          when,
          author,
          'evaluation.submitted',
          'evaluation',
          submission.id,
          whitelistedChanges('evaluation', {
            party: { after: submission.party },
            submittedAt: { after: iso(when) },
          }),
        );
        submitted++;
        if (submitted === 2) {
          plan.evaluation_complete = 1;
          planValues = undefined;
        }
      });
      opened(author, when);
    }
    if (final.phase === 'closed' && closedAt) {
      const when = Math.max(closedAt, until + MINUTE);
      const closer = party(0.6);
      at(when, () =>
        planAct(when, closer, 'plan.closed', (row) => {
          row.phase = 'closed';
        }),
      );
    }
  } else if (cancelled && closedAt) {
    const by = (rng.chance(0.3) ? hrMember() : null) ?? manager;
    at(closedAt, () =>
      planAct(closedAt, by, 'plan.cancelled', (row) => {
        row.phase = 'closed';
        row.cancelled = 1;
        row.revision_open = 0;
      }),
    );
  }

  // 9. The plan page read between the acts: by the manager, and by HR while HR could see plan content.
  const looks = Math.round(((1 + rng.int(0, 2)) * Math.max(0, activeUntil - created)) / (365 * DAY));
  for (const time of spread(rng, looks, created, activeUntil)) {
    const readAt = officeHours(rng, time);
    at(readAt, () => read(readAt, manager, null));
  }
  const hrFrom = Math.max(created, context.hrSeesContent.from);
  const hrUntil = Math.min(activeUntil, context.hrSeesContent.until);
  const reader = hrUntil > hrFrom && rng.chance(0.25) ? hrMember() : null;
  if (reader)
    for (const time of spread(rng, rng.int(1, 3), hrFrom, hrUntil)) {
      const readAt = clamp(officeHours(rng, time), hrFrom, hrUntil - 1);
      at(readAt, () => read(readAt, reader, null));
    }

  return ops.sort((a, b) => a.at - b.at);
}

/**
 * What the organisation's administration left in the log: everyone imported at the start (one request), the
 * beheerders' settings over the years (HR seeing plan content for a while among them), the day norms, funding
 * sources, budgets and the training plan's consultation steps as they were created, a budget corrected now and then,
 * and people standing in as manager for a few weeks.
 */
async function administration(ctx: SeedContext, cast: Cast, hrSeesContent: { from: number; until: number }) {
  const rng = ctx.rng.fork('audit administration');
  const org = ctx.organisationId;
  const acts: Act[] = [];
  const as = (person: PersonInfo, role: AuditActorRole): Actor => ({ id: person.id, role });
  const hr = () => as(rng.pick(cast.hr), 'hr');
  const act = (
    at: number,
    actor: Actor,
    action: AuditAction,
    objectType: AuditObjectType,
    objectId: string,
    changes: StoredChanges | null,
    extra: { subjectPersonId?: string; requestId?: string } = {},
  ) =>
    acts.push({
      at,
      actor,
      action,
      objectType,
      objectId,
      changes,
      subjectPersonId: extra.subjectPersonId ?? null,
      planId: null,
      requestId: extra.requestId ?? rng.uuid(),
    });

  // The import of the whole organisation by HR's beheerder (who was there before it): one request.
  const [organisation] = (await ctx.db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', org)
    .execute()) as OrganisationRow[];
  if (!organisation) throw new Error('the organisation generator did not run');
  const importedAt = ms(organisation.created_at);
  const emails = new Map(
    (
      await ctx.db.selectFrom('people').select(['id', 'email']).where('organisation_id', '=', org).execute()
    ).map((p) => [p.id, p.email]),
  );
  const importRequest = rng.uuid();
  const standIns = new Map<string, Array<{ from: number; until: number }>>();
  const firstYear = Number(organisation.created_at.slice(0, 4)) + 1;
  const plainEmployees = ctx.people.filter((p) => p.roles.length === 1 && p.managerId);
  for (let year = firstYear; year <= ctx.year; year++) {
    const span = yearSpan(year, ctx.today);
    for (const person of rng.sample(plainEmployees, Math.max(1, Math.round(ctx.people.length / 400)))) {
      const from = officeHours(rng, span(rng.next() * 0.8));
      const until = officeHours(rng, from + rng.int(14, 60) * DAY);
      if (until >= dayStart(ctx.today)) continue;
      standIns.set(person.id, [...(standIns.get(person.id) ?? []), { from, until }]);
    }
  }
  for (const person of ctx.people) {
    if (person === cast.hrAdmin) continue;
    act(
      importedAt,
      as(cast.hrAdmin, 'admin'),
      'person.created',
      'person',
      person.id,
      auditChanges('person', null, {
        firstName: person.firstName,
        lastName: person.lastName,
        email: emails.get(person.id) ?? null,
        roles: [...person.roles].sort(),
        teamId: person.teamId,
        managerId: person.managerId,
        functionId: person.functionId,
        startDate: person.startDate,
        endDate: null,
      }),
      { subjectPersonId: person.id, requestId: importRequest },
    );
  }
  // Standing in for a manager: the role given for a few weeks, then taken back (`auditPerson`: role_changed).
  for (const [personId, periods] of standIns) {
    for (const period of periods) {
      const roles = ['employee'];
      const withManager = ['employee', 'manager'];
      act(
        period.from,
        hr(),
        'person.role_changed',
        'person',
        personId,
        auditChanges('person', { roles }, { roles: withManager }),
        {
          subjectPersonId: personId,
        },
      );
      act(
        period.until,
        hr(),
        'person.role_changed',
        'person',
        personId,
        auditChanges('person', { roles: withManager }, { roles }),
        {
          subjectPersonId: personId,
        },
      );
    }
  }

  // The organisation's settings, from what they were at the start to what they are now.
  const settings: OrganisationRow = {
    ...organisation,
    joint_committee: null,
    consultation_body: null,
    training_hours_per_day: 8,
    hr_sees_plan_content: 0,
  };
  const settingsChange = (at: number, actor: Actor, change: (row: OrganisationRow) => void) => {
    const before = organisationAuditValues(settings);
    change(settings);
    act(
      at,
      actor,
      'organisation.settings_changed',
      'organisation',
      org,
      auditChanges('organisation', before, organisationAuditValues(settings)),
    );
  };
  const y0 = firstYear - 1;
  settingsChange(importedAt + 2 * HOUR, as(cast.hrAdmin, 'admin'), (row) => {
    row.joint_committee = organisation.joint_committee;
  });
  settingsChange(Date.UTC(y0 + 1, 0, 11, 10, 24), hr(), (row) => {
    row.consultation_body = organisation.consultation_body;
  });
  settingsChange(hrSeesContent.from, as(cast.ceo, 'admin'), (row) => {
    row.hr_sees_plan_content = 1;
  });
  settingsChange(Date.UTC(y0 + 2, 2, 3, 13, 40), hr(), (row) => {
    row.training_hours_per_day = organisation.training_hours_per_day;
  });
  settingsChange(hrSeesContent.until, as(cast.ceo, 'admin'), (row) => {
    row.hr_sees_plan_content = organisation.hr_sees_plan_content;
  });

  // The training administration, as its rows were created.
  const norms = (await ctx.db
    .selectFrom('training_day_norms')
    .selectAll()
    .where('organisation_id', '=', org)
    .orderBy('year')
    .execute()) as TrainingDayNormRow[];
  norms.forEach((norm, i) => {
    const at = ms(norm.created_at) + (i + 1) * 3 * MINUTE;
    act(
      at,
      hr(),
      'training_norm.saved',
      'training_norm',
      norm.id,
      auditChanges('training_norm', null, trainingNormAuditValues(norm)),
    );
  });
  const sources = (await ctx.db
    .selectFrom('funding_sources')
    .selectAll()
    .where('organisation_id', '=', org)
    .orderBy('name_key')
    .execute()) as FundingSourceRow[];
  sources.forEach((source, i) => {
    const at = ms(source.created_at) + HOUR + (i + 1) * 2 * MINUTE;
    act(
      at,
      hr(),
      'funding_source.created',
      'funding_source',
      source.id,
      auditChanges('funding_source', null, fundingSourceAuditValues(source)),
    );
  });
  const budgets = (await ctx.db
    .selectFrom('budgets')
    .selectAll()
    .where('organisation_id', '=', org)
    .orderBy('year')
    .orderBy('scope_key')
    .execute()) as BudgetRow[];
  let budgetYear = 0;
  let entered = 0;
  for (const budget of budgets) {
    // Entered one after the other on the morning they were created.
    entered = Number(budget.year) === budgetYear ? entered + rng.int(20, 50) * 1000 : 0;
    budgetYear = Number(budget.year);
    const by = hr();
    const at = ms(budget.created_at) + entered;
    const corrected = budget.team_id !== null && rng.chance(0.1);
    const first = corrected ? { ...budget, amount: Number(budget.amount) - rng.int(5, 30) * 100 } : budget;
    act(
      at,
      by,
      'budget.created',
      'budget',
      budget.id,
      auditChanges('budget', null, budgetAuditValues(first)),
    );
    if (corrected) {
      const when = officeHours(rng, yearSpan(Number(budget.year), ctx.today)(0.2 + rng.next() * 0.5));
      act(
        when,
        hr(),
        'budget.updated',
        'budget',
        budget.id,
        auditChanges('budget', budgetAuditValues(first), budgetAuditValues(budget)),
      );
    }
  }
  const tasks = await ctx.db
    .selectFrom('training_plan_tasks')
    .selectAll()
    .where('organisation_id', '=', org)
    .orderBy('year')
    .orderBy('task_key')
    .execute();
  for (const task of tasks) {
    if (!task.done_at) continue;
    const year = Number(task.year);
    const doneBy = ctx.people.find((p) => p.id === task.done_by);
    act(
      ms(task.done_at),
      doneBy ? as(doneBy, doneBy.roles.includes('admin') ? 'admin' : 'hr') : hr(),
      'training_plan.task_updated',
      'training_plan_task',
      `${year}:${task.task_key}`,
      auditChanges('training_plan_task', null, {
        year,
        task: task.task_key,
        doneAt: task.done_at,
        note: task.note,
      }),
    );
  }
  return acts;
}

/**
 * audit_events: five years of the audit log, about 300 rows per person, derived from what the other generators
 * wrote (read back a year at a time, so no generator keeps its rows for this one): every plan replayed as the
 * application logs it (see `replayPlan`), and the organisation's administration. Written in time order, so that `id`
 * follows `occurred_at` as when the application writes the rows one request after the other.
 */
export const auditGenerator: Generator = {
  name: 'audit',
  async run(ctx: SeedContext) {
    const rng = ctx.rng.fork('audit');
    const hrAdmin = ctx.people.find((p) => p.roles.includes('hr') && p.roles.includes('admin'));
    const ceo = ctx.people.find((p) => p.roles.includes('admin') && !p.roles.includes('hr'));
    const hr = ctx.people.filter((p) => p.roles.includes('hr') && !p.roles.includes('admin'));
    if (!hrAdmin || !ceo || hr.length === 0)
      throw new Error('the structure generator made no HR or beheerders');
    const cast: Cast = { hr, hrAdmin, ceo };
    const hrSeesContent = {
      from: Date.UTC(ctx.year - 4, 1, 6, 9, 12),
      until: Date.UTC(ctx.year - 2, 8, 14, 16, 3),
    };

    const administrationActs = await administration(ctx, cast, hrSeesContent);

    // The goals that later plans carried over: a carried goal starts as their copy.
    const carriedFrom = new Map(
      (
        await ctx.db
          .selectFrom('goals')
          .selectAll()
          .where('organisation_id', '=', ctx.organisationId)
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('goals')
              .select('carried_from_goal_id')
              .where('organisation_id', '=', ctx.organisationId)
              .where('carried_from_goal_id', 'is not', null),
          )
          .execute()
      ).map((goal) => [goal.id, goal]),
    );
    const context: ReplayContext = {
      rng,
      today: ctx.today,
      todayStart: dayStart(ctx.today),
      cast,
      carriedFrom,
      hrSeesContent,
    };

    // A year at a time: its plans planned, then all acts of the year run in time order, so that rows are written in
    // the order of their moments (ids follow occurred_at, as when the application writes them request by request).
    const indexes = await withoutIndexes(ctx);
    const yearOf = (time: number) => new Date(time).getUTCFullYear();
    const years: number[] = [];
    for (let year = Math.min(...administrationActs.map((a) => yearOf(a.at))); year <= ctx.year; year++)
      years.push(year);
    for (const year of years) {
      const pending: NewAuditEvent[] = [];
      const emit = (act: Act) => pending.push(auditRow(ctx.organisationId, act));
      const administrationOps = administrationActs
        .filter((act) => yearOf(act.at) === year)
        .sort((a, b) => a.at - b.at)
        .map((act) => ({ at: act.at, run: () => emit(act) }));
      const planOps = (await plansOfYear(ctx, year)).map((h) => replayPlan(h, context, emit));
      await ctx.db.transaction().execute(async (trx) => {
        // One write in flight while the next rows are made: PostgreSQL inserts them meanwhile (SQLite's driver is
        // synchronous: there a write is done when it returns).
        // Always the same number of rows but at the end, so that the statements keep the same text (prepared once).
        let writing: Promise<void> = Promise.resolve();
        const write = async (rows: NewAuditEvent[]) => {
          await writing;
          if (rows.length > 0) writing = ctx.writer.insert(trx, 'audit_events', rows);
        };
        await inTimeOrder(
          [administrationOps, ...planOps],
          () => pending.length >= rowsPerWrite,
          () => write(pending.splice(0, rowsPerWrite)),
        );
        await write(pending);
        await writing;
      });
    }
    const started = performance.now();
    for (const index of indexes)
      await ctx.db.transaction().execute(async (trx) => {
        // PostgreSQL sorts an index's entries in maintenance_work_mem (64 MB by default): more keeps it in memory.
        if (ctx.dialect === 'postgresql') await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
        await sql.raw(index.definition).execute(trx);
      });
    ctx.writer.millis.set('audit_events (indexes)', performance.now() - started);
  },
};

/**
 * The indexes of audit_events whose keys grow with every row written in time order (the organisation, then the id
 * or the moment): new entries land at their end, so they stay while the rows go in.
 */
const growingIndexes = new Set(['audit_events_org', 'audit_events_org_time']);

/**
 * Drops the other indexes of audit_events (not its primary key) and answers their definitions as the database holds
 * them, to create them again once the rows are in. Maintained row by row, these indexes on random ids outgrow the
 * page cache and millions of rows go in slowly (a 3-million-row load took minutes on SQLite), while building an
 * index sorts its entries once.
 */
async function withoutIndexes(ctx: SeedContext): Promise<Array<{ name: string; definition: string }>> {
  const indexes =
    ctx.dialect === 'sqlite'
      ? (
          await sql<{ name: string; definition: string }>`
            select name, sql as definition from sqlite_master
            where type = 'index' and tbl_name = 'audit_events' and sql is not null order by name`.execute(
            ctx.db,
          )
        ).rows
      : (
          await sql<{ name: string; definition: string }>`
            select i.indexname as name, i.indexdef as definition from pg_indexes i
            where i.schemaname = current_schema() and i.tablename = 'audit_events'
              and not exists (
                select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = 'audit_events'::regclass)
            order by i.indexname`.execute(ctx.db)
        ).rows;
  const dropped = indexes.filter((index) => !growingIndexes.has(index.name));
  for (const index of dropped) await sql`drop index ${sql.id(index.name)}`.execute(ctx.db);
  return dropped;
}
