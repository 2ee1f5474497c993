import { Router, type CookieOptions, type Request } from 'express';
import { NotFoundError } from '../../http/errors.js';
import {
  OidcLoginError,
  pendingLoginTtlMs,
  type OidcClient,
  type OidcLoginService,
} from './oidcLoginService.js';
import { setSessionCookie } from './sessionCookie.js';

const pendingCookieName = 'zs_oidc';
const loginPage = '/inloggen';

/**
 * `GET /api/auth/config` says which logins the page offers; `/api/auth/oidc/login` and
 * `/callback` run the OpenID Connect flow, and answer 404 when OIDC is not configured.
 */
export function oidcRouter(oidc: OidcLoginService | undefined): Router {
  const router = Router();

  router.get('/api/auth/config', (_req, res) => {
    res.json({ oidc: oidc !== undefined });
  });

  router.get('/api/auth/oidc/login', async (req, res) => {
    const service = requireOidc(oidc);
    const returnTo = safeReturnPath(req.query.terug);
    try {
      const { cookieToken, redirectTo } = await service.start(returnTo, clientOf(req));
      res.cookie(pendingCookieName, cookieToken, {
        ...cookieOptions(req),
        maxAge: pendingLoginTtlMs,
      });
      res.redirect(303, redirectTo.href);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      req.log.error({ err: error }, 'OpenID Connect login could not start');
      res.redirect(303, `${loginPage}?fout=${error.code}`);
    }
  });

  router.get('/api/auth/oidc/callback', async (req, res) => {
    const service = requireOidc(oidc);
    res.clearCookie(pendingCookieName, cookieOptions(req));
    try {
      const result = await service.finish({
        cookieToken: readCookie(req, pendingCookieName),
        query: new URL(req.originalUrl, 'http://callback').searchParams,
        client: clientOf(req),
      });
      setSessionCookie(req, res, result.sessionToken, result.maxAgeMs);
      res.redirect(303, result.returnTo);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      res.redirect(303, `${loginPage}?fout=${error.code}`);
    }
  });

  return router;
}

function clientOf(req: Request): OidcClient {
  return {
    ip: (req.ip ?? 'unknown').slice(0, 64),
    userAgent: req.get('user-agent') ?? null,
    requestId: req.id,
  };
}

function requireOidc(oidc: OidcLoginService | undefined): OidcLoginService {
  if (!oidc)
    throw new NotFoundError(
      'Inloggen met een gemeente-account is niet ingesteld (OIDC_ISSUER ontbreekt)',
    );
  return oidc;
}

/** Scoped to the OIDC routes; Lax, because the provider's redirect back is a top-level GET. */
function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/auth/oidc' };
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return /^[\w-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Only paths inside the app, so a crafted link cannot send someone elsewhere after login. */
function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 500
    ? value
    : '/';
}
