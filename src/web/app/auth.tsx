/**
 * The signed-in user: loaded from GET /api/auth/me, kept in the query cache under ['auth','me'].
 * The CSRF token goes to the api client's memory, never to storage.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import type { CurrentUserT } from '../../contracts/auth';
import { ApiError, api, setCsrfToken, setUnauthenticatedHandler } from '../lib/api';

export type CurrentUser = CurrentUserT;
interface SessionResponse {
  user: CurrentUser;
  csrfToken: string;
}

export const ME_KEY = ['auth', 'me'] as const;

export interface AuthContextValue {
  /** undefined while loading, null when not signed in */
  user: CurrentUser | null | undefined;
  loading: boolean;
  /** why the user was sent to the login page, if the session ended by itself */
  sessionEnded: boolean;
  can(permission: string | readonly string[]): boolean;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  refresh(): Promise<unknown>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<CurrentUser | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/me', undefined, { allow401: true });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

const SESSION_ENDED_KEY = ['auth', 'sessionEnded'] as const;

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const ended = useQuery({
    queryKey: SESSION_ENDED_KEY,
    queryFn: () => false,
    staleTime: Number.POSITIVE_INFINITY,
    initialData: false,
  });

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // the session expired or was ended elsewhere: forget everything and show the login page
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(SESSION_ENDED_KEY, true);
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<SessionResponse>(
        '/auth/login',
        { username, password },
        { allow401: true },
      );
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(SESSION_ENDED_KEY, false);
      queryClient.setQueryData(ME_KEY, session.user);
      return session.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { allow401: true });
    } catch {
      // the session may already be gone; the user is logged out locally either way
    }
    setCsrfToken(null);
    // keep the auth queries (their observers stay attached) and drop everything else
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(SESSION_ENDED_KEY, false);
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const user = me.data;
  const value = useMemo<AuthContextValue>(() => {
    const permissions = new Set(user?.permissions ?? []);
    return {
      user: me.isPending ? undefined : (user ?? null),
      loading: me.isPending,
      sessionEnded: ended.data === true,
      can: (permission) =>
        typeof permission === 'string'
          ? permissions.has(permission)
          : permission.some((p) => permissions.has(p)),
      login,
      logout,
      refresh: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
    };
  }, [user, me.isPending, ended.data, login, logout, queryClient]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** A same-site path to return to after login; anything else falls back to the home page. */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login'))
    return '/';
  return next;
}
