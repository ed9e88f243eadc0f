import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import type { Me } from '../../shared/contracts/auth.js';
import type { Capabilities } from '../../shared/policies.js';
import type { Role } from '../../shared/roles.js';
import { api } from '../api/client.js';
import { queryKeys } from '../api/query-keys.js';
import { FullPageLoader } from '../components/full-page-loader.js';
import { QueryError } from '../components/query-error.js';
import { NoAccessPage } from '../features/errors/no-access-page.js';
import { currentLocale, switchLocale } from '../i18n/i18n.js';

export function useSetupStatus() {
  return useQuery({
    queryKey: queryKeys.setup,
    queryFn: api.setup.status,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMeQuery() {
  return useQuery({ queryKey: queryKeys.me, queryFn: api.auth.me, staleTime: 5 * 60_000 });
}

const MeContext = createContext<Me | null>(null);

/**
 * The signed-in person; only for components below `RequireSession`, which hands down the value it rendered with,
 * so no page ever sees a half-ended session while signing out.
 */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside a session');
  return me;
}

/** Stores a fresh sign-in answer (login, set-up, password link) so every guard sees the person at once. */
export function useSignedIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.setQueryData(queryKeys.me, me);
    void switchLocale(me.person.locale);
  };
}

/** Only same-site paths are followed after sign-in. */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/** An empty install sends every page to the set-up; a finished one never shows the set-up again. */
export function SetupGate() {
  const setup = useSetupStatus();
  // Asked together with the set-up status rather than after it: a first page needs both.
  useMeQuery();
  const location = useLocation();
  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) return <QueryError error={setup.error} onRetry={() => void setup.refetch()} fullPage />;
  const onSetupPage = location.pathname === '/setup';
  if (setup.data.needsSetup && !onSetupPage) return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && onSetupPage) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Pages of the app itself: without a session, go to sign in and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();
  const locale = me.data?.person.locale;
  useEffect(() => {
    if (locale && locale !== currentLocale()) void switchLocale(locale);
  }, [locale]);
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}

/** Sign-in pages: someone already signed in goes straight to the app. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const [params] = useSearchParams();
  if (me.isPending) return <FullPageLoader />;
  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <>{children}</>;
}

export function RequireCapability({
  capability,
  children,
}: {
  capability: keyof Capabilities | Array<keyof Capabilities>;
  children: ReactNode;
}) {
  const me = useMe();
  const wanted = Array.isArray(capability) ? capability : [capability];
  if (!wanted.some((c) => me.capabilities[c])) return <NoAccessPage />;
  return <>{children}</>;
}

/** Pages for a role that /api/auth/me does not name as a capability (HR's POP pages). */
export function RequireRole({ requiredRole, children }: { requiredRole: Role; children: ReactNode }) {
  const me = useMe();
  if (!me.person.roles.includes(requiredRole)) return <NoAccessPage />;
  return <>{children}</>;
}
