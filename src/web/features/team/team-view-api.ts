import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TeamView } from '../../../shared/contracts/team-view.js';
import { request } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

/** Under the plans' key: starting or changing a plan refreshes the team view too. */
export const teamViewKey = (teamId: string | null) =>
  [...queryKeys.plans, 'team-view', teamId ?? 'led'] as const;

export const useTeamView = (teamId: string | null) =>
  useQuery({
    queryKey: teamViewKey(teamId),
    queryFn: () =>
      request<TeamView>('GET', `/api/team-view${teamId ? `?teamId=${encodeURIComponent(teamId)}` : ''}`),
    placeholderData: keepPreviousData,
  });
