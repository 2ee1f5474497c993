import type { CompiledExpression } from '../../feel/types.js';
import type { ExecutableElement, TimerDefinition } from '../types.js';
import { child, expressionBody, type ModdleElement } from '../moddle/moddleElement.js';
import { cronProblem, isCycle, isDateTime, isDuration } from '../validation/timeValues.js';
import type { EventRole } from './eventTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

type TimerKind = TimerDefinition['kind'];

const KINDS: readonly { kind: TimerKind; property: string; valid: (value: string) => boolean }[] = [
  { kind: 'duration', property: 'timeDuration', valid: isDuration },
  { kind: 'date', property: 'timeDate', valid: isDateTime },
  { kind: 'cycle', property: 'timeCycle', valid: isCycle },
];

/**
 * A timer: exactly one of timeDuration, timeDate, timeCycle. Static values are checked now; so are
 * FEEL values of process timer start events, which have no variables to depend on.
 */
export function timerDetails(
  entry: FlowNodeEntry,
  definition: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): Pick<ExecutableElement, 'timer'> {
  const present = KINDS.filter(({ property }) => child(definition, property) !== undefined);
  const [found] = present;
  if (present.length !== 1 || !found) {
    ctx.problems.error(
      entry.id,
      'Must be exactly one type of timer: timeDuration, timeDate or timeCycle',
    );
    return {};
  }
  if (entry.type === 'INTERMEDIATE_CATCH_EVENT' && found.kind === 'cycle') {
    ctx.problems.error(
      entry.id,
      'Intermediate timer catch event must have either a time duration or a time date.',
    );
    return {};
  }
  const site = { owner: 'bpmn:timerEventDefinition', attribute: found.property };
  const expression = ctx.expressions.required(
    entry.id,
    site,
    expressionBody(definition, found.property),
  );
  if (!expression || !checkValue(entry.id, found, expression, role, ctx)) return {};
  return { timer: { kind: found.kind, expression } };
}

function checkValue(
  elementId: string,
  found: (typeof KINDS)[number],
  expression: CompiledExpression,
  role: EventRole,
  ctx: TransformContext,
): boolean {
  let value = expression.source.trim();
  if (!expression.isStatic) {
    if (role !== 'processStart') return true;
    const result = expression.evaluate({});
    if (!result.ok) return invalid(elementId, found.kind, result.message, ctx);
    if (typeof result.value !== 'string')
      return invalid(
        elementId,
        found.kind,
        `expected a string but found '${JSON.stringify(result.value)}'`,
        ctx,
      );
    value = result.value;
  }
  if (found.valid(value)) return true;
  const cron = found.kind === 'cycle' ? cronProblem(value) : undefined;
  return invalid(elementId, found.kind, cron ?? `'${value}' is not a valid ${describe(found.kind)}`, ctx);
}

function invalid(elementId: string, kind: TimerKind, detail: string, ctx: TransformContext): false {
  ctx.problems.error(elementId, `Invalid timer ${kind} expression (${detail})`);
  return false;
}

function describe(kind: TimerKind): string {
  if (kind === 'duration') return "ISO 8601 duration, e.g. 'PT15M' or 'P1D'";
  if (kind === 'date') return "ISO 8601 date-time with offset, e.g. '2025-03-01T10:00:00+01:00'";
  return "cycle: a repeating interval such as 'R3/PT10M' or a cron expression such as '0 0 9 * * MON-FRI'";
}
