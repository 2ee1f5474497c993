import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineApi } from '../../api.js';
import { startGrpcGateway, type GrpcGateway } from './index.js';
import { runZbctl, sdkClient } from './testing/gatewayClients.js';

describe('Topology', () => {
  let gateway: GrpcGateway;

  beforeAll(async () => {
    // Topology never reaches the engine.
    gateway = await startGrpcGateway({ engine: {} as EngineApi, host: 'localhost', port: 0, logger: pino({ level: 'silent' }), version: '8.8.0' });
  });
  afterAll(() => gateway.close());

  it('reports one healthy broker leading one partition, to the SDK', async () => {
    const zeebe = sdkClient(gateway.port);
    try {
      const topology = await zeebe.topology();
      expect(topology).toMatchObject({
        clusterSize: 1,
        partitionsCount: 1,
        replicationFactor: 1,
        gatewayVersion: '8.8.0',
        brokers: [{ nodeId: 0, host: 'localhost', port: gateway.port, version: '8.8.0', partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }] }],
      });
    } finally {
      await zeebe.close();
    }
  });

  it('reports the same to zbctl status', async () => {
    const { exitCode, stdout, stderr } = await runZbctl(gateway.port, ['status']);
    expect(stderr).not.toMatch(/error/i);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Cluster size: 1');
    expect(stdout).toContain('Partitions count: 1');
    expect(stdout).toContain('Gateway version: 8.8.0');
    expect(stdout).toMatch(/Partition 1\s*:\s*Leader, Healthy/);
  });
});
