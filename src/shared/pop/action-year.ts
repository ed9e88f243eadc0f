import { type Timing, timingBounds } from './timing.js';

/**
 * The calendar year an action belongs to in the training plan, budgets and the training right. One rule for all
 * three, so their figures agree:
 * - an action with actual dates counts in the year it ended (or started, if it has not ended);
 * - otherwise the year its timing ends (a date, the last day of a range or quarter);
 * - an ongoing action (doorlopend) or one without timing counts in the year its plan's period starts.
 */
export function actionYear(action: {
  timing: Timing | null;
  actualStart: string | null;
  actualEnd: string | null;
  planPeriodStart: string;
}): number {
  const actual = action.actualEnd ?? action.actualStart;
  if (actual) return Number(actual.slice(0, 4));
  if (action.timing) {
    const { start, end } = timingBounds(action.timing);
    const day = end ?? start;
    if (day) return Number(day.slice(0, 4));
  }
  return Number(action.planPeriodStart.slice(0, 4));
}
