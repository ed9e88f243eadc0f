import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Budget,
  BudgetCheck,
  BudgetOverview,
  budgetListResponse,
  createBudgetBody,
  createFundingSourceBody,
  FundingSource,
  updateBudgetBody,
  updateFundingSourceBody,
} from '../../../shared/contracts/budgets.js';
import { request } from '../../api/client.js';

export type CreateBudgetInput = z.input<typeof createBudgetBody>;
export type UpdateBudgetInput = z.input<typeof updateBudgetBody>;
export type CreateFundingSourceInput = z.input<typeof createFundingSourceBody>;
export type UpdateFundingSourceInput = z.input<typeof updateFundingSourceBody>;
export type BudgetList = z.infer<typeof budgetListResponse>;

const segment = (value: string) => encodeURIComponent(value);

/** The budget routes of the API; only this feature and the plan's approve step use them. */
export const budgetsApi = {
  sources: () => request<{ items: FundingSource[] }>('GET', '/api/funding-sources'),
  source: (id: string) => request<FundingSource>('GET', `/api/funding-sources/${segment(id)}`),
  createSource: (body: CreateFundingSourceInput) =>
    request<FundingSource>('POST', '/api/funding-sources', body),
  updateSource: (id: string, body: UpdateFundingSourceInput) =>
    request<FundingSource>('PATCH', `/api/funding-sources/${segment(id)}`, body),
  budgets: (year: number) => request<BudgetList>('GET', `/api/budgets?year=${year}`),
  budget: (id: string) => request<Budget>('GET', `/api/budgets/${segment(id)}`),
  createBudget: (body: CreateBudgetInput) => request<Budget>('POST', '/api/budgets', body),
  updateBudget: (id: string, body: UpdateBudgetInput) =>
    request<Budget>('PATCH', `/api/budgets/${segment(id)}`, body),
  removeBudget: (id: string, version: number) =>
    request<{ ok: true }>('DELETE', `/api/budgets/${segment(id)}?version=${version}`),
  overview: (year: number) => request<BudgetOverview>('GET', `/api/budgets/overview?year=${year}`),
  check: (planId: string) => request<BudgetCheck>('GET', `/api/plans/${segment(planId)}/budget-check`),
};

export const budgetKeys = {
  all: ['budgets'] as const,
  sources: ['budgets', 'sources'] as const,
  source: (id: string) => ['budgets', 'sources', id] as const,
  list: (year: number) => ['budgets', 'list', year] as const,
  overview: (year: number) => ['budgets', 'overview', year] as const,
  check: (planId: string) => ['budgets', 'check', planId] as const,
};

/** Funding sources: everyone reads their names when filling in actions. */
export const useFundingSources = (enabled = true) =>
  useQuery({ queryKey: budgetKeys.sources, queryFn: budgetsApi.sources, staleTime: 5 * 60_000, enabled });

export const useBudgets = (year: number, enabled = true) =>
  useQuery({
    queryKey: budgetKeys.list(year),
    queryFn: () => budgetsApi.budgets(year),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useBudgetOverview = (year: number) =>
  useQuery({
    queryKey: budgetKeys.overview(year),
    queryFn: () => budgetsApi.overview(year),
    placeholderData: keepPreviousData,
  });

/** The name of an action's funding source, archived sources included. */
export function useFundingSourceName(id: string | null): string | null {
  const sources = useFundingSources(id !== null);
  if (id === null) return null;
  return sources.data?.items.find((source) => source.id === id)?.name ?? null;
}
