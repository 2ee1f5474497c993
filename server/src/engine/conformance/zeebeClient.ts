/**
 * The write side of the conformance runner: the official Camunda 8 SDK's Zeebe gRPC client, pointed
 * at a plaintext gateway without OAuth, with retries off so that a rejection surfaces at once with
 * its gRPC status instead of being retried away.
 */
import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** `gatewayAddress` is `host:port` (or `grpc://host:port`). */
export function createZeebeClient(gatewayAddress: string): ZeebeClient {
  const address = /^grpcs?:\/\//.test(gatewayAddress) ? gatewayAddress : `grpc://${gatewayAddress}`;
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: address,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
      ZEEBE_GRPC_CLIENT_RETRY: false,
      ZEEBE_GRPC_CLIENT_EAGER_CONNECT: false,
    },
  });
  return camunda.getZeebeGrpcApiClient();
}

/**
 * The SDK's variable types leave out `null`, which JSON (and Zeebe) allow; the values are sent as
 * JSON text either way, so the spec's parsed JSON is handed over as is.
 */
export function sdkVariables<T>(variables: object): T {
  return variables as T;
}
