import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { setCsrfToken, setUnauthorizedListener } from '../lib/api';
import { SessionContext, type Session } from '../lib/session';
import { getSession } from '../features/auth';
import { Loading } from '../components/Loading';
import { ErrorAlert } from '../components/ErrorAlert';

/** Holds the session, probes `/api/auth/me` once, and sends the user to login when it expires. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null>(null);
  const [probing, setProbing] = useState(true);
  const [probeError, setProbeError] = useState<unknown>(null);
  const navigate = useNavigate();
  const location = useLocation();

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSessionState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal)
      .then(setSession)
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setProbeError(error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setProbing(false);
      });
    return () => controller.abort();
  }, [setSession]);

  const returnPath = location.pathname + location.search;
  useEffect(() => {
    setUnauthorizedListener(() => {
      // Same transition as the navigation: otherwise the login guard redirects first, without the message.
      startTransition(() => {
        setSession(null);
        if (location.pathname === '/inloggen') return;
        void navigate(`/inloggen?verlopen=1&terug=${encodeURIComponent(returnPath)}`, {
          replace: true,
        });
      });
    });
    return () => setUnauthorizedListener(null);
  }, [navigate, setSession, returnPath, location.pathname]);

  const value = useMemo(() => ({ session, setSession }), [session, setSession]);
  if (probing) return <Loading label="Sessie controleren…" />;
  if (probeError) return <ErrorAlert error={probeError} title="De server is niet bereikbaar" />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
