import { z } from 'zod';

export { zaakVariablesSchema as variablesSchema } from '../shared/zaakVariables.js';

/** No settings: the zaak resumes from its current opschorting. */
export const headersSchema = z.looseObject({});
