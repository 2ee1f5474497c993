import type { JsonValue } from '../feel/types.js';
import type { CommandContext } from '../processing/commandContext.js';
import type { TimerDefinition } from '../model/types.js';
import { parseCron } from '../scheduler/cron.js';
import { addDuration, parseCycle, parseDateTime, parseDuration } from '../scheduler/isoTime.js';
import { evaluateText } from './expressions.js';

export type TimerSchedule =
  | { ok: true; dueDate: number; repetitions: number; interval?: string }
  | { ok: false; errorType: string; message: string };

/** When a timer is due: from its duration, date or cycle, evaluated now with the given variables. */
export function scheduleTimer(timer: TimerDefinition, variables: Record<string, JsonValue>, now: number): TimerSchedule {
  const result = evaluateText(timer.expression, variables, now);
  if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
  const text = result.value;
  const invalid = (expected: string): TimerSchedule => ({
    ok: false,
    errorType: 'EXTRACT_VALUE_ERROR',
    message: `Expected the timer ${timer.kind} '${timer.expression.source}' to be ${expected}, but was '${text}'`,
  });
  if (timer.kind === 'duration') {
    const duration = parseDuration(text);
    return duration ? { ok: true, dueDate: addDuration(now, duration), repetitions: 1 } : invalid('an ISO 8601 duration such as P5D');
  }
  if (timer.kind === 'date') {
    const date = parseDateTime(text);
    return date !== undefined ? { ok: true, dueDate: date, repetitions: 1 } : invalid('an ISO 8601 date-time with offset');
  }
  const cycle = parseCycle(text);
  if (!cycle) {
    if (text.trim().startsWith('R')) return invalid('a repeating interval such as R3/PT1H or a cron expression such as 0 0 9 * * MON-FRI');
    // A cron cycle repeats for ever; its text is kept as the interval to find the next instant.
    const cron = parseCron(text);
    if (!cron.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: `Invalid timer cycle expression of '${timer.expression.source}': ${cron.message}` };
    const dueDate = cron.cron.next(now);
    if (dueDate === undefined) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: `The cron expression '${cron.cron.source}' never matches a date` };
    return { ok: true, dueDate, repetitions: -1, interval: cron.cron.source };
  }
  return {
    ok: true,
    dueDate: cycle.start ?? addDuration(now, cycle.interval),
    repetitions: cycle.repetitions,
    interval: cycle.intervalText,
  };
}

/**
 * The next due date of a cycle after it fired at `firedAt` (its due date); undefined when a cron
 * never matches again. An ISO interval counts from the due date, so missed repetitions follow
 * one another; a cron expression names wall-clock instants, so it goes on from now.
 */
export function nextCycleDueDate(interval: string, firedAt: number, now: number): number | undefined {
  const duration = parseDuration(interval);
  if (duration) return addDuration(firedAt, duration);
  const cron = parseCron(interval);
  return cron.ok ? cron.cron.next(Math.max(firedAt, now)) : undefined;
}

/** Stores a scheduled timer; `owner` is absent for a timer start event. */
export async function insertTimer(
  ctx: CommandContext,
  schedule: Extract<TimerSchedule, { ok: true }>,
  target: { elementId: string; processDefinitionKey: string; tenantId: string; owner?: { elementInstanceKey: string; processInstanceKey: string } },
): Promise<void> {
  await ctx.trx('engine_timers').insert({
    key: await ctx.nextKey(),
    state: 'ACTIVE',
    due_date: new Date(schedule.dueDate),
    repetitions: schedule.repetitions,
    interval: schedule.interval ?? null,
    element_id: target.elementId,
    element_instance_key: target.owner?.elementInstanceKey ?? null,
    process_instance_key: target.owner?.processInstanceKey ?? null,
    process_definition_key: target.processDefinitionKey,
    tenant_id: target.tenantId,
  });
  ctx.timersChanged = true;
}
