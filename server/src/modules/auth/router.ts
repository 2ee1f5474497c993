import express, { Router, type Request } from 'express';
import type { AuthService } from './authService.js';
import { requirePrincipal, type Principal } from './principal.js';
import { loginBodySchema, tokenBodySchema } from './schemas.js';
import { clearSessionCookie, setSessionCookie } from './sessionCookie.js';
import type { ServiceTokenService } from './serviceTokenService.js';
import { tooManyRequestsHandler } from './tooManyRequests.js';

export interface AuthRouterOptions {
  authService: AuthService;
  serviceTokens: ServiceTokenService;
  /** The identity provider's logout page for a person who logged in there (OpenID Connect). */
  endSessionUrlFor?: (principal: Principal) => Promise<string | undefined>;
}

/** The routes anyone may call; everything else under /api needs a session or a bearer token. */
export const authPublicRoutes = [
  { method: 'POST', path: '/api/auth/login' },
  { method: 'POST', path: '/api/auth/token' },
  { method: 'GET', path: '/api/auth/config' },
  { method: 'GET', path: '/api/auth/oidc/login' },
  { method: 'GET', path: '/api/auth/oidc/callback' },
] as const;

/** `/api/auth`: login and logout with a session cookie, the current user, and tokens for workers. */
export function authRouter({
  authService,
  serviceTokens,
  endSessionUrlFor,
}: AuthRouterOptions): Router {
  const router = Router();

  router.post('/api/auth/login', async (req, res) => {
    const { username, password } = loginBodySchema.parse(req.body);
    const result = await authService.login({
      username,
      password,
      ...clientOf(req),
      requestId: req.id,
    });
    setSessionCookie(req, res, result.sessionToken, result.maxAgeMs);
    res.json(sessionResponse(result.principal));
  });

  router.post('/api/auth/logout', async (req, res) => {
    const principal = requirePrincipal(req);
    // The local logout must work even when the provider cannot be reached.
    const endSessionUrl = await endSessionUrlFor?.(principal).catch((error: unknown) => {
      req.log.warn({ err: error }, 'no logout page of the OpenID Connect provider');
      return undefined;
    });
    await authService.logout(principal, req.id);
    clearSessionCookie(req, res);
    if (endSessionUrl) res.json({ endSessionUrl });
    else res.status(204).end();
  });

  router.get('/api/auth/me', (req, res) => {
    res.json(sessionResponse(requirePrincipal(req)));
  });

  router.get('/api/auth/groups', async (_req, res) => {
    res.json({ groups: await authService.listGroups() });
  });

  // RFC 6749 clients send the grant form-encoded; JSON is accepted too (the app parses it).
  router.post(
    '/api/auth/token',
    express.urlencoded({ extended: false, limit: '4kb' }),
    async (req, res) => {
      const body = tokenBodySchema.parse(req.body);
      const token = await serviceTokens.issue({
        clientId: body.client_id,
        clientSecret: body.client_secret,
        requestId: req.id,
        ip: clientOf(req).ip,
      });
      // Tokens must not be cached by proxies (RFC 6749 §5.1).
      res.set('Cache-Control', 'no-store');
      res.json({
        access_token: token.accessToken,
        token_type: 'Bearer',
        expires_in: token.expiresInSeconds,
      });
    },
  );

  router.use(tooManyRequestsHandler);
  return router;
}

function sessionResponse(principal: Principal) {
  const { credential, ...user } = principal;
  return {
    user,
    csrfToken: credential.type === 'session' ? credential.csrfToken : null,
    expiresAt: credential.expiresAt.toISOString(),
  };
}

function clientOf(req: Request): { ip: string; userAgent: string | null } {
  return { ip: (req.ip ?? 'unknown').slice(0, 64), userAgent: req.get('user-agent') ?? null };
}
