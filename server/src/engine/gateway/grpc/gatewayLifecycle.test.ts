import { createServer } from 'node:net';
import { status } from '@grpc/grpc-js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ActivatedJob, EngineApi } from '../../api.js';
import { startGrpcGateway } from './index.js';
import { RawGatewayClient } from './testing/gatewayClients.js';

const silent = pino({ level: 'silent' });

const job: ActivatedJob = {
  key: '2251799813685300',
  type: 'lifecycle',
  processInstanceKey: '2251799813685290',
  bpmnProcessId: 'p',
  processDefinitionVersion: 1,
  processDefinitionKey: '2251799813685280',
  elementId: 'work',
  elementInstanceKey: '2251799813685299',
  customHeaders: { purpose: 'testing' },
  worker: 'w',
  retries: 3,
  deadline: 1_700_000_000_000,
  variables: { zaak: { nummer: 'ZAAK-1' } },
  tenantId: '<default>',
};

/** An engine whose only jobs are the ones handed to it, once each; `asked` resolves on the first activation. */
function engineWithJobs(jobs: ActivatedJob[]): EngineApi & { asked: Promise<void> } {
  let asked!: () => void;
  const engine = {
    asked: new Promise<void>((resolve) => (asked = resolve)),
    activateJobs: () => {
      asked();
      return Promise.resolve(jobs.splice(0));
    },
    onJobsAvailable: () => () => {},
  };
  return engine as Partial<EngineApi> as EngineApi & { asked: Promise<void> };
}

describe('gRPC gateway lifecycle', () => {
  it('close() answers waiting long polls at once and frees the port', async () => {
    const engine = engineWithJobs([]);
    const gateway = await startGrpcGateway({ engine, host: 'localhost', port: 0, logger: silent });
    const client = new RawGatewayClient(gateway.port);
    const poll = client.stream('ActivateJobs', { type: 'lifecycle', worker: 'w', timeout: 1000, maxJobsToActivate: 1, requestTimeout: 30_000 });
    await engine.asked;
    const started = Date.now();
    await gateway.close();
    await expect(poll).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_500);
    client.close();
    await expect(canListenOn(gateway.port)).resolves.toBe(true);
  });

  it('streams activated jobs with variables and headers as JSON text; a closing gateway ends the stream UNAVAILABLE', async () => {
    const gateway = await startGrpcGateway({ engine: engineWithJobs([job]), host: 'localhost', port: 0, logger: silent });
    const client = new RawGatewayClient(gateway.port);
    const stream = client.open('StreamActivatedJobs', { type: 'lifecycle', worker: 'w', timeout: 1000 });
    const received: unknown[] = [];
    const first = new Promise((resolve) => stream.once('data', resolve));
    stream.on('data', (message) => received.push(message));
    const ended = new Promise((resolve) => stream.on('error', resolve));
    await first;
    expect(received).toEqual([
      {
        ...job,
        customHeaders: '{"purpose":"testing"}',
        variables: '{"zaak":{"nummer":"ZAAK-1"}}',
        deadline: '1700000000000',
      },
    ]);
    await gateway.close();
    await expect(ended).resolves.toMatchObject({ code: status.UNAVAILABLE });
    client.close();
  });

  it('an engine failure during activation ends the call INTERNAL and leaves the server running', async () => {
    const engine = { activateJobs: () => Promise.reject(new Error('db gone')) } as Partial<EngineApi> as EngineApi;
    const gateway = await startGrpcGateway({ engine, host: 'localhost', port: 0, logger: silent });
    const client = new RawGatewayClient(gateway.port);
    try {
      const request = { type: 'lifecycle', worker: 'w', timeout: 1000, maxJobsToActivate: 1 };
      await expect(client.stream('ActivateJobs', request)).rejects.toMatchObject({ code: status.INTERNAL });
      await expect(client.call('Topology', {})).resolves.toMatchObject({ clusterSize: 1 });
    } finally {
      client.close();
      await gateway.close();
    }
  });
});

function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, 'localhost', () => server.close(() => resolve(true)));
  });
}
