import { z } from 'zod';
import { optionalText, zaakVariablesSchema } from '../shared/zaakVariables.js';

/** The zaak (id, identificatie, omschrijving, initiator …) plus optional titel and template. */
export const variablesSchema = zaakVariablesSchema.extend({
  titel: optionalText,
  template: optionalText,
});

export const headersSchema = z.looseObject({
  /** Template name, e.g. `besluit` or `omgevingsvergunning-besluit`; else the variable `template`. */
  template: optionalText,
  /** Omschrijving of an informatieobjecttype of the zaaktype, e.g. "Besluit". */
  informatieobjecttype: z.string().trim().min(1, 'is required').default('Besluit'),
  /** Overrides the template's titel; `{{…}}` placeholders are filled from variables. */
  titel: optionalText,
  /** Name of the municipality at the top of the letter. */
  gemeente: z.string().trim().min(1).default('Gemeente'),
  /** Variable that receives the added document ({ id, titel, bestandsnaam }). */
  resultVariable: z
    .string()
    .trim()
    .regex(/^[A-Za-z_][\w]*$/, 'must be a variable name')
    .default('gegenereerdDocument'),
});
