import type { Request, RequestHandler } from 'express';
import { AuthenticationError, NotAllowedError } from '../../http/errors.js';
import { sameSecret } from './secureTokens.js';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './sessionCookie.js';
import type { SessionStore } from './sessionStore.js';
import type { ServiceTokenService } from './serviceTokenService.js';

export const csrfHeaderName = 'X-CSRF-Token';

/**
 * Identifies the caller and sets `req.principal`: a bearer token (workers) when an Authorization
 * header is present, else the session cookie. Fails with 401 saying what to do.
 */
export function authenticate(options: {
  sessions: SessionStore;
  serviceTokens: ServiceTokenService;
}): RequestHandler {
  return async (req, res, next) => {
    const bearer = bearerTokenOf(req);
    if (bearer !== undefined) {
      req.principal = await options.serviceTokens.resolve(bearer);
      next();
      return;
    }
    const sessionToken = readSessionToken(req);
    if (!sessionToken) {
      throw new AuthenticationError(
        'Log in first: this request needs a session (POST /api/auth/login) or a bearer token',
      );
    }
    try {
      const { principal, renewedMaxAgeMs } = await options.sessions.resolve(sessionToken);
      req.principal = principal;
      if (renewedMaxAgeMs !== undefined) setSessionCookie(req, res, sessionToken, renewedMaxAgeMs);
    } catch (error) {
      // A cookie that no longer works is removed, so the browser stops sending it.
      if (error instanceof AuthenticationError) clearSessionCookie(req, res);
      throw error;
    }
    next();
  };
}

/**
 * Cookie sessions must prove on every state-changing request that the page was ours: header
 * X-CSRF-Token equal to the session's token (from login or GET /api/auth/me). Browsers do not
 * attach bearer tokens by themselves, so those requests need no such proof.
 */
export const verifyCsrf: RequestHandler = (req, _res, next) => {
  const credential = req.principal?.credential;
  if (credential?.type !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
    next();
    return;
  }
  const given = req.get(csrfHeaderName);
  if (!given) {
    throw new NotAllowedError(
      `Missing ${csrfHeaderName} header; send the csrfToken from login or GET /api/auth/me`,
      {
        reason: 'csrf_missing',
      },
    );
  }
  if (!sameSecret(given, credential.csrfToken)) {
    throw new NotAllowedError(
      `The ${csrfHeaderName} header does not match this session; reload to get the current one`,
      {
        reason: 'csrf_mismatch',
      },
    );
  }
  next();
};

/**
 * The token of an `Authorization: Bearer` header. Other schemes are not ours (e.g. Basic added by
 * a reverse proxy in front of a test environment) and are ignored, so the cookie still counts.
 */
function bearerTokenOf(req: Request): string | undefined {
  const header = req.get('authorization');
  if (!header || !/^Bearer\b/i.test(header)) return undefined;
  const match = /^Bearer\s+([\w-]{20,100})\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AuthenticationError(
      'The Authorization header must be "Bearer <token>" with a token from POST /api/auth/token',
    );
  }
  return match[1];
}
