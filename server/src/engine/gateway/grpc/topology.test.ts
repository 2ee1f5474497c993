import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runZbctl } from './testing/gatewayClients.js';
import { GatewayHarness } from './testing/gatewayHarness.js';

describe('Topology', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start({ version: '8.8.0' });
  });
  afterAll(() => harness.stop());

  it('reports one healthy broker leading one partition, to the SDK', async () => {
    await expect(harness.zeebe.topology()).resolves.toMatchObject({
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
      brokers: [
        { nodeId: 0, host: 'localhost', port: harness.port, version: '8.8.0', partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }] },
      ],
    });
  });

  it('reports the same to zbctl status', async () => {
    const { exitCode, stdout, stderr } = await runZbctl(harness.port, ['status']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Cluster size: 1');
    expect(stdout).toContain('Partitions count: 1');
    expect(stdout).toContain('Gateway version: 8.8.0');
    expect(stdout).toMatch(/Broker 0 - localhost:\d+/);
    expect(stdout).toMatch(/Partition 1\s*:\s*Leader, Healthy/);
  });
});
