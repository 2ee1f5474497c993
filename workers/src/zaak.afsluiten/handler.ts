import { bpmnError, type JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import {
  postZaakAction,
  RESULTAAT_ONTBREEKT,
  type BusinessErrorMapper,
} from '../shared/zaakApi.js';
import { headersSchema, variablesSchema } from './schemas.js';

/** `zaak.afsluiten`: sets the eindstatus; a zaak without resultaat ends in RESULTAAT_ONTBREEKT. */
export const sluitZaakAf: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { resultaattype, toelichting } = head.value;
  return postZaakAction(
    deps,
    vars.value.zaak.id,
    'afsluiten',
    { resultaattype, toelichting },
    resultaatOntbreekt,
  );
};

/**
 * The zaken API refuses closing without resultaat with a 4xx; it is recognised by the code
 * `RESULTAAT_ONTBREEKT` in the error details (preferred) or a message about the resultaat.
 */
const resultaatOntbreekt: BusinessErrorMapper = (response, error) => {
  if (response.status !== 400 && response.status !== 409 && response.status !== 422)
    return undefined;
  const code = error.details?.code;
  const aboutResultaat =
    code === RESULTAAT_ONTBREEKT || (code === undefined && /resultaat/i.test(error.message ?? ''));
  return aboutResultaat
    ? bpmnError(RESULTAAT_ONTBREEKT, error.message ?? 'De zaak heeft nog geen resultaat')
    : undefined;
};
