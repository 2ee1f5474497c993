import { z } from 'zod';
import { optionalText, requiredText } from '../shared/zaakVariables.js';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

export const headersSchema = z.looseObject({
  /** Omschrijving of a statustype of the zaak's zaaktype, e.g. "In behandeling". */
  statustype: requiredText,
  toelichting: optionalText,
});
