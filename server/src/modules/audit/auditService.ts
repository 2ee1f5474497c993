import type { Knex } from 'knex';
import type { AuditEntryInput, AuditFilter, AuditPage } from './auditEntry.js';
import { findAuditEntries, insertAuditEntry } from './auditRepository.js';

export const defaultPageSize = 100;
export const maxPageSize = 500;

/**
 * Records one change. Call it with the transaction that makes the change: the entry then exists
 * exactly when the change does. Returns the entry id.
 */
export async function recordAudit(trx: Knex, entry: AuditEntryInput): Promise<string> {
  return insertAuditEntry(trx, entry);
}

/** A page of the trail, newest first, filtered by resource, zaak, actor or action. */
export async function listAuditEntries(db: Knex, filter: Partial<AuditFilter>): Promise<AuditPage> {
  const limit = Math.min(Math.max(filter.limit ?? defaultPageSize, 1), maxPageSize);
  // One extra row tells whether an older page exists without a count query.
  const entries = await findAuditEntries(db, { ...filter, limit: limit + 1 });
  const hasMore = entries.length > limit;
  const page = hasMore ? entries.slice(0, limit) : entries;
  return { entries: page, nextBefore: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/**
 * Everything recorded for one zaak (its own changes and those of its tasks, documents, …),
 * for `GET /api/zaken/:id/audit`. The zaken module checks that the caller may see the zaak.
 */
export async function zaakAuditTrail(
  db: Knex,
  zaakId: string,
  page: { before?: string; limit?: number } = {},
): Promise<AuditPage> {
  return listAuditEntries(db, { ...page, zaakId });
}
