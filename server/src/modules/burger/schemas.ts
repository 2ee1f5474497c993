import { z } from 'zod';

export const informatieverzoekSchema = z.strictObject({
  /** What the citizen is asked for, in their words. */
  omschrijving: z.string().trim().min(1, 'must not be empty').max(2000),
  /** The message the upload publishes, and its correlation key, as the model's catch event expects. */
  berichtNaam: z.string().trim().min(1, 'must not be empty').max(255),
  correlatieSleutel: z.string().trim().min(1, 'must not be empty').max(255),
  uiterlijkeDatum: z.iso.date({ error: 'expected a date YYYY-MM-DD' }).optional(),
});
export type InformatieverzoekInput = z.infer<typeof informatieverzoekSchema>;

export const zaakIdParamsSchema = z.object({ id: z.uuid({ error: 'expected a zaak id (uuid)' }) });
