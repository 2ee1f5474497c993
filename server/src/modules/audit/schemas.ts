import { z } from 'zod';

export const auditQuerySchema = z.object({
  resourceType: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'e.g. zaak, zaaktype, taak, account' }),
  resourceId: z.string().min(1).max(255).optional(),
  zaakId: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'Everything recorded for one zaak' }),
  actorId: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: 'Account id or service client id' }),
  action: z.string().min(1).max(100).optional().meta({ description: 'e.g. auth.login_failed' }),
  before: z
    .string()
    .regex(/^\d{1,19}$/, 'expected an entry id (digits), as given in nextBefore')
    .optional()
    .meta({ description: 'Entries older than this id: pass nextBefore of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({
      type: z.enum(['user', 'service', 'system']),
      id: z.string().nullable(),
      name: z.string(),
    }),
    action: z.string(),
    resourceType: z.string(),
    resourceId: z.string(),
    zaakId: z.string().nullable(),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    requestId: z.string().nullable(),
    remark: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditPageSchema = z
  .object({
    entries: z.array(auditEntrySchema),
    nextBefore: z
      .string()
      .nullable()
      .meta({ description: 'Pass as before for the next (older) page' }),
  })
  .meta({ id: 'AuditPage' });
