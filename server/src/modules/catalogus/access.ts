import type { Request, RequestHandler } from 'express';
import { AuthenticationError } from '../../http/errors.js';
import type { Role } from '../auth/index.js';
import type { Actor } from './types.js';

/**
 * How the router learns who is calling, passed in by the app so that this module does not depend
 * on the auth module's internals.
 */
export interface RouteAccess {
  /** Middleware that lets the request through only for a user with one of these roles (auth's requireRole). */
  requireRole: (...roles: Role[]) => RequestHandler;
  /** The signed-in user, or undefined when the request is anonymous (auth's principalOf). */
  currentUser: (req: Request) => Actor | undefined;
}

/** Read access: any signed-in user. */
export function requireUser(access: RouteAccess): RequestHandler {
  return (req, _res, next) => {
    if (!access.currentUser(req)) {
      next(new AuthenticationError('Sign in to use the catalogue'));
      return;
    }
    next();
  };
}
