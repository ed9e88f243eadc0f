import type { BudgetScope } from '../../../shared/contracts/budgets.js';
import { actionYear } from '../../../shared/pop/action-year.js';
import type { PlanSnapshot } from '../../../shared/pop/plan-snapshot.js';

/**
 * The budget rules, pure: which actions a budget covers, its figures, and whether an approval would overspend it.
 * Amounts are compared in whole cents, so sums of decimal amounts never tip a budget over by rounding.
 */

/** One group of actions with their sums: one year, one team (of the employee), one funding source, one currency. */
export interface FigureLine {
  year: number;
  teamId: string | null;
  sourceId: string | null;
  currency: string;
  planned: number;
  committed: number;
  spent: number;
  actions: number;
}

export interface BudgetFacts {
  id: string;
  year: number;
  teamId: string | null;
  sourceId: string | null;
  amount: number;
  currency: string;
  isHard: boolean;
}

/** Parent team per team (teams nest one level): a team's budget also covers its sub-teams. */
export type TeamParents = ReadonlyMap<string, string | null>;

/** One budget per scope and year: `${team ?? '-'}:${source ?? '-'}`. */
export const scopeKey = (teamId: string | null, sourceId: string | null): string =>
  `${teamId ?? '-'}:${sourceId ?? '-'}`;

export function scopeOf(teamId: string | null, sourceId: string | null): BudgetScope {
  if (teamId && sourceId) return 'team_source';
  if (teamId) return 'team';
  if (sourceId) return 'source';
  return 'organisation';
}

export const cents = (value: number): number => Math.round(value * 100);
export const roundMoney = (value: number): number => cents(value) / 100;
/** More than the amount, to the cent. */
export const isOver = (total: number, amount: number): boolean => cents(total) > cents(amount);

/** Whether a budget counts a group of actions: same year; its team or a sub-team (or any); its source (or any). */
export function covers(
  budget: Pick<BudgetFacts, 'year' | 'teamId' | 'sourceId'>,
  line: Pick<FigureLine, 'year' | 'teamId' | 'sourceId'>,
  parents: TeamParents,
): boolean {
  if (line.year !== budget.year) return false;
  if (budget.sourceId !== null && line.sourceId !== budget.sourceId) return false;
  if (budget.teamId === null) return true;
  if (line.teamId === null) return false;
  return line.teamId === budget.teamId || parents.get(line.teamId) === budget.teamId;
}

export const emptyFigures = () => ({ planned: 0, committed: 0, spent: 0, actions: 0 });
export type Figures = ReturnType<typeof emptyFigures>;

export function addUp(lines: readonly FigureLine[]): Figures {
  const sum = emptyFigures();
  for (const line of lines) {
    sum.planned += line.planned;
    sum.committed += line.committed;
    sum.spent += line.spent;
    sum.actions += line.actions;
  }
  return {
    planned: roundMoney(sum.planned),
    committed: roundMoney(sum.committed),
    spent: roundMoney(sum.spent),
    actions: sum.actions,
  };
}

export interface NotCounted extends Figures {
  currency: string;
}

/** The lines in another currency than `currency`, summed per currency: shown, never added to the figures. */
export function notCountedOf(lines: readonly FigureLine[], currency: string): NotCounted[] {
  const byCurrency = new Map<string, FigureLine[]>();
  for (const line of lines)
    if (line.currency !== currency)
      byCurrency.set(line.currency, [...(byCurrency.get(line.currency) ?? []), line]);
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([other, group]) => ({ currency: other, ...addUp(group) }));
}

export interface BudgetStatus {
  figures: Figures;
  remaining: number;
  projected: number;
  overCommitted: boolean;
  overProjected: boolean;
  overSpent: boolean;
  notCounted: NotCounted[];
}

/** A budget's figures in its own currency, with what is left and whether it is (or would be) overspent. */
export function budgetStatus(
  budget: BudgetFacts,
  lines: readonly FigureLine[],
  parents: TeamParents,
): BudgetStatus {
  const covered = lines.filter((line) => covers(budget, line, parents));
  const figures = addUp(covered.filter((line) => line.currency === budget.currency));
  const projected = roundMoney(figures.committed + figures.planned);
  return {
    figures,
    remaining: roundMoney(budget.amount - figures.committed),
    projected,
    overCommitted: isOver(figures.committed, budget.amount),
    overProjected: isOver(projected, budget.amount),
    overSpent: isOver(figures.spent, budget.amount),
    notCounted: notCountedOf(covered, budget.currency),
  };
}

/** Sums of the actions of one plan that a budget covers, in the budget's currency. */
const sumFor = (budget: BudgetFacts, lines: readonly FigureLine[], parents: TeamParents): number =>
  lines
    .filter((line) => line.currency === budget.currency && covers(budget, line, parents))
    .reduce((total, line) => total + line.committed, 0);

export interface PlanCheckItem {
  budget: BudgetFacts;
  committedByOthers: number;
  thisPlan: number;
  after: number;
  exceeded: boolean;
  blocking: boolean;
}

/**
 * What approving a plan's content does to each budget it draws on. `plan` holds the content as it stands, with
 * each action's cost under `committed`; `previous` what the plan's last approved version had committed (nothing on
 * a first approval); `others` the committed figures of every other plan. A hard budget blocks the approval when the
 * total would exceed it and the plan asks more of it than it already had: a revision that costs less is never
 * refused.
 */
export function checkPlan(input: {
  budgets: readonly BudgetFacts[];
  plan: readonly FigureLine[];
  previous: readonly FigureLine[];
  others: readonly FigureLine[];
  parents: TeamParents;
}): PlanCheckItem[] {
  const items: PlanCheckItem[] = [];
  for (const budget of input.budgets) {
    const thisPlan = sumFor(budget, input.plan, input.parents);
    if (cents(thisPlan) <= 0) continue;
    const committedByOthers = sumFor(budget, input.others, input.parents);
    const previous = sumFor(budget, input.previous, input.parents);
    const after = committedByOthers + thisPlan;
    const exceeded = isOver(after, budget.amount);
    items.push({
      budget,
      committedByOthers: roundMoney(committedByOthers),
      thisPlan: roundMoney(thisPlan),
      after: roundMoney(after),
      exceeded,
      blocking: exceeded && budget.isHard && cents(thisPlan) > cents(previous),
    });
  }
  return items;
}

/** The budgets a plan may draw on: per year it touches, the organisation's, its team's and each source's. */
export function candidateScopes(
  lines: readonly FigureLine[],
  teamId: string | null,
  parents: TeamParents,
): { years: number[]; scopeKeys: string[] } {
  const teams: Array<string | null> = [null];
  if (teamId) {
    teams.push(teamId);
    const parent = parents.get(teamId);
    if (parent) teams.push(parent);
  }
  const sources = [
    null,
    ...new Set(lines.map((line) => line.sourceId).filter((s): s is string => s !== null)),
  ];
  const keys = new Set<string>();
  for (const team of teams) for (const source of sources) keys.add(scopeKey(team, source));
  return { years: [...new Set(lines.map((line) => line.year))].sort(), scopeKeys: [...keys].sort() };
}

/** An action as the budget figures need it. */
export interface BudgetAction {
  cost: number | null;
  actualCost: number | null;
  currency: string;
  sourceId: string | null;
  status: string;
  timing: Parameters<typeof actionYear>[0]['timing'];
  actualStart: string | null;
  actualEnd: string | null;
}

/** Groups one plan's actions into lines; `committed` holds each action's cost, cancelled actions left out. */
export function linesOfActions(
  actions: readonly BudgetAction[],
  plan: { periodStart: string; teamId: string | null },
): FigureLine[] {
  const lines = new Map<string, FigureLine>();
  for (const action of actions) {
    if (action.status === 'cancelled') continue;
    const year = actionYear({
      timing: action.timing,
      actualStart: action.actualStart,
      actualEnd: action.actualEnd,
      planPeriodStart: plan.periodStart,
    });
    const key = `${year}|${action.sourceId ?? ''}|${action.currency}`;
    const line = lines.get(key) ?? {
      year,
      teamId: plan.teamId,
      sourceId: action.sourceId,
      currency: action.currency,
      planned: 0,
      committed: 0,
      spent: 0,
      actions: 0,
    };
    line.committed += action.cost ?? 0;
    line.actions += 1;
    lines.set(key, line);
  }
  return [...lines.values()];
}

/**
 * The actions of an approved version (snapshot) as budget actions; their status and actual dates are those of the
 * plan's actions now (an action removed in the open revision is still planned in the approved version).
 */
export function actionsOfSnapshot(
  snapshot: PlanSnapshot,
  now: ReadonlyMap<string, { status: string; actualStart: string | null; actualEnd: string | null }>,
): BudgetAction[] {
  return snapshot.goals.flatMap((goal) =>
    goal.actions.map((action) => {
      const current = now.get(action.id);
      return {
        cost: action.cost,
        actualCost: null,
        currency: action.currency,
        sourceId: action.fundingSourceId ?? null,
        status: current?.status ?? 'planned',
        timing: action.timing,
        actualStart: current?.actualStart ?? null,
        actualEnd: current?.actualEnd ?? null,
      };
    }),
  );
}

/** Moves committed sums to planned, with a sign: an open revision proposes its content minus the approved one. */
export const asPlanned = (lines: readonly FigureLine[], sign: 1 | -1): FigureLine[] =>
  lines.map((line) => ({ ...line, planned: sign * line.committed, committed: 0, actions: 0 }));
