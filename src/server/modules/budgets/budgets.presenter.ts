import type {
  Budget,
  BudgetCheck,
  FundingSource,
  FundingSourceKind,
} from '../../../shared/contracts/budgets.js';
import type { BudgetRow, FundingSourceRow } from '../../db/schema.js';
import { type PlanCheckItem, scopeOf } from './budgets.domain.js';

/** Everyone reads a source's name and kind; only HR reads its rules and edits it. */
export function presentFundingSource(row: FundingSourceRow, withRules: boolean): FundingSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as FundingSourceKind,
    active: row.archived_at === null,
    rules: withRules ? row.rules : null,
    version: Number(row.version),
  };
}

export interface Names {
  teams: ReadonlyMap<string, string>;
  sources: ReadonlyMap<string, string>;
}

export function presentBudget(row: BudgetRow, names: Names): Budget {
  return {
    id: row.id,
    year: Number(row.year),
    scope: scopeOf(row.team_id, row.funding_source_id),
    teamId: row.team_id,
    teamName: row.team_id ? (names.teams.get(row.team_id) ?? null) : null,
    fundingSourceId: row.funding_source_id,
    fundingSourceName: row.funding_source_id ? (names.sources.get(row.funding_source_id) ?? null) : null,
    amount: Number(row.amount),
    currency: row.currency,
    isHard: Boolean(row.is_hard),
    note: row.note,
    version: Number(row.version),
  };
}

export interface NamedCheckItem extends PlanCheckItem {
  teamName: string | null;
  sourceName: string | null;
}

/** The check before approval; the amounts only for those who may see budget figures. */
export function presentBudgetCheck(
  planId: string,
  items: readonly NamedCheckItem[],
  withFigures: boolean,
): BudgetCheck {
  const figure = (value: number) => (withFigures ? value : null);
  return {
    planId,
    items: items.map((item) => ({
      budgetId: item.budget.id,
      year: item.budget.year,
      scope: scopeOf(item.budget.teamId, item.budget.sourceId),
      teamName: item.teamName,
      fundingSourceName: item.sourceName,
      isHard: item.budget.isHard,
      currency: item.budget.currency,
      exceeded: item.exceeded,
      blocking: item.blocking,
      amount: figure(item.budget.amount),
      committedByOthers: figure(item.committedByOthers),
      thisPlan: figure(item.thisPlan),
      after: figure(item.after),
    })),
    exceeded: items.some((item) => item.exceeded),
    blocked: items.some((item) => item.blocking),
  };
}
