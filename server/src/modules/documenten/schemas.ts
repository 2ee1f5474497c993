import { z } from 'zod';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../catalogus/index.js';

const text = (max: number) =>
  z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `at most ${max} characters` });

/** The form fields that come with an upload (multipart), besides the file `inhoud`. */
export const uploadMetadataSchema = z.object({
  titel: text(200),
  /** Omschrijving of an informatieobjecttype of the zaaktype; free text when it defines none. */
  informatieobjecttype: text(80),
  /** Absent: that of the informatieobjecttype, else that of the zaak. */
  vertrouwelijkheidaanduiding: z.enum(VERTROUWELIJKHEIDAANDUIDINGEN).optional(),
  /** Absent: the name of whoever uploads. */
  auteur: text(200).optional(),
  /** Absent: the name the file had on the client. */
  bestandsnaam: text(255).optional(),
});
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

export const verwijderSchema = z.object({
  reden: text(1000),
});

export const documentIdParamsSchema = z.object({
  id: z.uuid({ error: 'expected a document id (uuid)' }),
});

export const zaakIdParamsSchema = z.object({
  id: z.uuid({ error: 'expected a zaak id (uuid)' }),
});

export const idempotencyKeySchema = z.string().trim().min(1).max(255).optional();

/** A document as the API answers it. */
export const documentSchema = z.object({
  id: z.uuid(),
  zaakId: z.uuid(),
  titel: z.string(),
  informatieobjecttype: z.string(),
  vertrouwelijkheidaanduiding: z.enum(VERTROUWELIJKHEIDAANDUIDINGEN),
  auteur: z.string(),
  bestandsnaam: z.string(),
  formaat: z.string().meta({ description: 'Media type, as found in the content (not as the client said)' }),
  bestandsomvang: z.number().int().meta({ description: 'Size in bytes' }),
  sha256: z.string(),
  creatiedatum: z.string().meta({ description: 'When it was added (ISO 8601)' }),
  toegevoegdDoor: z.string(),
  inhoud: z.string().meta({ description: 'Path of the download' }),
  verwijderbaar: z.boolean().meta({ description: 'Whether the caller may delete it' }),
});
