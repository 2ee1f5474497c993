import type { Taak, ZaaktypeVersie } from '../api/types';

export interface FormSchema {
  components?: Array<{ key?: string; label?: string; components?: unknown[] }>;
  [key: string]: unknown;
}

function isSchema(value: unknown): value is FormSchema {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as FormSchema).components)
  );
}

function unwrap(value: unknown): FormSchema | null {
  if (isSchema(value)) return value;
  if (typeof value === 'object' && value !== null) {
    const inner = (value as { schema?: unknown }).schema;
    if (isSchema(inner)) return inner;
  }
  if (typeof value === 'string') {
    try {
      return unwrap(JSON.parse(value));
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The form-js schema of a task: carried by the task itself, or found in the zaaktype's forms
 * under the task's formKey (with or without a `camunda-forms:bpmn:` style prefix).
 */
export function formSchemaOf(taak: Taak, zaaktype: ZaaktypeVersie | undefined): FormSchema | null {
  const own = unwrap(taak.formSchema) ?? unwrap(taak.form);
  if (own) return own;
  if (!taak.formKey || !zaaktype) return null;
  const forms = zaaktype.forms;
  const shortKey = taak.formKey.split(':').pop() ?? taak.formKey;
  return unwrap(forms[taak.formKey]) ?? unwrap(forms[shortKey]) ?? unwrap(forms[taak.elementId]);
}

/** Labels of form fields by id and key, for the error summary. */
export function fieldLabels(schema: FormSchema): Record<string, string> {
  const labels: Record<string, string> = {};
  const visit = (components: unknown[] | undefined) => {
    for (const component of components ?? []) {
      const item = component as {
        id?: string;
        key?: string;
        label?: string;
        components?: unknown[];
      };
      // form-js reports errors by field id; keys are listed too for forms that use them.
      const label = item.label ?? item.key ?? item.id;
      if (item.key && label) labels[item.key] = label;
      if (item.id && label) labels[item.id] = label;
      visit(item.components);
    }
  };
  visit(schema.components);
  return labels;
}

/** The server's refusal of form data (`details.problems`: path, label, message) as "Label: melding". */
export function formProblemLines(problems: unknown, schema: FormSchema | null): string[] {
  if (!Array.isArray(problems)) return [];
  const labels = schema ? fieldLabels(schema) : {};
  return problems.flatMap((item: unknown) => {
    const problem = (item ?? {}) as { path?: unknown; label?: unknown; message?: unknown };
    if (typeof problem.message !== 'string') return [];
    const path = typeof problem.path === 'string' ? problem.path : '';
    const label = typeof problem.label === 'string' ? problem.label : (labels[path] ?? path);
    return [label ? `${label}: ${problem.message}` : problem.message];
  });
}
