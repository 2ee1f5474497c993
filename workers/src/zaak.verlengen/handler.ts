import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/** `zaak.verlengen`: extends the zaak's afhandeltermijn by `duur`. */
export const verlengZaak: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { duur, reden } = head.value;
  return postZaakAction(deps, vars.value.zaak.id, 'verlengen', { duur, reden });
};
