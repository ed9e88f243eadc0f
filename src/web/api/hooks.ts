import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type PersonListParams, type PlanListParams } from './client.js';
import { queryKeys } from './query-keys.js';

export const useTeams = () => useQuery({ queryKey: queryKeys.teams, queryFn: api.teams.list });
export const useFunctions = () => useQuery({ queryKey: queryKeys.functions, queryFn: api.functions.list });
export const useCompetencies = () =>
  useQuery({ queryKey: queryKeys.competencies, queryFn: api.competencies.list });
export const useOrganisation = () =>
  useQuery({ queryKey: queryKeys.organisation, queryFn: api.organisation.get });

export const usePeople = (params: PersonListParams) =>
  useQuery({
    queryKey: queryKeys.personList(params),
    queryFn: () => api.people.list(params),
    placeholderData: keepPreviousData,
  });

/** Active people for "leidinggevende" pickers. */
export const usePeopleOptions = () => usePeople({ status: 'active', limit: 500 });

export const usePlans = (params: PlanListParams, enabled = true) =>
  useQuery({
    queryKey: queryKeys.planList(params),
    queryFn: () => api.plans.list(params),
    placeholderData: keepPreviousData,
    enabled,
  });

/** Kinds of action (built-in and the organisation's own); loaded only where an action is shown or edited. */
export const useActionTypes = (enabled = true) =>
  useQuery({
    queryKey: queryKeys.actionTypes,
    queryFn: api.actionTypes.list,
    staleTime: 5 * 60_000,
    enabled,
  });
