import type { handleUnaryCall, sendUnaryData, ServerUnaryCall, UntypedHandleCall } from '@grpc/grpc-js';
import type { Logger } from '../../../logging.js';
import type { EngineApi } from '../../api.js';
import { toGrpcStatus } from './errorMapper.js';

/** What every handler may use: the engine, a logger, settings, and the gateway's shutdown signal. */
export interface GatewayContext {
  engine: EngineApi;
  logger: Logger;
  settings: GatewaySettings;
  /** Aborted when the gateway closes: waiting calls end at once. */
  shutdown: AbortSignal;
}

export interface GatewaySettings {
  /** Reported by Topology as the broker's address. */
  advertisedHost: string;
  advertisedPort: number;
  version: string;
  /** ActivateJobs with requestTimeout 0 waits this long for jobs (Zeebe's default: 10 s). */
  longPollingTimeoutMs: number;
  /** Waiting activations also look again this often, for jobs made by another server process. */
  activationRetryIntervalMs: number;
  /** CreateProcessInstanceWithResult with requestTimeout 0 waits this long (Zeebe's default: 15 s). */
  defaultRequestTimeoutMs: number;
}

/** RPC name as in the .proto (e.g. 'CompleteJob') → implementation. */
export type GatewayHandlers = Record<string, UntypedHandleCall>;

/**
 * A unary RPC from an async function: its result is the response, its error goes through the
 * error mapper. Nothing a handler throws can take the server down.
 */
export function unary<Request, Response>(
  rpc: string,
  context: GatewayContext,
  handle: (request: Request, call: ServerUnaryCall<Request, Response>) => Promise<Response>,
): handleUnaryCall<Request, Response> {
  return (call: ServerUnaryCall<Request, Response>, callback: sendUnaryData<Response>) => {
    let result: Promise<Response>;
    try {
      result = handle(call.request, call);
    } catch (error) {
      result = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    result.then(
      (response) => callback(null, response),
      (error: unknown) => callback(toGrpcStatus(error, rpc, context.logger)),
    );
  };
}
