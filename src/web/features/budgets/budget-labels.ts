import type { TFunction } from 'i18next';
import type { BudgetScope } from '../../../shared/contracts/budgets.js';
import { formatMoney } from '../../i18n/format.js';

/** What a budget is for, in words: the whole organisation, a team, a funding source, or both. */
export function scopeLabel(
  budget: { scope: BudgetScope; teamName: string | null; fundingSourceName: string | null },
  t: TFunction,
): string {
  const team = budget.teamName ?? t('budgets.unknownTeam');
  const source = budget.fundingSourceName ?? t('budgets.unknownSource');
  switch (budget.scope) {
    case 'organisation':
      return t('budgets.scope.organisation');
    case 'team':
      return t('budgets.scope.team', { team });
    case 'source':
      return t('budgets.scope.source', { source });
    case 'team_source':
      return t('budgets.scope.team_source', { team, source });
  }
}

export const money = (value: number, currency: string, language: string): string =>
  formatMoney(value, currency, language);

/** The years the page offers: two back, the current one and two ahead. */
export function yearOptions(current: number): string[] {
  return [current - 2, current - 1, current, current + 1, current + 2].map(String);
}

/** Labels of the version-diff fields this area adds to an action (the rest are the plan's own). */
export function budgetFieldLabel(field: string, t: TFunction): string | null {
  if (field === 'fundingSourceName') return t('budgets.versionFields.fundingSourceName');
  if (field === 'countsForTrainingRight') return t('budgets.versionFields.countsForTrainingRight');
  return null;
}
