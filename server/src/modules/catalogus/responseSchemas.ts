import { z } from 'zod';
import { calendarDateSchema } from '../deadlines/index.js';
import {
  eigenschapSchema,
  informatieobjecttypeSchema,
  oneOf,
  resultaattypeSchema,
  roltypeSchema,
  statustypeSchema,
} from './childSchemas.js';
import { VERSION_STATUSES, VERTROUWELIJKHEIDAANDUIDINGEN } from './enums.js';
import { versionFieldsSchema } from './schemas.js';

/** Response bodies, for the OpenAPI document: what the routers send, with every id present. */
const withId = { id: z.string() };

export const zaaktypeVersionResponseSchema = versionFieldsSchema
  .extend({
    id: z.string(),
    identificatie: z.string(),
    versie: z.number().int(),
    status: oneOf(VERSION_STATUSES),
    versiedatum: calendarDateSchema,
    statustypen: z.array(statustypeSchema.extend(withId)),
    resultaattypen: z.array(resultaattypeSchema.extend(withId)),
    roltypen: z.array(roltypeSchema.extend(withId)),
    eigenschappen: z.array(eigenschapSchema.extend(withId)),
    informatieobjecttypen: z.array(informatieobjecttypeSchema.extend(withId)),
    createdBy: z.string().nullable(),
    updatedBy: z.string().nullable(),
    publishedBy: z.string().nullable(),
    createdAt: z.string().meta({ format: 'date-time' }),
    updatedAt: z.string().meta({ format: 'date-time' }),
    publishedAt: z.string().meta({ format: 'date-time' }).nullable(),
  })
  .meta({ id: 'ZaaktypeVersie' });

const versionSummarySchema = z
  .object({
    versie: z.number().int(),
    status: oneOf(VERSION_STATUSES),
    omschrijving: z.string(),
    versiedatum: calendarDateSchema,
    beginGeldigheid: calendarDateSchema.nullable(),
    eindeGeldigheid: calendarDateSchema.nullable(),
  })
  .meta({ id: 'ZaaktypeVersieSamenvatting' });

export const zaaktypeListResponseSchema = z.object({
  zaaktypen: z.array(
    z.object({ identificatie: z.string(), versies: z.array(versionSummarySchema) }),
  ),
});

export const zaaktypeResponseSchema = z.object({
  identificatie: z.string(),
  versies: z.array(zaaktypeVersionResponseSchema),
});

const authorisationSchema = z
  .object({
    groep: z.string(),
    zaaktypeIdentificatie: z.string(),
    maxVertrouwelijkheidaanduiding: oneOf(VERTROUWELIJKHEIDAANDUIDINGEN),
  })
  .meta({ id: 'ZaaktypeAutorisatie' });

export const authorisationResponseSchema = authorisationSchema;
export const authorisationListResponseSchema = z.object({
  autorisaties: z.array(authorisationSchema),
});
