import type { ZgwNotificatie } from './types.js';

export interface PostResult {
  /** The callback's HTTP status, or null when no answer came (refused, time-out). */
  statusCode: number | null;
  /** Why the attempt failed; null when the callback answered 2xx. */
  error: string | null;
}

/**
 * Posts one notificatie to a callback with the abonnement's Authorization header. Any 2xx is
 * delivered; other statuses, redirects (not followed) and network trouble are failed attempts.
 */
export async function postNotificatie(
  callbackUrl: string,
  auth: string,
  notificatie: ZgwNotificatie,
  timeoutMs: number,
): Promise<PostResult> {
  try {
    const response = await fetch(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify(notificatie),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300)
      return { statusCode: response.status, error: null };
    return { statusCode: response.status, error: `callback answered HTTP ${response.status}` };
  } catch (error) {
    return { statusCode: null, error: describe(error, timeoutMs) };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
