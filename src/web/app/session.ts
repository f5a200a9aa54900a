import { createContext, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Me, type RoleCode } from '../../contracts/auth.ts';
import { Ok } from '../../contracts/common.ts';
import { ApiError, apiGet, apiSend } from '../lib/api.ts';
import { ME_KEY } from './query-client.ts';

export type Session = Me;

/** Who may open a page: any signed-in user, or one of the listed roles. */
export type Access = 'authenticated' | readonly RoleCode[];

/** The signed-in user, or null when there is no session (a 401 is an answer, not an error). */
async function fetchMe(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiGet('/api/v1/auth/me', Me, undefined, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
}

/** Signed in with the password, but the roles need a second factor not given yet. */
export function needsSecondFactor(session: Session): boolean {
  return session.secondFactorRequired && !session.secondFactorPassed;
}

export function allows(session: Session, access: Access): boolean {
  return access === 'authenticated' || session.roles.some((r) => access.includes(r));
}

/** The session the signed-in layout rendered with; pages read it from here. */
export const SessionContext = createContext<Session | null>(null);

export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession outside the signed-in layout');
  return session;
}

/** What the session still needs after the password (trust issue: TOTP for sensitive roles). */
export type SecondFactorState = 'none' | 'required' | 'enrolment_required';

const LoginAnswer = z.object({
  ok: z.literal(true),
  userId: z.string(),
  secondFactor: z.enum(['none', 'required', 'enrolment_required']).default('none'),
});

const TwoFactorStatus = z.object({ enabled: z.boolean(), required: z.boolean(), passed: z.boolean() });

export function useSessionActions() {
  const client = useQueryClient();
  const reload = async () => {
    await client.fetchQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 0 });
  };
  return {
    reload,
    async signIn(username: string, password: string): Promise<SecondFactorState> {
      const answer = await apiSend('POST', '/api/v1/auth/login', LoginAnswer, { username, password });
      // Nothing of a previous user may stay in the cache.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await reload();
      return answer.secondFactor;
    },
    /** For a session that already passed the password: which second step it still needs. */
    async pendingSecondFactor(): Promise<SecondFactorState> {
      const status = await apiGet('/api/v1/auth/two-factor', TwoFactorStatus);
      if (!status.required || status.passed) return 'none';
      return status.enabled ? 'required' : 'enrolment_required';
    },
    async signOut(): Promise<void> {
      try {
        await apiSend('POST', '/api/v1/auth/logout', Ok);
      } finally {
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        client.setQueryData(ME_KEY, null);
      }
    },
  };
}
