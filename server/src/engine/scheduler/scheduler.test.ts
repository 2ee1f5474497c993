import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createEngine } from '../engine.js';
import { EngineHarness } from '../testing/engineHarness.js';
import { end, processXml, sequence, start, timerCatch } from '../testing/bpmnXml.js';
import { Scheduler } from './scheduler.js';

const HOUR = 3600_000;

/**
 * Zeebe fires every due timer exactly once ("When the timer is triggered, the catch event is
 * completed"), also when the engine runs in several processes on one database.
 */
describe('scheduler', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('wait-hour', start('s'), timerCatch('hour', { duration: 'PT1H' }), end('e'), sequence('s', 'hour', 'e')));
  });
  afterAll(async () => harness.stop());

  it('fires due timers in chunks, several per transaction', async () => {
    // given 45 due timers
    const keys = await Promise.all(Array.from({ length: 45 }, () => harness.start('wait-hour')));
    const now = harness.engine.clock.now() + HOUR;
    const chunks: number[] = [];
    const scheduler = new Scheduler({
      db: harness.db,
      clock: { now: () => now },
      logger: pino({ level: 'silent' }),
      timersPerTransaction: 20,
      fireTimers: async (timerKeys) => {
        chunks.push(timerKeys.length);
        await harness.db('engine_timers').whereIn('key', timerKeys).update({ state: 'TRIGGERED' });
        return timerKeys.length;
      },
    });
    // when the scheduler runs
    // then it hands them over in chunks of at most 20
    expect(await scheduler.runDueWork()).toBe(45);
    expect(chunks.sort((a, b) => b - a)).toEqual([20, 20, 5]);
    await harness.db('engine_timers').whereIn('process_instance_key', keys).delete();
  });

  it('a failing chunk is retried one timer at a time, so the others still fire', async () => {
    // given three due timers, one of which cannot be fired
    await Promise.all(Array.from({ length: 3 }, () => harness.start('wait-hour')));
    const [broken] = (await harness.db('engine_timers').where({ state: 'ACTIVE' }).orderBy('key').limit(1)) as { key: string }[];
    const now = harness.engine.clock.now() + HOUR;
    const scheduler = new Scheduler({
      db: harness.db,
      clock: { now: () => now },
      logger: pino({ level: 'silent' }),
      fireTimers: async (timerKeys) => {
        if (timerKeys.includes(String(broken!.key))) throw new Error('broken timer');
        await harness.db('engine_timers').whereIn('key', timerKeys).update({ state: 'TRIGGERED' });
        return timerKeys.length;
      },
    });
    // when the scheduler runs, then the two others fire
    expect(await scheduler.runDueWork()).toBe(2);
    await harness.db('engine_timers').delete();
  });

  it('two engines on one database fire each timer exactly once', { timeout: 60_000 }, async () => {
    // given 60 instances waiting on a timer, and a second engine process on the same database
    const keys = await Promise.all(Array.from({ length: 60 }, () => harness.start('wait-hour')));
    const other = createEngine({ db: harness.db, logger: pino({ level: 'silent' }), scheduler: false });
    harness.engine.clock.add(HOUR);
    other.clock.add(HOUR);
    // when both look for due work at the same time
    const [firedHere, firedThere] = await Promise.all([harness.engine.runDueWork(), other.runDueWork()]);
    await other.close();
    harness.engine.clock.reset();
    // then together they fired 60 timers, each once, and every instance completed
    expect(firedHere + firedThere).toBe(60);
    const triggered: { key: string }[] = await harness
      .db('engine_records')
      .where({ value_type: 'TIMER', intent: 'TRIGGERED' })
      .whereIn('process_instance_key', keys)
      .select('key');
    expect(new Set(triggered.map((row) => String(row.key))).size).toBe(60);
    expect(triggered).toHaveLength(60);
    for (const key of keys) expect(await harness.instanceState(key)).toBe('COMPLETED');
  });
});
