import { z } from 'zod';

/** Every zaak job needs the zaak it works on; the platform starts processes with `zaak.id`. */
export const zaakVariablesSchema = z.looseObject({
  zaak: z.looseObject({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    identificatie: z.string().optional(),
  }),
});

export type ZaakVariables = z.infer<typeof zaakVariablesSchema>;

/** An optional free-text header, trimmed; empty counts as absent. */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const requiredText = z.string().trim().min(1, 'is required');
