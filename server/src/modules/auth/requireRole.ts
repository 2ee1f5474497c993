import type { RequestHandler } from 'express';
import { NotAllowedError } from '../../http/errors.js';
import { requirePrincipal } from './principal.js';
import type { Role } from './roles.js';

/** Lets the request through when the caller has at least one of the roles; else 403 naming them. */
export function requireRole(...allowed: Role[]): RequestHandler {
  if (allowed.length === 0) throw new Error('requireRole needs at least one role');
  return (req, _res, next) => {
    const principal = requirePrincipal(req);
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new NotAllowedError(
        `This needs one of the roles ${allowed.join(', ')}; you have ${principal.roles.join(', ') || 'no roles'}`,
        { requiredRoles: allowed, roles: principal.roles },
      );
    }
    next();
  };
}
