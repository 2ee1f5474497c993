import type { CompiledExpression } from '../../feel/types.js';
import type { ExecutableElement, UserTaskDefinition } from '../types.js';
import { extensionsOf, singleExtension } from '../moddle/extensions.js';
import { nonBlank, text, type ModdleElement } from '../moddle/moddleElement.js';
import { DATE_TIME_EXAMPLE, isDateTime } from '../validation/timeValues.js';
import { taskHeaders } from './jobTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';
import { formDetails } from './userTaskFormTransformer.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A user task: a Camunda user task with `<zeebe:userTask/>`, or else a job of type
 * `io.camunda.zeebe:userTask` whose headers carry assignment, schedule and form (as in Zeebe).
 * The job itself is left to the processor, so `job` stays unset for user tasks.
 */
export function userTaskDetails(
  entry: FlowNodeEntry,
  ctx: TransformContext,
): Pick<ExecutableElement, 'userTask'> {
  if (entry.type !== 'USER_TASK') return {};
  const { id, node } = entry;
  const isCamundaUserTask = extensionsOf(node, 'zeebe:UserTask').length > 0;
  const task: Mutable<UserTaskDefinition> = {
    isCamundaUserTask,
    ...formDetails(entry, isCamundaUserTask, ctx),
  };

  const assignment = singleExtension(node, 'zeebe:AssignmentDefinition', ctx.problems);
  if (assignment) {
    assign(
      task,
      'assignee',
      expression(id, assignment, 'zeebe:assignmentDefinition', 'assignee', ctx),
    );
    assign(task, 'candidateGroups', csvExpression(id, assignment, 'candidateGroups', ctx));
    assign(task, 'candidateUsers', csvExpression(id, assignment, 'candidateUsers', ctx));
  }
  const schedule = singleExtension(node, 'zeebe:TaskSchedule', ctx.problems);
  if (schedule) {
    assign(task, 'dueDate', dateTimeExpression(id, schedule, 'dueDate', ctx));
    assign(task, 'followUpDate', dateTimeExpression(id, schedule, 'followUpDate', ctx));
  }
  const priority = singleExtension(node, 'zeebe:PriorityDefinition', ctx.problems);
  if (priority) assign(task, 'priority', priorityExpression(id, priority, ctx));
  const headers = taskHeaders(id, node, ctx.problems);
  if (Object.keys(headers).length > 0) task.customHeaders = headers;
  return { userTask: task };
}

function assign<K extends keyof UserTaskDefinition>(
  task: Mutable<UserTaskDefinition>,
  key: K,
  value: UserTaskDefinition[K] | undefined,
): void {
  if (value !== undefined) task[key] = value;
}

function expression(
  id: string,
  element: ModdleElement,
  owner: string,
  attribute: string,
  ctx: TransformContext,
): CompiledExpression | undefined {
  return ctx.expressions.optional(id, { owner, attribute }, text(element, attribute));
}

/** Static candidate lists are comma separated: `a,b,c`. */
function csvExpression(
  id: string,
  assignment: ModdleElement,
  attribute: string,
  ctx: TransformContext,
): CompiledExpression | undefined {
  const compiled = expression(id, assignment, 'zeebe:assignmentDefinition', attribute, ctx);
  if (compiled?.isStatic && compiled.source.split(',').some((part) => part.trim() === '')) {
    staticProblem(
      id,
      attribute,
      "a list of comma-separated values, e.g. 'a,b,c'",
      compiled.source,
      ctx,
    );
    return undefined;
  }
  return compiled;
}

function dateTimeExpression(
  id: string,
  schedule: ModdleElement,
  attribute: string,
  ctx: TransformContext,
): CompiledExpression | undefined {
  const compiled = expression(id, schedule, 'zeebe:taskSchedule', attribute, ctx);
  if (compiled?.isStatic && !isDateTime(compiled.source)) {
    staticProblem(id, attribute, DATE_TIME_EXAMPLE, compiled.source, ctx);
    return undefined;
  }
  return compiled;
}

function priorityExpression(
  id: string,
  definition: ModdleElement,
  ctx: TransformContext,
): CompiledExpression | undefined {
  const compiled = ctx.expressions.required(
    id,
    { owner: 'zeebe:priorityDefinition', attribute: 'priority' },
    nonBlank(definition, 'priority'),
  );
  if (compiled?.isStatic) {
    const value = Number(compiled.source.trim());
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      staticProblem(id, 'priority', 'a valid Number between 0 and 100', compiled.source, ctx);
      return undefined;
    }
  }
  return compiled;
}

function staticProblem(
  id: string,
  attribute: string,
  expected: string,
  found: string,
  ctx: TransformContext,
): void {
  ctx.problems.error(
    id,
    `Expected static value of '${attribute}' to be ${expected}, but found '${found}'.`,
  );
}
