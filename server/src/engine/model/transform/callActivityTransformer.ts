import type { ExecutableElement } from '../types.js';
import { singleExtension } from '../moddle/extensions.js';
import { flag, text } from '../moddle/moddleElement.js';
import { bindingOf } from './inlineTaskTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

/** zeebe:calledElement of a call activity; both propagation flags default to true, as in Zeebe. */
export function callActivityDetails(
  entry: FlowNodeEntry,
  ctx: TransformContext,
): Pick<ExecutableElement, 'calledElement'> {
  if (entry.type !== 'CALL_ACTIVITY') return {};
  const called = singleExtension(entry.node, 'zeebe:CalledElement', ctx.problems);
  if (!called) {
    ctx.problems.error(entry.id, "Must have exactly one 'zeebe:calledElement' extension element");
    return {};
  }
  const owner = 'zeebe:calledElement';
  const processId = ctx.expressions.required(
    entry.id,
    { owner, attribute: 'processId' },
    text(called, 'processId'),
  );
  const binding = bindingOf(entry.id, called, owner, ctx.problems);
  if (!processId) return {};
  return {
    calledElement: {
      processId,
      propagateAllChildVariables: flag(called, 'propagateAllChildVariables') ?? true,
      propagateAllParentVariables: flag(called, 'propagateAllParentVariables') ?? true,
      ...binding,
    },
  };
}
