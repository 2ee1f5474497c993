/** The Camunda version whose API this engine speaks, as the topology reports it. */
export const GATEWAY_VERSION = '8.8.0';

export interface GatewayAddress {
  host: string;
  port: number;
}

/** GET /v2/topology: the embedded engine is a cluster of one broker with one partition, which it leads. */
export function topologyOf(gateway: GatewayAddress) {
  return {
    brokers: [
      {
        nodeId: 0,
        host: gateway.host,
        port: gateway.port,
        partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
        version: GATEWAY_VERSION,
      },
    ],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: GATEWAY_VERSION,
    lastCompletedChangeId: '-1',
  };
}
