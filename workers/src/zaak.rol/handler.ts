import type { JobHandler } from '../runtime/jobOutcome.js';
import { incident } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { valueAt } from '../shared/template.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { betrokkeneSchema, headersSchema, variablesSchema } from './schemas.js';

/** `zaak.rol`: adds a rol (roltype + betrokkene) to the zaak. */
export const voegRolToe: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { roltype, betrokkeneVariable, toelichting } = head.value;
  const betrokkene = betrokkeneSchema.safeParse(valueAt(variables, betrokkeneVariable));
  if (!betrokkene.success) {
    return incident(
      `Invalid job variables: variable '${betrokkeneVariable}' (named by header betrokkeneVariable) must hold the betrokkene as an object`,
    );
  }
  return postZaakAction(deps, vars.value.zaak.id, 'rollen', {
    roltype,
    betrokkene: betrokkene.data,
    toelichting,
  });
};
