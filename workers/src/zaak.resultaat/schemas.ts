import { z } from 'zod';
import { optionalText, requiredText } from '../shared/zaakVariables.js';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

export const headersSchema = z.looseObject({
  /** Omschrijving of a resultaattype of the zaak's zaaktype, e.g. "Verleend". */
  resultaattype: requiredText,
  toelichting: optionalText,
});
