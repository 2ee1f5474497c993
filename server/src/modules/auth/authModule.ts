import { Router, type Request, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { PublicRoute } from '../../http/apiRouter.js';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { registerAuthOperations } from './authApiDocs.js';
import { authenticate, verifyCsrf } from './authenticate.js';
import { AuthService } from './authService.js';
import { defaultLoginThrottle, type LoginThrottlePolicy } from './loginThrottle.js';
import { OidcLoginService } from './oidcLoginService.js';
import { OidcRelyingParty, type OidcSettings } from './oidcRelyingParty.js';
import { oidcRouter } from './oidcRouter.js';
import { principalOf } from './principal.js';
import { requireRole } from './requireRole.js';
import { roles, type Role } from './roles.js';
import { authPublicRoutes, authRouter } from './router.js';
import { ServiceTokenService } from './serviceTokenService.js';

export interface AuthModuleOptions {
  db: Knex;
  /** Idle time-out of a session; every use extends it (sliding). */
  sessionTtlMs: number;
  /** Absolute limit on a session's life from login. */
  sessionMaxLifetimeMs: number;
  /** Lifetime of a worker's bearer token. */
  serviceTokenTtlMs: number;
  loginThrottle?: LoginThrottlePolicy;
  /** Registers the /api/auth operations and the security schemes. */
  openApi?: OpenApiRegistry;
  /** Login through an OpenID Connect provider besides local accounts; absent: off (routes 404). */
  oidc?: OidcSettings;
  /** Injected in tests to move time forward. */
  now?: () => Date;
}

/** Everything the app needs from auth: the router, the middleware for apiRouter, and role checks for other modules. */
export interface AuthModule {
  router: Router;
  authenticate: RequestHandler;
  verifyCsrf: RequestHandler;
  publicRoutes: readonly PublicRoute[];
  /** Takes plain strings (as other modules' options do); an unknown role name fails at start-up. */
  requireRole: (...roles: string[]) => RequestHandler;
  /** For modules that take a RouteAccess (e.g. deadlines). */
  currentUser: (req: Request) => { username: string } | undefined;
  authService: AuthService;
  serviceTokens: ServiceTokenService;
}

export function createAuthModule(options: AuthModuleOptions): AuthModule {
  const authService = new AuthService({
    db: options.db,
    sessions: { ttlMs: options.sessionTtlMs, maxLifetimeMs: options.sessionMaxLifetimeMs },
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const serviceTokens = new ServiceTokenService({
    db: options.db,
    tokenTtlMs: options.serviceTokenTtlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const oidc =
    options.oidc &&
    new OidcLoginService({
      db: options.db,
      authService,
      relyingParty: new OidcRelyingParty(options.oidc),
      ...(options.now ? { now: options.now } : {}),
    });
  if (options.openApi)
    registerAuthOperations(options.openApi, options.loginThrottle ?? defaultLoginThrottle);
  const router = Router();
  router.use(
    oidcRouter(oidc),
    authRouter({
      authService,
      serviceTokens,
      ...(oidc ? { endSessionUrlFor: (principal) => oidc.endSessionUrlFor(principal) } : {}),
    }),
  );
  return {
    router,
    authenticate: authenticate({ sessions: authService.sessions, serviceTokens }),
    verifyCsrf,
    publicRoutes: authPublicRoutes,
    requireRole: (...names: string[]) => requireRole(...names.map(toRole)),
    currentUser: principalOf,
    authService,
    serviceTokens,
  };
}

function toRole(name: string): Role {
  if (!(roles as readonly string[]).includes(name)) {
    throw new Error(`requireRole: unknown role "${name}"; known roles are ${roles.join(', ')}`);
  }
  return name as Role;
}
