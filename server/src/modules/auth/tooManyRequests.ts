import type { ErrorRequestHandler } from 'express';
import { ApplicationError } from '../../http/errors.js';

/**
 * 429: the caller must wait `retryAfterSeconds`. Lives here because http/errors.ts has no 429
 * yet; tooManyRequestsHandler answers it in the shape errorMiddleware uses for every error.
 */
export class TooManyRequestsError extends ApplicationError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

export const tooManyRequestsHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (!(error instanceof TooManyRequestsError) || res.headersSent) {
    next(error);
    return;
  }
  res
    .status(429)
    .set('Retry-After', String(error.retryAfterSeconds))
    .json({ error: { name: error.name, message: error.message, details: error.details ?? {} } });
};
