import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/auditService.js';
import { findServiceCredential } from './serviceCredentialRepository.js';
import { ensureServiceCredential } from './serviceTokenService.js';
import { AuthTestApp, minutes } from './testing/authTestApp.js';
import type { AuthModule } from './authModule.js';

/** What a worker would call: a state-changing route for the service role. */
function workerRouter(auth: AuthModule): Router {
  const router = Router();
  router.post('/api/test/jobs', auth.requireRole('service'), (req, res) => {
    res.json({ principal: req.principal?.username, kind: req.principal?.kind });
  });
  return router;
}

describe('service tokens (client credentials for workers)', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start({
      serviceTokenTtlMs: minutes(10),
      routers: (auth) => [workerRouter(auth)],
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  function requestToken(body: string, contentType: string) {
    return app.fetch('/api/auth/token', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
  }

  it('issues a short-lived bearer token for a form-encoded client credentials grant', async () => {
    // when the worker asks for a token the OAuth 2.0 way
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.workerClientId,
      client_secret: app.workerSecret,
    });
    const response = await requestToken(form.toString(), 'application/x-www-form-urlencoded');
    // then it gets a bearer token valid for 10 minutes, not to be cached
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      access_token: expect.stringMatching(/^[\w-]{43}$/) as string,
      token_type: 'Bearer',
      expires_in: 600,
    });
  });

  it('lets the bearer token call state-changing routes without a CSRF token', async () => {
    // given a token
    const bearer = await app.serviceToken();
    // when a worker posts with it
    const response = await app.fetch('/api/test/jobs', { method: 'POST', bearer, body: '{}' });
    // then it is let through as the service
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ principal: 'service:test-worker', kind: 'service' });
    const me = await app.fetch('/api/auth/me', { bearer });
    expect(await me.json()).toMatchObject({
      user: { kind: 'service', roles: ['service'] },
      csrfToken: null,
    });
  });

  it('refuses a wrong secret with 401 and audits the attempt', async () => {
    const response = await requestToken(
      JSON.stringify({
        grant_type: 'client_credentials',
        client_id: app.workerClientId,
        client_secret: 'wrong',
      }),
      'application/json',
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { message: 'Unknown client or wrong secret' },
    });
    const audited = await listAuditEntries(app.db, { action: 'auth.token_failed' });
    expect(audited.entries[0]).toMatchObject({
      resourceType: 'service_credential',
      resourceId: app.workerClientId,
    });
  });

  it('refuses other grant types with 400', async () => {
    const response = await requestToken(
      JSON.stringify({
        grant_type: 'password',
        client_id: app.workerClientId,
        client_secret: app.workerSecret,
      }),
      'application/json',
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'client_credentials',
    );
  });

  it('refuses an expired token with 401 saying to request a new one', async () => {
    const bearer = await app.serviceToken();
    app.clock.advance(minutes(11));
    const response = await app.fetch('/api/auth/me', { bearer });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: {
        message: 'The bearer token has expired; request a new one with POST /api/auth/token',
      },
    });
  });

  it('refuses unknown and malformed bearer tokens with 401', async () => {
    expect((await app.fetch('/api/auth/me', { bearer: 'a'.repeat(43) })).status).toBe(401);
    const malformed = await app.fetch('/api/auth/me', {
      headers: { authorization: 'Bearer not a token' },
    });
    expect(malformed.status).toBe(401);
    expect(await malformed.json()).toMatchObject({
      error: { message: expect.stringContaining('Bearer <token>') as string },
    });
  });

  it('ignores other Authorization schemes (e.g. Basic from a proxy) and uses the session cookie', async () => {
    const { cookie } = await app.login('behandelaar');
    const headers = { authorization: 'Basic dXNlcjpwdw==' };
    expect((await app.fetch('/api/auth/me', { headers, cookie })).status).toBe(200);
    expect((await app.fetch('/api/auth/me', { headers })).status).toBe(401);
  });

  it('ensureServiceCredential keeps an unchanged credential and rotates a changed secret', async () => {
    // given the credential as configured at start
    const before = await findServiceCredential(app.db, app.workerClientId);
    // when started again with the same secret, nothing changes
    await ensureServiceCredential(app.db, {
      clientId: app.workerClientId,
      secret: app.workerSecret,
    });
    expect((await findServiceCredential(app.db, app.workerClientId))?.secretHash).toBe(
      before?.secretHash,
    );
    // when started with a new secret, the old one stops working
    const newSecret = 'n'.repeat(40);
    await ensureServiceCredential(app.db, { clientId: app.workerClientId, secret: newSecret });
    const withOld = await requestToken(
      JSON.stringify({
        grant_type: 'client_credentials',
        client_id: app.workerClientId,
        client_secret: app.workerSecret,
      }),
      'application/json',
    );
    expect(withOld.status).toBe(401);
    // and a short secret is refused outright
    await expect(
      ensureServiceCredential(app.db, { clientId: 'x', secret: 'short' }),
    ).rejects.toThrow(/at least 32/);
  });
});
