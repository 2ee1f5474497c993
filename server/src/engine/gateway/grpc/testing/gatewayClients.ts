/**
 * Real Zeebe clients pointed at a gateway on localhost, for the gateway's end-to-end tests:
 * the @camunda8/sdk gRPC client, a bare grpc-js client on the same .proto, and zbctl.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Camunda8, type Zeebe } from '@camunda8/sdk';
import { credentials, loadPackageDefinition, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { gatewayProtoPath, PROTO_OPTIONS } from '../protoDefinition.js';

/** The SDK's client, without TLS or OAuth; `retry: false` so a rejection surfaces at once. */
export function sdkClient(port: number, options: { retry?: boolean } = {}): Zeebe.ZeebeGrpcClient {
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://localhost:${port}`,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    zeebeGrpcSettings: {
      ZEEBE_GRPC_CLIENT_RETRY: options.retry ?? false,
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    },
  });
  return camunda.getZeebeGrpcApiClient();
}

type UnaryMethod = (request: object, callback: (error: ServiceError | null, response: unknown) => void) => void;
type GatewayClientClass = new (address: string, creds: ReturnType<typeof credentials.createInsecure>) => Client;

/** A bare grpc-js client: sends exactly the message given, as any non-SDK client would. */
export class RawGatewayClient {
  private readonly client: Client & Record<string, unknown>;

  constructor(port: number) {
    const Gateway = loadGatewayClientClass();
    this.client = new Gateway(`localhost:${port}`, credentials.createInsecure()) as Client & Record<string, unknown>;
  }

  /** Calls a unary RPC by its .proto name; rejects with the ServiceError (code, details). */
  call<Response = Record<string, unknown>>(rpc: string, request: object): Promise<Response> {
    const method = this.method<UnaryMethod>(rpc);
    return new Promise((resolve, reject) => {
      method.call(this.client, request, (error, response) => (error ? reject(error) : resolve(response as Response)));
    });
  }

  /** Calls a server-streaming RPC and collects every message until the stream ends. */
  stream<Message = Record<string, unknown>>(rpc: string, request: object): Promise<Message[]> {
    return new Promise((resolve, reject) => {
      const messages: Message[] = [];
      const call = this.open(rpc, request);
      call.on('data', (message: Message) => messages.push(message));
      call.on('error', reject);
      call.on('end', () => resolve(messages));
    });
  }

  /** Opens a server-streaming call and hands back the call itself (to read or cancel). */
  open(rpc: string, request: object): NodeJS.EventEmitter & { cancel(): void } {
    return this.method<(request: object) => NodeJS.EventEmitter & { cancel(): void }>(rpc).call(this.client, request);
  }

  close(): void {
    this.client.close();
  }

  private method<Method>(rpc: string): Method {
    const method = this.client[rpc.charAt(0).toLowerCase() + rpc.slice(1)];
    if (typeof method !== 'function') throw new Error(`the gateway service has no RPC ${rpc}`);
    return method as Method;
  }
}

function loadGatewayClientClass(): GatewayClientClass {
  const loaded = loadPackageDefinition(loadSync(gatewayProtoPath(), PROTO_OPTIONS)) as unknown as {
    gateway_protocol: { Gateway: GatewayClientClass };
  };
  return loaded.gateway_protocol.Gateway;
}

/** Runs zbctl (the Go client, from the npm package) against the gateway without TLS. */
export function runZbctl(port: number, args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const require = createRequire(import.meta.url);
  const zbctl = join(dirname(require.resolve('zbctl/package.json')), '..', '.bin', 'zbctl');
  return new Promise((resolve) => {
    execFile(zbctl, ['--address', `localhost:${port}`, '--insecure', ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}
