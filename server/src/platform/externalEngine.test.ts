import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineProcess, type EngineProcess } from '../bench/engineProcess.js';
import { apiSession } from '../bench/apiSession.js';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import { zeebeClientFor } from './zeebeClient.js';
import {
  externalEngineSettings,
  processStores,
  type ProcessStore,
} from '../testing/processStores.js';
import { untilWith } from '../testing/until.js';

interface TaakRow {
  id: string;
  name: string;
  zaakId: string | null;
}
interface ZaakRow {
  id: string;
  identificatie: string;
  einddatum: string | null;
  processInstanceKey: string | null;
  resultaat: { resultaattype: string } | null;
}

const until = untilWith({ timeoutMs: 60_000, intervalMs: 250 });

/**
 * Acceptance 1 of the scale-out issue: the engine runs as its own process (standing in for a
 * Zeebe cluster), the server with ZEEBE_ADDRESS talks to it only through gRPC and REST v2.
 */
describe('external engine mode: the server against an engine process', () => {
  let engine: EngineProcess;
  let server: ServerProcess & { url: string };
  let storage: Awaited<ReturnType<typeof processStores>>;

  beforeAll(async () => {
    // Each process has storage of its own: PostgreSQL databases, or PGlite data dirs.
    storage = await processStores('external-engine', 2);
    const [engineStore, serverStore] = storage.stores as [ProcessStore, ProcessStore];
    engine = await startEngineProcess({
      ...engineStore.env,
    });
    server = await startServerProcess({
      ...serverStore.env,
      ...externalEngineSettings(engine),
      WORKER_CLIENT_SECRET: 'external-engine-test-secret-0123456789',
      TASK_RECONCILE_INTERVAL_SECONDS: '1',
    });
  }, 180_000);

  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await engine?.stop();
    await storage?.cleanup();
  });

  it('runs no engine of its own and says where the external one is', () => {
    expect(server.output().stdout).toContain(
      `engine: external (gRPC ${engine.gatewayAddress}, REST ${engine.httpUrl})`,
    );
    expect(server.output().stdout).not.toContain('Zeebe gateway (gRPC)');
  });

  it('runs a melding openbare ruimte from start to resultaat through the platform API', async () => {
    const api = await apiSession(server.url, 'behandelaar2');
    // given a zaak started through the API
    const zaak = await api<ZaakRow>(
      '/api/zaken',
      {
        zaaktype: 'melding-openbare-ruimte',
        omschrijving: 'Omgewaaide boom Stationsplein',
        initiator: {
          type: 'natuurlijk_persoon',
          bsn: '999993653',
          naam: 'Jan Jansen',
          email: 'melder@voorbeeld.nl',
        },
      },
      { 'Idempotency-Key': 'external-engine-melding' },
    );
    const nextTask = (name: string) =>
      until(async () => {
        const page = await api<{ taken: TaakRow[] }>(`/api/taken?scope=group&zaakId=${zaak.id}`);
        return page.taken.find((taak) => taak.name === name);
      }, `the task ${name}`);

    // when the first task appears in the group list, it is claimed and completed
    const beoordelen = await nextTask('Melding beoordelen');
    await api(`/api/taken/${beoordelen.id}/claim`, {});
    await api(`/api/taken/${beoordelen.id}/complete`, {
      variables: { categorie: 'groen', spoed: false },
    });

    // then the process, in the other process, moves on and the zaak diagram is served through the platform
    const afhandelen = await nextTask('Melding afhandelen');
    const started = await api<ZaakRow>(`/api/zaken/${zaak.id}`);
    expect(started.processInstanceKey).toMatch(/^\d+$/);
    const instance = await api<{ processDefinitionKey: string }>(
      `/v2/process-instances/${started.processInstanceKey}`,
    );
    const xml = await fetchText(
      server.url,
      `/v2/process-definitions/${instance.processDefinitionKey}/xml`,
      'behandelaar2',
    );
    expect(xml).toContain('MeldingAfhandelen');
    const elements = await api<{ items: { elementId: string; state: string }[] }>(
      '/v2/element-instances/search',
      {
        filter: { processInstanceKey: started.processInstanceKey },
        page: { limit: 100 },
      },
    );
    expect(elements.items).toContainEqual(
      expect.objectContaining({ elementId: 'MeldingAfhandelen', state: 'ACTIVE' }),
    );

    // when the last task is completed
    await api(`/api/taken/${afhandelen.id}/claim`, {});
    await api(`/api/taken/${afhandelen.id}/complete`, {
      variables: { uitkomst: 'opgelost', terugmelding: 'De boom is weggehaald.' },
    });

    // then the zaak closes with its resultaat
    const closed = await until(async () => {
      const detail = await api<ZaakRow>(`/api/zaken/${zaak.id}`);
      return detail.einddatum ? detail : undefined;
    }, 'the zaak to close');
    expect(closed.resultaat?.resultaattype).toBe('Opgelost');

    // and a behandelaar reaches only the diagram routes of the engine, not the rest of /v2
    await expect(api('/v2/incidents/search', {})).rejects.toThrow(/: 403/);
  }, 180_000);

  it('closes a task whose process instance was cancelled in the engine (task reconciler)', async () => {
    const api = await apiSession(server.url, 'behandelaar2');
    // given a zaak with its first task open
    const zaak = await api<ZaakRow>(
      '/api/zaken',
      {
        zaaktype: 'melding-openbare-ruimte',
        omschrijving: 'Kapotte lantaarnpaal',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'external-engine-cancelled' },
    );
    const openTask = () => api<{ taken: TaakRow[] }>(`/api/taken?scope=group&zaakId=${zaak.id}`);
    const taak = await until(async () => (await openTask()).taken[0], 'the first task');
    const { processInstanceKey } = await api<ZaakRow>(`/api/zaken/${zaak.id}`);
    // when an operator cancels the process instance in the engine, past the platform
    const zeebe = zeebeClientFor(engine.gatewayAddress);
    await zeebe.cancelProcessInstance(processInstanceKey!);
    await zeebe.close();
    // then the task leaves the open list and is closed as cancelled
    await until(
      async () => ((await openTask()).taken.length === 0 ? true : undefined),
      'the task to leave the list',
      30_000,
    );
    expect(
      (await api<{ state: string; endedAt: string | null }>(`/api/taken/${taak.id}`)).state,
    ).toBe('cancelled');
  }, 120_000);
});

/** The process XML is text, which the JSON session helper does not read: a session of its own. */
async function fetchText(baseUrl: string, path: string, username: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.text();
}
