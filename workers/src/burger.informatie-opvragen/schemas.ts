import { z } from 'zod';
import { requiredText } from '../shared/zaakVariables.js';
import { zaakVariablesSchema } from '../shared/zaakVariables.js';

/** Filled by the task's input mappings (FEEL), so they can come from a form or the zaak. */
export const variablesSchema = zaakVariablesSchema.extend({
  /** What the citizen is asked for, in plain words, e.g. "Een constructieberekening". */
  omschrijving: requiredText,
  /** The value the message catch event correlates on, e.g. `=zaak.identificatie`. */
  correlatieSleutel: z.union([requiredText, z.number()]).transform(String),
  /** Optional: the date by which the citizen should answer (YYYY-MM-DD). */
  uiterlijkeDatum: z
    .union([z.iso.date({ error: 'expected a date YYYY-MM-DD' }), z.null()])
    .optional()
    .transform((value) => value ?? undefined),
});

export const headersSchema = z.looseObject({
  /** The message the citizen's upload publishes, as named by the model's catch event. */
  berichtNaam: requiredText,
});
