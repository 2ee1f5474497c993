import type { ExecutableElement } from '../model/types.js';
import type { InstanceExecution } from '../processing/instanceExecution.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { evaluateText } from './expressions.js';
import type { Outcome } from './variableBehavior.js';
import { visibleVariables } from './variableBehavior.js';
import { insertTimer, scheduleTimer } from './timerBehavior.js';

/** A buffered message that matched a subscription as it opened: to be correlated right away. */
export interface BufferedMatch {
  catchElementId: string;
  messageKey: string;
  correlationKey: string;
  variables: Record<string, unknown>;
}

/**
 * Opens the subscriptions through which events reach `owner`: a timer, a message subscription or
 * a signal subscription per catch event. `owner` is the element instance the events belong to:
 * the catch event itself, an event-based gateway, an activity (boundary events) or a scope
 * (event subprocess start events). Returns buffered messages that already match.
 */
export async function openSubscriptions(
  execution: InstanceExecution,
  owner: ElementInstance,
  catchEvents: readonly ExecutableElement[],
): Promise<{ ok: true; matches: BufferedMatch[] } | Extract<Outcome, { ok: false }>> {
  const { ctx, state } = execution;
  const id = state.identity;
  const variables = visibleVariables(execution, owner.key);
  const matches: BufferedMatch[] = [];
  for (const event of catchEvents) {
    if (event.timer) {
      const schedule = scheduleTimer(event.timer, variables, ctx.now);
      if (!schedule.ok) return schedule;
      await insertTimer(ctx, schedule, {
        elementId: event.id,
        processDefinitionKey: id.processDefinitionKey,
        tenantId: id.tenantId,
        owner: { elementInstanceKey: owner.key, processInstanceKey: id.processInstanceKey },
      });
    } else if (event.message) {
      const name = evaluateText(event.message.name, variables, ctx.now);
      if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
      const correlation = event.message.correlationKey
        ? evaluateText(event.message.correlationKey, variables, ctx.now, true)
        : { ok: true as const, value: '' };
      if (!correlation.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: correlation.message };
      const messageName = name.value;
      const correlationKey = correlation.value;
      await ctx.trx('engine_message_subscriptions').insert({
        key: await ctx.nextKey(),
        state: 'ACTIVE',
        message_name: messageName,
        correlation_key: correlationKey,
        element_id: event.id,
        element_instance_key: owner.key,
        process_instance_key: id.processInstanceKey,
        bpmn_process_id: id.bpmnProcessId,
        tenant_id: id.tenantId,
      });
      const buffered = await bufferedMessage(execution, messageName, correlationKey);
      if (buffered && !matches.some((match) => match.messageKey === buffered.messageKey)) {
        matches.push({ catchElementId: event.id, correlationKey, ...buffered });
      }
    } else if (event.signalName) {
      const name = evaluateText(event.signalName, variables, ctx.now);
      if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
      await ctx.trx('engine_signal_subscriptions').insert({
        key: await ctx.nextKey(),
        signal_name: name.value,
        element_id: event.id,
        element_instance_key: owner.key,
        process_instance_key: id.processInstanceKey,
        tenant_id: id.tenantId,
      });
    }
  }
  owner.runtime.subscribed = true;
  state.touch(owner);
  return { ok: true, matches };
}

/** A message still in its time to live, not yet correlated to this process (Zeebe: once per process). */
async function bufferedMessage(execution: InstanceExecution, name: string, correlationKey: string) {
  const { ctx, state } = execution;
  const row = (await ctx.trx('engine_messages as m')
    .select('m.key', 'm.variables')
    .where({ 'm.name': name, 'm.correlation_key': correlationKey, 'm.state': 'PUBLISHED', 'm.tenant_id': state.identity.tenantId })
    .andWhere('m.expires_at', '>', new Date(ctx.now))
    .whereNotExists(
      ctx.trx('engine_message_correlations as c')
        .select(ctx.trx.raw('1'))
        .whereRaw('c.message_key = m.key')
        .andWhere('c.bpmn_process_id', state.identity.bpmnProcessId),
    )
    .orderBy('m.key')
    .first()) as { key: string; variables: string } | undefined;
  return row ? { messageKey: String(row.key), variables: JSON.parse(row.variables) as Record<string, unknown> } : undefined;
}

/** Closes every subscription owned by an element instance that stops waiting. */
export async function closeSubscriptions(execution: InstanceExecution, owner: ElementInstance): Promise<void> {
  if (!owner.runtime.subscribed) return;
  const { trx } = execution.ctx;
  await trx('engine_timers').where({ element_instance_key: owner.key, state: 'ACTIVE' }).update({ state: 'CANCELED' });
  await trx('engine_message_subscriptions').where({ element_instance_key: owner.key, state: 'ACTIVE' }).update({ state: 'CLOSED' });
  await trx('engine_signal_subscriptions').where({ element_instance_key: owner.key }).delete();
  delete owner.runtime.subscribed;
  execution.state.touch(owner);
}
