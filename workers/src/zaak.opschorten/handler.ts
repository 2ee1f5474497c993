import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/** `zaak.opschorten`: suspends the zaak's deadline (the platform recomputes the termijnen). */
export const schortZaakOp: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  return postZaakAction(deps, vars.value.zaak.id, 'opschorten', { reden: head.value.reden });
};
