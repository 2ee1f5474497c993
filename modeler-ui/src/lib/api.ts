/** The server's error body: `{ error: { name, message, details } }`. */
export interface ApiErrorBody {
  name: string;
  message: string;
  details: Record<string, unknown>;
}

/** A failed API call, with the HTTP status and the server's own explanation. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

type UnauthorizedListener = () => void;

let csrfToken: string | null = null;
let onUnauthorized: UnauthorizedListener | null = null;

/** The session sets this after login and after `/api/auth/me`; it goes on every mutating call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (expired session); the app sends the user to the login page. */
export function setUnauthorizedListener(listener: UnauthorizedListener | null): void {
  onUnauthorized = listener;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  /** Login and the session probe answer 401 by design; they must not trigger the redirect. */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** fetch for the Zaakstroom API: cookies, CSRF header, JSON in and out, typed errors. */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = { ...request.headers, Accept: 'application/json' };
  // FormData (a file upload) brings its own multipart Content-Type with the boundary.
  const isForm = request.body instanceof FormData;
  if (request.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, request.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        request.body === undefined
          ? undefined
          : isForm
            ? (request.body as FormData)
            : JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NetworkError',
      'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    );
  }
  if (response.status === 401 && !request.expectUnauthorized) onUnauthorized?.();
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `De server gaf een fout (${response.status} ${response.statusText}).`;
  try {
    const body = (await response.json()) as { error?: Partial<ApiErrorBody> };
    const error = body.error;
    if (error && typeof error.message === 'string') {
      return new ApiError(
        response.status,
        error.name ?? 'Error',
        error.message,
        error.details ?? {},
      );
    }
  } catch {
    // not JSON: use the status line
  }
  return new ApiError(response.status, 'HttpError', fallback);
}

/** A message for people: the server's text, or a plain fallback for anything unexpected. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return `U heeft hiervoor geen rechten. ${error.message}`;
    if (error.status === 404) return 'Niet gevonden, of u heeft er geen toegang toe.';
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Er ging iets mis.';
}
