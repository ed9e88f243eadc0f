import type { Phase } from '../pop/phases.js';

/**
 * What comes next in a POP and what is late, as a manager's team view shows it. Pure: `today` is the organisation's
 * calendar day (`YYYY-MM-DD`), every date is a calendar day too.
 */
export const nextDateKinds = ['exchange_deadline', 'conversation', 'follow_up', 'evaluation'] as const;
export type NextDateKind = (typeof nextDateKinds)[number];

/** Late: the preparations were not exchanged, the conversation did not start, a follow-up or evaluation was not held, an action passed its timing. */
export const overdueKinds = [
  'exchange_deadline',
  'conversation',
  'follow_up',
  'evaluation',
  'action',
] as const;
export type OverdueKind = (typeof overdueKinds)[number];

export interface PlanSchedule {
  phase: Phase;
  cancelled: boolean;
  /** The day of the POP-gesprek in the organisation's time zone. */
  conversationDate: string | null;
  /** The day both parties share their preparation (the conversation minus the organisation's exchange days). */
  exchangeDeadline: string | null;
  employeeShared: boolean;
  managerShared: boolean;
  followUps: readonly { plannedDate: string; held: boolean }[];
  evaluationDate: string | null;
  evaluationComplete: boolean;
  /** The last day of each action that is planned or in progress; null for ongoing actions or without timing. */
  openActionEnds: readonly (string | null)[];
}

export interface ScheduledDate {
  kind: NextDateKind;
  date: string;
}

export interface OverdueItem {
  kind: OverdueKind;
  /** The earliest date that was missed. */
  date: string;
  count: number;
}

interface Moment {
  kind: NextDateKind;
  date: string;
}

/** The moments that still matter in the plan's phase, whether they lie ahead or were missed. */
function pendingMoments(plan: PlanSchedule): Moment[] {
  if (plan.cancelled) return [];
  const moments: Moment[] = [];
  switch (plan.phase) {
    case 'preparation':
      if (plan.exchangeDeadline && !(plan.employeeShared && plan.managerShared))
        moments.push({ kind: 'exchange_deadline', date: plan.exchangeDeadline });
      if (plan.conversationDate) moments.push({ kind: 'conversation', date: plan.conversationDate });
      break;
    case 'conversation':
      for (const f of plan.followUps) if (!f.held) moments.push({ kind: 'follow_up', date: f.plannedDate });
      break;
    case 'approved':
      for (const f of plan.followUps) if (!f.held) moments.push({ kind: 'follow_up', date: f.plannedDate });
      if (plan.evaluationDate) moments.push({ kind: 'evaluation', date: plan.evaluationDate });
      break;
    case 'evaluation':
      if (plan.evaluationDate && !plan.evaluationComplete)
        moments.push({ kind: 'evaluation', date: plan.evaluationDate });
      break;
    case 'closed':
      break;
  }
  return moments;
}

const byDateThenKind = (a: Moment, b: Moment) =>
  a.date === b.date
    ? nextDateKinds.indexOf(a.kind) - nextDateKinds.indexOf(b.kind)
    : a.date < b.date
      ? -1
      : 1;

/** The first moment from today on: the exchange deadline, the conversation, a follow-up or the evaluation. */
export function nextDate(plan: PlanSchedule, today: string): ScheduledDate | null {
  const ahead = pendingMoments(plan)
    .filter((m) => m.date >= today)
    .sort(byDateThenKind);
  const first = ahead[0];
  return first ? { kind: first.kind, date: first.date } : null;
}

/**
 * What is late today. A follow-up during the conversation phase is not late yet: it can only be held once the POP
 * is approved. Actions count only while the plan is carried out.
 */
export function overdueItems(plan: PlanSchedule, today: string): OverdueItem[] {
  const late = new Map<OverdueKind, OverdueItem>();
  const add = (kind: OverdueKind, date: string) => {
    const known = late.get(kind);
    if (!known) late.set(kind, { kind, date, count: 1 });
    else {
      known.count += 1;
      if (date < known.date) known.date = date;
    }
  };
  for (const moment of pendingMoments(plan)) {
    if (moment.date >= today) continue;
    if (moment.kind === 'follow_up' && plan.phase !== 'approved') continue;
    add(moment.kind, moment.date);
  }
  if (!plan.cancelled && plan.phase === 'approved')
    for (const end of plan.openActionEnds) if (end !== null && end < today) add('action', end);
  return overdueKinds.flatMap((kind) => {
    const item = late.get(kind);
    return item ? [item] : [];
  });
}

/** Who still has to approve: only while the parties agree on a (revised) POP and nobody recorded "niet akkoord". */
export function awaitingApprovalOf(plan: {
  phase: Phase;
  cancelled: boolean;
  disputed: boolean;
  revisionOpen: boolean;
  employeeApproved: boolean;
  managerApproved: boolean;
}): Array<'employee' | 'manager'> {
  const agreeing = plan.phase === 'conversation' || (plan.phase === 'approved' && plan.revisionOpen);
  if (!agreeing || plan.cancelled || plan.disputed) return [];
  const waiting: Array<'employee' | 'manager'> = [];
  if (!plan.employeeApproved) waiting.push('employee');
  if (!plan.managerApproved) waiting.push('manager');
  return waiting;
}

/** A person's plan that matters now: the open one, else the most recent (the same rule as the team page had). */
export function currentPlanOf<P extends { phase: Phase; periodStart: string; createdAt: string }>(
  plans: readonly P[],
): P | null {
  let current: P | null = null;
  for (const plan of plans) {
    if (!current) {
      current = plan;
      continue;
    }
    const isOpen = plan.phase !== 'closed';
    const currentOpen = current.phase !== 'closed';
    if (isOpen !== currentOpen) {
      if (isOpen) current = plan;
      continue;
    }
    if (
      plan.periodStart > current.periodStart ||
      (plan.periodStart === current.periodStart && plan.createdAt > current.createdAt)
    )
      current = plan;
  }
  return current;
}
