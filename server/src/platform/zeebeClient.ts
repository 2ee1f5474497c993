import { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface ZeebeClientOptions {
  /**
   * Whether the SDK repeats a call that failed on the network (default true). The platform turns
   * it off: a CreateProcessInstance the engine committed but could not answer would be sent again
   * and start a second instance. The platform retries itself (the process-start outbox first looks
   * for the instance an earlier attempt started; workers' jobs come back after their lock).
   */
  retry?: boolean;
}

const retrySettings = (options: ZeebeClientOptions) =>
  options.retry === false ? { ZEEBE_GRPC_CLIENT_RETRY: false } : {};

/** The official SDK's gRPC client for a plaintext gateway without OAuth (the embedded engine). */
export function zeebeClientFor(
  gatewayAddress: string,
  options: ZeebeClientOptions = {},
): ZeebeClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gatewayAddress}`,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ...retrySettings(options) },
  }).getZeebeGrpcApiClient();
}

/**
 * The client for an external Zeebe / Camunda 8 cluster: the SDK reads its standard ZEEBE_* and
 * CAMUNDA_* settings (address, OAuth, TLS) itself, so a cluster is pointed at by configuration.
 */
export function zeebeClientFromEnvironment(options: ZeebeClientOptions = {}): ZeebeClient {
  return new Camunda8({ zeebeGrpcSettings: retrySettings(options) }).getZeebeGrpcApiClient();
}
