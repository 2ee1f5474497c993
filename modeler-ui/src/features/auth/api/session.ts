import { apiFetch, ApiError } from '../../../lib/api';
import type { Session } from '../../../lib/session';

export async function login(username: string, password: string): Promise<Session> {
  return apiFetch<Session>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    expectUnauthorized: true,
  });
}

/**
 * Ends the session here. For a gemeente-account (OpenID Connect) the answer names the provider's
 * logout page, which the browser should open next to log out there too.
 */
export async function logout(): Promise<{ endSessionUrl?: string }> {
  const answer = await apiFetch<{ endSessionUrl?: string } | undefined>('/api/auth/logout', {
    method: 'POST',
    expectUnauthorized: true,
  });
  return answer ?? {};
}

/** The current session, or null when not signed in (401). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiFetch<Session>('/api/auth/me', { expectUnauthorized: true, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}
