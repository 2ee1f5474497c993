import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuthTestApp } from '../modules/auth/testing/authTestApp.js';
import { OpenApiRegistry, type OpenApiDocument } from './openapi.js';

const info = { title: 'Test', version: '1' };

/** Every `$ref` in the document, to check that each points at something that exists. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsIn(item),
  );
}

describe('OpenApiRegistry', () => {
  it('documents path, query parameters, body, responses and roles of an operation', () => {
    // given an operation with path and query parameters, a body and a role
    const registry = new OpenApiRegistry();
    registry.register({
      method: 'post',
      path: '/api/zaken/:id/notities',
      summary: 'Add a note',
      params: z.object({ id: z.uuid() }),
      query: z.object({
        dryRun: z.coerce.boolean().optional().meta({ description: 'Only validate' }),
      }),
      body: z.object({ tekst: z.string().min(1), at: z.date() }),
      responses: { 201: { description: 'Created', schema: z.object({ id: z.string() }) } },
      access: { roles: ['behandelaar'] },
    });
    // when generating the document
    const document = registry.toDocument(info);
    // then it is OpenAPI 3.1 with the Express path in template form
    expect(document.openapi).toBe('3.1.0');
    const operation = document.paths['/api/zaken/{id}/notities']?.post;
    expect(operation).toMatchObject({
      operationId: 'postZakenByIdNotities',
      summary: 'Add a note',
      description: 'Requires one of the roles: behandelaar.',
      'x-roles': ['behandelaar'],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        {
          name: 'dryRun',
          in: 'query',
          required: false,
          description: 'Only validate',
          schema: { type: 'boolean' },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                tekst: { type: 'string', minLength: 1 },
                at: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    });
    // and the standard errors are added with the common error body
    expect(Object.keys(operation?.responses as object)).toEqual(['201', '400', '401', '403']);
    expect(refsIn(operation)).toContain('#/components/schemas/ApiError');
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it('moves schemas with an id to components and points the references there', () => {
    const registry = new OpenApiRegistry();
    const zaak = z
      .object({ id: z.string(), status: z.string().default('Ontvangen') })
      .meta({ id: 'Zaak' });
    registry.register({
      method: 'put',
      path: '/api/zaken/:id',
      summary: 'Replace',
      body: zaak,
      responses: { 200: { description: 'OK', schema: z.object({ zaak, related: z.array(zaak) }) } },
      access: {},
    });
    const document = registry.toDocument(info);
    // the output form has status required (it has a default); the input form does not, so it gets its own name
    expect(Object.keys(document.components.schemas).sort()).toEqual([
      'ApiError',
      'Zaak',
      'ZaakInput',
    ]);
    const refs = refsIn(document.paths);
    expect(refs).toEqual(
      expect.arrayContaining(['#/components/schemas/Zaak', '#/components/schemas/ZaakInput']),
    );
    expect(refs.some((ref) => ref.includes('$defs'))).toBe(false);
  });

  it('refuses the same operation twice and path syntax it cannot document', () => {
    const registry = new OpenApiRegistry();
    const operation = {
      method: 'get',
      path: '/api/x',
      summary: 'x',
      responses: {},
      access: {},
    } as const;
    registry.register(operation);
    expect(() => registry.register(operation)).toThrow('GET /api/x is registered twice');
    expect(() => registry.register({ ...operation, path: '/api/*splat' })).toThrow(
      /literal segments/,
    );
  });
});

describe('GET /api/openapi.json', () => {
  let app: AuthTestApp;
  let document: OpenApiDocument;
  beforeAll(async () => {
    app = await new AuthTestApp().start();
    const { cookie } = await app.login('behandelaar');
    const response = await app.fetch('/api/openapi.json', { cookie });
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('describes the auth, audit and openapi routes', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Zaakstroom API', version: 'test' });
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([
      'GET /api/audit',
      'GET /api/auth/config',
      'GET /api/auth/groups',
      'GET /api/auth/me',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/login',
      'GET /api/openapi.json',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/token',
    ]);
  });

  it('marks login and token public and the rest as needing a session (with CSRF) or a bearer token', () => {
    expect(document.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(document.paths['/api/auth/token']?.post?.security).toEqual([]);
    expect(document.paths['/api/auth/config']?.get?.security).toEqual([]);
    expect(document.paths['/api/auth/oidc/login']?.get?.security).toEqual([]);
    expect(document.paths['/api/auth/oidc/callback']?.get?.security).toEqual([]);
    expect(document.paths['/api/auth/logout']?.post?.security).toEqual([
      { sessionCookie: [], csrfToken: [] },
      { bearerToken: [] },
    ]);
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({
      in: 'cookie',
      name: 'zs_session',
    });
    expect(document.paths['/api/audit']?.get?.['x-roles']).toEqual([
      'beheerder',
      'coordinator',
      'manager',
    ]);
  });

  it('has every reference resolvable within the document', () => {
    const refs = new Set(refsIn(document));
    expect(refs.size).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty([ref.split('/').at(-1) ?? '']);
    }
  });
});
