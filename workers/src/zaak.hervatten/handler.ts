import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { variablesSchema } from './schemas.js';

/** `zaak.hervatten`: ends the zaak's opschorting. */
export const hervatZaak: JobHandler = async (variables, _headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  return postZaakAction(deps, vars.value.zaak.id, 'hervatten', {});
};
