import type { ExecutableElement, MultiInstanceDefinition } from '../types.js';
import { singleExtension } from '../moddle/extensions.js';
import {
  child,
  expressionBody,
  flag,
  localName,
  nonBlank,
  type ModdleElement,
} from '../moddle/moddleElement.js';
import { COVERAGE_URL } from './elementKinds.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** bpmn:multiInstanceLoopCharacteristics with zeebe:loopCharacteristics; standard loops are not supported. */
export function multiInstanceDetails(
  entry: FlowNodeEntry,
  ctx: TransformContext,
): Pick<ExecutableElement, 'multiInstance'> {
  const loop = child(entry.node, 'loopCharacteristics');
  if (!loop) return {};
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    ctx.problems.error(
      entry.id,
      `Loop characteristics of type '${localName(loop.$type)}' are currently not supported; use a multi-instance marker (${COVERAGE_URL})`,
    );
    return {};
  }
  const characteristics = singleExtension(loop, 'zeebe:LoopCharacteristics', ctx.problems);
  if (!characteristics) {
    ctx.problems.error(
      entry.id,
      "Must have exactly one 'zeebe:loopCharacteristics' extension element",
    );
    return {};
  }
  const multiInstance = definition(entry.id, loop, characteristics, ctx);
  return multiInstance ? { multiInstance } : {};
}

function definition(
  id: string,
  loop: ModdleElement,
  characteristics: ModdleElement,
  ctx: TransformContext,
): MultiInstanceDefinition | undefined {
  const owner = 'zeebe:loopCharacteristics';
  const inputCollection = ctx.expressions.required(
    id,
    { owner, attribute: 'inputCollection' },
    nonBlank(characteristics, 'inputCollection'),
    {
      nonStatic: true,
    },
  );
  const outputCollection = nonBlank(characteristics, 'outputCollection');
  const outputElementRaw = nonBlank(characteristics, 'outputElement');
  if (outputCollection && !outputElementRaw) {
    ctx.problems.error(
      id,
      "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set",
    );
  } else if (outputElementRaw && !outputCollection) {
    ctx.problems.error(
      id,
      "Attribute 'outputCollection' must be present if the attribute 'outputElement' is set",
    );
  }
  const outputElement = ctx.expressions.optional(
    id,
    { owner, attribute: 'outputElement' },
    outputElementRaw,
    { nonStatic: true },
  );
  const completionRaw = expressionBody(loop, 'completionCondition');
  const completionCondition = ctx.expressions.optional(
    id,
    { owner: 'bpmn:completionCondition', attribute: 'body' },
    completionRaw,
  );
  if (!inputCollection) return undefined;

  const result: Mutable<MultiInstanceDefinition> = {
    isSequential: flag(loop, 'isSequential') === true,
    inputCollection,
  };
  const inputElement = nonBlank(characteristics, 'inputElement');
  if (inputElement) result.inputElement = inputElement;
  if (outputCollection) result.outputCollection = outputCollection;
  if (outputElement) result.outputElement = outputElement;
  if (completionCondition) result.completionCondition = completionCondition;
  return result;
}
