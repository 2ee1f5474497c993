import { evaluateText } from '../../behaviors/expressions.js';
import { insertTimer, scheduleTimer } from '../../behaviors/timerBehavior.js';
import { EngineRejection } from '../../api.js';
import type { ExecutableProcess } from '../../model/types.js';
import type { CommandContext } from '../commandContext.js';

/**
 * A newly deployed process version takes over the process's message start subscriptions and
 * start timers from the previous version (Zeebe: only the latest version starts by events).
 */
export async function replaceStartEvents(
  ctx: CommandContext,
  process: ExecutableProcess,
  processDefinitionKey: string,
  tenantId: string,
): Promise<void> {
  const previous = ctx.trx('engine_process_definitions')
    .select('key')
    .where({ bpmn_process_id: process.bpmnProcessId, tenant_id: tenantId })
    .whereNot({ key: processDefinitionKey });
  await ctx.trx('engine_start_subscriptions').where({ bpmn_process_id: process.bpmnProcessId, tenant_id: tenantId }).delete();
  await ctx.trx('engine_timers').whereNull('element_instance_key').whereIn('process_definition_key', previous).where({ state: 'ACTIVE' }).update({ state: 'CANCELED' });
  const startEvents = (process.process.childIds ?? []).map((id) => process.elements.get(id)!).filter((e) => e.type === 'START_EVENT');
  for (const event of startEvents) {
    if (event.eventType === 'MESSAGE' && event.message) {
      const name = evaluateText(event.message.name, {}, ctx.now);
      if (!name.ok) throw new EngineRejection('INVALID_ARGUMENT', `Element: ${event.id} - ERROR: ${name.message}`);
      await ctx.trx('engine_start_subscriptions').insert({
        process_definition_key: processDefinitionKey,
        bpmn_process_id: process.bpmnProcessId,
        event_type: 'MESSAGE',
        name: name.value,
        element_id: event.id,
        tenant_id: tenantId,
      });
    }
    if (event.eventType === 'SIGNAL' && event.signalName) {
      const name = evaluateText(event.signalName, {}, ctx.now);
      if (!name.ok) throw new EngineRejection('INVALID_ARGUMENT', `Element: ${event.id} - ERROR: ${name.message}`);
      await ctx.trx('engine_start_subscriptions').insert({
        process_definition_key: processDefinitionKey,
        bpmn_process_id: process.bpmnProcessId,
        event_type: 'SIGNAL',
        name: name.value,
        element_id: event.id,
        tenant_id: tenantId,
      });
    }
    if (event.eventType === 'TIMER' && event.timer) {
      const schedule = scheduleTimer(event.timer, {}, ctx.now);
      if (!schedule.ok) throw new EngineRejection('INVALID_ARGUMENT', `Element: ${event.id} - ERROR: ${schedule.message}`);
      await insertTimer(ctx, schedule, { elementId: event.id, processDefinitionKey, tenantId });
    }
  }
}
