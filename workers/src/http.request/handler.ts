import {
  bpmnError,
  complete,
  incident,
  retryLater,
  type JobHandler,
  type JsonValue,
} from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { fillTemplate, valueAt } from '../shared/template.js';
import { headersSchema, variablesSchema } from './schemas.js';

/**
 * `http.request`: a generic REST call. 2xx completes (with `{ status, body }` in resultVariable);
 * 4xx is a business answer the model can catch as `HTTP_<status>`; 5xx, timeouts and network
 * trouble are retried with back-off.
 */
export const httpRequest: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { method, bodyVariable, resultVariable, timeoutMs } = head.value;

  const url = fillTemplate(head.value.url, variables, encodeURIComponent);
  if (!url.ok)
    return incident(`The url header needs variables that have no value: ${url.missing.join(', ')}`);
  const body = bodyVariable === undefined ? undefined : valueAt(variables, bodyVariable);
  if (bodyVariable !== undefined && body === undefined) {
    return incident(`Variable '${bodyVariable}' (named by header bodyVariable) has no value`);
  }

  let response: Response;
  try {
    response = await (deps.fetch ?? fetch)(url.text, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : String(error);
    return retryLater(`${method} ${url.text} failed: ${reason}`);
  }
  const responseBody = await readBody(response);
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    return retryLater(
      `${method} ${url.text} answered ${response.status}: ${snippet(responseBody)}`,
    );
  }
  if (response.status >= 400) {
    return bpmnError(
      `HTTP_${response.status}`,
      `${method} ${url.text} answered ${response.status}: ${snippet(responseBody)}`,
    );
  }
  return resultVariable
    ? complete({ [resultVariable]: { status: response.status, body: responseBody } })
    : complete();
};

async function readBody(response: Response): Promise<JsonValue> {
  const text = await response.text();
  if (!text) return null;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}

function snippet(body: JsonValue): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
