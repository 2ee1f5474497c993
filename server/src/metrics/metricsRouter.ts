import { timingSafeEqual } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ZaakstroomMetrics } from './metrics.js';

export interface MetricsRouterOptions {
  metrics: ZaakstroomMetrics;
  /** METRICS_TOKEN: lets Prometheus scrape from another host with `Authorization: Bearer <token>`. */
  token: string | undefined;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `/metrics` for Prometheus (from loopback, or with the bearer token) and the HTTP latency of
 * every request that passes. req.ip honours X-Forwarded-For only from a proxy on loopback, so
 * a local reverse proxy does not make the whole internet "loopback".
 */
export function metricsRouter({ metrics, token }: MetricsRouterOptions): Router {
  const router = Router();
  router.use((req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.once('finish', () =>
      stop({ method: req.method, route: routeOf(req), status: String(res.statusCode) }),
    );
    next();
  });
  router.get('/metrics', (req: Request, res: Response, next: NextFunction) => {
    if (!loopback.has(req.ip ?? '') && !hasToken(req, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res
        .status(401)
        .type('text/plain')
        .send('Metrics alleen vanaf deze machine of met een geldig METRICS_TOKEN.\n');
      return;
    }
    metrics.registry.metrics().then((body) => {
      res.type(metrics.registry.contentType).send(body);
    }, next);
  });
  return router;
}

function hasToken(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The route pattern, not the path, so ids do not make a series each; unmatched paths are grouped. */
function routeOf(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return `${req.baseUrl}${route}`;
  if (req.originalUrl.startsWith('/v2/')) return '/v2/*';
  if (req.originalUrl.startsWith('/api/')) return '/api/*';
  return 'other';
}
