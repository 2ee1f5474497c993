import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasRole, useSessionContext, type Role } from '../lib/session';

export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSessionContext();
  const location = useLocation();
  if (!session) {
    const back = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/inloggen?terug=${back}`} replace />;
  }
  return children;
}

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useSessionContext();
  if (session && !hasRole(session.user, ...roles)) {
    return (
      <section className="page">
        <h1 className="utrecht-heading-1">Geen toegang</h1>
        <p className="utrecht-paragraph">
          Voor deze pagina heeft u een van deze rollen nodig: {roles.join(', ')}.
        </p>
      </section>
    );
  }
  return children;
}
