import type { ExecutableElement, JobDefinition } from '../types.js';
import { extensionsOf, singleExtension } from '../moddle/extensions.js';
import { children, text, type ModdleElement } from '../moddle/moddleElement.js';
import type { Problems } from '../problems.js';
import type { TransformContext } from './transformContext.js';

const DEFAULT_RETRIES = '3';
const TASK_DEFINITION = 'zeebe:TaskDefinition';

/** The job of an element with a zeebe:taskDefinition, or undefined (with a problem) when it is unusable. */
export function jobDefinition(
  elementId: string,
  node: ModdleElement,
  ctx: TransformContext,
): JobDefinition | undefined {
  const definition = singleExtension(node, TASK_DEFINITION, ctx.problems);
  if (!definition) return undefined;
  const owner = 'zeebe:taskDefinition';
  const type = ctx.expressions.required(
    elementId,
    { owner, attribute: 'type' },
    text(definition, 'type'),
  );
  const retries = ctx.expressions.required(
    elementId,
    { owner, attribute: 'retries' },
    text(definition, 'retries') ?? DEFAULT_RETRIES,
  );
  const headers = taskHeaders(elementId, node, ctx.problems);
  return type && retries ? { type, retries, headers } : undefined;
}

/** An element that can only run as a job: a missing taskDefinition is Zeebe's deploy error. */
export function requiredJob(
  elementId: string,
  node: ModdleElement,
  ctx: TransformContext,
): Pick<ExecutableElement, 'job'> {
  if (extensionsOf(node, TASK_DEFINITION).length === 0) {
    ctx.problems.error(elementId, "Must have exactly one 'zeebe:taskDefinition' extension element");
    return {};
  }
  const job = jobDefinition(elementId, node, ctx);
  return job ? { job } : {};
}

/** zeebe:taskHeaders: static key/value pairs handed to the worker with every job. */
export function taskHeaders(
  elementId: string,
  node: ModdleElement,
  problems: Problems,
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const container = singleExtension(node, 'zeebe:TaskHeaders', problems);
  for (const header of container ? children(container, 'values') : []) {
    const key = text(header, 'key');
    if (key === undefined || key.trim() === '') {
      problems.error(elementId, "A 'zeebe:header' must have a non-empty 'key'");
      continue;
    }
    if (Object.hasOwn(headers, key))
      problems.error(elementId, `Duplicate task header key '${key}'`);
    headers[key] = text(header, 'value') ?? '';
  }
  return headers;
}
