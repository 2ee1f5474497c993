import type { Knex } from 'knex';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineCommandListener } from '../engine/commandObservers.js';

export interface MetricsOptions {
  db: Knex;
  /**
   * The embedded engine: its commands, incidents and due timers. Without it (external engine)
   * these are the cluster's to report.
   */
  embeddedEngine?: {
    clock: { now(): number };
    onCommand(listener: EngineCommandListener): () => void;
  };
}

/**
 * The Prometheus series of one server, in a registry of its own (tests run servers side by side).
 * Counters are moved by the code that does the work; gauges ask the database at scrape time.
 */
export class ZaakstroomMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'zaakstroom_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobsActivated = this.jobCounter(
    'zaakstroom_jobs_activated_total',
    'Jobs the in-process workers took, by job type',
  );
  readonly jobsCompleted = this.jobCounter(
    'zaakstroom_jobs_completed_total',
    'Jobs the workers completed, by job type',
  );
  readonly jobsFailed = this.jobCounter(
    'zaakstroom_jobs_failed_total',
    'Jobs the workers failed (retry or incident), by job type',
  );
  readonly jobsBpmnErrors = this.jobCounter(
    'zaakstroom_jobs_bpmn_errors_total',
    'Jobs the workers ended with a BPMN error, by job type',
  );
  readonly processInstancesCreated = new Counter({
    name: 'zaakstroom_process_instances_created_total',
    help: 'Process instances the platform created for zaken, by BPMN process id',
    labelNames: ['bpmn_process_id'] as const,
    registers: [this.registry],
  });
  private readonly engineCommands = new Counter({
    name: 'zaakstroom_engine_commands_total',
    help: 'Commands the embedded engine ran, by type and outcome (accepted, rejected, failed)',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(options: MetricsOptions) {
    const { db } = options;
    collectDefaultMetrics({ register: this.registry, prefix: 'zaakstroom_' });
    this.databaseGauge(
      'zaakstroom_zaken_open',
      'Zaken without einddatum (proefruns left out)',
      () => db('zaken').whereNull('einddatum').where('proefrun', false).count({ n: '*' }),
    );
    this.databaseGauge(
      'zaakstroom_user_tasks_open',
      'User tasks open or claimed in the task list',
      () => db('taken').whereIn('state', ['open', 'claimed']).count({ n: '*' }),
    );
    this.databaseGauge(
      'zaakstroom_zaak_process_outbox_backlog',
      'Zaken whose process is not started yet',
      () => db('zaak_process_outbox').whereNot('state', 'done').count({ n: '*' }),
    );
    const engine = options.embeddedEngine;
    if (engine) {
      engine.onCommand(({ type, outcome }) => this.engineCommands.inc({ type, outcome }));
      this.databaseGauge('zaakstroom_incidents_open', 'Engine incidents not yet resolved', () =>
        db('engine_incidents').where('state', 'ACTIVE').count({ n: '*' }),
      );
      this.databaseGauge(
        'zaakstroom_engine_timers_due',
        'Active engine timers whose due date has passed',
        () =>
          db('engine_timers')
            .where('state', 'ACTIVE')
            .where('due_date', '<=', new Date(engine.clock.now()))
            .count({ n: '*' }),
      );
    }
    new Gauge({
      name: 'zaakstroom_db_pool_connections_in_use',
      help: 'Database connections in use in the knex pool',
      registers: [this.registry],
      collect() {
        const pool = (db.client as { pool?: { numUsed(): number } }).pool;
        this.set(pool?.numUsed() ?? 0);
      },
    });
  }

  /** For the workers' onJobEvent. */
  countJob(event: {
    jobType: string;
    event: 'activated' | 'complete' | 'fail' | 'bpmnError';
  }): void {
    const counter = {
      activated: this.jobsActivated,
      complete: this.jobsCompleted,
      fail: this.jobsFailed,
      bpmnError: this.jobsBpmnErrors,
    }[event.event];
    counter.inc({ job_type: event.jobType });
  }

  private jobCounter(name: string, help: string) {
    return new Counter({
      name,
      help,
      labelNames: ['job_type'] as const,
      registers: [this.registry],
    });
  }

  private databaseGauge(
    name: string,
    help: string,
    count: () => Promise<{ n?: number | string }[]>,
  ): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        const [row] = await count();
        this.set(Number(row?.n ?? 0));
      },
    });
  }
}
