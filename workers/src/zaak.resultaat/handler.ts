import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/** `zaak.resultaat`: records the resultaat named in the `resultaattype` header. */
export const zetResultaat: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { resultaattype, toelichting } = head.value;
  return postZaakAction(deps, vars.value.zaak.id, 'resultaat', { resultaattype, toelichting });
};
