import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api.ts';
import { showError } from './feedback.ts';

export const ME_KEY = ['auth', 'me'] as const;

/**
 * Declares how a query or mutation reports its errors. `silent`: the page shows the error itself
 * (an empty state, a form message), so no notification pops up.
 */
declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handle(client, error, query.meta?.silent === true),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) =>
        handle(client, error, mutation.meta?.silent === true),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (count, error) =>
          count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      },
    },
  });
  return client;
}

function handle(client: QueryClient, error: unknown, silent: boolean): void {
  if (error instanceof ApiError && error.status === 401 && error.code === 'AUTH.SECOND_FACTOR_REQUIRED') {
    // The password was given but not the second factor: reload who we are; the guard asks for it.
    void client.invalidateQueries({ queryKey: ME_KEY });
    return;
  }
  if (error instanceof ApiError && error.status === 401 && error.code !== 'AUTH.REAUTH_REQUIRED') {
    // The session ended (idle timeout, sign-out elsewhere): the route guard sends the user to sign in.
    if (client.getQueryData(ME_KEY)) showError(error);
    client.setQueryData(ME_KEY, null);
    return;
  }
  if (!silent) showError(error);
}
