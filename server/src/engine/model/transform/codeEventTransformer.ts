import type { CompiledExpression } from '../../feel/types.js';
import type { ExecutableElement } from '../types.js';
import { idOf, nonBlank, type ModdleElement } from '../moddle/moddleElement.js';
import type { EventRole } from './eventTransformer.js';
import { hasReference, referenced, type TransformContext } from './transformContext.js';

interface CodeKind {
  readonly name: 'error' | 'escalation';
  readonly reference: string;
  readonly codeAttribute: string;
  readonly label: string;
}

const ERROR: CodeKind = {
  name: 'error',
  reference: 'errorRef',
  codeAttribute: 'errorCode',
  label: 'ErrorCode',
};
const ESCALATION: CodeKind = {
  name: 'escalation',
  reference: 'escalationRef',
  codeAttribute: 'escalationCode',
  label: 'EscalationCode',
};

export function errorDetails(
  elementId: string,
  definition: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): Pick<ExecutableElement, 'errorCode'> {
  const errorCode = codeOf(ERROR, elementId, definition, role, ctx);
  return errorCode ? { errorCode } : {};
}

export function escalationDetails(
  elementId: string,
  definition: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): Pick<ExecutableElement, 'escalationCode'> {
  const escalationCode = codeOf(ESCALATION, elementId, definition, role, ctx);
  return escalationCode ? { escalationCode } : {};
}

/**
 * A thrown error/escalation must reference one with a code (which may be FEEL); a catch event
 * without a reference or code catches all, and its code must be a plain value to match against.
 */
function codeOf(
  kind: CodeKind,
  elementId: string,
  definition: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): CompiledExpression | undefined {
  const target = referenced(ctx, elementId, definition, kind.reference, kind.name);
  if (!target) {
    if (role === 'throw' && !hasReference(ctx, definition, kind.reference))
      ctx.problems.error(elementId, `Must reference an ${kind.name}`);
    return undefined;
  }
  const code = nonBlank(target, kind.codeAttribute);
  const site = {
    owner: `bpmn:${kind.name} '${idOf(target) ?? ''}'`,
    attribute: kind.codeAttribute,
  };
  if (role === 'throw') {
    if (code === undefined)
      ctx.problems.error(elementId, `${kind.label} must be present and not empty (${site.owner})`);
    return code === undefined ? undefined : ctx.expressions.compile(elementId, site, code);
  }
  if (code === undefined) return undefined;
  if (code.trimStart().startsWith('=')) {
    ctx.problems.error(
      elementId,
      `The ${kind.codeAttribute} of the ${kind.name} catch event is not allowed to be an expression`,
    );
    return undefined;
  }
  return ctx.expressions.compile(elementId, site, code);
}
