import type { Knex } from 'knex';
import type { AuditEntry, AuditEntryInput, AuditFilter } from './auditEntry.js';

interface AuditRow {
  id: string;
  at: Date;
  actor_type: AuditEntry['actor']['type'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  resource_type: string;
  resource_id: string;
  zaak_id: string | null;
  old_value: unknown;
  new_value: unknown;
  request_id: string | null;
  remark: string | null;
}

/** Appends one entry; `db` is the caller's transaction so the entry commits or rolls back with the change. */
export async function insertAuditEntry(db: Knex, entry: AuditEntryInput): Promise<string> {
  const [row] = await db('audit_trail')
    .insert({
      ...(entry.at ? { at: entry.at } : {}),
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      zaak_id: entry.zaakId ?? null,
      old_value: asJson(entry.oldValue),
      new_value: asJson(entry.newValue),
      request_id: entry.requestId ?? null,
      remark: entry.remark ?? null,
    })
    .returning<{ id: string }[]>('id');
  return String(row?.id);
}

/** Newest first, paged by id. */
export async function findAuditEntries(db: Knex, filter: AuditFilter): Promise<AuditEntry[]> {
  const query = db('audit_trail').select<AuditRow[]>('*').orderBy('id', 'desc').limit(filter.limit);
  if (filter.resourceType !== undefined) query.where('resource_type', filter.resourceType);
  if (filter.resourceId !== undefined) query.where('resource_id', filter.resourceId);
  if (filter.zaakId !== undefined) query.where('zaak_id', filter.zaakId);
  if (filter.actorId !== undefined) query.where('actor_id', filter.actorId);
  if (filter.action !== undefined) query.where('action', filter.action);
  if (filter.before !== undefined) query.where('id', '<', filter.before);
  return (await query).map(toAuditEntry);
}

/** JSON text, not the raw value: the pg driver would turn a JS array into a PostgreSQL array. */
function asJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    zaakId: row.zaak_id,
    oldValue: row.old_value,
    newValue: row.new_value,
    requestId: row.request_id,
    remark: row.remark,
  };
}
