import type { ExecutableElement, VariableMapping } from '../types.js';
import { singleExtension } from '../moddle/extensions.js';
import { children, nonBlank, type ModdleElement } from '../moddle/moddleElement.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

const PATH = /^[a-zA-Z_][a-zA-Z0-9_]*(\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;
const RESERVED = [
  'null',
  'true',
  'false',
  'function',
  'if',
  'then',
  'else',
  'for',
  'between',
  'instance',
  'of',
];

type MappingDetails = Pick<ExecutableElement, 'inputMappings' | 'outputMappings'>;

/** zeebe:ioMapping: inputs may be static values, outputs must be FEEL (as in Zeebe). */
export function mappingDetails(entry: FlowNodeEntry, ctx: TransformContext): MappingDetails {
  const ioMapping = singleExtension(entry.node, 'zeebe:IoMapping', ctx.problems);
  if (!ioMapping) return { inputMappings: [], outputMappings: [] };
  return {
    inputMappings: mappings(
      entry.id,
      children(ioMapping, 'inputParameters'),
      'zeebe:input',
      false,
      ctx,
    ),
    outputMappings: mappings(
      entry.id,
      children(ioMapping, 'outputParameters'),
      'zeebe:output',
      true,
      ctx,
    ),
  };
}

function mappings(
  elementId: string,
  parameters: ModdleElement[],
  owner: string,
  nonStatic: boolean,
  ctx: TransformContext,
): VariableMapping[] {
  const result: VariableMapping[] = [];
  for (const parameter of parameters) {
    const source = ctx.expressions.required(
      elementId,
      { owner, attribute: 'source' },
      nonBlank(parameter, 'source'),
      { nonStatic },
    );
    const target = nonBlank(parameter, 'target');
    const targetProblem = checkTargetPath(target);
    if (targetProblem) ctx.problems.error(elementId, `${owner} 'target': ${targetProblem}`);
    if (source && target && !targetProblem) result.push({ source, target });
  }
  return result;
}

/** A mapping target is a variable name or a dotted path into a context; FEEL keywords are not. */
export function checkTargetPath(target: string | undefined): string | undefined {
  if (target === undefined) return 'Expected path expression but not found.';
  if (!PATH.test(target))
    return `Expected path expression '${target}' but doesn't match the pattern '${PATH.source}'.`;
  if (RESERVED.includes(target))
    return `Expected path expression '${target}' but is one of the reserved words (${RESERVED.join(', ')}).`;
  return undefined;
}
