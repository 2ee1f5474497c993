import { nextCycleDueDate } from '../../behaviors/timerBehavior.js';
import type { CommandContext } from '../commandContext.js';
import type { CommandRunner } from '../commandRunner.js';
import { triggerEvent } from '../eventTrigger.js';
import { createInstance } from './createInstance.js';

interface TimerRow {
  key: string;
  due_date: Date | string;
  repetitions: number;
  interval: string | null;
  element_id: string;
  element_instance_key: string | null;
  process_instance_key: string | null;
  process_definition_key: string;
  tenant_id: string;
}

/**
 * Fires one due timer: a timer start event starts an instance, any other timer triggers its
 * event on the element instance that waits. A cycle schedules its next repetition. Safe to call
 * from several server processes at once: the timer row is claimed with SKIP LOCKED.
 */
export function triggerTimer(runner: CommandRunner, timerKey: string): Promise<boolean> {
  return runner.transaction(async (ctx) => {
    const timer = (await ctx.trx('engine_timers').where({ key: timerKey, state: 'ACTIVE' }).forUpdate().skipLocked().first()) as
      | TimerRow
      | undefined;
    if (!timer || new Date(timer.due_date).getTime() > ctx.now) return false;
    await ctx.trx('engine_timers').where({ key: timerKey }).update({ state: 'TRIGGERED' });
    recordTriggered(ctx, timer);
    if (timer.element_instance_key === null) {
      await createInstance(runner, ctx, {
        processDefinitionKey: String(timer.process_definition_key),
        startInstructions: [{ elementId: timer.element_id }],
      });
      await scheduleNext(ctx, timer);
      return true;
    }
    const execution = await runner.tryLockAndLoad(ctx, { processInstanceKey: String(timer.process_instance_key) });
    const owner = execution?.state.get(String(timer.element_instance_key));
    if (!execution || !owner?.runtime.subscribed) return false;
    const event = execution.element(timer.element_id);
    // Only a non-interrupting event keeps its owner waiting, so only then does a cycle go on.
    if (event.interrupting === false) await scheduleNext(ctx, timer);
    await triggerEvent(execution, owner, timer.element_id, {});
    await runner.finish(execution);
    return true;
  });
}

async function scheduleNext(ctx: CommandContext, timer: TimerRow): Promise<void> {
  if (!timer.interval || timer.repetitions === 1) return;
  await ctx.trx('engine_timers').insert({
    ...timer,
    key: await ctx.nextKey(),
    state: 'ACTIVE',
    due_date: new Date(nextCycleDueDate(timer.interval, new Date(timer.due_date).getTime())),
    repetitions: timer.repetitions === -1 ? -1 : timer.repetitions - 1,
  });
  ctx.timersChanged = true;
}

function recordTriggered(ctx: CommandContext, timer: TimerRow): void {
  ctx.records.append({
    key: String(timer.key),
    recordType: 'EVENT',
    valueType: 'TIMER',
    intent: 'TRIGGERED',
    processInstanceKey: timer.process_instance_key === null ? undefined : String(timer.process_instance_key),
    elementId: timer.element_id,
    timestamp: ctx.now,
    value: { dueDate: new Date(timer.due_date).getTime(), repetitions: timer.repetitions, targetElementId: timer.element_id },
  });
}
