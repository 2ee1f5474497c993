/** Signaleringen: employees hear about work that needs them, on the dashboard and by hourly e-mail digest. */
export { signaleringEventTypes, eventTypeLabels, type SignaleringEventType } from './eventTypes.js';
export { SignaleringService, type SignaleringServiceOptions } from './service.js';
export { signaleringenRouter, type SignaleringenRouterOptions } from './router.js';
export { startSignaleringJobs, type SignaleringJobs, type SignaleringJobsOptions } from './signaleringJobs.js';
export { consumeAuditFeed, drainAuditFeed } from './auditFeed.js';
export { runDeadlineScan, isNear } from './deadlineScan.js';
export { runDigests } from './digest.js';
export { mailOutboxTransport } from './mailSender.js';
export type * from './types.js';
