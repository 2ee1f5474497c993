import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStandIn, sendJson } from '../testing/httpStandIn.js';
import { createPlatformClient, PlatformUnavailableError } from './platformClient.js';

describe('platformClient against a real HTTP server', () => {
  let issued = 0;
  let revoked = new Set<string>();
  const platform = new HttpStandIn((request, res) => {
    if (request.path === '/api/auth/token') {
      const body = request.body as { client_id: string; client_secret: string };
      if (body.client_secret !== 'geheim')
        return sendJson(res, 401, { error: { name: 'AuthenticationError' } });
      issued += 1;
      return sendJson(res, 200, {
        access_token: `token-${issued}`,
        token_type: 'Bearer',
        expires_in: 600,
      });
    }
    const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
    if (!token.startsWith('token-') || revoked.has(token))
      return sendJson(res, 401, { error: { name: 'AuthenticationError' } });
    sendJson(res, 200, { token, idempotencyKey: request.headers['idempotency-key'] ?? null });
  });
  beforeAll(() => platform.start());
  afterAll(() => platform.stop());

  it('given a service credential, then fetches a token once and reuses it', async () => {
    const client = createPlatformClient({
      baseUrl: platform.url,
      clientId: 'w',
      clientSecret: 'geheim',
    });
    const first = await client.request('GET', '/api/zaken/1');
    const second = await client.request(
      'POST',
      '/api/zaken/1/status',
      {},
      { idempotencyKey: 'job-1' },
    );
    expect(first).toEqual({ status: 200, body: { token: 'token-1', idempotencyKey: null } });
    expect(second.body).toEqual({ token: 'token-1', idempotencyKey: 'job-1' });
  });

  it('given FormData, then sends it as multipart with the token and the idempotency key', async () => {
    const client = createPlatformClient({ baseUrl: platform.url, clientId: 'w', clientSecret: 'geheim' });
    const form = new FormData();
    form.set('titel', 'Besluit');
    form.set('inhoud', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'besluit.pdf');
    const response = await client.request('POST', '/api/zaken/1/documenten', form, { idempotencyKey: 'job-7' });
    expect(response.body).toMatchObject({ idempotencyKey: 'job-7' });
    const sent = platform.requests.at(-1)!;
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent.body).toContain('filename="besluit.pdf"');
  });

  it('given the token is revoked (401), then fetches a new one and repeats the request once', async () => {
    issued = 0;
    revoked = new Set();
    const client = createPlatformClient({
      baseUrl: platform.url,
      clientId: 'w',
      clientSecret: 'geheim',
    });
    await client.request('GET', '/api/zaken/1');
    revoked.add('token-1');
    expect(await client.request('GET', '/api/zaken/1')).toEqual({
      status: 200,
      body: { token: 'token-2', idempotencyKey: null },
    });
  });

  it('given a wrong secret or an unreachable platform, then throws PlatformUnavailableError', async () => {
    const wrong = createPlatformClient({
      baseUrl: platform.url,
      clientId: 'w',
      clientSecret: 'fout',
    });
    await expect(wrong.request('GET', '/api/x')).rejects.toThrow(
      /service token refused \(401\) for client 'w'/,
    );
    const down = createPlatformClient({
      baseUrl: 'http://127.0.0.1:1',
      clientId: 'w',
      clientSecret: 'geheim',
    });
    await expect(down.request('GET', '/api/x')).rejects.toBeInstanceOf(PlatformUnavailableError);
  });
});
