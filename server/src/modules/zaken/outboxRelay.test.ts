import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayHarness } from '../../engine/gateway/grpc/testing/gatewayHarness.js';
import { RestTestKit } from '../../engine/gateway/rest/testing/restTestKit.js';
import { AuthorisationService } from '../catalogus/index.js';
import { CalendarService } from '../deadlines/index.js';
import type { Caller } from './dependencies.js';
import { createOutboxRelay, startOutboxRelay } from './outboxRelay.js';
import { OutboxRepository } from './outboxRepository.js';
import { engineInstanceLookup, sdkProcessStarter, type ProcessStarter } from './processStarter.js';
import { ZaakService } from './service.js';
import { publishFixtureZaaktype, testBsn, testRsin } from './testing/publishedZaaktype.js';

const worker: Caller = {
  actor: {
    kind: 'service',
    id: 'test-worker',
    username: 'service:test-worker',
    roles: ['service'],
    groups: [],
  },
  audit: {
    actor: { type: 'service', id: 'test-worker', name: 'service:test-worker' },
    requestId: 'test',
  },
};
const logger = pino({ level: 'silent' });

/** The outbox against the real engine: zaken get exactly one process instance, also after a crash. */
describe('process start outbox with a real engine', () => {
  let harness: GatewayHarness;
  let rest: RestTestKit;
  let zaken: ZaakService;
  let starter: ReturnType<typeof sdkProcessStarter>;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
    rest = await RestTestKit.start({
      testDb: { db: harness.db, url: undefined, destroy: async () => {} },
    });
    const xml = readFileSync(new URL('./fixtures/outboxRelay.bpmn', import.meta.url));
    await harness.zeebe.deployResource({ process: xml, name: 'outboxRelay.bpmn' });
    const { catalogus } = await publishFixtureZaaktype(harness.db, { bpmnProcessId: 'zaakOutbox' });
    zaken = new ZaakService({
      db: harness.db,
      catalogus,
      authorisation: new AuthorisationService(harness.db),
      calendar: new CalendarService(harness.db),
      today: () => '2026-09-01',
    });
    starter = sdkProcessStarter(harness.zeebe);
  });
  afterAll(async () => {
    await rest.stop();
    await harness.stop();
  });

  const lookup = () =>
    engineInstanceLookup({ baseUrl: () => rest.baseUrl, cancel: (key) => starter.cancel(key) });
  const relay = (processStarter: ProcessStarter = starter) =>
    createOutboxRelay({
      db: harness.db,
      starter: processStarter,
      lookup: lookup(),
      logger,
      intervalMs: 10,
      backoffMs: () => 0,
      leaseMs: 0,
    });
  const newZaak = async () => {
    const { body } = await zaken.create(
      {
        zaaktype: 'omgevingsvergunning-regulier',
        bronorganisatie: testRsin,
        omschrijving: 'Outbox',
        initiator: { type: 'natuurlijk_persoon', bsn: testBsn },
      },
      crypto.randomUUID(),
      worker,
    );
    return body;
  };
  const activeInstancesOf = async (zaakId: string) => {
    const keys = await lookup().instancesForZaak(zaakId);
    const active = await rest.search('/v2/process-instances/search', {
      filter: { processDefinitionId: 'zaakOutbox', state: 'ACTIVE' },
    });
    return keys.filter((key) => active.items.some((item) => item.processInstanceKey === key));
  };

  it('starts the process with the zaak variables and records its key', async () => {
    // given a zaak registered while no relay runs
    const zaak = await newZaak();
    expect(zaak.processInstanceKey).toBeNull();
    // when a relay starts (the server "restarts") and runs
    expect(await relay().runOnce()).toBe(1);
    // then the zaak has exactly one process instance, with the zaak as variables
    const after = await zaken.get(zaak.id, worker);
    expect(after.processInstanceKey).toMatch(/^\d+$/);
    expect(await activeInstancesOf(zaak.id)).toEqual([after.processInstanceKey]);
    const variables = await rest.search('/v2/variables/search', {
      filter: { processInstanceKey: after.processInstanceKey, name: 'zaak' },
    });
    expect(JSON.parse(String(variables.items[0]?.value))).toMatchObject({
      id: zaak.id,
      identificatie: zaak.identificatie,
      zaaktype: 'omgevingsvergunning-regulier',
      uiterlijkeEinddatumAfdoening: '2026-10-27',
      initiator: { type: 'natuurlijk_persoon', bsn: testBsn },
    });
    // and a second run has nothing left to do
    expect(await relay().runOnce()).toBe(0);
  });

  it('adopts the instance of an attempt that died before recording its key', async () => {
    // given an attempt that started the instance and then "crashed" before recording it
    const zaak = await newZaak();
    const crashing: ProcessStarter = {
      async start(...args) {
        await starter.start(...args);
        throw new Error('server died after CreateProcessInstance');
      },
    };
    expect(await relay(crashing).runOnce()).toBe(0);
    expect((await zaken.get(zaak.id, worker)).processInstanceKey).toBeNull();
    // when a new relay retries
    expect(await relay().runOnce()).toBe(1);
    // then the zaak has the one instance that was started, and no second one
    const after = await zaken.get(zaak.id, worker);
    expect(await activeInstancesOf(zaak.id)).toEqual([after.processInstanceKey]);
    expect(await new OutboxRepository(harness.db).stateOf(zaak.id)).toMatchObject({
      state: 'done',
      attempts: 2,
    });
  });

  it('cancels surplus instances and keeps the oldest', async () => {
    // given an attempt that started an instance and died, and a second server whose lease on the
    // entry also ran out and that started another instance with the same variables
    const zaak = await newZaak();
    const keys: string[] = [];
    let variables: Record<string, unknown> = {};
    const crashing: ProcessStarter = {
      async start(bpmnProcessId, version, vars) {
        variables = vars;
        keys.push((await starter.start(bpmnProcessId, version, vars)).processInstanceKey);
        throw new Error('crash');
      },
    };
    await relay(crashing).runOnce();
    keys.push((await starter.start('zaakOutbox', 1, variables)).processInstanceKey);
    // when a healthy relay retries
    await relay().runOnce();
    // then the oldest instance is the zaak's, and the other is cancelled
    expect(keys).toHaveLength(2);
    expect((await zaken.get(zaak.id, worker)).processInstanceKey).toBe(keys[0]);
    expect(await activeInstancesOf(zaak.id)).toEqual([keys[0]]);
  });

  it('retries with back-off while the engine refuses, until it succeeds', async () => {
    const zaak = await newZaak();
    const failing: ProcessStarter = {
      start: () => Promise.reject(new Error('engine unavailable')),
    };
    await createOutboxRelay({
      db: harness.db,
      starter: failing,
      logger,
      intervalMs: 10,
      backoffMs: () => 60_000,
    }).runOnce();
    expect(await new OutboxRepository(harness.db).stateOf(zaak.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Error: engine unavailable',
    });
    // not due yet: the back-off holds it back
    expect(await relay().runOnce()).toBe(0);
    await harness
      .db('zaak_process_outbox')
      .where('zaak_id', zaak.id)
      .update({ next_attempt_at: harness.db.fn.now() });
    expect(await relay().runOnce()).toBe(1);
    expect(await activeInstancesOf(zaak.id)).toHaveLength(1);
  });

  it('runs on its own timer until stopped', async () => {
    // given a running relay
    const running = startOutboxRelay({
      db: harness.db,
      starter,
      lookup: lookup(),
      logger,
      intervalMs: 20,
    });
    // when a zaak is registered
    const zaak = await newZaak();
    // then its process is started without anyone calling runOnce
    await expect
      .poll(async () => (await zaken.get(zaak.id, worker)).processInstanceKey, { timeout: 5_000 })
      .toMatch(/^\d+$/);
    await running.stop();
  });
});
