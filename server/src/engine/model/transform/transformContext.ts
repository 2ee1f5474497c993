import type { ExpressionCompiler } from '../expressionCompiler.js';
import { isModdleElement, type ModdleElement } from '../moddle/moddleElement.js';
import type { UnresolvedReferences } from '../parsing/unresolvedReferences.js';
import type { Problems } from '../problems.js';
import type { ElementType } from '../types.js';

/** What every transformer needs: where to report, how to compile, and the process being read. */
export interface TransformContext {
  readonly problems: Problems;
  readonly expressions: ExpressionCompiler;
  readonly references: UnresolvedReferences;
  /** The bpmn:Process, for process-level extensions such as zeebe:userTaskForm. */
  readonly process: ModdleElement;
  /** PROCESS, SUB_PROCESS or EVENT_SUB_PROCESS for every flow scope id. */
  readonly scopeTypes: ReadonlyMap<string, ElementType>;
}

/**
 * A referenced element (message, error, …). A reference to an id that does not exist is reported
 * here; whether a missing reference is allowed is for the caller to decide.
 */
export function referenced(
  ctx: TransformContext,
  elementId: string,
  holder: ModdleElement,
  property: string,
  what: string,
): ModdleElement | undefined {
  const value = holder[property];
  if (isModdleElement(value)) return value;
  const missingId = ctx.references.idOf(holder, property);
  if (missingId !== undefined)
    ctx.problems.error(elementId, `Referenced ${what} '${missingId}' (${property}) does not exist`);
  return undefined;
}

/** Whether the reference was given at all (resolved or not). */
export function hasReference(
  ctx: TransformContext,
  holder: ModdleElement,
  property: string,
): boolean {
  return isModdleElement(holder[property]) || ctx.references.idOf(holder, property) !== undefined;
}
