import { actionYear } from '../pop/action-year.js';
import { type Phase, phases } from '../pop/phases.js';
import { type Timing, timingBounds } from '../pop/timing.js';
import { type ActionStatus, actionStatuses } from '../pop/vocabulary.js';

/** The figures behind the team view's charts: plans per phase, actions per status, hours and cost per quarter. */
export interface ChartAction {
  status: ActionStatus;
  timing: Timing | null;
  actualStart: string | null;
  actualEnd: string | null;
  planPeriodStart: string;
  hours: number | null;
  cost: number | null;
}

/**
 * The quarter an action counts in. The year is `actionYear()` (the one rule for training plan, budgets and the
 * training right); the quarter comes from the same day that rule reads.
 */
export function actionQuarter(action: Omit<ChartAction, 'status' | 'hours' | 'cost'>): {
  year: number;
  quarter: 1 | 2 | 3 | 4;
} {
  const year = actionYear(action);
  let day = action.actualEnd ?? action.actualStart;
  if (!day && action.timing) {
    const { start, end } = timingBounds(action.timing);
    day = end ?? start;
  }
  day ??= action.planPeriodStart;
  const month = Number(day.slice(5, 7));
  return { year, quarter: Math.min(4, Math.max(1, Math.ceil(month / 3))) as 1 | 2 | 3 | 4 };
}

export function plansPerPhase(
  plans: readonly { phase: Phase; cancelled: boolean }[],
): Array<{ phase: Phase; count: number }> {
  return phases.map((phase) => ({
    phase,
    count: plans.filter((p) => p.phase === phase && !p.cancelled).length,
  }));
}

export function actionsPerStatus(
  actions: readonly { status: ActionStatus }[],
): Array<{ status: ActionStatus; count: number }> {
  return actionStatuses.map((status) => ({
    status,
    count: actions.filter((a) => a.status === status).length,
  }));
}

/** Planned hours and cost per quarter, cancelled actions left out; quarters in order, gaps not filled. */
export function hoursAndCostPerQuarter(
  actions: readonly ChartAction[],
): Array<{ year: number; quarter: 1 | 2 | 3 | 4; hours: number; cost: number; actions: number }> {
  const byQuarter = new Map<
    string,
    { year: number; quarter: 1 | 2 | 3 | 4; hours: number; cost: number; actions: number }
  >();
  for (const action of actions) {
    if (action.status === 'cancelled') continue;
    const { year, quarter } = actionQuarter(action);
    const key = `${year}-${quarter}`;
    const entry = byQuarter.get(key) ?? { year, quarter, hours: 0, cost: 0, actions: 0 };
    entry.hours += action.hours ?? 0;
    entry.cost += action.cost ?? 0;
    entry.actions += 1;
    byQuarter.set(key, entry);
  }
  return [...byQuarter.values()]
    .map((e) => ({ ...e, hours: Math.round(e.hours * 100) / 100, cost: Math.round(e.cost * 100) / 100 }))
    .sort((a, b) => a.year - b.year || a.quarter - b.quarter);
}
