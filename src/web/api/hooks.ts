import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type PersonListParams } from './client.js';
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
