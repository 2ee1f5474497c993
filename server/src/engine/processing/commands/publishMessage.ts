import { EngineRejection, type VariableDocument } from '../../api.js';
import type { CommandContext } from '../commandContext.js';
import type { CommandRunner } from '../commandRunner.js';
import { triggerEvent } from '../eventTrigger.js';
import { markCorrelated } from '../messageCorrelation.js';
import { createInstance, DEFAULT_TENANT } from './createInstance.js';

export interface PublishMessageCommand {
  name: string;
  correlationKey: string;
  timeToLiveMs: number;
  messageId?: string;
  variables: VariableDocument;
  tenantId?: string;
}

interface SubscriptionRow {
  key: string;
  element_id: string;
  element_instance_key: string;
  process_instance_key: string;
  bpmn_process_id: string;
}

/**
 * Publishes a message (Zeebe semantics): it is correlated to waiting subscriptions, at most once
 * per process (bpmnProcessId), starts processes with a matching message start event (one active
 * instance per correlation key), and is buffered for its time to live for subscriptions that
 * open later. A messageId must be unique among buffered messages of the same name and correlation
 * key (Zeebe: "a message with the same name, correlation key and ID" is rejected); once that
 * message expired the id may be used again. Correlation does not free it: the message stays
 * buffered until its time to live ends.
 */
export function publishMessage(runner: CommandRunner, command: PublishMessageCommand): Promise<{ key: string; tenantId: string }> {
  if (!command.name) throw new EngineRejection('INVALID_ARGUMENT', "Expected a message 'name', but none given");
  const tenantId = command.tenantId || DEFAULT_TENANT;
  return runner.transaction(async (ctx) => {
    const messageId = command.messageId ?? '';
    if (messageId) await rejectDuplicate(ctx, { name: command.name, correlation_key: command.correlationKey, message_id: messageId, tenant_id: tenantId });
    const key = await ctx.nextKey();
    const ttl = Math.max(0, command.timeToLiveMs);
    const inserting = ctx.trx('engine_messages').insert({
      key,
      state: ttl > 0 ? 'PUBLISHED' : 'EXPIRED',
      name: command.name,
      correlation_key: command.correlationKey,
      message_id: messageId,
      variables: JSON.stringify(command.variables),
      published_at: new Date(ctx.now),
      expires_at: new Date(ctx.now + ttl),
      tenant_id: tenantId,
    });
    await inserting.catch((error: unknown) => {
      // Another server process published the same id between our check and this insert.
      if ((error as { constraint?: string }).constraint === 'engine_messages_unique_id') throw duplicateMessage(messageId);
      throw error;
    });
    ctx.records.append({
      key,
      recordType: 'EVENT',
      valueType: 'MESSAGE',
      intent: 'PUBLISHED',
      timestamp: ctx.now,
      value: { name: command.name, correlationKey: command.correlationKey, messageId, timeToLive: ttl, variables: command.variables, tenantId },
    });
    const reached = await correlateToWaiting(runner, ctx, key, command, tenantId);
    await startByMessage(runner, ctx, key, command, tenantId, reached);
    return { key, tenantId };
  });
}

async function rejectDuplicate(
  ctx: CommandContext,
  identity: { name: string; correlation_key: string; message_id: string; tenant_id: string },
): Promise<void> {
  // Expired messages no longer count; marking them now also frees the unique index.
  await ctx.trx('engine_messages')
    .where({ ...identity, state: 'PUBLISHED' })
    .andWhere('expires_at', '<=', new Date(ctx.now))
    .update({ state: 'EXPIRED' });
  const existing: unknown = await ctx.trx('engine_messages').where({ ...identity, state: 'PUBLISHED' }).first();
  if (existing) throw duplicateMessage(identity.message_id);
}

function duplicateMessage(messageId: string): EngineRejection {
  return new EngineRejection(
    'ALREADY_EXISTS',
    `Expected to publish a new message with id '${messageId}', but a message with that id was already published`,
  );
}

/** Open subscriptions of this name and key, the oldest per process; returns the processes reached. */
async function correlateToWaiting(
  runner: CommandRunner,
  ctx: CommandContext,
  messageKey: string,
  command: PublishMessageCommand,
  tenantId: string,
): Promise<Set<string>> {
  const rows = (await ctx.trx('engine_message_subscriptions')
    .where({ message_name: command.name, correlation_key: command.correlationKey, state: 'ACTIVE', tenant_id: tenantId })
    .orderBy('key')) as SubscriptionRow[];
  const reached = new Set<string>();
  const perProcess = rows.filter((row) => !reached.has(row.bpmn_process_id) && reached.add(row.bpmn_process_id));
  // Instances are locked in key order, as every multi-instance command does, so none deadlock.
  perProcess.sort((a, b) => (BigInt(a.process_instance_key) < BigInt(b.process_instance_key) ? -1 : 1));
  for (const row of perProcess) {
    const execution = await runner.tryLockAndLoad(ctx, { processInstanceKey: String(row.process_instance_key) });
    const owner = execution?.state.get(String(row.element_instance_key));
    if (!execution) continue; // the instance ended since the subscription was read
    if (!owner?.runtime.subscribed) continue;
    await markCorrelated(execution, messageKey, command.correlationKey);
    await triggerEvent(execution, owner, row.element_id, command.variables);
    await runner.finish(execution);
  }
  return reached;
}

async function startByMessage(
  runner: CommandRunner,
  ctx: CommandContext,
  messageKey: string,
  command: PublishMessageCommand,
  tenantId: string,
  alreadyReached: Set<string>,
): Promise<void> {
  const starts = (await ctx.trx('engine_start_subscriptions')
    .where({ event_type: 'MESSAGE', name: command.name, tenant_id: tenantId })) as { process_definition_key: string; bpmn_process_id: string; element_id: string }[];
  for (const start of starts) {
    if (alreadyReached.has(start.bpmn_process_id)) continue;
    if (command.correlationKey && (await hasActiveInstanceFor(ctx, start.bpmn_process_id, command.correlationKey))) continue;
    const created = await createInstance(runner, ctx, {
      processDefinitionKey: String(start.process_definition_key),
      variables: command.variables,
      startInstructions: [{ elementId: start.element_id }],
    });
    await ctx.trx('engine_message_correlations').insert({
      message_key: messageKey,
      bpmn_process_id: start.bpmn_process_id,
      process_instance_key: created.processInstanceKey,
      correlation_key: command.correlationKey,
    });
  }
}

/** Zeebe starts at most one active instance of a process per message correlation key. */
async function hasActiveInstanceFor(ctx: CommandContext, bpmnProcessId: string, correlationKey: string): Promise<boolean> {
  await ctx.writes.run(ctx.trx);
  const row: unknown = await ctx.trx('engine_message_correlations as c')
    .join('engine_element_instances as e', 'e.key', 'c.process_instance_key')
    .where({ 'c.bpmn_process_id': bpmnProcessId, 'c.correlation_key': correlationKey })
    .whereNotIn('e.state', ['COMPLETED', 'TERMINATED'])
    .first();
  return row !== undefined;
}
