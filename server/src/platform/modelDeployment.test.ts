import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { loadZaaktypeFromJson } from '../modules/catalogus/index.js';
import { startServer, type RunningServer } from '../server.js';
import { MODEL_FORM_KEY } from './modelDeployment.js';

const processes = fileURLToPath(new URL('../../../processes/melding-openbare-ruimte/', import.meta.url));

describe('deploying a model drawn in Beheer, then publishing', () => {
  let server: RunningServer;
  let dataDir: string;
  let session: { cookie: string; csrf: string };
  const api = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-model-'));
    const config = readConfig({ PORT: '0', HOST: '127.0.0.1', ZEEBE_GATEWAY_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', WORKERS_IN_PROCESS: 'false' });
    server = await startServer(config, createLogger('silent'));
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'beheerder', password: 'demo' }),
    });
    session = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a concept without a model, deploys a drawn one and binds the concept to it', async () => {
    // given a concept whose model was saved by the editor
    const zaaktype = loadZaaktypeFromJson(await readFile(join(processes, 'zaaktype.json'), 'utf8'), 'zaaktype.json');
    const xml = await readFile(join(processes, 'process.bpmn'), 'utf8');
    const concept = { ...zaaktype, identificatie: 'mor-beheer', bpmnProcessId: null, processVersion: null, processDefinitionKey: null };
    const created = await api('/api/catalogus/zaaktypen', { method: 'POST', body: concept });
    expect(created.status).toBe(201);
    const deployPath = '/api/catalogus/zaaktypen/mor-beheer/versies/1/model/deploy';
    const refused = await api(deployPath, { method: 'POST' });
    expect(refused.status).toBe(400);
    const { identificatie: _identificatie, ...content } = concept;
    void _identificatie;
    const saved = await api('/api/catalogus/zaaktypen/mor-beheer/versies/1', {
      method: 'PUT',
      body: { ...content, forms: { ...(content.forms ?? {}), [MODEL_FORM_KEY]: { xml } } },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    // when deploying
    const deployed = await api(deployPath, { method: 'POST' });
    // then the concept is bound to the deployed process and can be published
    expect(deployed.status).toBe(200);
    expect(await deployed.json()).toMatchObject({ bpmnProcessId: 'melding-openbare-ruimte', processVersion: expect.any(Number) });
    const published = await api('/api/catalogus/zaaktypen/mor-beheer/versies/1/publiceren', { method: 'POST', body: {} });
    expect(published.status, await published.clone().text()).toBe(200);
  });
});
