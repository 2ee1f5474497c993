import type { JsonValue } from '../feel/types.js';
import type { BufferedMatch } from '../behaviors/eventSubscriptionBehavior.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { triggerEvent } from './eventTrigger.js';
import type { InstanceExecution } from './instanceExecution.js';

/** Remembers that a message reached this process, so it never reaches the same process again. */
export async function markCorrelated(execution: InstanceExecution, messageKey: string, correlationKey: string): Promise<void> {
  const { ctx, state } = execution;
  await ctx.trx('engine_message_correlations').insert({
    message_key: messageKey,
    bpmn_process_id: state.identity.bpmnProcessId,
    process_instance_key: state.identity.processInstanceKey,
    correlation_key: correlationKey,
  });
  ctx.records.append({
    key: messageKey,
    recordType: 'EVENT',
    valueType: 'MESSAGE',
    intent: 'CORRELATED',
    processInstanceKey: state.identity.processInstanceKey,
    bpmnProcessId: state.identity.bpmnProcessId,
    timestamp: ctx.now,
    value: { messageKey, processInstanceKey: state.identity.processInstanceKey, correlationKey },
  });
}

/** Buffered messages found while subscribing are correlated in the same command. */
export async function correlateBuffered(execution: InstanceExecution, owner: ElementInstance, matches: BufferedMatch[]): Promise<void> {
  for (const match of matches) {
    await markCorrelated(execution, match.messageKey, match.correlationKey);
    await triggerEvent(execution, owner, match.catchElementId, match.variables as Record<string, JsonValue>);
  }
}
