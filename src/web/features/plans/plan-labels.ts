import type { TFunction } from 'i18next';
import type { ActionType } from '../../../shared/contracts/templates.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { dateIn } from '../../../shared/pop/dates.js';
import type { Phase } from '../../../shared/pop/phases.js';
import { formatTiming, type Timing } from '../../../shared/pop/timing.js';
import type { PlanParty } from '../../../shared/pop/vocabulary.js';
import { formatDate } from '../../i18n/format.js';

export const otherParty = (party: PlanParty): PlanParty => (party === 'employee' ? 'manager' : 'employee');

export const partyName = (
  plan: { employee: { name: string }; manager: { name: string } },
  party: PlanParty,
): string => (party === 'employee' ? plan.employee.name : plan.manager.name);

export const periodText = (plan: { periodStart: string; periodEnd: string }): string =>
  `${formatDate(plan.periodStart)} – ${formatDate(plan.periodEnd)}`;

/**
 * The day a moment (an ISO timestamp: shared, approved, closed) fell on in the organisation's time zone. Cutting the
 * UTC string would show the day before for anything done in Belgium between midnight and 1 or 2 o'clock.
 */
export function dayOf(moment: string | null | undefined, timeZone: string): string {
  if (!moment) return '';
  const at = new Date(moment);
  return Number.isNaN(at.getTime()) ? moment : formatDate(dateIn(timeZone, at));
}

export function timingText(timing: Timing | null, t: TFunction): string {
  if (!timing) return '';
  return formatTiming(timing, { ongoing: t('pop.timing.ongoing'), quarter: t('pop.timing.quarterPrefix') });
}

/** Built-in kinds are named by the catalogue; the organisation's own by the list the API sends. */
export function actionTypeLabel(key: string, types: readonly ActionType[] | undefined, t: TFunction): string {
  if (isBuiltInActionType(key)) return t(`pop.actionTypes.${key}`);
  return types?.find((type) => type.key === key)?.label ?? t('plan.actions.customType');
}

/** Whether any action of the plan uses a kind the organisation added (only then is the list of kinds loaded). */
export const usesCustomActionTypes = (goals: readonly { actions: readonly { type: string }[] }[]): boolean =>
  goals.some((goal) => goal.actions.some((action) => !isBuiltInActionType(action.type)));

export const phaseOrder: readonly Phase[] = [
  'preparation',
  'conversation',
  'approved',
  'evaluation',
  'closed',
];

export const phaseColor: Record<Phase, string> = {
  preparation: 'blue',
  conversation: 'grape',
  approved: 'groeipad',
  evaluation: 'orange',
  closed: 'gray',
};
