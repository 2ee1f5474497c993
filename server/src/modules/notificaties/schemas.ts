import { z } from 'zod';
import { KANALEN } from './types.js';

const kenmerkValue = z
  .string()
  .min(1, 'expected a value to match, or leave the filter out')
  .max(255);

const kanaalSchema = z.strictObject({
  naam: z.enum(KANALEN, {
    error: `expected a kanaal this platform publishes on: ${KANALEN.join(', ')}`,
  }),
  filters: z
    .strictObject(
      {
        bronorganisatie: kenmerkValue.optional(),
        zaaktype: kenmerkValue.optional(),
        vertrouwelijkheidaanduiding: kenmerkValue.optional(),
      },
      {
        error:
          'expected filters on the kenmerken bronorganisatie, zaaktype (its identificatie) or vertrouwelijkheidaanduiding',
      },
    )
    .default({}),
});

const callbackUrl = z
  .url({
    protocol: /^https?$/,
    error: 'expected the http:// or https:// URL the notificaties are posted to',
  })
  .max(2000, 'expected a URL of at most 2000 characters');

// A header value: printable ASCII, no line breaks (they would split the request).
const auth = z
  .string({
    error: 'expected the Authorization header value the callback expects, e.g. "Bearer <token>"',
  })
  .min(1, 'expected the Authorization header value the callback expects, e.g. "Bearer <token>"')
  .max(4096, 'expected at most 4096 characters')
  .regex(
    /^[\x20-\x7e]+$/,
    'expected printable ASCII only (it is sent as the Authorization header)',
  );

const kanalen = z
  .array(kanaalSchema)
  .min(1, 'expected at least one kanaal, e.g. [{ "naam": "zaken" }]');

export const abonnementBodySchema = z.strictObject({ callbackUrl, auth, kanalen });

export const abonnementPatchSchema = z
  .strictObject({
    callbackUrl: callbackUrl.optional(),
    auth: auth.optional(),
    kanalen: kanalen.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'expected at least one of callbackUrl, auth, kanalen',
  });

export const idParamsSchema = z.object({ id: z.uuid('expected the id of an abonnement (a UUID)') });

export const afleveringenQuerySchema = z.object({
  state: z
    .enum(['pending', 'delivered', 'failed'], { error: 'expected pending, delivered or failed' })
    .optional(),
  abonnement: z.uuid('expected the id of an abonnement (a UUID)').optional(),
  limit: z.coerce.number({ error: 'expected a number' }).int().min(1).max(500).default(100),
});

const notificatieSchema = z.object({
  kanaal: z.string(),
  hoofdObject: z.string(),
  resource: z.string(),
  resourceUrl: z.string(),
  actie: z.string(),
  aanmaakdatum: z.string(),
  kenmerken: z.record(z.string(), z.string()),
});

export const abonnementResponseSchema = z.object({
  id: z.string(),
  callbackUrl: z.string(),
  /** The stored value's scheme and last four characters; the value itself is never returned. */
  authHint: z.string(),
  kanalen: z.array(z.object({ naam: z.string(), filters: z.record(z.string(), z.string()) })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const abonnementenResponseSchema = z.object({
  abonnementen: z.array(abonnementResponseSchema),
});

export const afleveringenResponseSchema = z.object({
  afleveringen: z.array(
    z.object({
      id: z.string(),
      abonnementId: z.string(),
      callbackUrl: z.string(),
      state: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number(),
      nextAttemptAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      lastError: z.string().nullable(),
      createdAt: z.string(),
      notificatie: notificatieSchema,
      pogingen: z.array(
        z.object({
          nummer: z.number(),
          at: z.string(),
          statusCode: z.number().nullable(),
          error: z.string().nullable(),
        }),
      ),
    }),
  ),
});
