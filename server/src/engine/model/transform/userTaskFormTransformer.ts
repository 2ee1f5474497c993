import type { UserTaskDefinition } from '../types.js';
import { extensionsOf, singleExtension } from '../moddle/extensions.js';
import { nonBlank, text } from '../moddle/moddleElement.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

type FormDetails = {
  -readonly [
    K in 'formKey' | 'formId' | 'externalReference' | 'embeddedForm'
  ]?: UserTaskDefinition[K];
};

/**
 * zeebe:formDefinition of a user task. Job-based tasks use a formKey (a custom key, or
 * `camunda-forms:bpmn:<id>` for a zeebe:userTaskForm embedded in the process) or a formId;
 * Camunda user tasks use a formId or an externalReference.
 */
export function formDetails(
  entry: FlowNodeEntry,
  isCamundaUserTask: boolean,
  ctx: TransformContext,
): FormDetails {
  const definition = singleExtension(entry.node, 'zeebe:FormDefinition', ctx.problems);
  if (!definition) return {};
  const formKey = nonBlank(definition, 'formKey');
  const formId = nonBlank(definition, 'formId');
  const externalReference = nonBlank(definition, 'externalReference');
  const other = isCamundaUserTask ? externalReference : formKey;
  if ((formId === undefined) === (other === undefined)) {
    const names = isCamundaUserTask ? 'formId, externalReference' : 'formId, formKey';
    const suffix = isCamundaUserTask ? ' for native user tasks' : '';
    ctx.problems.error(
      entry.id,
      `Exactly one of the attributes '${names}' must be present and not blank${suffix}`,
    );
  }
  const details: FormDetails = {};
  if (formId) details.formId = formId;
  if (isCamundaUserTask && externalReference) details.externalReference = externalReference;
  if (!isCamundaUserTask && formKey) {
    details.formKey = formKey;
    const embeddedForm = embeddedFormFor(entry.id, formKey, ctx);
    if (embeddedForm !== undefined) details.embeddedForm = embeddedForm;
  }
  return details;
}

function embeddedFormFor(
  elementId: string,
  formKey: string,
  ctx: TransformContext,
): string | undefined {
  if (!formKey.startsWith(EMBEDDED_FORM_PREFIX)) return undefined;
  const formId = formKey.slice(EMBEDDED_FORM_PREFIX.length);
  const form = extensionsOf(ctx.process, 'zeebe:UserTaskForm').find(
    (candidate) => text(candidate, 'id') === formId,
  );
  if (!form) {
    // Zeebe deploys this and leaves the lookup to the task list; a warning keeps it visible.
    ctx.problems.warning(
      elementId,
      `Form key '${formKey}' refers to an embedded form '${formId}', but the process has no zeebe:userTaskForm with that id`,
    );
    return undefined;
  }
  return text(form, 'body') ?? '';
}
