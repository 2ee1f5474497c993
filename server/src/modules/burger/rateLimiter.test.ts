import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimiter } from './rateLimiter.js';

describe('rateLimiter (per IP, in memory)', () => {
  let now = 0;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const app = express();
    app.use(rateLimiter({ limit: 3, windowMs: 60_000, now: () => now }));
    app.get('/status/x', (_req, res) => void res.send('ok'));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/status/x`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('given more requests than the limit in a minute, then answers 429 with Retry-After until the window passes', async () => {
    // when one address asks four times within the window
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(url)).status);
    // then the fourth is refused, saying when to come back
    expect(statuses).toEqual([200, 200, 200, 429]);
    now += 20_000;
    const refused = await fetch(url);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '40']);
    expect(await refused.text()).toContain('Te veel verzoeken');
    // and once the minute is over, it is let through again
    now += 40_000;
    expect((await fetch(url)).status).toBe(200);
  });
});
