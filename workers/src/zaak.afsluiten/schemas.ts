import { z } from 'zod';
import { optionalText } from '../shared/zaakVariables.js';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

export const headersSchema = z.looseObject({
  /** Optional: sets the resultaat while closing; without it the zaak must already have one. */
  resultaattype: optionalText,
  toelichting: optionalText,
});
