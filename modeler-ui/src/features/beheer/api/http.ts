/** A problem the API reports for one field, e.g. `statustypen.1.omschrijving`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An error answer of the API: `{ error: { name, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    /** Field problems (InputError) or sentences (ConflictError on publish). */
    readonly problems: (FieldProblem | string)[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  fieldProblems(): FieldProblem[] {
    return this.problems.filter((p): p is FieldProblem => typeof p !== 'string');
  }

  sentences(): string[] {
    return this.problems.map((p) =>
      typeof p === 'string' ? p : `${p.path || 'invoer'}: ${p.message}`,
    );
  }
}

let csrfToken: Promise<string> | undefined;

/** The session's CSRF token from `GET /api/auth/me`, fetched once per page load. */
function currentCsrfToken(): Promise<string> {
  csrfToken ??= fetch('/api/auth/me', { credentials: 'include' })
    .then(async (response) => {
      if (!response.ok) throw await toApiError(response);
      const body = (await response.json()) as { csrfToken?: string };
      return body.csrfToken ?? '';
    })
    .catch((error: unknown) => {
      csrfToken = undefined;
      throw error;
    });
  return csrfToken;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: { error?: { name?: string; message?: string; details?: { problems?: unknown } } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (e.g. a proxy error page): the status says enough.
  }
  const problems = Array.isArray(body.error?.details?.problems)
    ? (body.error.details.problems as (FieldProblem | string)[])
    : [];
  return new ApiError(
    response.status,
    body.error?.name ?? 'HttpError',
    body.error?.message ?? `De server antwoordde met status ${response.status}`,
    problems,
  );
}

/**
 * Calls the platform API with the session cookie; state-changing calls carry the CSRF token.
 * The app shell may later replace this with a shared client.
 */
export async function apiFetch<T>(
  path: string,
  options: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = await currentCsrfToken();
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'include',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A message for any failure, for an alert. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
