import { z } from 'zod';
import { requiredText } from '../shared/zaakVariables.js';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

export const headersSchema = z.looseObject({
  /** Why the zaak is suspended, e.g. "Wacht op aanvullende gegevens". */
  reden: requiredText,
});
