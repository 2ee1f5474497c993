import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { ApplicationError, httpStatusOf, NotFoundError } from './errors.js';

/**
 * Turns any thrown error into `{ error: { name, message, details } }` with the right status.
 * Unexpected errors are logged and answered with a generic 500: no stack traces leave the server.
 */
export const errorMiddleware: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const { status, body } = describe(error);
  if (status >= 500) req.log.error({ err: error }, 'request failed');
  res.status(status).type('application/json').json({ error: body });
};

function describe(error: unknown): { status: number; body: Record<string, unknown> } {
  if (error instanceof ApplicationError) {
    return {
      status: httpStatusOf.get(error.name) ?? 500,
      body: { name: error.name, message: error.message, details: error.details ?? {} },
    };
  }
  if (error instanceof ZodError) {
    const problems = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return {
      status: 400,
      body: {
        name: 'InputError',
        message: problems.map((p) => `${p.path || '(body)'}: ${p.message}`).join('; '),
        details: { problems },
      },
    };
  }
  // Errors from body-parser and friends carry a status and are safe to describe.
  const maybe = error as { status?: number; type?: string; message?: string };
  if (typeof maybe.status === 'number' && maybe.status >= 400 && maybe.status < 500) {
    const name = maybe.status === 413 ? 'PayloadTooLargeError' : 'InputError';
    return { status: maybe.status, body: { name, message: maybe.message ?? 'Bad request', details: { type: maybe.type } } };
  }
  return {
    status: 500,
    body: { name: 'InternalError', message: 'An unexpected error occurred; it has been logged.', details: {} },
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`, { method: req.method, path: req.path }));
};
