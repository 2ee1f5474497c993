import * as client from 'openid-client';

/** How this server is registered at the identity provider. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string;
  /** `…/api/auth/oidc/callback` as registered at the provider; a function because the port may be known late. */
  redirectUri: () => string;
  /** Where the provider's logout page sends people back (`…/inloggen?uitgelogd=1`); register it there too. */
  postLogoutRedirectUri: () => string;
  /** Space-separated, including `openid`. */
  scopes: string;
  rolesClaim: string;
  groupsClaim: string;
}

export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The openid-client calls we make. The provider's metadata is fetched on first use (and again
 * after a failure), so the server starts while the provider is down.
 */
export class OidcRelyingParty {
  #configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  static newChecks(): AuthorizationChecks {
    return {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
  }

  async authorizationUrl(checks: AuthorizationChecks): Promise<URL> {
    const configuration = await this.#discover();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri(),
      scope: this.settings.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * Exchanges the code (with the PKCE verifier) and returns the claims: the ID token's (issuer,
   * audience, nonce, expiry and signature checked by openid-client), completed from userinfo.
   */
  async claimsOf(
    callbackQuery: string,
    checks: AuthorizationChecks,
  ): Promise<Record<string, unknown>> {
    const configuration = await this.#discover();
    const currentUrl = new URL(this.settings.redirectUri());
    currentUrl.search = callbackQuery;
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider sent no ID token');
    if (!configuration.serverMetadata().userinfo_endpoint) return { ...idClaims };
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    return { ...userInfo, ...idClaims };
  }

  /** The provider's logout page (RP-initiated logout), when it has one. */
  async endSessionUrl(postLogoutRedirectUri: string): Promise<URL | undefined> {
    const configuration = await this.#discover();
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(configuration, {
      client_id: this.settings.clientId,
      post_logout_redirect_uri: postLogoutRedirectUri,
    });
  }

  #discover(): Promise<client.Configuration> {
    this.#configuration ??= this.#fetchConfiguration().catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  async #fetchConfiguration(): Promise<client.Configuration> {
    const issuer = new URL(this.settings.issuer);
    // The config module allows plain http only for a provider on this machine (development, tests).
    const insecure = issuer.protocol === 'http:';
    return client.discovery(
      issuer,
      this.settings.clientId,
      this.settings.clientSecret,
      this.settings.clientSecret
        ? client.ClientSecretBasic(this.settings.clientSecret)
        : client.None(),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
  }
}
