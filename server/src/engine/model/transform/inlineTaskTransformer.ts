import type { BindingType, CalledDecisionDefinition, ScriptDefinition } from '../types.js';
import { nonBlank, text, type ModdleElement } from '../moddle/moddleElement.js';
import { missingAttribute } from '../expressionCompiler.js';
import type { Problems } from '../problems.js';
import type { TransformContext } from './transformContext.js';

/** zeebe:script: the engine evaluates the FEEL expression and stores the result, no worker involved. */
export function scriptDefinition(
  elementId: string,
  script: ModdleElement,
  ctx: TransformContext,
): ScriptDefinition | undefined {
  const owner = 'zeebe:script';
  const expression = ctx.expressions.required(
    elementId,
    { owner, attribute: 'expression' },
    text(script, 'expression'),
    {
      nonStatic: true,
    },
  );
  const resultVariable = requiredName(elementId, script, owner, ctx.problems);
  return expression && resultVariable ? { expression, resultVariable } : undefined;
}

/** zeebe:calledDecision: a DMN decision evaluated by the engine; its result goes to resultVariable. */
export function calledDecisionDefinition(
  elementId: string,
  decision: ModdleElement,
  ctx: TransformContext,
): CalledDecisionDefinition | undefined {
  const owner = 'zeebe:calledDecision';
  const decisionId = ctx.expressions.required(
    elementId,
    { owner, attribute: 'decisionId' },
    text(decision, 'decisionId'),
  );
  const resultVariable = requiredName(elementId, decision, owner, ctx.problems);
  const binding = bindingOf(elementId, decision, owner, ctx.problems);
  return decisionId && resultVariable ? { decisionId, resultVariable, ...binding } : undefined;
}

function requiredName(
  elementId: string,
  element: ModdleElement,
  owner: string,
  problems: Problems,
): string | undefined {
  const name = nonBlank(element, 'resultVariable');
  if (!name) problems.error(elementId, missingAttribute({ owner, attribute: 'resultVariable' }));
  return name;
}

const BINDING_TYPES: readonly BindingType[] = ['latest', 'deployment', 'versionTag'];

/** bindingType / versionTag of a called element or decision. */
export function bindingOf(
  elementId: string,
  element: ModdleElement,
  owner: string,
  problems: Problems,
): { bindingType?: BindingType; versionTag?: string } {
  const raw = text(element, 'bindingType') ?? 'latest';
  const bindingType = BINDING_TYPES.find((type) => type === raw);
  if (!bindingType) {
    problems.error(
      elementId,
      `Attribute 'bindingType' must be one of ${BINDING_TYPES.join(', ')}, but was '${raw}' (${owner})`,
    );
    return {};
  }
  const versionTag = nonBlank(element, 'versionTag');
  if (bindingType === 'versionTag' && !versionTag) {
    problems.error(
      elementId,
      `${missingAttribute({ owner, attribute: 'versionTag' })} when bindingType is 'versionTag'`,
    );
  }
  return versionTag ? { bindingType, versionTag } : { bindingType };
}
