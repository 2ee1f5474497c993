import { Router, type Request, type RequestHandler } from 'express';

/** A route reachable without signing in, e.g. `POST /api/auth/login`; `:name` matches one path segment. */
export interface PublicRoute {
  method: string;
  path: string;
}

export interface ApiRouterOptions {
  /** Identifies the caller (session cookie or bearer token) or fails with 401. */
  authenticate: RequestHandler;
  /** Rejects state-changing cookie requests without the session's CSRF token (403). */
  verifyCsrf: RequestHandler;
  /** The only routes that skip authenticate and verifyCsrf. */
  publicRoutes: readonly PublicRoute[];
  /** Module routers; their routes use full paths (`/api/zaken/...`). */
  routers: readonly Router[];
}

/**
 * Everything under `/api` is private by default: the module routers mounted here are reached only
 * after authenticate and verifyCsrf have passed, unless the route is on the explicit public list.
 * Requests outside `/api` leave this router at once (`next('router')`), so a module route can
 * never be reached by a path spelling that bypasses the check.
 */
export function apiRouter(options: ApiRouterOptions): Router {
  const isPublic = publicRouteMatcher(options.publicRoutes);
  const router = Router();
  router.use((req, _res, next) => {
    next(isApiPath(req.path) ? undefined : 'router');
  });
  router.use((req, res, next) => (isPublic(req) ? next() : options.authenticate(req, res, next)));
  router.use((req, res, next) => (isPublic(req) ? next() : options.verifyCsrf(req, res, next)));
  for (const moduleRouter of options.routers) router.use(moduleRouter);
  return router;
}

/** Express matches routes case-insensitively, so the check does too. */
function isApiPath(path: string): boolean {
  return /^\/api(\/|$)/i.test(path);
}

function publicRouteMatcher(routes: readonly PublicRoute[]): (req: Request) => boolean {
  const allowed = new Set(
    routes.filter((route) => !route.path.includes(':')).map((route) => `${route.method.toUpperCase()} ${normalise(route.path)}`),
  );
  // `/api/publiek/zaken/:token`: a parameter stands for exactly one non-empty path segment.
  const patterns = routes
    .filter((route) => route.path.includes(':'))
    .map((route) => ({
      method: route.method.toUpperCase(),
      pattern: new RegExp(`^${normalise(route.path).split('/').map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part))).join('/')}$`),
    }));
  return (req) => {
    const path = normalise(req.path);
    return allowed.has(`${req.method} ${path}`) || patterns.some((p) => p.method === req.method && p.pattern.test(path));
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Express also routes `/api/auth/login/` and `/API/AUTH/LOGIN` to `/api/auth/login`. */
function normalise(path: string): string {
  return path.toLowerCase().replace(/\/+$/, '');
}
