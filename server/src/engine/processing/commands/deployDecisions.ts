import type { DeployedDecision, DeployedDecisionRequirements, DeployResource } from '../../api.js';
import { readDmn, type ExecutableDrg } from '../../dmn/index.js';
import type { CommandContext } from '../commandContext.js';
import { nextVersion } from './resourceVersions.js';

export interface ParsedDmn {
  resource: DeployResource;
  checksum: string;
  drg: ExecutableDrg;
}

/** Reads a .dmn resource; the problems are worded like BPMN ones: element, then message. */
export async function parseDmn(resource: DeployResource): Promise<{ ok: true; drg: ExecutableDrg } | { ok: false; lines: string[] }> {
  const result = await readDmn(resource.content.toString('utf8'));
  if (result.ok) return result;
  return {
    ok: false,
    lines: result.problems.map((p) => (p.elementId ? `- Element: ${p.elementId}\n    - ERROR: ${p.message}` : `- ERROR: ${p.message}`)),
  };
}

/** Decision ids must be unique across the DRGs of a tenant: another DRG owning one is a conflict. */
export async function decisionIdConflicts(ctx: CommandContext, parsed: ParsedDmn, tenantId: string): Promise<string[]> {
  const ids = [...parsed.drg.decisions.keys()];
  const rows = (await ctx.trx('engine_decisions')
    .distinct('decision_id', 'decision_requirements_id')
    .whereIn('decision_id', ids)
    .where({ tenant_id: tenantId })
    .whereNot({ decision_requirements_id: parsed.drg.id })) as { decision_id: string; decision_requirements_id: string }[];
  return rows.map(
    (row) =>
      `'${parsed.resource.name}': Expected the decision ids to be unique within the deployed decision requirements graphs, but decision '${row.decision_id}' is already deployed in '${row.decision_requirements_id}'`,
  );
}

/** Stores a new DRG version and its decisions, unless the same resource is already the latest. */
export async function deployDrg(
  ctx: CommandContext,
  parsed: ParsedDmn,
  deploymentKey: string,
  tenantId: string,
): Promise<{ requirements: DeployedDecisionRequirements; decisions: DeployedDecision[] }> {
  const { resource, checksum, drg } = parsed;
  const store = ctx.services.decisions;
  const latest = (await ctx.trx('engine_decision_requirements')
    .where({ decision_requirements_id: drg.id, tenant_id: tenantId })
    .orderBy('version', 'desc')
    .first()) as { key: string; version: number; checksum: string; resource_name: string } | undefined;
  if (latest && latest.checksum === checksum && latest.resource_name === resource.name) {
    const key = String(latest.key);
    const decisions = [...(await store.decisionsOf(ctx.trx, key)).values()];
    return {
      requirements: requirementsMetadata(drg, key, latest.version, resource.name, tenantId),
      decisions: decisions.map((d) => ({ decisionId: d.decisionId, decisionName: d.name, version: d.version, decisionKey: d.key, decisionRequirementsId: drg.id, decisionRequirementsKey: key, tenantId })),
    };
  }
  const key = await ctx.nextKey();
  const version = await nextVersion(ctx.trx, 'DECISION_REQUIREMENTS', drg.id, tenantId, latest?.version);
  await ctx.trx('engine_decision_requirements').insert({
    key,
    decision_requirements_id: drg.id,
    name: drg.name,
    version,
    resource_name: resource.name,
    checksum,
    xml: resource.content.toString('utf8'),
    deployment_key: deploymentKey,
    tenant_id: tenantId,
    created_at: new Date(ctx.now),
  });
  store.remember(key, drg);
  const requirements = requirementsMetadata(drg, key, version, resource.name, tenantId);
  ctx.records.append({ key, recordType: 'EVENT', valueType: 'DECISION_REQUIREMENTS', intent: 'CREATED', timestamp: ctx.now, value: { ...requirements } });
  const decisions: DeployedDecision[] = [];
  for (const decision of drg.decisions.values()) {
    const previous = await store.latest(ctx.trx, decision.id, tenantId);
    const decisionKey = await ctx.nextKey();
    const decisionVersion = await nextVersion(ctx.trx, 'DECISION', decision.id, tenantId, previous?.version);
    await ctx.trx('engine_decisions').insert({
      key: decisionKey,
      decision_id: decision.id,
      name: decision.name,
      version: decisionVersion,
      decision_requirements_key: key,
      decision_requirements_id: drg.id,
      tenant_id: tenantId,
      created_at: new Date(ctx.now),
    });
    const metadata: DeployedDecision = {
      decisionId: decision.id,
      decisionName: decision.name,
      version: decisionVersion,
      decisionKey,
      decisionRequirementsId: drg.id,
      decisionRequirementsKey: key,
      tenantId,
    };
    ctx.records.append({ key: decisionKey, recordType: 'EVENT', valueType: 'DECISION', intent: 'CREATED', timestamp: ctx.now, value: { ...metadata } });
    decisions.push(metadata);
  }
  return { requirements, decisions };
}

function requirementsMetadata(drg: ExecutableDrg, key: string, version: number, resourceName: string, tenantId: string): DeployedDecisionRequirements {
  return { decisionRequirementsId: drg.id, decisionRequirementsName: drg.name, version, decisionRequirementsKey: key, resourceName, tenantId };
}
