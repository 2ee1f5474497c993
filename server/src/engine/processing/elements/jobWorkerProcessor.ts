import { evaluateAs, evaluateText } from '../../behaviors/expressions.js';
import { cancelJob, createJob } from '../../behaviors/jobBehavior.js';
import { visibleVariables, type Outcome } from '../../behaviors/variableBehavior.js';
import type { JsonValue } from '../../feel/types.js';
import type { CompiledExpression } from '../../feel/types.js';
import type { ExecutableElement, UserTaskDefinition } from '../../model/types.js';
import { latestFormKey } from '../commands/deployForms.js';
import type { ElementProcessor } from '../elementProcessor.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { markActivated } from '../lifecycle.js';

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const HEADER = 'io.camunda.zeebe:';

/** Tasks carried out by a job worker: the element waits until the job is completed. */
export const jobWorkerProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const variables = visibleVariables(execution, instance.key);
    const now = execution.ctx.now;
    const job = jobSettings(element, variables, now);
    if (!job.ok) return job;
    const linkedForm = await linkedFormHeader(execution, element);
    if (!linkedForm.ok) return linkedForm;
    Object.assign(job.customHeaders, linkedForm.headers);
    await createJob(execution, instance, job);
    markActivated(execution, instance);
    return { ok: true };
  },
  async onTerminate(execution, instance) {
    await cancelJob(execution, instance);
  },
};

type JobSettings = { ok: true; type: string; retries: number; customHeaders: Record<string, string> };

function jobSettings(element: ExecutableElement, variables: Record<string, JsonValue>, now: number): JobSettings | Extract<Outcome, { ok: false }> {
  const customHeaders: Record<string, string> = { ...(element.job?.headers ?? element.userTask?.customHeaders ?? {}) };
  let type = USER_TASK_JOB_TYPE;
  let retries = 3;
  if (element.job) {
    const typeResult = evaluateText(element.job.type, variables, now);
    if (!typeResult.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: typeResult.message };
    type = typeResult.value;
    const retriesResult = evaluateAs(element.job.retries, variables, 'ANY', now);
    const parsed = retriesResult.ok ? Number(retriesResult.value) : NaN;
    if (!retriesResult.ok || !Number.isInteger(parsed)) {
      const message = retriesResult.ok
        ? `Expected result of the expression '${element.job.retries.source}' to be 'NUMBER', but was '${JSON.stringify(retriesResult.value)}'.`
        : retriesResult.message;
      return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message };
    }
    retries = parsed;
  }
  if (element.userTask && !element.job) {
    const headers = userTaskHeaders(element.userTask, variables, now);
    if (!headers.ok) return headers;
    Object.assign(customHeaders, headers.headers);
  }
  return { ok: true, type, retries, customHeaders };
}

/** The headers Zeebe gives a job-based user task, with FEEL settings evaluated now. */
function userTaskHeaders(
  task: UserTaskDefinition,
  variables: Record<string, JsonValue>,
  now: number,
): { ok: true; headers: Record<string, string> } | Extract<Outcome, { ok: false }> {
  const headers: Record<string, string> = {};
  const settings: [string, CompiledExpression | undefined, 'text' | 'list'][] = [
    ['assignee', task.assignee, 'text'],
    ['candidateGroups', task.candidateGroups, 'list'],
    ['candidateUsers', task.candidateUsers, 'list'],
    ['dueDate', task.dueDate, 'text'],
    ['followUpDate', task.followUpDate, 'text'],
  ];
  for (const [name, expression, shape] of settings) {
    if (!expression) continue;
    const result = evaluateAs(expression, variables, 'ANY', now);
    if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
    if (result.value === null || result.value === '') continue;
    if (shape === 'list') {
      const list = toStringList(result.value);
      if (!list) {
        return {
          ok: false,
          errorType: 'EXTRACT_VALUE_ERROR',
          message: `Expected result of the expression '${expression.source}' to be 'ARRAY', but was '${JSON.stringify(result.value)}'.`,
        };
      }
      headers[HEADER + name] = JSON.stringify(list);
    } else {
      headers[HEADER + name] = typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
    }
  }
  if (task.formKey) headers[HEADER + 'formKey'] = task.formKey;
  return { ok: true, headers };
}

/**
 * A job-based user task linked to a deployed form (zeebe:formDefinition formId) gets the key of
 * the form's latest version in its formKey header, as Zeebe does; no such form is an incident.
 */
async function linkedFormHeader(
  execution: InstanceExecution,
  element: ExecutableElement,
): Promise<{ ok: true; headers: Record<string, string> } | Extract<Outcome, { ok: false }>> {
  const formId = element.job ? undefined : element.userTask?.formId;
  if (!formId) return { ok: true, headers: {} };
  const formKey = await latestFormKey(execution.ctx, formId, execution.definition.tenantId);
  if (!formKey) {
    return {
      ok: false,
      errorType: 'FORM_NOT_FOUND',
      message: `Expected to find a form with id '${formId}', but no form with this id is found, at least a form with this id should be available. To resolve the Incident please deploy a form with the same id`,
    };
  }
  return { ok: true, headers: { [HEADER + 'formKey']: formKey } };
}

/** Static candidate lists are comma separated; FEEL gives a list or a single string. */
function toStringList(value: JsonValue): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((part) => part.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}
