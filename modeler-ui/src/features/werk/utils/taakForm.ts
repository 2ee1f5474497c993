/** A form-js schema, as the task API answers it. */
export interface FormSchema {
  components?: Array<{ key?: string; label?: string; components?: unknown[] }>;
  [key: string]: unknown;
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
