import type { JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { postZaakAction } from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/**
 * `burger.informatie-opvragen`: records an information request for the citizen. The platform
 * suspends the zaak and mails the citizen a link to the status page, where they upload the
 * answer; that upload resumes the zaak and publishes `berichtNaam` with the correlation key.
 */
export const vraagInformatieOp: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { zaak, omschrijving, correlatieSleutel, uiterlijkeDatum } = vars.value;
  return postZaakAction(deps, zaak.id, 'informatieverzoeken', {
    omschrijving,
    berichtNaam: head.value.berichtNaam,
    correlatieSleutel,
    uiterlijkeDatum,
  });
};
