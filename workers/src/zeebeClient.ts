import { Camunda8, type Zeebe } from '@camunda8/sdk';

/**
 * The SDK's gRPC client. A plaintext gateway without OAuth (the embedded engine) by address;
 * with OAuth configured, the SDK's standard ZEEBE_* / CAMUNDA_* environment decides everything.
 */
export function createZeebeClient(options: {
  address: string;
  oauth: boolean;
}): Zeebe.ZeebeGrpcClient {
  if (options.oauth) return new Camunda8().getZeebeGrpcApiClient();
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${options.address.replace(/^grpcs?:\/\//, '')}`,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' },
  }).getZeebeGrpcApiClient();
}
