import type { ExecutableElement } from '../types.js';
import { idOf, text, type ModdleElement } from '../moddle/moddleElement.js';
import { checkConstantName } from './constantExpression.js';
import type { EventRole } from './eventTransformer.js';
import { hasReference, referenced, type TransformContext } from './transformContext.js';

/** The signal name of a signal event; process start signals need a name known without variables. */
export function signalDetails(
  elementId: string,
  definition: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): Pick<ExecutableElement, 'signalName'> {
  const signal = referenced(ctx, elementId, definition, 'signalRef', 'signal');
  if (!signal) {
    if (!hasReference(ctx, definition, 'signalRef'))
      ctx.problems.error(elementId, 'Must reference a signal');
    return {};
  }
  const owner = `bpmn:signal '${idOf(signal) ?? ''}'`;
  const signalName = ctx.expressions.required(
    elementId,
    { owner, attribute: 'name' },
    text(signal, 'name'),
  );
  if (!signalName) return {};
  if (role === 'processStart' && !checkConstantName(elementId, signalName, 'signal', ctx.problems))
    return {};
  return { signalName };
}
