import type { ExecutableSequenceFlow } from '../types.js';
import { child, expressionBody, idOf, text, type ModdleElement } from '../moddle/moddleElement.js';
import { classifyFlowElement } from './elementKinds.js';
import type { SequenceFlowEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

/**
 * Sequence flows, by id. A flow is kept only when both ends are flow nodes of its own scope, so
 * the structure built from them never points at something missing; every other case is a problem.
 */
export function transformSequenceFlows(
  entries: readonly SequenceFlowEntry[],
  scopeOfNode: ReadonlyMap<string, string>,
  ctx: TransformContext,
): ExecutableSequenceFlow[] {
  const flows: ExecutableSequenceFlow[] = [];
  for (const entry of entries) {
    const sourceId = endpoint(entry, 'sourceRef', scopeOfNode, ctx);
    const targetId = endpoint(entry, 'targetRef', scopeOfNode, ctx);
    const raw = expressionBody(entry.flow, 'conditionExpression');
    const condition =
      raw === undefined
        ? undefined
        : ctx.expressions.required(
            entry.id,
            { owner: 'bpmn:conditionExpression', attribute: 'condition' },
            raw,
            { nonStatic: true },
          );
    if (sourceId === undefined || targetId === undefined || (raw !== undefined && !condition))
      continue;
    const name = text(entry.flow, 'name');
    flows.push({
      id: entry.id,
      ...(name !== undefined ? { name } : {}),
      type: 'SEQUENCE_FLOW',
      sourceId,
      targetId,
      ...(condition ? { condition } : {}),
    });
  }
  return flows;
}

function endpoint(
  entry: SequenceFlowEntry,
  property: 'sourceRef' | 'targetRef',
  scopeOfNode: ReadonlyMap<string, string>,
  ctx: TransformContext,
): string | undefined {
  const node: ModdleElement | undefined = child(entry.flow, property);
  const id = node ? idOf(node) : undefined;
  if (id === undefined) {
    const dangling = ctx.references.idOf(entry.flow, property);
    ctx.problems.error(
      entry.id,
      dangling === undefined
        ? `SequenceFlow is missing required attribute ${property}`
        : `SequenceFlow has ${property} '${dangling}' which cannot be resolved`,
    );
    return undefined;
  }
  const scope = scopeOfNode.get(id);
  // Unsupported elements are reported where they are; a flow to them needs no second problem.
  if (scope === undefined)
    return isUnsupported(node)
      ? undefined
      : report(entry, `SequenceFlow ${property} '${id}' is not a flow node of this process`, ctx);
  if (scope !== entry.scopeId)
    return report(
      entry,
      `SequenceFlow ${property} '${id}' is in another scope ('${scope}'); a sequence flow cannot cross a subprocess boundary`,
      ctx,
    );
  return id;
}

function isUnsupported(node: ModdleElement | undefined): boolean {
  return node !== undefined && classifyFlowElement(node).kind === 'unsupported';
}

function report(entry: SequenceFlowEntry, message: string, ctx: TransformContext): undefined {
  ctx.problems.error(entry.id, message);
  return undefined;
}
