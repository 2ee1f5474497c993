import { z } from 'zod';
import { durationSchema } from '../deadlines/index.js';
import {
  AFLEIDINGSWIJZEN,
  ARCHIEFNOMINATIES,
  EIGENSCHAP_FORMATEN,
  ROLTYPE_OMSCHRIJVINGEN_GENERIEK,
  VERTROUWELIJKHEIDAANDUIDINGEN,
} from './enums.js';

/** Required text of at most `max` characters, with messages a beheerder understands. */
export function text(max: number) {
  return z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `at most ${max} characters` });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` });
}

/**
 * Child items may carry the `id` a GET returned, so a client can send a version back as it
 * received it; the id is ignored, because a concept's children are replaced as a whole.
 */
const ignoredId = { id: z.string().optional() };

export const statustypeSchema = z.strictObject({
  ...ignoredId,
  volgnummer: z
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'must be 1 or more' })
    .max(9999, { error: 'at most 9999' }),
  omschrijving: text(80),
  statustekst: z
    .string({ error: 'expected text' })
    .max(1000, { error: 'at most 1000 characters' })
    .default(''),
  informeren: z.boolean({ error: 'expected true or false' }).default(false),
});

export const resultaattypeSchema = z.strictObject({
  ...ignoredId,
  omschrijving: text(30),
  archiefnominatie: oneOf(ARCHIEFNOMINATIES),
  archiefactietermijn: durationSchema,
  brondatumArchiefprocedure: z.strictObject({
    afleidingswijze: oneOf(AFLEIDINGSWIJZEN),
    /** Only for afleidingswijze `termijn`: the term after afhandeling that the archive term starts from. */
    procestermijn: durationSchema.nullable().default(null),
  }),
});

export const roltypeSchema = z.strictObject({
  ...ignoredId,
  omschrijving: text(100),
  omschrijvingGeneriek: oneOf(ROLTYPE_OMSCHRIJVINGEN_GENERIEK),
});

export const eigenschapSchema = z.strictObject({
  ...ignoredId,
  naam: text(20),
  definitie: text(255),
  formaat: oneOf(EIGENSCHAP_FORMATEN),
});

export const informatieobjecttypeSchema = z.strictObject({
  ...ignoredId,
  omschrijving: text(80),
  vertrouwelijkheidaanduiding: oneOf(VERTROUWELIJKHEIDAANDUIDINGEN),
});
