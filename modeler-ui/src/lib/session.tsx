import { createContext, useContext } from 'react';

export type Role = 'beheerder' | 'behandelaar' | 'coordinator' | 'manager' | 'service';

export interface Group {
  code: string;
  naam: string;
}

export interface User {
  id: string;
  kind: 'user' | 'service';
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  groups: Group[];
}

export interface Session {
  user: User;
  csrfToken: string | null;
  expiresAt: string;
}

export interface SessionContextValue {
  session: Session | null;
  /** Set after a successful login; `null` after logout or expiry. */
  setSession: (session: Session | null) => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind the login guard. */
export function useCurrentUser(): User {
  const { session } = useSessionContext();
  if (!session) throw new Error('No session: this page must be behind <RequireSession>');
  return session.user;
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
