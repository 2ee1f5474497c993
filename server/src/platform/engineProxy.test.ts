import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineProxyRouter } from './engineProxy.js';

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('engineProxyRouter: /v2 forwarded to an external engine', () => {
  const seen: { method: string; url: string; authorization?: string; body: unknown }[] = [];
  let upstream: { server: Server; url: string };
  let platform: { server: Server; url: string };

  beforeAll(async () => {
    const engine = express().use(express.json());
    engine.get('/v2/process-definitions/:key/xml', (req, res) => {
      seen.push({
        method: 'GET',
        url: req.originalUrl,
        authorization: req.get('authorization'),
        body: undefined,
      });
      if (req.params.key === '404') res.status(404).json({ title: 'NOT_FOUND' });
      else res.type('text/xml').send('<definitions/>');
    });
    engine.post('/v2/element-instances/search', (req, res) => {
      seen.push({
        method: 'POST',
        url: req.originalUrl,
        authorization: req.get('authorization'),
        body: req.body as unknown,
      });
      res.json({ items: [{ elementId: 'A' }] });
    });
    upstream = await listen(engine);
    const app = express().use(express.json());
    app.use(
      engineProxyRouter({
        baseUrl: () => upstream.url,
        headers: () => Promise.resolve({ authorization: 'Bearer cluster-token' }),
      }),
    );
    platform = await listen(app);
  });
  afterAll(async () => {
    for (const { server } of [platform, upstream])
      await new Promise((resolve) => server.close(resolve));
  });

  it('forwards GET and POST with the cluster credentials, keeping status, type and body', async () => {
    const xml = await fetch(`${platform.url}/v2/process-definitions/1/xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(await xml.text()).toBe('<definitions/>');

    const search = await fetch(`${platform.url}/v2/element-instances/search?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { processInstanceKey: '7' } }),
    });
    expect(await search.json()).toEqual({ items: [{ elementId: 'A' }] });
    expect(seen).toEqual([
      {
        method: 'GET',
        url: '/v2/process-definitions/1/xml',
        authorization: 'Bearer cluster-token',
        body: undefined,
      },
      {
        method: 'POST',
        url: '/v2/element-instances/search?x=1',
        authorization: 'Bearer cluster-token',
        body: { filter: { processInstanceKey: '7' } },
      },
    ]);
  });

  it("passes the engine's 404 on", async () => {
    const missing = await fetch(`${platform.url}/v2/process-definitions/404/xml`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ title: 'NOT_FOUND' });
  });
});
