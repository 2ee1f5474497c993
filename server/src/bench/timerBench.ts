import { pino } from 'pino';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { prepareDatabase } from './benchDatabase.js';
import { median, round, sleep } from './measurements.js';

/**
 * Timer scenario (`BENCH_SCENARIO=timers npm run bench`): BENCH_TIMERS instances (10000) each
 * wait on a one-hour timer; the engine clock then jumps two hours and we time how long the
 * engine's own scheduler takes to fire them all. Baseline in the same run: the same number of
 * plain start→end instances created. The engine runs in-process here (the scheduler is what is
 * measured, not the gateway). BENCH_RUNS (3) runs per database; the median is reported.
 */
const count = Number(process.env.BENCH_TIMERS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const inFlight = 16;
const HOUR = 3600_000;

const xml = (id: string, waiting: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="${id}-defs" targetNamespace="http://zaakstroom.bench">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    ${waiting}
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${waiting ? 'wait' : 'end'}"/>
    ${waiting ? '<bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>' : ''}
  </bpmn:process>
</bpmn:definitions>`;
const timerProcess = xml(
  'bench-timer',
  '<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
);
const plainProcess = xml('bench-plain', '');

interface TimerRun {
  createSeconds: number;
  fireSeconds: number;
  baselineSeconds: number;
}

export async function runTimerBench(targets: string[], adminUrl: string): Promise<void> {
  console.log(`Zaakstroom timer benchmark: ${count} instances waiting on a timer, clock jump of 2 h, ${runs} runs per database`);
  for (const target of targets) {
    const { url, env, cleanup } = await prepareDatabase(target, adminUrl);
    const db = openDatabase({ url, dataDir: env.DATA_DIR ?? 'memory://' });
    const engine = createEngine({ db, logger: pino({ level: 'silent' }) });
    try {
      await migrateToLatest(db);
      await engine.deploy([
        { name: 'timer.bpmn', content: Buffer.from(timerProcess) },
        { name: 'plain.bpmn', content: Buffer.from(plainProcess) },
      ]);
      const results: TimerRun[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await measureRun(engine, db);
        results.push(result);
        console.log(
          `  ${target} run ${run}: created ${count} waiting instances in ${round(result.createSeconds)} s; all ${count} timers fired ${round(result.fireSeconds, 2)} s after the clock jump (${round(count / result.fireSeconds)} timers/s); baseline ${count} start→end instances in ${round(result.baselineSeconds, 2)} s (${round(count / result.baselineSeconds)} PI/s)`,
        );
      }
      const fire = median(results.map((r) => r.fireSeconds));
      const baseline = median(results.map((r) => r.baselineSeconds));
      console.log(
        `${target}: ${count} timers, clock jump 2 h: median ${round(fire, 2)} s until all fired = ${round(count / fire)} timers/s; baseline ${round(count / baseline)} start→end PI/s; ratio timers/s : PI/s = ${round(baseline / fire, 2)}`,
      );
    } finally {
      await engine.close();
      await db.destroy();
      await cleanup();
    }
  }
}

async function measureRun(engine: Engine, db: Database): Promise<TimerRun> {
  const baselineSeconds = await timed(() => createMany(engine, 'bench-plain'));
  const createSeconds = await timed(() => createMany(engine, 'bench-timer'));
  const fireSeconds = await timed(async () => {
    engine.clock.add(2 * HOUR);
    while ((await activeTimers(db)) > 0) await sleep(50);
  });
  return { createSeconds, fireSeconds, baselineSeconds };
}

async function createMany(engine: Engine, bpmnProcessId: string): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < count) await engine.createProcessInstance({ bpmnProcessId, variables: {} });
    }),
  );
}

async function activeTimers(db: Database): Promise<number> {
  const rows: { n: string | number }[] = await db('engine_timers').where({ state: 'ACTIVE' }).count({ n: '*' });
  return Number(rows[0]?.n ?? 0);
}

async function timed(body: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await body();
  return (performance.now() - started) / 1000;
}
