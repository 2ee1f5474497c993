import { EngineRejection, type VariableDocument } from '../../api.js';
import type { CommandContext } from '../commandContext.js';
import type { CommandRunner } from '../commandRunner.js';
import { triggerEvent } from '../eventTrigger.js';
import { createInstance, DEFAULT_TENANT } from './createInstance.js';

export interface BroadcastSignalCommand {
  signalName: string;
  variables: VariableDocument;
  tenantId?: string;
}

/** Broadcasts a signal: every waiting signal catch event and signal start event receives it (Zeebe: not buffered). */
export function broadcastSignal(runner: CommandRunner, command: BroadcastSignalCommand): Promise<{ key: string; tenantId: string }> {
  if (!command.signalName) throw new EngineRejection('INVALID_ARGUMENT', "Expected a 'signalName', but none given");
  const tenantId = command.tenantId || DEFAULT_TENANT;
  return runner.transaction(async (ctx) => {
    const key = await ctx.nextKey();
    ctx.records.append({
      key,
      recordType: 'EVENT',
      valueType: 'SIGNAL',
      intent: 'BROADCASTED',
      timestamp: ctx.now,
      value: { signalName: command.signalName, variables: command.variables, tenantId },
    });
    await deliverSignal(ctx, command.signalName, command.variables, tenantId);
    return { key, tenantId };
  });
}

/** Delivers a signal within a command: also used by signal throw and end events. */
export async function deliverSignal(ctx: CommandContext, signalName: string, variables: VariableDocument, tenantId: string): Promise<void> {
  const { runner } = ctx;
  const subscriptions = (await ctx.trx('engine_signal_subscriptions')
    .where({ signal_name: signalName, tenant_id: tenantId })
    .orderBy('process_instance_key')
    .orderBy('key')) as { element_id: string; element_instance_key: string; process_instance_key: string }[];
  for (const subscription of subscriptions) {
    const processInstanceKey = String(subscription.process_instance_key);
    const open = ctx.openExecutions.get(processInstanceKey);
    const execution = open ?? (await runner.tryLockAndLoad(ctx, { processInstanceKey }));
    const owner = execution?.state.get(String(subscription.element_instance_key));
    if (!execution || !owner?.runtime.subscribed) continue;
    await triggerEvent(execution, owner, subscription.element_id, variables);
    if (!open) await runner.finish(execution);
  }
  const starts = (await ctx.trx('engine_start_subscriptions').where({ event_type: 'SIGNAL', name: signalName, tenant_id: tenantId })) as {
    process_definition_key: string;
    element_id: string;
  }[];
  for (const start of starts) {
    await createInstance(runner, ctx, {
      processDefinitionKey: String(start.process_definition_key),
      variables,
      startInstructions: [{ elementId: start.element_id }],
    });
  }
}
