import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage, AuditSearchQuery, PlanAudit } from '../../../shared/contracts/audit.js';
import { request } from '../../api/client.js';

/** The filters of the beheerder's search, as the page keeps them. */
export type AuditFilters = Partial<
  Pick<AuditSearchQuery, 'actorId' | 'subjectPersonId' | 'action' | 'objectType' | 'from' | 'to'>
>;

const pageSize = 50;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

/** The calls of this area: a plan's own log, and the organisation's log for the beheerder. */
export const auditApi = {
  plan: (planId: string, before?: number) =>
    request<PlanAudit>(
      'GET',
      `/api/plans/${encodeURIComponent(planId)}/audit?${query({ before, limit: pageSize })}`,
    ),
  search: (filters: AuditFilters, before?: number) =>
    request<AuditPage>('GET', `/api/audit?${query({ ...filters, before, limit: pageSize })}`),
};

export const auditKeys = {
  all: ['audit'] as const,
  plan: (planId: string) => ['audit', 'plan', planId] as const,
  search: (filters: AuditFilters) => ['audit', 'search', filters] as const,
};

const nextCursor = (page: AuditPage) => page.nextCursor ?? undefined;

export const usePlanAudit = (planId: string) =>
  useInfiniteQuery({
    queryKey: auditKeys.plan(planId),
    queryFn: ({ pageParam }) => auditApi.plan(planId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: nextCursor,
    staleTime: 0,
  });

export const useAuditSearch = (filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: auditKeys.search(filters),
    queryFn: ({ pageParam }) => auditApi.search(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
