import type { Knex } from 'knex';

export type ResourceType = 'PROCESS' | 'DECISION_REQUIREMENTS' | 'DECISION' | 'FORM';

/**
 * The version a new deployment of this resource id gets: one past the highest ever handed out,
 * deleted versions included (Zeebe never reuses a version).
 */
export async function nextVersion(
  trx: Knex,
  type: ResourceType,
  resourceId: string,
  tenantId: string,
  latestVersion: number | undefined,
): Promise<number> {
  const deleted = (await trx('engine_deleted_resources')
    .max({ version: 'version' })
    .where({ resource_type: type, resource_id: resourceId, tenant_id: tenantId })
    .first()) as { version: number | null } | undefined;
  return Math.max(latestVersion ?? 0, deleted?.version ?? 0) + 1;
}

/** Remembers a deleted resource, so that its version is not handed out again. */
export async function recordDeletion(
  trx: Knex,
  entry: { key: string; type: ResourceType; resourceId: string; version: number; tenantId: string; now: number },
): Promise<void> {
  await trx('engine_deleted_resources').insert({
    key: entry.key,
    resource_type: entry.type,
    resource_id: entry.resourceId,
    version: entry.version,
    tenant_id: entry.tenantId,
    deleted_at: new Date(entry.now),
  });
}
