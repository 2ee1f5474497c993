import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { startServer, type RunningServer } from '../server.js';

/**
 * Role × route: every operation of the API description is called anonymously (401 unless
 * public) and as each demo role (403 exactly when the role is not among the operation's roles).
 * The description is generated from the same registrations the routers use, so this also
 * checks that the documented roles are the enforced ones.
 */
const ROLES = { beheerder: 'beheerder', behandelaar: 'behandelaar', coordinator: 'coordinator', manager: 'manager' } as const;
const SAMPLE: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', identificatie: 'bezwaar', versie: '1' };

interface Operation {
  method: string;
  path: string;
  roles: string[] | undefined;
  isPublic: boolean;
}

describe('authorisation of every API route', () => {
  let server: RunningServer;
  let dataDir: string;
  let operations: Operation[] = [];
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  async function login(username: string): Promise<{ cookie: string; csrf: string }> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    const body = (await response.json()) as { csrfToken: string };
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrf: body.csrfToken };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-authz-'));
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', ZEEBE_GATEWAY_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false' });
    server = await startServer(config, createLogger('silent'));
    for (const role of Object.values(ROLES)) sessions.set(role, await login(role));
    const beheerder = sessions.get('beheerder')!;
    const document = (await (await fetch(`${server.url}/api/openapi.json`, { headers: { cookie: beheerder.cookie } })).json()) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[]; security?: unknown[] }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE[name] ?? 'x'),
        roles: operation['x-roles'],
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = (operation: Operation, session?: { cookie: string; csrf: string }) =>
    fetch(`${server.url}${operation.path}`, {
      method: operation.method,
      headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
      ...(operation.method === 'GET' || operation.method === 'DELETE' ? {} : { body: '{}' }),
    });

  it('describes the routes of every module', () => {
    const prefixes = new Set(operations.map((operation) => operation.path.split('/')[2]));
    expect([...prefixes].sort()).toEqual(expect.arrayContaining(['audit', 'auth', 'catalogus', 'kalender', 'mail-outbox', 'notificaties', 'overzicht', 'signaleringen', 'taken', 'zaken']));
    // Most operations name their roles; a handful are open to every signed-in user.
    expect(operations.filter((operation) => operation.roles).length).toBeGreaterThan(operations.length / 2);
    expect(operations.some((operation) => operation.isPublic)).toBe(true);
  });

  it('refuses every non-public route without a login (401)', async () => {
    for (const operation of operations.filter((o) => !o.isPublic)) {
      const response = await call(operation);
      expect(response.status, `${operation.method} ${operation.path}`).toBe(401);
    }
  });

  for (const role of Object.values(ROLES)) {
    it(`as ${role}: 403 exactly where the role is not allowed`, async () => {
      const session = sessions.get(role)!;
      for (const operation of operations.filter((o) => !o.isPublic && o.path !== '/api/auth/logout')) {
        const response = await call(operation, session);
        const allowed = !operation.roles || operation.roles.includes(role);
        const where = `${role}: ${operation.method} ${operation.path} answered ${response.status}`;
        if (allowed) expect([401, 403], where).not.toContain(response.status);
        else expect(response.status, where).toBe(403);
      }
    });
  }
});
