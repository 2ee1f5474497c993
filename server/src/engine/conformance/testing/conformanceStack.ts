/**
 * The real stack the conformance runner talks to, in-process for tests: a fresh database and
 * engine, the Zeebe gRPC gateway on a free port, and the REST v2 router mounted in the app.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../../app.js';
import { createTestDatabase } from '../../../testing/testDatabase.js';
import { ControllableClock } from '../../clock.js';
import { createEngine } from '../../engine.js';
import { startGrpcGateway, type GrpcGateway } from '../../gateway/grpc/index.js';
import { engineRestRouter } from '../../gateway/rest/index.js';

export interface ConformanceStack {
  gatewayAddress: string;
  restUrl: string;
  stop(): Promise<void>;
}

export async function startConformanceStack(): Promise<ConformanceStack> {
  const testDb = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  const clock = new ControllableClock();
  const engine = createEngine({ db: testDb.db, logger, clock });
  let grpc: GrpcGateway | undefined;
  let server: Server | undefined;
  try {
    grpc = await startGrpcGateway({ engine, host: '127.0.0.1', port: 0, logger });
    const router = engineRestRouter({ db: testDb.db, engine, clock, clockControl: false, logger });
    server = createApp({ db: testDb.db, logger, routers: [router] }).listen(0, '127.0.0.1');
    await once(server, 'listening');
  } catch (error) {
    server?.close();
    await grpc?.close();
    await engine.close();
    await testDb.destroy();
    throw error;
  }
  const httpServer = server;
  const gateway = grpc;
  return {
    gatewayAddress: `127.0.0.1:${gateway.port}`,
    restUrl: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    async stop() {
      httpServer.closeAllConnections();
      await new Promise<void>((done) => httpServer.close(() => done()));
      await gateway.close();
      await engine.close();
      await testDb.destroy();
    },
  };
}
