import { z } from 'zod';
import { requiredText } from '../shared/zaakVariables.js';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

export const headersSchema = z.looseObject({
  /** ISO 8601 duration, e.g. `P6W`; the zaaktype caps it at its verlengingstermijn. */
  duur: z
    .string()
    .trim()
    .regex(
      /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/,
      'must be an ISO 8601 duration such as P14D or P6W',
    ),
  reden: requiredText,
});
