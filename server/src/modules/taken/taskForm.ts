import type { Knex } from 'knex';
import { zaaktypeFormsOfZaak } from './takenRepository.js';
import type { Taak } from './types.js';

/** A form-js schema: at least a list of components. */
export interface FormSchema {
  components: unknown[];
  [key: string]: unknown;
}

/**
 * The form-js schema a task's page shows, found as the task page finds it: in the zaaktype's forms
 * under the form key, its short id (`camunda-forms:bpmn:<id>`) or the element id. Undefined for a
 * task without a form key or without a registered zaak: such a task is completed without checks.
 */
export async function formSchemaOfTaak(db: Knex, taak: Taak): Promise<FormSchema | undefined> {
  if (!taak.zaakId || !taak.formKey) return undefined;
  const forms = await zaaktypeFormsOfZaak(db, taak.zaakId);
  if (!forms) return undefined;
  const keys = [taak.formKey, taak.formKey.split(':').pop() ?? taak.formKey, taak.elementId];
  for (const key of keys) {
    const schema = schemaIn(forms[key]);
    if (schema) return schema;
  }
  return undefined;
}

/** A stored form is the schema itself, `{ schema }` around it, or its JSON text. */
function schemaIn(value: unknown): FormSchema | undefined {
  if (typeof value === 'string') {
    try {
      return schemaIn(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray((value as { components?: unknown }).components)) return value as FormSchema;
  const inner = (value as { schema?: unknown }).schema;
  return inner === undefined ? undefined : schemaIn(inner);
}
