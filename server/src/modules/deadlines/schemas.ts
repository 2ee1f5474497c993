import { z } from 'zod';
import { isCalendarDate } from './calendarDate.js';
import { isDateDuration } from './duration.js';

/** zod schemas for the deadline inputs, shared with other modules (catalogus, zaken). */
export const calendarDateSchema = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'expected a valid date as YYYY-MM-DD, e.g. 2026-04-27' });

export const durationSchema = z
  .string({ error: 'expected an ISO 8601 duration such as P8W' })
  .refine(isDateDuration, {
    error:
      'expected an ISO 8601 duration in years, months, weeks or days, such as P8W, P42D or P1M',
  });

export const extraDayInputSchema = z.strictObject({
  datum: calendarDateSchema,
  omschrijving: z
    .string({ error: 'expected text' })
    .trim()
    .min(1, { error: 'give a description, e.g. "Vrijdag na Hemelvaartsdag"' })
    .max(200, { error: 'at most 200 characters' }),
});
export type ExtraDayInput = z.infer<typeof extraDayInputSchema>;

const yearSchema = z.coerce
  .number({ error: 'expected a year such as 2026' })
  .int({ error: 'expected a whole year such as 2026' })
  .min(1900, { error: 'years before 1900 are not supported' })
  .max(9999, { error: 'years after 9999 are not supported' });

export const termQuerySchema = z.strictObject({
  startdatum: calendarDateSchema,
  duur: durationSchema,
});

export const yearQuerySchema = z.object({ jaar: yearSchema });

export const rangeQuerySchema = z.object({
  van: calendarDateSchema.optional(),
  tot: calendarDateSchema.optional(),
});

export const extraDayParamsSchema = z.object({ datum: calendarDateSchema });
