import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { Me } from '../../shared/contracts/auth.js';
import { isAppError } from './client.js';
import { queryKeys } from './query-keys.js';

/**
 * A page query that answers 401 means the session ended: forgetting who is signed in makes the session guard
 * send the person to the sign-in page, with the page they wanted to return to.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isAppError(error, 'UNAUTHENTICATED') && query.queryKey[0] !== queryKeys.me[0]) {
          client.setQueryData<Me | null>(queryKeys.me, null);
        }
      },
    }),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isAppError(error)) return error.status >= 500 && failureCount < 2;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}
