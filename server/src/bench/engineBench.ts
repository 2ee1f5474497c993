import { prepareDatabase } from './benchDatabase.js';
import { startEngineProcess } from './engineProcess.js';
import { runTimerBench } from './timerBench.js';
import { median, percentile, round, sleep } from './measurements.js';
import { rawCommitRate } from './rawCommitRate.js';
import { zeebeClientFor, type ZeebeClient } from '../platform/zeebeClient.js';

/**
 * `npm run bench`: the engine as a separate process, driven over gRPC by the official SDK.
 * Throughput: instances of a one-service-task process created with many in flight and
 * completed by an SDK worker. Latency: instances created at a fixed rate; time from the create
 * request to the job reaching the worker. Baseline: the database's raw commit rate, same run.
 * BENCH_SCENARIO=timers runs the timer scenario instead (timerBench.ts).
 * Settings: BENCH_SECONDS (60), BENCH_LATENCY_SECONDS (BENCH_SECONDS, at most 20),
 * BENCH_LATENCY_FIRST (measure latency before throughput), BENCH_RUNS (3), BENCH_RATE (100), BENCH_DATABASE_URL
 * (postgres://postgres@127.0.0.1:5432/test), BENCH_TARGETS (postgres,pglite).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const rate = Number(process.env.BENCH_RATE ?? 100);
const latencySeconds = Number(process.env.BENCH_LATENCY_SECONDS ?? Math.min(seconds, 20));
const latencyFirst = process.env.BENCH_LATENCY_FIRST === 'true';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const targets = (process.env.BENCH_TARGETS ?? 'postgres,pglite').split(',');

const oneTaskProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="bench" targetNamespace="http://zaakstroom.bench">
  <bpmn:process id="bench-one-task" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="bench-work"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface RunResult {
  instancesPerSecond: number;
  latencyP50: number;
  latencyP99: number;
}

async function main(): Promise<void> {
  if (process.env.BENCH_SCENARIO === 'timers') return runTimerBench(targets, adminUrl);
  console.log(`Zaakstroom engine benchmark: ${runs} runs of ${seconds} s throughput + ${latencySeconds} s at ${rate} PI/s${latencyFirst ? ' (latency first)' : ''}, per database`);
  for (const target of targets) {
    const { url, env, cleanup } = await prepareDatabase(target, adminUrl);
    try {
      const baseline = await rawCommitRate(url, 5, 10);
      const engine = await startEngineProcess(env);
      const client = zeebeClientFor(engine.gatewayAddress);
      try {
        await client.deployResource({ process: Buffer.from(oneTaskProcess), name: 'bench.bpmn' });
        const results: RunResult[] = [];
        for (let run = 1; run <= runs; run++) {
          const latencyBefore = latencyFirst ? await measureLatency(client, latencySeconds, rate) : undefined;
          const throughput = await measureThroughput(client, seconds);
          const latency = latencyBefore ?? (await measureLatency(client, latencySeconds, rate));
          results.push({
            instancesPerSecond: throughput,
            latencyP50: latency.p50,
            latencyP99: latency.p99,
          });
          console.log(
            `  ${target} run ${run}: ${round(throughput)} PI/s; activation latency at ${rate} PI/s p50 ${round(latency.p50)} ms, p95 ${round(latency.p95)} ms, p99 ${round(latency.p99)} ms, max ${round(latency.max)} ms`,
          );
        }
        const pis = median(results.map((r) => r.instancesPerSecond));
        console.log(
          `${target}: median ${round(pis)} PI/s (sustained ${seconds} s), p50 ${round(median(results.map((r) => r.latencyP50)))} ms, p99 ${round(median(results.map((r) => r.latencyP99)))} ms;`,
        );
        console.log(
          `  raw commit rate ${round(baseline)} commits/s (10 connections${url ? '' : ', PGlite: 1'}); ratio PI/s : commits/s = ${round(pis / baseline, 3)} (each instance needs 2 engine commits + 1 activation)`,
        );
      } finally {
        await client.close();
        await engine.stop();
      }
    } finally {
      await cleanup();
    }
  }
}

/** Keeps `inFlight` create calls running for `seconds`; counts jobs completed by the worker. */
async function measureThroughput(
  client: ZeebeClient,
  seconds: number,
  inFlight = 48,
): Promise<number> {
  let completed = 0;
  let completedTotal = 0;
  let created = 0;
  let counting = false;
  const worker = client.createWorker({
    taskType: 'bench-work',
    maxJobsToActivate: 64,
    timeout: 30_000,
    pollInterval: 50,
    taskHandler: async (job) => {
      const ack = await job.complete();
      completedTotal++;
      if (counting) completed++;
      return ack;
    },
  });
  try {
    await sleep(500);
    const warmUpUntil = Date.now() + 3000;
    const until = warmUpUntil + seconds * 1000;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (Date.now() < until) {
          if (!counting && Date.now() >= warmUpUntil) counting = true;
          await client.createProcessInstance({ bpmnProcessId: 'bench-one-task', variables: {} });
          created++;
        }
      }),
    );
    counting = false;
    // Let the worker finish the backlog so the next phase starts from an empty queue.
    for (let waited = 0; completedTotal < created && waited < 120_000; waited += 100)
      await sleep(100);
    return completed / seconds;
  } finally {
    await drain(worker);
  }
}

/**
 * Creates instances at `rate` per second; latency = create request sent → job in the worker.
 * The worker is the SDK's job-streaming worker (StreamActivatedJobs), the low-latency way that
 * Camunda's own clients use since 8.4; a polling worker adds up to its poll interval.
 */
async function measureLatency(
  client: ZeebeClient,
  seconds: number,
  rate: number,
): Promise<{ p50: number; p95: number; p99: number; max: number }> {
  const latencies: number[] = [];
  const stream = await client.streamJobs({
    type: 'bench-work',
    worker: 'bench-latency',
    timeout: 30_000,
    tenantIds: [],
    pollInterval: 0,
    taskHandler: (job) => {
      const sentAt = (job.variables as { sentAt?: number }).sentAt;
      if (typeof sentAt === 'number') latencies.push(Date.now() - sentAt);
      return job.complete();
    },
  });
  try {
    await sleep(500);
    const start = Date.now();
    const creates: Promise<unknown>[] = [];
    for (let i = 0; i < seconds * rate; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      creates.push(
        client.createProcessInstance({
          bpmnProcessId: 'bench-one-task',
          variables: { sentAt: Date.now() },
        }),
      );
    }
    await Promise.all(creates);
    const expected = seconds * rate;
    for (let waited = 0; latencies.length < expected && waited < 10_000; waited += 100)
      await sleep(100);
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: percentile(latencies, 100),
    };
  } finally {
    // The SDK's stream worker reports the CANCELLED status of its own close on console.error.
    const consoleError = console.error;
    console.error = () => undefined;
    stream.close();
    await sleep(200);
    console.error = consoleError;
  }
}

async function drain(worker: { close: () => Promise<unknown> }): Promise<void> {
  await worker.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
