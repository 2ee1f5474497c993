/** Audit trail: every change to a zaak, zaaktype, task or account, with who, when, and old and new value. */
export {
  systemActor,
  type AuditActor,
  type AuditEntry,
  type AuditEntryInput,
  type AuditPage,
} from './auditEntry.js';
export { listAuditEntries, recordAudit, zaakAuditTrail } from './auditService.js';
export { auditPageSchema, auditEntrySchema } from './schemas.js';
export { auditReaderRoles, auditRouter, type AuditRouterOptions } from './router.js';
export {
  auditTrailCaughtUp,
  consumeAuditTrail,
  drainAuditTrail,
  type AuditTrailEntry,
} from './auditTrailFeed.js';
