import type { Logger } from 'pino';
import type { PlatformClient } from './platformClient.js';
import type { MailTransport } from './mailTransport.js';

/** Plain JSON, as process variables are. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** What a handler decides; the runtime turns it into CompleteJob, FailJob or ThrowError. */
export type JobOutcome =
  | { outcome: 'complete'; variables?: JsonObject }
  | {
      outcome: 'fail';
      message: string;
      /** Absent: one retry fewer than the job has now. 0 raises an incident at once. */
      retries?: number;
      /** Absent: exponential back-off computed by the runtime. */
      retryBackOffMs?: number;
    }
  | { outcome: 'bpmnError'; errorCode: string; message?: string };

/** The job being handled, for idempotency keys and log context. */
export interface JobInfo {
  key: string;
  type: string;
  processInstanceKey: string;
  elementId: string;
  retries: number;
}

/** Everything a handler may use besides its variables and headers. */
export interface HandlerDeps {
  platform: PlatformClient;
  mail: MailTransport;
  logger: Logger;
  job: JobInfo;
  /** Outgoing HTTP for http.request; the global fetch unless a test gives another. */
  fetch?: typeof fetch;
}

export type JobHandler = (
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  deps: HandlerDeps,
) => Promise<JobOutcome>;

export const complete = (variables?: JsonObject): JobOutcome =>
  variables ? { outcome: 'complete', variables } : { outcome: 'complete' };

/** Technical trouble: retried with back-off until the retries run out. */
export const retryLater = (message: string): JobOutcome => ({ outcome: 'fail', message });

/** A model or data error that no retry will fix: an incident at once. */
export const incident = (message: string): JobOutcome => ({ outcome: 'fail', message, retries: 0 });

export const bpmnError = (errorCode: string, message?: string): JobOutcome =>
  message === undefined
    ? { outcome: 'bpmnError', errorCode }
    : { outcome: 'bpmnError', errorCode, message };
