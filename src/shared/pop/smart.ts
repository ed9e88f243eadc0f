import { type Timing, timingBounds } from './timing.js';

/** The SMART check of a development goal: automatic hints plus the parties' own confirmation. */
export const smartCriteria = ['specific', 'measurable', 'acceptable', 'realistic', 'timeBound'] as const;
export type SmartCriterion = (typeof smartCriteria)[number];

export const smartHints = [
  'no_description',
  'no_measure',
  'no_target_date',
  'target_after_period',
  'target_before_period',
  'target_in_past',
  'no_actions',
  'action_after_target',
] as const;
export type SmartHint = (typeof smartHints)[number];

export interface SmartInput {
  title: string;
  description: string | null;
  measure: string | null;
  targetDate: string | null;
  actions: Array<{ timing: Timing | null; cancelled?: boolean }>;
  plan: { periodStart: string; periodEnd: string };
  confirmations: {
    specific: boolean;
    measurable: boolean;
    realistic: boolean;
    timeBound: boolean;
    acceptableByEmployee: boolean;
    acceptableByManager: boolean;
  };
  /** Today, `YYYY-MM-DD`, in the organisation's time zone. */
  today: string;
}

export interface SmartCriterionResult {
  criterion: SmartCriterion;
  hints: SmartHint[];
  confirmed: boolean;
  /** No automatic hint and confirmed by the parties. */
  holds: boolean;
}

const meaningful = (text: string | null, min: number) => (text ?? '').trim().length >= min;

export function checkSmart(input: SmartInput): SmartCriterionResult[] {
  const hints: Record<SmartCriterion, SmartHint[]> = {
    specific: [],
    measurable: [],
    acceptable: [],
    realistic: [],
    timeBound: [],
  };
  if (!meaningful(input.description, 15)) hints.specific.push('no_description');
  if (!meaningful(input.measure, 5)) hints.measurable.push('no_measure');
  if (!input.targetDate) {
    hints.timeBound.push('no_target_date');
  } else {
    if (input.targetDate > input.plan.periodEnd) hints.realistic.push('target_after_period');
    if (input.targetDate < input.plan.periodStart) hints.timeBound.push('target_before_period');
    if (input.targetDate < input.today) hints.realistic.push('target_in_past');
  }
  const live = input.actions.filter((a) => !a.cancelled);
  if (live.length === 0) hints.realistic.push('no_actions');
  if (input.targetDate) {
    const late = live.some((a) => {
      const start = a.timing ? timingBounds(a.timing).start : null;
      return start !== null && start > (input.targetDate as string);
    });
    if (late) hints.realistic.push('action_after_target');
  }
  const c = input.confirmations;
  const confirmed: Record<SmartCriterion, boolean> = {
    specific: c.specific,
    measurable: c.measurable,
    acceptable: c.acceptableByEmployee && c.acceptableByManager,
    realistic: c.realistic,
    timeBound: c.timeBound,
  };
  return smartCriteria.map((criterion) => ({
    criterion,
    hints: hints[criterion],
    confirmed: confirmed[criterion],
    holds: hints[criterion].length === 0 && confirmed[criterion],
  }));
}
