import { z } from 'zod';
import { calendarDateSchema } from '../deadlines/index.js';
import { oneOf } from './childSchemas.js';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from './enums.js';
import { identificatieSchema } from './schemas.js';

/** Path and query parameters of the catalogue routes, shared by the routers and the API document. */
export const zaaktypeParamsSchema = z.object({ identificatie: identificatieSchema });

export const versionParamsSchema = z.object({
  identificatie: identificatieSchema,
  versie: z.coerce
    .number({ error: 'expected a version number' })
    .int({ error: 'expected a version number' })
    .min(1, { error: 'expected a version number' }),
});

export const peildatumQuerySchema = z.object({
  peildatum: calendarDateSchema.optional().meta({ description: 'Defaults to today' }),
});

export const authorisationParamsSchema = z.object({
  groep: z.string().min(1).max(100, { error: 'at most 100 characters' }),
  identificatie: identificatieSchema,
});

export const grantBodySchema = z.strictObject({
  maxVertrouwelijkheidaanduiding: oneOf(VERTROUWELIJKHEIDAANDUIDINGEN),
});

export const authorisationFilterSchema = z.object({
  groep: z.string().optional(),
  zaaktype: identificatieSchema.optional(),
});
