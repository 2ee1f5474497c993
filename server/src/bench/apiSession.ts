/**
 * A tiny API client with a cookie session, for arranging data the UI then shows: GET without a
 * body, POST with one; anything but 2xx throws.
 */
export async function apiSession(baseUrl: string, username: string) {
  const call = await methodSession(baseUrl, username);
  return <T>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> =>
    call<T>(body === undefined ? 'GET' : 'POST', path, body, headers);
}

/** The same session calling with any method; an empty answer is undefined. */
export async function methodSession(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrfToken,
        'Content-Type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
