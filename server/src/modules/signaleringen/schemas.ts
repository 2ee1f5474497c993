import { z } from 'zod';
import { signaleringEventTypes } from './eventTypes.js';

export const listQuerySchema = z.object({
  ongelezen: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .meta({ description: 'true: only unread signaleringen' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const idParamsSchema = z.object({
  id: z.string().regex(/^\d{1,19}$/, 'expected a signalering id (digits)'),
});

export const signaleringSchema = z.object({
  id: z.string(),
  eventType: z.enum(signaleringEventTypes),
  subjectType: z.enum(['zaak', 'taak']),
  subjectId: z.string(),
  zaakId: z.string().nullable(),
  tekst: z.string(),
  createdAt: z.string().meta({ description: 'ISO 8601' }),
  readAt: z.string().nullable(),
});

export const listResponseSchema = z.object({ signaleringen: z.array(signaleringSchema), ongelezen: z.number().int() });
export const countResponseSchema = z.object({ ongelezen: z.number().int() });
export const markAllResponseSchema = z.object({
  ongelezen: z.literal(0),
  gemarkeerd: z.number().int().meta({ description: 'How many were unread' }),
});

export const settingSchema = z.strictObject({
  eventType: z.enum(signaleringEventTypes, { error: `expected one of ${signaleringEventTypes.join(', ')}` }),
  dashboard: z.boolean({ error: 'expected true or false' }),
  email: z.boolean({ error: 'expected true or false' }),
});

export const settingsBodySchema = z.strictObject({
  instellingen: z
    .array(settingSchema)
    .min(1, 'expected at least one setting')
    .refine((list) => new Set(list.map((s) => s.eventType)).size === list.length, 'each eventType at most once'),
});

export const settingsResponseSchema = z.object({
  instellingen: z.array(settingSchema.extend({ label: z.string() })),
});

export const zaaktypeParamsSchema = z.object({ identificatie: z.string().min(1).max(50) });
export const werkdagenBodySchema = z.strictObject({
  werkdagen: z.number({ error: 'expected a whole number of working days (0-60)' }).int('expected a whole number').min(0).max(60),
});
export const werkdagenResponseSchema = z.object({ zaaktype: z.string(), werkdagen: z.number().int() });
