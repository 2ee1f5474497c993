import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import { createApp } from '../../../app.js';
import type { Database } from '../../../db/database.js';
import { apiRouter, type PublicRoute } from '../../../http/apiRouter.js';
import { OpenApiRegistry } from '../../../http/openapi.js';
import { openApiRouter } from '../../../http/openapiRouter.js';
import { createLogger } from '../../../logging.js';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { auditRouter } from '../../audit/router.js';
import { createAuthModule, type AuthModule } from '../authModule.js';
import { seedDemoAccounts } from '../demoAccounts.js';
import type { LoginThrottlePolicy } from '../loginThrottle.js';
import type { OidcSettings } from '../oidcRelyingParty.js';
import { ensureServiceCredential, generateServiceSecret } from '../serviceTokenService.js';

/** A clock the test moves by hand. */
export class TestClock {
  #now: number;
  constructor(start = '2026-11-26T09:00:00Z') {
    this.#now = Date.parse(start);
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
}

export const minutes = (count: number): number => count * 60_000;

export interface AuthTestAppOptions {
  sessionTtlMs?: number;
  sessionMaxLifetimeMs?: number;
  serviceTokenTtlMs?: number;
  loginThrottle?: LoginThrottlePolicy;
  /** Extra module routers mounted inside the api router, e.g. to exercise requireRole. */
  routers?: (auth: AuthModule) => Router[];
  /** Extra routes that skip authentication, beside the auth module's own. */
  publicRoutes?: readonly PublicRoute[];
  /** Routers mounted outside /api (e.g. public pages); asked for after `routers`. */
  outerRouters?: () => Router[];
  /** Switches OpenID Connect login on. */
  oidc?: OidcSettings;
}

export interface LoggedIn {
  response: Response;
  /** `zs_session=<token>`, ready for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

/**
 * The app wired as in production (apiRouter with authenticate and CSRF, auth, audit and OpenAPI
 * routers) on a fresh database with the demo accounts and a worker credential `test-worker`.
 */
export class AuthTestApp {
  readonly clock = new TestClock();
  readonly workerClientId = 'test-worker';
  readonly workerSecret = generateServiceSecret();
  readonly openApi = new OpenApiRegistry();
  url = '';
  auth!: AuthModule;
  #testDb!: TestDatabase;
  #server!: Server;

  get db(): Database {
    return this.#testDb.db;
  }

  async start(options: AuthTestAppOptions = {}): Promise<this> {
    this.#testDb = await createTestDatabase();
    await seedDemoAccounts(this.db);
    await ensureServiceCredential(this.db, {
      clientId: this.workerClientId,
      secret: this.workerSecret,
    });
    this.auth = createAuthModule({
      db: this.db,
      sessionTtlMs: options.sessionTtlMs ?? minutes(30),
      sessionMaxLifetimeMs: options.sessionMaxLifetimeMs ?? minutes(12 * 60),
      serviceTokenTtlMs: options.serviceTokenTtlMs ?? minutes(10),
      ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
      ...(options.oidc ? { oidc: options.oidc } : {}),
      openApi: this.openApi,
      now: this.clock.now,
    });
    const api = apiRouter({
      authenticate: this.auth.authenticate,
      verifyCsrf: this.auth.verifyCsrf,
      publicRoutes: [...this.auth.publicRoutes, ...(options.publicRoutes ?? [])],
      routers: [
        this.auth.router,
        auditRouter({ db: this.db, requireRole: this.auth.requireRole, openApi: this.openApi }),
        openApiRouter({
          registry: this.openApi,
          info: { title: 'Zaakstroom API', version: 'test' },
        }),
        ...(options.routers?.(this.auth) ?? []),
      ],
    });
    const app = createApp({ db: this.db, logger: createLogger('silent'), routers: [...(options.outerRouters?.() ?? []), api] });
    this.#server = await new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await this.#testDb.destroy();
  }

  fetch(
    path: string,
    init: RequestInit & { cookie?: string; csrfToken?: string; bearer?: string } = {},
  ): Promise<Response> {
    const { cookie, csrfToken, bearer, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (cookie) headers.set('cookie', cookie);
    if (csrfToken) headers.set('x-csrf-token', csrfToken);
    if (bearer) headers.set('authorization', `Bearer ${bearer}`);
    if (rest.body !== undefined && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    return fetch(`${this.url}${path}`, { ...rest, headers });
  }

  async login(username: string, password = 'demo'): Promise<LoggedIn> {
    const response = await this.fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200)
      throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { csrfToken: string };
    return { response, cookie: sessionCookieOf(response) ?? '', csrfToken: body.csrfToken };
  }

  /** A bearer token for the worker credential. */
  async serviceToken(): Promise<string> {
    const response = await this.fetch('/api/auth/token', {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: this.workerClientId,
        client_secret: this.workerSecret,
      }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }
}

/** The `zs_session=<value>` pair from a response's Set-Cookie, if any. */
export function sessionCookieOf(response: Response): string | undefined {
  const header = setCookieHeaderOf(response);
  return header?.split(';')[0];
}

export function setCookieHeaderOf(response: Response): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith('zs_session='));
}
