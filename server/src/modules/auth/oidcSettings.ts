import type { ServerConfig } from '../../config.js';
import type { OidcSettings } from './oidcRelyingParty.js';

export const oidcCallbackPath = '/api/auth/oidc/callback';

type OidcConfig = Pick<
  ServerConfig,
  | 'OIDC_ISSUER'
  | 'OIDC_CLIENT_ID'
  | 'OIDC_CLIENT_SECRET'
  | 'OIDC_REDIRECT_URI'
  | 'OIDC_SCOPES'
  | 'OIDC_ROLES_CLAIM'
  | 'OIDC_GROUPS_CLAIM'
  | 'PUBLIC_URL'
>;

/** The OIDC_* settings; the redirect URI defaults to PUBLIC_URL (else this server's URL) + the callback path. */
export function oidcSettingsOf(config: OidcConfig, selfUrl: () => string): OidcSettings {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID)
    throw new Error('oidcSettingsOf: OIDC_ISSUER and OIDC_CLIENT_ID are required');
  const redirectUri = config.OIDC_REDIRECT_URI;
  const publicUrl = config.PUBLIC_URL;
  // The app's base URL: the one the provider knows, when the redirect URI is set explicitly.
  const appUrl = () =>
    redirectUri
      ? redirectUri.replace(/\/api\/auth\/oidc\/callback\/?$/, '')
      : (publicUrl ?? selfUrl()).replace(/\/+$/, '');
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    ...(config.OIDC_CLIENT_SECRET ? { clientSecret: config.OIDC_CLIENT_SECRET } : {}),
    redirectUri: () => redirectUri ?? `${appUrl()}${oidcCallbackPath}`,
    postLogoutRedirectUri: () => `${appUrl()}/inloggen?uitgelogd=1`,
    scopes: config.OIDC_SCOPES,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
  };
}
