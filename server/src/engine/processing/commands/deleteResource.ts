import { EngineRejection } from '../../api.js';
import type { CommandContext } from '../commandContext.js';
import { recordDeletion } from './resourceVersions.js';
import { replaceStartEvents } from './startEvents.js';

/**
 * DeleteResource: a process definition, a decision requirements graph (with its decisions) or a
 * form, by key. A process definition with running instances is refused, as Zeebe does; deleting
 * the latest version makes the previous one the latest again, start events included.
 */
export async function deleteResource(ctx: CommandContext, resourceKey: string): Promise<void> {
  if (await deleteProcessDefinition(ctx, resourceKey)) return;
  if (await deleteDecisionRequirements(ctx, resourceKey)) return;
  if (await deleteForm(ctx, resourceKey)) return;
  const decision = await ctx.services.decisions.byKey(ctx.trx, resourceKey);
  if (decision) {
    // Zeebe deletes decisions only together with their DRG; say which key that is.
    throw new EngineRejection(
      'NOT_FOUND',
      `Expected to delete resource but key \`${resourceKey}\` is decision '${decision.decisionId}'; delete its decision requirements graph '${decision.decisionRequirementsId}' with key \`${decision.decisionRequirementsKey}\` instead`,
    );
  }
  throw new EngineRejection('NOT_FOUND', `Expected to delete resource but no resource found with key \`${resourceKey}\``);
}

async function deleteProcessDefinition(ctx: CommandContext, key: string): Promise<boolean> {
  const row = (await ctx.trx('engine_process_definitions').where({ key }).forUpdate().first()) as
    | { bpmn_process_id: string; version: number; tenant_id: string }
    | undefined;
  if (!row) return false;
  await ctx.writes.run(ctx.trx);
  const running = (await ctx.trx('engine_element_instances')
    .where({ process_definition_key: key, element_type: 'PROCESS' })
    .whereNotIn('state', ['COMPLETED', 'TERMINATED'])
    .count({ count: '*' })
    .first()) as { count: string | number } | undefined;
  if (Number(running?.count ?? 0) > 0) {
    throw new EngineRejection(
      'FAILED_PRECONDITION',
      `Expected to delete resource with key \`${key}\` but there are still running instances of process '${row.bpmn_process_id}' version ${row.version}; cancel them or let them complete first`,
    );
  }
  const latest = await ctx.services.definitions.latest(ctx.trx, row.bpmn_process_id, row.tenant_id);
  await ctx.trx('engine_process_definitions').where({ key }).delete();
  ctx.services.definitions.forget(key);
  await recordDeletion(ctx.trx, { key, type: 'PROCESS', resourceId: row.bpmn_process_id, version: row.version, tenantId: row.tenant_id, now: ctx.now });
  if (latest?.key === key) {
    const previous = await ctx.services.definitions.latest(ctx.trx, row.bpmn_process_id, row.tenant_id);
    if (previous) await replaceStartEvents(ctx, previous.process, previous.key, row.tenant_id);
    else await closeStartEvents(ctx, key, row.bpmn_process_id, row.tenant_id);
  }
  appendDeleted(ctx, key, 'PROCESS', { bpmnProcessId: row.bpmn_process_id, version: row.version, tenantId: row.tenant_id });
  return true;
}

async function closeStartEvents(ctx: CommandContext, key: string, bpmnProcessId: string, tenantId: string): Promise<void> {
  await ctx.trx('engine_start_subscriptions').where({ bpmn_process_id: bpmnProcessId, tenant_id: tenantId }).delete();
  await ctx.trx('engine_timers').whereNull('element_instance_key').where({ process_definition_key: key, state: 'ACTIVE' }).update({ state: 'CANCELED' });
  ctx.timersChanged = true;
}

async function deleteDecisionRequirements(ctx: CommandContext, key: string): Promise<boolean> {
  const row = (await ctx.trx('engine_decision_requirements').where({ key }).first()) as
    | { decision_requirements_id: string; version: number; tenant_id: string }
    | undefined;
  if (!row) return false;
  const decisions = [...(await ctx.services.decisions.decisionsOf(ctx.trx, key)).values()];
  await ctx.trx('engine_decision_requirements').where({ key }).delete();
  ctx.services.decisions.forget(key);
  const base = { tenantId: row.tenant_id, now: ctx.now };
  await recordDeletion(ctx.trx, { ...base, key, type: 'DECISION_REQUIREMENTS', resourceId: row.decision_requirements_id, version: row.version });
  for (const decision of decisions) {
    await recordDeletion(ctx.trx, { ...base, key: decision.key, type: 'DECISION', resourceId: decision.decisionId, version: decision.version });
  }
  appendDeleted(ctx, key, 'DECISION_REQUIREMENTS', { decisionRequirementsId: row.decision_requirements_id, version: row.version, tenantId: row.tenant_id });
  return true;
}

async function deleteForm(ctx: CommandContext, key: string): Promise<boolean> {
  const row = (await ctx.trx('engine_forms').where({ key }).first()) as { form_id: string; version: number; tenant_id: string } | undefined;
  if (!row) return false;
  await ctx.trx('engine_forms').where({ key }).delete();
  await recordDeletion(ctx.trx, { key, type: 'FORM', resourceId: row.form_id, version: row.version, tenantId: row.tenant_id, now: ctx.now });
  appendDeleted(ctx, key, 'FORM', { formId: row.form_id, version: row.version, tenantId: row.tenant_id });
  return true;
}

function appendDeleted(ctx: CommandContext, key: string, resourceType: string, value: Record<string, unknown>): void {
  ctx.records.append({ key, recordType: 'EVENT', valueType: 'RESOURCE_DELETION', intent: 'DELETED', timestamp: ctx.now, value: { resourceKey: key, resourceType, ...value } });
}
