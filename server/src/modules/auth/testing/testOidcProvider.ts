import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Claims of a person at the test provider, keyed by subject. */
export type TestUserClaims = Record<string, unknown> & { preferred_username?: string };

export interface TestOidcProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Called once the provider listens, since the app's port may be known only then. */
  redirectUri: () => string;
  postLogoutRedirectUri: () => string;
  users: Record<string, TestUserClaims>;
}

/**
 * A real OpenID Connect provider (npm oidc-provider) on a loopback port. Its login page signs in
 * `nextLogin` at once and grants what the client asks, so a test drives the flow with fetch alone.
 */
export class TestOidcProvider {
  issuer = '';
  /** The subject the next login interaction signs in. */
  nextLogin = '';
  #server: Server | undefined;

  constructor(private readonly options: TestOidcProviderOptions) {}

  /** Listens first (the issuer URL contains the port); the provider is made on the first request. */
  async listen(): Promise<this> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let provider: Provider | undefined;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      provider ??= this.#createProvider();
      if (req.url?.startsWith('/interaction/')) {
        this.#interact(provider, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
        return;
      }
      provider.callback()(req, res);
    });
    return this;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
  }

  #createProvider(): Provider {
    const { clientId, clientSecret, users } = this.options;
    return new Provider(this.issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [this.options.redirectUri()],
          post_logout_redirect_uris: [this.options.postLogoutRedirectUri()],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      findAccount: (_ctx: unknown, id: string) =>
        users[id] && { accountId: id, claims: () => ({ sub: id, ...users[id] }) },
      // Roles and groups (also Keycloak's realm_access) come with the openid scope: default OIDC_SCOPES suffice.
      claims: {
        openid: ['sub', 'roles', 'groups', 'realm_access'],
        profile: ['name', 'preferred_username'],
        email: ['email'],
      },
      features: { devInteractions: { enabled: false } },
      cookies: { keys: ['test-provider-cookie-key'] },
      // Set explicitly, which also keeps the provider's notices about defaults out of the output.
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    });
  }

  /** Login prompt: sign in `nextLogin`. Consent prompt: grant the requested scopes. */
  async #interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: this.nextLogin } });
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? this.nextLogin,
      clientId: details.params.client_id,
    });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } });
  }
}

/** Cookies per origin, sent to every path: enough for following one login through two servers. */
export class CookieJar {
  readonly #cookies = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.#cookies.get(url.host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  store(url: URL, response: Response): void {
    const cookies = this.#cookies.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', date = ''] = attribute.split('=');
        return key.trim().toLowerCase() === 'expires' && Date.parse(date) < Date.now();
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.#cookies.set(url.host, cookies);
  }

  get(url: URL, name: string): string | undefined {
    return this.#cookies.get(url.host)?.get(name);
  }
}

/**
 * Follows redirects by hand, carrying cookies, until a response is no redirect or the next URL
 * satisfies `stopBefore` (then returned as `next`, not fetched). Returns every hop.
 */
export async function followRedirects(
  start: string,
  jar: CookieJar,
  stopBefore: (url: URL) => boolean = () => false,
): Promise<{ hops: { url: URL; response: Response }[]; next?: URL }> {
  const hops: { url: URL; response: Response }[] = [];
  let url = new URL(start);
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, response);
    hops.push({ url, response });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { hops };
    url = new URL(location, url);
    if (stopBefore(url)) return { hops, next: url };
  }
  throw new Error(`more than 20 redirects from ${start}`);
}
