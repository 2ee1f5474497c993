import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import type { Zeebe } from '@camunda8/sdk';
import { createEngine, type Engine } from '../../../engine.js';
import { createTestDatabase, type TestDatabase } from '../../../../testing/testDatabase.js';
import { startGrpcGateway, type GrpcGateway, type GrpcGatewayOptions } from '../grpcGateway.js';
import { RawGatewayClient, sdkClient } from './gatewayClients.js';

interface IncidentRow {
  key: string;
  state: string;
  error_type: string;
  error_message: string;
}

/**
 * The real engine on a fresh test database, behind the gRPC gateway on a free port, with an SDK
 * client and a bare grpc-js client connected to it.
 */
export class GatewayHarness {
  private constructor(
    readonly engine: Engine,
    readonly gateway: GrpcGateway,
    readonly zeebe: Zeebe.ZeebeGrpcClient,
    readonly raw: RawGatewayClient,
    private readonly testDb: TestDatabase,
  ) {}

  static async start(options: Partial<GrpcGatewayOptions> = {}): Promise<GatewayHarness> {
    const testDb = await createTestDatabase();
    const engine = createEngine({ db: testDb.db, logger: pino({ level: 'silent' }) });
    const gateway = await startGrpcGateway({ engine, host: 'localhost', port: 0, logger: pino({ level: 'error' }), ...options });
    return new GatewayHarness(engine, gateway, sdkClient(gateway.port), new RawGatewayClient(gateway.port), testDb);
  }

  get port(): number {
    return this.gateway.port;
  }

  get db() {
    return this.testDb.db;
  }

  async stop(): Promise<void> {
    this.raw.close();
    await this.zeebe.close();
    await this.gateway.close();
    await this.engine.close();
    await this.testDb.destroy();
  }

  async incidents(processInstanceKey: string): Promise<IncidentRow[]> {
    return (await this.db('engine_incidents').where({ process_instance_key: processInstanceKey }).orderBy('key')) as IncidentRow[];
  }
}

/**
 * A fixture from ../fixtures, with its process id and job types given a suffix, so that every
 * test works on its own process and job types and never sees another test's jobs.
 */
export function fixture(name: string, suffix = '') {
  const original = readFileSync(new URL(`../fixtures/${name}.bpmn`, import.meta.url), 'utf8');
  const processId = /<bpmn:process id="([^"]+)"/.exec(original)?.[1];
  if (!processId) throw new Error(`fixture ${name} has no process`);
  const xml = suffix
    ? original.replace(`id="${processId}"`, `id="${processId}_${suffix}"`).replace(/type="(gateway-[^"]+)"/g, `type="$1-${suffix}"`)
    : original;
  return {
    xml,
    content: Buffer.from(xml),
    processId: suffix ? `${processId}_${suffix}` : processId,
    jobType: (base: string) => (suffix ? `${base}-${suffix}` : base),
  };
}
