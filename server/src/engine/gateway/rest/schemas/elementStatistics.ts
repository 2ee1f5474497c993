import { z } from 'zod';

/**
 * Body of POST /v2/process-definitions/:key/statistics/element-instances. Camunda accepts a
 * process-instance filter here; the embedded engine counts over all instances of the definition,
 * so the route refuses a non-empty filter rather than ignore it.
 */
export const elementStatisticsQuerySchema = z.strictObject({
  filter: z.record(z.string(), z.unknown()).optional(),
});
