import type { Request } from 'express';
import { AuthenticationError } from '../../http/errors.js';
import type { AuditActor } from '../audit/auditEntry.js';
import type { Role } from './roles.js';

export interface GroupRef {
  code: string;
  naam: string;
}

/** How the caller proved who they are; CSRF checks apply only to cookie sessions. */
export type Credential =
  | { type: 'session'; sessionId: string; csrfToken: string; expiresAt: Date }
  | { type: 'bearer'; expiresAt: Date };

/** The authenticated caller of a request: a person (account) or a service (job worker). */
export interface Principal {
  kind: 'user' | 'service';
  /** Account id, or the service's client id. */
  id: string;
  /** Username, or `service:<clientId>`. */
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  /** Groups (afdelingen); candidate groups of tasks refer to their codes. */
  groups: GroupRef[];
  credential: Credential;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by authenticate. */
      principal?: Principal;
    }
  }
}

export function principalOf(req: Request): Principal | undefined {
  return req.principal;
}

/** The caller, or a 401 when a route was reached without authentication (a wiring mistake). */
export function requirePrincipal(req: Request): Principal {
  if (!req.principal)
    throw new AuthenticationError('Log in first: this request needs a session or a bearer token');
  return req.principal;
}

export function auditActorOf(principal: Principal): AuditActor {
  return { type: principal.kind, id: principal.id, name: principal.username };
}

/** What a service needs to write audit entries for a request: who, and which request. */
export interface AuditContext {
  actor: AuditActor;
  requestId: string;
}

export function auditContextOf(req: Request): AuditContext {
  return { actor: auditActorOf(requirePrincipal(req)), requestId: req.id };
}
