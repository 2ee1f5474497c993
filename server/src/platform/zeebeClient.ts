import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** The official SDK's gRPC client for a plaintext gateway without OAuth (the embedded engine). */
export function zeebeClientFor(gatewayAddress: string): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gatewayAddress}`,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
}

/**
 * The client for an external Zeebe / Camunda 8 cluster: the SDK reads its standard ZEEBE_* and
 * CAMUNDA_* settings (address, OAuth, TLS) itself, so a cluster is pointed at by configuration.
 */
export function zeebeClientFromEnvironment(): ZeebeClient {
  return new Camunda8().getZeebeGrpcApiClient();
}
