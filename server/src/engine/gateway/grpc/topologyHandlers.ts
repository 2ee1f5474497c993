import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type { TopologyResponse } from './protocol.js';

/** The embedded engine is a one-broker, one-partition cluster that leads its only partition. */
export function topologyHandlers(context: GatewayContext): GatewayHandlers {
  const { advertisedHost, advertisedPort, version } = context.settings;
  return {
    Topology: unary<unknown, TopologyResponse>('Topology', context, async () => ({
      brokers: [
        {
          nodeId: 0,
          host: advertisedHost,
          port: advertisedPort,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
          version,
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: version,
    })),
  };
}
