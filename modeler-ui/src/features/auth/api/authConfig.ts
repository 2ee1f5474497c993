import { apiFetch } from '../../../lib/api';

/** Which ways of logging in the server offers. */
export interface AuthConfig {
  /** "Inloggen met gemeente-account" (OpenID Connect) is configured. */
  oidc: boolean;
}

export function getAuthConfig(signal?: AbortSignal): Promise<AuthConfig> {
  return apiFetch<AuthConfig>('/api/auth/config', { expectUnauthorized: true, signal });
}

/** Where the browser goes to log in with the gemeente-account; `terug` is the page to open afterwards. */
export function oidcLoginUrl(returnPath: string): string {
  return `/api/auth/oidc/login?terug=${encodeURIComponent(returnPath)}`;
}
