/** Job workers for the standard Zaakstroom job types. */
import { jobHandlers } from './jobTypes.js';

export const jobTypes: readonly string[] = Object.keys(jobHandlers);
export { jobHandlers };
export { startWorkers, type StartWorkersOptions } from './startWorkers.js';
export { runWorkers, type JobEvent, type RunWorkersOptions, type RunningWorkers } from './runtime/runWorkers.js';
export { createPlatformClient, type PlatformClient } from './runtime/platformClient.js';
export type { MailTransport, MailMessage } from './runtime/mailTransport.js';
export type { JobHandler, JobOutcome, HandlerDeps } from './runtime/jobOutcome.js';
export { smtpTransport, type SmtpTransportOptions } from './notificatie.email/smtpTransport.js';
