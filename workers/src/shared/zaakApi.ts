import {
  bpmnError,
  complete,
  incident,
  retryLater,
  type HandlerDeps,
  type JobOutcome,
} from '../runtime/jobOutcome.js';
import { PlatformUnavailableError, type PlatformResponse } from '../runtime/platformClient.js';

/** Business error codes the models can catch with an error boundary event. */
export const ZAAK_NIET_GEVONDEN = 'ZAAK_NIET_GEVONDEN';
export const RESULTAAT_ONTBREEKT = 'RESULTAAT_ONTBREEKT';

export interface ApiError {
  name?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/** Action-specific 4xx handling, tried before the general rules. */
export type BusinessErrorMapper = (
  response: PlatformResponse,
  error: ApiError,
) => JobOutcome | undefined;

/**
 * Calls `POST /api/zaken/:id/<action>` (idempotent; the job key as Idempotency-Key) and turns
 * the answer into a job outcome:
 * 2xx → complete; 404 → ZAAK_NIET_GEVONDEN; other 4xx → incident (the model asks for
 * something the zaak or catalogus does not allow: a retry won't change that);
 * 401/403/408/429/5xx and network trouble → retry with back-off.
 */
export async function postZaakAction(
  deps: HandlerDeps,
  zaakId: string,
  action: string,
  body: Record<string, unknown>,
  mapBusinessError?: BusinessErrorMapper,
): Promise<JobOutcome> {
  const path = `/api/zaken/${encodeURIComponent(zaakId)}/${action}`;
  let response: PlatformResponse;
  try {
    response = await deps.platform.request('POST', path, withoutUndefined(body), {
      idempotencyKey: `job-${deps.job.key}`,
    });
  } catch (error) {
    if (error instanceof PlatformUnavailableError) return retryLater(error.message);
    throw error;
  }
  if (response.status >= 200 && response.status < 300) return complete();
  return failureOutcome(`POST ${path}`, zaakId, response, mapBusinessError);
}

/**
 * The outcome of a zaak call that did not succeed: 404 → ZAAK_NIET_GEVONDEN; 401/403/408/429/5xx
 * → retry with back-off; other 4xx → `mapBusinessError`, else an incident naming the answer.
 */
export function failureOutcome(
  call: string,
  zaakId: string,
  response: PlatformResponse,
  mapBusinessError?: BusinessErrorMapper,
): JobOutcome {
  const error = apiErrorOf(response.body);
  const said = `${call} answered ${response.status}${error.name ? ` ${error.name}` : ''}: ${error.message ?? JSON.stringify(response.body)}`;
  if (response.status === 404)
    return bpmnError(ZAAK_NIET_GEVONDEN, `Zaak ${zaakId} bestaat niet (${said})`);
  if (isTransient(response.status)) return retryLater(said);
  return mapBusinessError?.(response, error) ?? incident(said);
}

function isTransient(status: number): boolean {
  return status >= 500 || [401, 403, 408, 429].includes(status);
}

export function apiErrorOf(body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = body.error;
    if (error && typeof error === 'object') return error;
  }
  return {};
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
