import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../logging.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { apiRouter } from './apiRouter.js';
import { AuthenticationError, NotAllowedError } from './errors.js';

/** Stand-ins for the auth module: a caller is whoever the X-Test-User header names. */
const authenticate: RequestHandler = (req, res, next) => {
  const user = req.get('x-test-user');
  if (!user) throw new AuthenticationError('Log in first');
  res.locals.user = user;
  next();
};
const verifyCsrf: RequestHandler = (req, _res, next) => {
  if (req.method === 'POST' && req.get('x-csrf-token') !== 'ok') throw new NotAllowedError('CSRF');
  next();
};

function moduleRouter(): Router {
  const router = Router();
  router.post('/api/auth/login', (_req, res) => {
    res.json({ public: true });
  });
  router.get('/api/publiek/zaken/:token', (req, res) => {
    res.json({ token: req.params.token });
  });
  router.get('/api/publiek/zaken/:token/geheim', (_req, res) => {
    res.json({});
  });
  router.get('/api/zaken', (_req, res) => {
    res.json({ user: res.locals.user as unknown });
  });
  router.post('/api/zaken', (_req, res) => {
    res.status(201).json({});
  });
  return router;
}

function outsideApi(): Router {
  const router = Router();
  router.get('/v2/topology', (_req, res) => {
    res.json({ brokers: [] });
  });
  return router;
}

describe('apiRouter', () => {
  let testDb: TestDatabase;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
    const api = apiRouter({
      authenticate,
      verifyCsrf,
      publicRoutes: [
        { method: 'POST', path: '/api/auth/login' },
        { method: 'GET', path: '/api/publiek/zaken/:token' },
      ],
      routers: [moduleRouter()],
    });
    const app = createApp({
      db: testDb.db,
      logger: createLogger('silent'),
      routers: [api, outsideApi()],
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await testDb?.destroy();
  });

  const call = (path: string, init: RequestInit = {}) => fetch(`${url}${path}`, init);

  it('requires authentication for every /api route by default', async () => {
    expect((await call('/api/zaken')).status).toBe(401);
    expect((await call('/api/zaken', { headers: { 'x-test-user': 'bram' } })).status).toBe(200);
  });

  it('also guards other spellings that Express routes to the same handler', async () => {
    for (const path of ['/API/zaken', '/api/Zaken/', '/Api/ZAKEN']) {
      expect((await call(path)).status, path).toBe(401);
    }
  });

  it('never reaches a module route by a path spelling the guard does not recognise', async () => {
    for (const path of ['//api/zaken', '/%61pi/zaken', '/api%2Fzaken', '/./api/zaken']) {
      const response = await call(path);
      expect([401, 404], path).toContain(response.status);
    }
  });

  it('answers unknown /api routes with 401 to anonymous callers, 404 to signed-in ones', async () => {
    expect((await call('/api/nothing-here')).status).toBe(401);
    expect((await call('/api/nothing-here', { headers: { 'x-test-user': 'bram' } })).status).toBe(
      404,
    );
  });

  it('applies the CSRF check after authentication', async () => {
    const headers = { 'x-test-user': 'bram' };
    expect((await call('/api/zaken', { method: 'POST', headers })).status).toBe(403);
    expect(
      (await call('/api/zaken', { method: 'POST', headers: { ...headers, 'x-csrf-token': 'ok' } }))
        .status,
    ).toBe(201);
  });

  it('lets the allow-listed public routes through without authentication or CSRF', async () => {
    expect((await call('/api/auth/login', { method: 'POST' })).status).toBe(200);
    expect((await call('/api/auth/login/', { method: 'POST' })).status).toBe(200);
  });

  it('lets a parameter of a public route stand for exactly one path segment', async () => {
    expect((await call('/api/publiek/zaken/abc')).status).toBe(200);
    expect((await call('/api/publiek/zaken/abc/geheim')).status).toBe(401);
    expect((await call('/api/publiek/zaken/')).status).toBe(401);
    expect((await call('/api/publiek/zaken/abc', { method: 'POST' })).status).toBe(401);
  });

  it('leaves routes outside /api alone', async () => {
    expect((await call('/v2/topology')).status).toBe(200);
    expect((await call('/health/live')).status).toBe(200);
  });
});
