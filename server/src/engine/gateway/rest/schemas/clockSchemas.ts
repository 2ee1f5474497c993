import { z } from 'zod';
import { parseIsoDuration } from '../duration.js';
import { int64 } from './filterSchemas.js';

/** PUT /v2/clock: pin the engine clock at an instant, in epoch milliseconds. */
export const pinClockSchema = z.strictObject({
  timestamp: int64(
    "Expected 'timestamp': the instant to pin the clock at, in epoch milliseconds",
  ).pipe(z.number().min(0)),
});

/**
 * POST /v2/clock/add (our extension, which Camunda 8.11 later added too): move the clock by an
 * ISO 8601 duration (`PT1H`, `P2D`, `-PT30M`) or by a number of milliseconds.
 */
export const addClockSchema = z
  .strictObject({
    duration: z.string().optional(),
    millis: int64("Expected 'millis': a whole number of milliseconds").optional(),
  })
  .transform((body, ctx) => {
    if ((body.duration === undefined) === (body.millis === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: "Give exactly one of 'duration' (ISO 8601, e.g. PT1H) or 'millis'",
      });
      return z.NEVER;
    }
    if (body.millis !== undefined) return body.millis;
    const parsed = parseIsoDuration(body.duration!);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: parsed });
      return z.NEVER;
    }
    return parsed;
  });
