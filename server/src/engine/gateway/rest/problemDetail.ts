import type { ErrorRequestHandler, Response } from 'express';
import { ZodError, type core } from 'zod';
import type { Logger } from '../../../logging.js';
import { EngineRejection, type RejectionCode } from '../../api.js';

/**
 * Errors of the REST v2 API as RFC 9457 problem details, the shape Camunda 8 answers with:
 * `{ type, title, status, detail, instance }`, where `title` names the kind of failure
 * (INVALID_ARGUMENT, NOT_FOUND, …) and `detail` says what exactly was wrong.
 */
export interface ProblemDetail {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
}

/** A failure this API reports on purpose, with its status and Camunda-style title. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

export const invalidArgument = (detail: string) =>
  new ProblemError(400, 'INVALID_ARGUMENT', detail);
export const notFound = (detail: string) => new ProblemError(404, 'NOT_FOUND', detail);
export const forbidden = (detail: string) => new ProblemError(403, 'FORBIDDEN', detail);

/** The HTTP status Camunda's REST gateway uses for each of Zeebe's rejection reasons. */
const statusOfRejection: Record<RejectionCode, number> = {
  INVALID_ARGUMENT: 400,
  NOT_FOUND: 404,
  FAILED_PRECONDITION: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  DEADLINE_EXCEEDED: 504,
  UNIMPLEMENTED: 501,
};

export function sendProblem(res: Response, problem: Omit<ProblemDetail, 'type'>): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', ...problem }));
}

/** Maps everything thrown by the v2 handlers to a problem detail; unexpected errors are logged, not described. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const instance = req.originalUrl.split('?')[0] ?? req.originalUrl;
    if (error instanceof ProblemError) {
      sendProblem(res, {
        title: error.title,
        status: error.status,
        detail: error.message,
        instance,
      });
    } else if (error instanceof EngineRejection) {
      sendProblem(res, {
        title: error.code,
        status: statusOfRejection[error.code],
        detail: error.message,
        instance,
      });
    } else if (error instanceof ZodError) {
      sendProblem(res, {
        title: 'INVALID_ARGUMENT',
        status: 400,
        detail: describeIssues(error.issues),
        instance,
      });
    } else {
      logger.error({ err: error, path: instance }, 'engine REST request failed');
      const detail =
        'An unexpected error occurred while processing the request; it has been logged.';
      sendProblem(res, { title: 'INTERNAL_ERROR', status: 500, detail, instance });
    }
  };
}

/** One sentence per problem, each naming the offending field by its path in the request. */
export function describeIssues(issues: readonly core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const fields = issue.keys.map((key) => `'${path ? `${path}.` : ''}${key}'`).join(', ');
        return `Unknown field ${fields}: it is not part of the Camunda 8.8 API for this request`;
      }
      return path ? `'${path}': ${issue.message}` : issue.message;
    })
    .join('; ');
}
