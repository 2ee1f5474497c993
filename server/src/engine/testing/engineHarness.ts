import { pino } from 'pino';
import type { ActivatedJob, CreateInstanceCommand, VariableDocument } from '../api.js';
import { createEngine, type Engine } from '../engine.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';

export interface ElementRow {
  key: string;
  element_id: string;
  element_type: string;
  state: string;
  flow_scope_key: string | null;
}

/**
 * Drives the real engine on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL) in
 * tests: deploy, start, work jobs, and read back element instances, variables, incidents, records.
 */
export class EngineHarness {
  private constructor(
    readonly engine: Engine,
    private readonly testDb: TestDatabase,
  ) {}

  static async start(): Promise<EngineHarness> {
    const testDb = await createTestDatabase();
    const engine = createEngine({ db: testDb.db, logger: pino({ level: 'silent' }), scheduler: false });
    return new EngineHarness(engine, testDb);
  }

  get db() {
    return this.testDb.db;
  }

  async stop(): Promise<void> {
    await this.engine.close();
    await this.testDb.destroy();
  }

  async deploy(xml: string, name = 'process.bpmn') {
    return this.engine.deploy([{ name, content: Buffer.from(xml) }]);
  }

  async start(bpmnProcessId: string, variables: VariableDocument = {}, extra: Partial<CreateInstanceCommand> = {}): Promise<string> {
    const created = await this.engine.createProcessInstance({ bpmnProcessId, variables, ...extra });
    return created.processInstanceKey;
  }

  async activate(type: string, max = 1, fetchVariable?: string[]): Promise<ActivatedJob[]> {
    return this.engine.activateJobs({ type, worker: 'test', timeout: 60_000, maxJobsToActivate: max, ...(fetchVariable ? { fetchVariable } : {}) });
  }

  /** Activates exactly one job of the type and completes it. */
  async completeJob(type: string, variables: VariableDocument = {}): Promise<ActivatedJob> {
    const [job] = await this.activate(type);
    if (!job) throw new Error(`no activatable job of type '${type}'`);
    await this.engine.completeJob(job.key, variables);
    return job;
  }

  async elements(processInstanceKey: string): Promise<ElementRow[]> {
    return (await this.db('engine_element_instances')
      .where({ process_instance_key: processInstanceKey })
      .orderBy('key')) as ElementRow[];
  }

  /** The states an element went through in this instance, e.g. { a: ['COMPLETED'] }. */
  async states(processInstanceKey: string): Promise<Record<string, string[]>> {
    const states: Record<string, string[]> = {};
    for (const row of await this.elements(processInstanceKey)) (states[row.element_id] ??= []).push(row.state);
    return states;
  }

  async instanceState(processInstanceKey: string): Promise<string | undefined> {
    const row = (await this.db('engine_element_instances').where({ key: processInstanceKey }).first()) as ElementRow | undefined;
    return row?.state;
  }

  /** Variables of a scope (default: the process instance itself). */
  async variables(processInstanceKey: string, scopeKey = processInstanceKey): Promise<Record<string, unknown>> {
    const rows = (await this.db('engine_variables').where({ process_instance_key: processInstanceKey, scope_key: scopeKey })) as {
      name: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.name, JSON.parse(row.value) as unknown]));
  }

  async incidents(processInstanceKey: string) {
    return (await this.db('engine_incidents').where({ process_instance_key: processInstanceKey }).orderBy('key')) as {
      key: string;
      state: string;
      error_type: string;
      error_message: string;
      element_id: string;
      job_key: string | null;
    }[];
  }

  async records(processInstanceKey: string) {
    return (await this.db('engine_records').where({ process_instance_key: processInstanceKey }).orderBy('position')) as {
      value_type: string;
      intent: string;
      element_id: string | null;
    }[];
  }
}
