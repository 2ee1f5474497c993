import { z } from 'zod';
import { calendarDateSchema, durationSchema } from '../deadlines/index.js';
import {
  eigenschapSchema,
  informatieobjecttypeSchema,
  oneOf,
  resultaattypeSchema,
  roltypeSchema,
  statustypeSchema,
  text,
} from './childSchemas.js';
import { INDICATIES_INTERN_OF_EXTERN, VERTROUWELIJKHEIDAANDUIDINGEN } from './enums.js';
import { versionContentProblems, type VersionContentToCheck } from './versionContentRules.js';

/** Identificatie appears in URLs and process variables, so it is kept to URL-safe characters. */
export const identificatieSchema = z
  .string({ error: 'expected text' })
  .min(1, { error: 'must not be empty' })
  .max(50, { error: 'at most 50 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'use letters, digits, ".", "_" and "-" only, starting with a letter or digit',
  });

/** The fields of a version as a beheerder edits them (without the cross-field rules). */
export const versionFieldsSchema = z.strictObject({
  omschrijving: text(80),
  doel: text(1000),
  aanleiding: text(1000),
  onderwerp: text(80),
  indicatieInternOfExtern: oneOf(INDICATIES_INTERN_OF_EXTERN),
  handelingInitiator: text(20),
  handelingBehandelaar: text(20),
  doorlooptijd: durationSchema,
  servicenorm: durationSchema.nullable().default(null),
  opschortingEnAanhoudingMogelijk: z.boolean({ error: 'expected true or false' }),
  verlengingMogelijk: z.boolean({ error: 'expected true or false' }),
  verlengingstermijn: durationSchema.nullable().default(null),
  vertrouwelijkheidaanduiding: oneOf(VERTROUWELIJKHEIDAANDUIDINGEN),
  trefwoorden: z.array(text(30), { error: 'expected a list of words' }).default([]),
  /** Defaults to the day the concept is saved. */
  versiedatum: calendarDateSchema.optional(),
  beginGeldigheid: calendarDateSchema.nullable().default(null),
  eindeGeldigheid: calendarDateSchema.nullable().default(null),
  bpmnProcessId: z
    .string({ error: 'expected text' })
    .regex(/^[A-Za-z_][\w.-]*$/, {
      error: 'expected a BPMN process id (an XML name such as "omgevingsvergunning")',
    })
    .max(255, { error: 'at most 255 characters' })
    .nullable()
    .default(null),
  processVersion: z
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'must be 1 or more' })
    .nullable()
    .default(null),
  processDefinitionKey: z
    .string({ error: 'expected the key as a string of digits' })
    .regex(/^\d{1,19}$/, { error: 'expected the key as a string of digits' })
    .nullable()
    .default(null),
  /** Forms of the process's user tasks by form id (form-js schemas). */
  forms: z
    .record(z.string(), z.unknown(), { error: 'expected an object of forms by form id' })
    .default({}),
  statustypen: z.array(statustypeSchema, { error: 'expected a list' }).default([]),
  resultaattypen: z.array(resultaattypeSchema, { error: 'expected a list' }).default([]),
  roltypen: z.array(roltypeSchema, { error: 'expected a list' }).default([]),
  eigenschappen: z.array(eigenschapSchema, { error: 'expected a list' }).default([]),
  informatieobjecttypen: z
    .array(informatieobjecttypeSchema, { error: 'expected a list' })
    .default([]),
});

function addContentProblems(version: VersionContentToCheck, context: z.RefinementCtx): void {
  for (const problem of versionContentProblems(version)) {
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
}

/** The content of a concept version: everything a beheerder edits. */
export const versionInputSchema = versionFieldsSchema.superRefine(addContentProblems);
export type VersionInput = z.infer<typeof versionInputSchema>;

/** A new zaaktype: its identificatie plus the content of its first concept version. */
export const newZaaktypeSchema = versionFieldsSchema
  .extend({ identificatie: identificatieSchema })
  .superRefine(addContentProblems);
export type NewZaaktype = z.infer<typeof newZaaktypeSchema>;

export const publishRequestSchema = z.strictObject({
  /** Overrides the concept's beginGeldigheid; without either, the version is valid from today. */
  beginGeldigheid: calendarDateSchema.optional(),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;
