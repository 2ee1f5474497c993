import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/** `zaak.status`: gives the zaak the status named in the `statustype` header. */
export const zetStatus: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { statustype, toelichting } = head.value;
  return postZaakAction(deps, vars.value.zaak.id, 'status', { statustype, toelichting });
};
