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

/** Fires one due timer; false when it is not due or another process got there first. */
export async function triggerTimer(runner: CommandRunner, timerKey: string): Promise<boolean> {
  return (await triggerTimers(runner, [timerKey])) === 1;
}

/**
 * Fires due timers in one command (one transaction): a timer start event starts an instance, any
 * other timer triggers its event on the element instance that waits. A cycle schedules its next
 * repetition. Safe with several server processes: each timer row is claimed with SKIP LOCKED, so
 * a timer another process is firing is left out, and a fired one is no longer ACTIVE. Instances
 * are locked in key order, as every multi-instance command does. Returns the number fired.
 */
export function triggerTimers(runner: CommandRunner, timerKeys: readonly string[]): Promise<number> {
  if (timerKeys.length === 0) return Promise.resolve(0);
  return runner.transaction(async (ctx) => {
    const timers = (await ctx.trx('engine_timers')
      .whereIn('key', timerKeys)
      .andWhere({ state: 'ACTIVE' })
      .andWhere('due_date', '<=', new Date(ctx.now))
      .orderByRaw('process_instance_key nulls first, key')
      .forUpdate()
      .skipLocked()) as TimerRow[];
    let fired = 0;
    for (const timer of timers) if (await fireClaimed(runner, ctx, timer)) fired++;
    return fired;
  });
}

async function fireClaimed(runner: CommandRunner, ctx: CommandContext, timer: TimerRow): Promise<boolean> {
  // An earlier timer of this batch may have closed this one (an interrupting event on the same owner).
  const claimed = await ctx.trx('engine_timers').where({ key: timer.key, state: 'ACTIVE' }).update({ state: 'TRIGGERED' });
  if (claimed !== 1) return false;
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
  if (!execution) return false;
  if (!owner?.runtime.subscribed) {
    // Nothing changes: forget the loaded instance, so a later timer of this batch loads it afresh.
    ctx.openExecutions.delete(execution.state.identity.processInstanceKey);
    return false;
  }
  const event = execution.element(timer.element_id);
  // Only a non-interrupting event keeps its owner waiting, so only then does a cycle go on.
  if (event.interrupting === false) await scheduleNext(ctx, timer);
  await triggerEvent(execution, owner, timer.element_id, {});
  await runner.finish(execution);
  return true;
}

async function scheduleNext(ctx: CommandContext, timer: TimerRow): Promise<void> {
  if (!timer.interval || timer.repetitions === 1) return;
  const dueDate = nextCycleDueDate(timer.interval, new Date(timer.due_date).getTime(), ctx.now);
  if (dueDate === undefined) return;
  await ctx.trx('engine_timers').insert({
    ...timer,
    key: await ctx.nextKey(),
    state: 'ACTIVE',
    due_date: new Date(dueDate),
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
