import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { HttpStandIn, sendJson } from '../testing/httpStandIn.js';
import { httpRequest } from './handler.js';

describe('http.request against a real HTTP server', () => {
  const service = new HttpStandIn((request, res) => {
    if (request.path.startsWith('/ok'))
      return sendJson(res, 200, { echo: request.body ?? null, path: request.path });
    if (request.path.startsWith('/slow'))
      return void setTimeout(() => sendJson(res, 200, {}), 1_000);
    const status = Number(/\/status\/(\d+)/.exec(request.path)?.[1] ?? 500);
    sendJson(res, status, { error: 'nope' });
  });
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  it('given a 2xx, then completes with { status, body } in resultVariable and URL-encoded placeholders', async () => {
    const outcome = await httpRequest(
      { ...zaakVariables, payload: { a: 1 }, naam: 'a b/c' },
      {
        url: `${service.url}/ok/{{zaak.identificatie}}/{{naam}}`,
        method: 'post',
        bodyVariable: 'payload',
        resultVariable: 'antwoord',
      },
      fakeDeps(),
    );
    expect(outcome).toEqual({
      outcome: 'complete',
      variables: {
        antwoord: {
          status: 200,
          body: { echo: { a: 1 }, path: '/ok/ZAAK-2026-0000123/a%20b%2Fc' },
        },
      },
    });
  });

  it('given a 4xx, then throws BPMN error HTTP_<status>', async () => {
    const outcome = await httpRequest({}, { url: `${service.url}/status/422` }, fakeDeps());
    expect(outcome).toMatchObject({ outcome: 'bpmnError', errorCode: 'HTTP_422' });
  });

  it('given a 5xx, then fails for a retry with back-off', async () => {
    const outcome = await httpRequest({}, { url: `${service.url}/status/503` }, fakeDeps());
    expect(outcome).toMatchObject({ outcome: 'fail' });
    expect(outcome.outcome === 'fail' && outcome.retries).toBeUndefined();
  });

  it('given no answer within timeoutMs, then fails for a retry', async () => {
    const outcome = await httpRequest(
      {},
      { url: `${service.url}/slow`, timeoutMs: '200' },
      fakeDeps(),
    );
    expect(outcome.outcome === 'fail' && outcome.message).toContain('no answer within 200 ms');
  });

  it('given a relative URL or an unknown method, then raises an incident naming the header', async () => {
    const relative = await httpRequest({}, { url: '/api/x' }, fakeDeps());
    expect(relative.outcome === 'fail' && relative.message).toContain("header 'url'");
    const method = await httpRequest({}, { url: service.url, method: 'BREW' }, fakeDeps());
    expect(method).toMatchObject({ outcome: 'fail', retries: 0 });
  });
});
