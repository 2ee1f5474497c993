/** A response of the platform API: status and parsed JSON body (undefined when empty). */
export interface PlatformResponse {
  status: number;
  body: unknown;
}

export interface PlatformRequestOptions {
  /** Sent as Idempotency-Key so that a retried job has one effect. */
  idempotencyKey?: string;
}

/** The platform API (`/api`) as the workers see it. A FormData body goes as multipart, anything else as JSON. */
export interface PlatformClient {
  request(
    method: string,
    path: string,
    body?: unknown,
    options?: PlatformRequestOptions,
  ): Promise<PlatformResponse>;
}

/** The platform could not be reached or answered nothing usable: worth retrying later. */
export class PlatformUnavailableError extends Error {
  override name = 'PlatformUnavailableError';
}

export interface PlatformClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per request, ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Calls the platform with a service token (client credentials). The token is reused until
 * shortly before it expires; a 401 means it was revoked or the server restarted, so the token
 * is fetched anew and the request sent once more.
 */
export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  let token: { value: string; expiresAt: number } | undefined;

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new PlatformUnavailableError(
        `${init.method ?? 'GET'} ${url} failed: ${describe(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  async function bearer(refresh: boolean): Promise<string> {
    if (refresh || !token || token.expiresAt < Date.now() + 30_000) {
      const response = await send(`${baseUrl}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: options.clientSecret,
        }),
      });
      if (!response.ok) {
        throw new PlatformUnavailableError(
          `service token refused (${response.status}) for client '${options.clientId}'; check WORKER_CLIENT_ID and WORKER_CLIENT_SECRET`,
        );
      }
      const body = (await response.json()) as { access_token: string; expires_in: number };
      token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    }
    return token.value;
  }

  return {
    async request(method, path, body, requestOptions = {}) {
      const attempt = async (refresh: boolean) => {
        const headers: Record<string, string> = {
          authorization: `Bearer ${await bearer(refresh)}`,
        };
        // FormData (a file upload) sets its own multipart content type with the boundary.
        const isForm = body instanceof FormData;
        if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
        if (requestOptions.idempotencyKey)
          headers['idempotency-key'] = requestOptions.idempotencyKey;
        return send(`${baseUrl}${path}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
        });
      };
      let response = await attempt(false);
      if (response.status === 401) response = await attempt(true);
      const text = await response.text();
      return { status: response.status, body: text ? parseJson(text) : undefined };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  return error instanceof Error ? error.message : String(error);
}
