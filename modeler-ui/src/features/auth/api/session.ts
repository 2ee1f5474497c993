import { apiFetch, ApiError } from '../../../lib/api';
import type { Session } from '../../../lib/session';

export async function login(username: string, password: string): Promise<Session> {
  return apiFetch<Session>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    expectUnauthorized: true,
  });
}

export async function logout(): Promise<void> {
  await apiFetch<unknown>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
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
