import { z } from 'zod';
import type { ApiSecurity, OpenApiRegistry } from '../../http/openapi.js';
import { csrfHeaderName } from './authenticate.js';
import type { LoginThrottlePolicy } from './loginThrottle.js';
import { oidcFailureCodes } from './oidcLoginService.js';
import {
  authConfigResponseSchema,
  groupsResponseSchema,
  loginBodySchema,
  sessionResponseSchema,
  tokenBodySchema,
  tokenResponseSchema,
} from './schemas.js';
import { sessionCookieName } from './sessionCookie.js';

/** How callers authenticate, for every operation in the document. */
export const authSecurity: ApiSecurity = {
  schemes: {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: sessionCookieName,
      description: 'Set by POST /api/auth/login',
    },
    csrfToken: {
      type: 'apiKey',
      in: 'header',
      name: csrfHeaderName,
      description: 'csrfToken from login or /api/auth/me',
    },
    bearerToken: {
      type: 'http',
      scheme: 'bearer',
      description: 'Service token from POST /api/auth/token',
    },
  },
  requirementsFor: (method): Record<string, string[]>[] =>
    method === 'get'
      ? [{ sessionCookie: [] }, { bearerToken: [] }]
      : [{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }],
};

const tags = ['auth'];

export function registerAuthOperations(
  registry: OpenApiRegistry,
  throttle: LoginThrottlePolicy,
): void {
  registry.useSecurity(authSecurity);
  registry.register({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with username and password',
    description:
      `Sets the httpOnly session cookie. After ${throttle.maxFailures} failed attempts for a username from one ` +
      `address within ${throttle.windowMs / 60_000} minutes, answers 429 with Retry-After.`,
    tags,
    body: loginBodySchema,
    responses: {
      200: {
        description: 'Logged in; the session cookie is set',
        schema: sessionResponseSchema,
        headers: {
          'Set-Cookie': {
            description: `${sessionCookieName}=…; HttpOnly; SameSite=Lax`,
            schema: z.string(),
          },
        },
      },
      401: { description: 'Unknown username or wrong password (one message for both)' },
      429: {
        description: 'Too many failed logins; wait before trying again',
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: z.number().int() } },
      },
    },
    access: { public: true },
  });
  registry.register({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the current session',
    description:
      "For a person who logged in with OpenID Connect, the answer also names the provider's " +
      'logout page (RP-initiated logout), for the browser to open next.',
    tags,
    responses: {
      200: {
        description: 'Logged out here; open endSessionUrl to log out at the provider too',
        schema: z.object({ endSessionUrl: z.url() }),
      },
      204: { description: 'Logged out; the cookie is cleared' },
    },
    access: {},
  });
  registry.register({
    method: 'get',
    path: '/api/auth/me',
    summary: 'The signed-in user, roles, groups and CSRF token',
    tags,
    responses: { 200: { description: 'The current principal', schema: sessionResponseSchema } },
    access: {},
  });
  registry.register({
    method: 'get',
    path: '/api/auth/groups',
    summary: 'All groups (afdelingen)',
    tags,
    responses: { 200: { description: 'Groups by code', schema: groupsResponseSchema } },
    access: {},
  });
  registry.register({
    method: 'get',
    path: '/api/auth/config',
    summary: 'Which ways of logging in the login page offers',
    tags,
    responses: { 200: { description: 'Login options', schema: authConfigResponseSchema } },
    access: { public: true },
  });
  registry.register({
    method: 'get',
    path: '/api/auth/oidc/login',
    summary: 'Start logging in with the OpenID Connect provider (gemeente-account)',
    description:
      'Redirects the browser to the provider (authorization code flow with PKCE S256, state and ' +
      'nonce, kept for 10 minutes behind an httpOnly cookie). `terug` is the app path to open ' +
      'after login. 404 when OIDC_ISSUER is not set.',
    tags,
    query: z.object({ terug: z.string().optional() }),
    responses: {
      303: { description: 'To the provider; on trouble, to /inloggen?fout=oidc_mislukt' },
      404: { description: 'OpenID Connect is not configured' },
    },
    access: { public: true },
  });
  registry.register({
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'The redirect URI: where the provider sends the browser back',
    description:
      'Exchanges the code, checks the ID token, creates or refreshes the account (roles and ' +
      'groups from the claims) and sets the session cookie. Failures redirect to ' +
      '/inloggen?fout=<code> with one of: ' +
      oidcFailureCodes.join(', ') +
      '. 404 when OIDC_ISSUER is not set.',
    tags,
    responses: {
      303: { description: 'Logged in: to the app; refused: to the login page with the reason' },
      404: { description: 'OpenID Connect is not configured' },
    },
    access: { public: true },
  });
  registry.register({
    method: 'post',
    path: '/api/auth/token',
    summary: 'Get a short-lived bearer token for a service (OAuth 2.0 client credentials)',
    tags,
    body: tokenBodySchema,
    bodyMediaTypes: ['application/x-www-form-urlencoded', 'application/json'],
    responses: {
      200: { description: 'A bearer token', schema: tokenResponseSchema },
      401: { description: 'Unknown client or wrong secret' },
    },
    access: { public: true },
  });
}
