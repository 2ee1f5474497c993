import { Router, type Request, type Response } from 'express';
import type { EngineRestEndpoint } from './externalEngine.js';

const forwardedResponseHeaders = ['content-type', 'cache-control', 'etag', 'last-modified'];

/**
 * The external engine's REST v2 API behind the platform's own sign-in: the browser keeps calling
 * /v2 on this server (diagram, process XML), the platform forwards with the cluster's credentials.
 */
export function engineProxyRouter(
  endpoint: EngineRestEndpoint,
  { onClockChanged }: { onClockChanged?: () => Promise<void> } = {},
): Router {
  const router = Router();
  router.use('/v2', (req: Request, res: Response, next) => {
    forward(endpoint, req, res, onClockChanged).catch(next);
  });
  return router;
}

async function forward(
  endpoint: EngineRestEndpoint,
  req: Request,
  res: Response,
  onClockChanged?: () => Promise<void>,
): Promise<void> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const upstream = await fetch(`${endpoint.baseUrl()}${req.originalUrl}`, {
    method: req.method,
    headers: {
      accept: req.get('accept') ?? '*/*',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(await endpoint.headers()),
    },
    ...(hasBody ? { body: JSON.stringify(req.body ?? {}) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const body = Buffer.from(await upstream.arrayBuffer());
  // The platform's own clock follows a clock change before the caller hears it is done.
  if (onClockChanged && upstream.ok && req.method !== 'GET' && req.path.startsWith('/clock'))
    await onClockChanged();
  res.status(upstream.status);
  for (const name of forwardedResponseHeaders) {
    const value = upstream.headers.get(name);
    if (value) res.setHeader(name, value);
  }
  res.send(body);
}
