import { Server, ServerCredentials, status, type ServiceDefinition, type UntypedHandleCall } from '@grpc/grpc-js';
import type { Logger } from '../../../logging.js';
import type { EngineApi } from '../../api.js';
import { deployHandlers } from './deployHandlers.js';
import type { GatewayContext, GatewayHandlers, GatewaySettings } from './handlerSupport.js';
import { incidentVariableHandlers } from './incidentVariableHandlers.js';
import { jobActivationHandlers } from './jobActivationHandlers.js';
import { jobHandlers } from './jobHandlers.js';
import { optionalHandlers } from './optionalHandlers.js';
import { processInstanceHandlers } from './processInstanceHandlers.js';
import { loadGatewayService } from './protoDefinition.js';
import { topologyHandlers } from './topologyHandlers.js';

export interface GrpcGatewayOptions {
  engine: EngineApi;
  /** Interface to listen on, e.g. '0.0.0.0' or 'localhost'. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  /** Reported as gateway and broker version; default '8.8.0'. */
  version?: string;
  /** Broker host in Topology; default: `host`, or 'localhost' when listening on every interface. */
  advertisedHost?: string;
  longPollingTimeoutMs?: number;
  activationRetryIntervalMs?: number;
  defaultRequestTimeoutMs?: number;
  /** How long close() lets running calls finish before cutting them off; default 2 s. */
  shutdownGraceMs?: number;
}

export interface GrpcGateway {
  /** The port actually bound (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/** Serves the Zeebe gateway API (gateway_protocol.Gateway) for the embedded engine, without TLS. */
export async function startGrpcGateway(options: GrpcGatewayOptions): Promise<GrpcGateway> {
  const logger = options.logger.child({ component: 'grpc-gateway' });
  const service = loadGatewayService();
  const server = new Server();
  const port = await bind(server, options.host, options.port);
  const shutdown = new AbortController();
  const context: GatewayContext = { engine: options.engine, logger, settings: settingsFrom(options, port), shutdown: shutdown.signal };
  server.addService(service, completeHandlers(service, allHandlers(context)));
  logger.info({ host: options.host, port }, 'Zeebe gateway (gRPC) listening');

  let closing: Promise<void> | undefined;
  return {
    port,
    close() {
      closing ??= closeServer(server, shutdown, options.shutdownGraceMs ?? 2_000).then(() => logger.info({ port }, 'Zeebe gateway (gRPC) closed'));
      return closing;
    },
  };
}

function allHandlers(context: GatewayContext): GatewayHandlers {
  return {
    ...topologyHandlers(context),
    ...deployHandlers(context),
    ...processInstanceHandlers(context),
    ...jobActivationHandlers(context),
    ...jobHandlers(context),
    ...incidentVariableHandlers(context),
    ...optionalHandlers(context),
  };
}

/** RPCs of the .proto that have no handler here (a newer SDK may add some) answer UNIMPLEMENTED, naming the RPC. */
function completeHandlers(service: ServiceDefinition, handlers: GatewayHandlers): GatewayHandlers {
  const complete: GatewayHandlers = { ...handlers };
  for (const [rpc, method] of Object.entries(service)) {
    if (complete[rpc]) continue;
    const unimplemented = { code: status.UNIMPLEMENTED, details: `The embedded engine does not support the ${rpc} RPC` };
    complete[rpc] = (method.responseStream
      ? (call: NodeJS.EventEmitter) => call.emit('error', unimplemented)
      : (_call: unknown, callback: (error: typeof unimplemented) => void) => callback(unimplemented)) as UntypedHandleCall;
  }
  return complete;
}

function settingsFrom(options: GrpcGatewayOptions, port: number): GatewaySettings {
  const wildcard = ['', '0.0.0.0', '::', '[::]'].includes(options.host);
  return {
    advertisedHost: options.advertisedHost ?? (wildcard ? 'localhost' : options.host),
    advertisedPort: port,
    version: options.version ?? '8.8.0',
    longPollingTimeoutMs: options.longPollingTimeoutMs ?? 10_000,
    activationRetryIntervalMs: options.activationRetryIntervalMs ?? 1_000,
    defaultRequestTimeoutMs: options.defaultRequestTimeoutMs ?? 15_000,
  };
}

function bind(server: Server, host: string, port: number): Promise<number> {
  const address = host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Promise((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, boundPort) => {
      if (error) reject(new Error(`Could not listen for gRPC on ${address}: ${error.message}`, { cause: error }));
      else resolve(boundPort);
    });
  });
}

/** Wakes waiting activations (they answer at once), lets running calls finish, then cuts off the rest. */
function closeServer(server: Server, shutdown: AbortController, graceMs: number): Promise<void> {
  shutdown.abort();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
