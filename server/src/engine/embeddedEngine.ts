import type { Router } from 'express';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging.js';
import { ControllableClock } from './clock.js';
import { createEngine, type Engine } from './engine.js';
import { startGrpcGateway, type GrpcGateway } from './gateway/grpc/index.js';
import { engineRestRouter } from './gateway/rest/index.js';

export interface EmbeddedEngineOptions {
  db: Database;
  logger: Logger;
  host: string;
  grpcPort: number;
  clockControl: boolean;
  /** Poll for due timers (default true); a test may leave them due and run the engine's runDueWork() itself. */
  scheduler?: boolean;
}

export interface RunningEngine {
  engine: Engine;
  grpc: GrpcGateway;
  /** The Camunda 8 REST v2 subset, to mount on the HTTP server. */
  restRouter: Router;
  close(): Promise<void>;
}

/** The embedded engine with both of its faces: the Zeebe gRPC gateway and REST v2. */
export async function startEmbeddedEngine(options: EmbeddedEngineOptions): Promise<RunningEngine> {
  const clock = new ControllableClock();
  const engine = createEngine({ db: options.db, logger: options.logger, clock, scheduler: options.scheduler ?? true });
  const grpc = await startGrpcGateway({ engine, host: options.host, port: options.grpcPort, logger: options.logger });
  const restRouter = engineRestRouter({
    db: options.db,
    engine,
    clock,
    clockControl: options.clockControl,
    logger: options.logger,
    gateway: { host: options.host === '0.0.0.0' ? 'localhost' : options.host, port: grpc.port },
  });
  return {
    engine,
    grpc,
    restRouter,
    async close() {
      await grpc.close();
      await engine.close();
    },
  };
}
