import type { RequestHandler } from 'express';

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * Per-IP fixed-window limiter for the public routes. Deliberately small and in memory: each
 * server process counts on its own, so behind N servers an address gets up to N × limit.
 * Over the limit: 429 with Retry-After, as plain text (the callers are browsers, not clients).
 */
export function rateLimiter({ limit, windowMs, now = Date.now }: RateLimiterOptions): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    const at = now();
    if (windows.size > 10_000) {
      for (const [ip, window] of windows) if (at - window.start >= windowMs) windows.delete(ip);
    }
    const ip = req.ip ?? 'unknown';
    const window = windows.get(ip);
    if (!window || at - window.start >= windowMs) {
      windows.set(ip, { start: at, count: 1 });
      next();
      return;
    }
    window.count += 1;
    if (window.count <= limit) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - at) / 1000));
    res
      .status(429)
      .set('Retry-After', String(retryAfter))
      .type('text/plain; charset=utf-8')
      .send(`Te veel verzoeken. Probeer het over ${retryAfter} seconden opnieuw.`);
  };
}
