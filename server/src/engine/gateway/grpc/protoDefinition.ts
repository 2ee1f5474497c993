import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

const SERVICE_NAME = 'gateway_protocol.Gateway';
export const PROTO_OPTIONS = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };

/**
 * The Zeebe gateway service, read at run time from the .proto that ships with the installed
 * @camunda8/sdk (the same file its client uses), so server and clients always agree.
 */
export function loadGatewayService(): ServiceDefinition {
  const protoPath = gatewayProtoPath();
  const definition = loadSync(protoPath, PROTO_OPTIONS);
  const service = definition[SERVICE_NAME];
  if (!service || 'format' in service) throw new Error(`${protoPath} does not define the service ${SERVICE_NAME}`);
  return service;
}

export function gatewayProtoPath(): string {
  const require = createRequire(import.meta.url);
  const sdkRoot = dirname(require.resolve('@camunda8/sdk/package.json'));
  return join(sdkRoot, 'dist', 'proto', 'zeebe.proto');
}
