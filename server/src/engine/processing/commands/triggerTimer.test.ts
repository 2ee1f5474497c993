import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createEngine } from '../../engine.js';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, flow, processXml, sequence, serviceTask, start, timerBoundary, timerCatch, timerStart } from '../../testing/bpmnXml.js';

const WEEK = 7 * 24 * 3600 * 1000;

/** Timers run on the engine clock, so tests move time instead of waiting. */
describe('timers', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('legal-term', start('s'), timerCatch('term', { duration: 'P8W' }), end('e'), sequence('s', 'term', 'e')));
    await harness.deploy(
      processXml(
        'reminders',
        start('s'),
        serviceTask('work', 'timer-work'),
        timerBoundary('remind', 'work', { cycle: 'R2/P1D' }, false),
        timerBoundary('escalate', 'work', { duration: '=termijn' }),
        serviceTask('notify', 'timer-notify'),
        end('e'),
        end('e-notified'),
        end('e-escalated'),
        sequence('s', 'work', 'e'),
        flow('remind', 'notify'),
        flow('notify', 'e-notified'),
        flow('escalate', 'e-escalated'),
      ),
    );
    await harness.deploy(processXml('bad-timer', start('s'), timerCatch('t', { duration: '=termijn' }), end('e'), sequence('s', 't', 'e')));
  });
  afterAll(async () => harness.stop());

  it('a timer 8 weeks ahead fires when the clock is moved 8 weeks', async () => {
    const key = await harness.start('legal-term');
    harness.engine.clock.add(8 * WEEK - 60_000);
    expect(await harness.engine.runDueWork()).toBe(0);
    harness.engine.clock.add(60_000);
    expect(await harness.engine.runDueWork()).toBe(1);
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    harness.engine.clock.reset();
  });

  it('a non-interrupting cycle repeats; an interrupting duration (from a variable) ends the task', async () => {
    const key = await harness.start('reminders', { termijn: 'P5D' });
    harness.engine.clock.add(WEEK / 7 + 1000);
    await harness.engine.runDueWork();
    harness.engine.clock.add(WEEK / 7);
    await harness.engine.runDueWork();
    harness.engine.clock.add(WEEK / 7);
    await harness.engine.runDueWork();
    expect((await harness.states(key)).remind).toEqual(['COMPLETED', 'COMPLETED']);
    expect(await harness.activate('timer-notify', 10)).toHaveLength(2);
    harness.engine.clock.add(3 * WEEK / 7);
    await harness.engine.runDueWork();
    expect(await harness.states(key)).toMatchObject({ work: ['TERMINATED'], escalate: ['COMPLETED'] });
    harness.engine.clock.reset();
  });

  it('an invalid timer expression raises an incident', async () => {
    const key = await harness.start('bad-timer', { termijn: 'five days' });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 't' });
    expect(incident!.error_message).toContain('five days');
  });

  it('a timer start event starts an instance each cycle of the latest version', async () => {
    await harness.deploy(processXml('daily', timerStart('tick', { cycle: 'R2/PT1H' }), end('e'), sequence('tick', 'e')));
    harness.engine.clock.add(3600_000);
    await harness.engine.runDueWork();
    harness.engine.clock.add(3600_000);
    await harness.engine.runDueWork();
    harness.engine.clock.add(3600_000);
    await harness.engine.runDueWork();
    const started = (await harness.db('engine_element_instances').where({ bpmn_process_id: 'daily', element_type: 'PROCESS' })) as unknown[];
    expect(started).toHaveLength(2);
    harness.engine.clock.reset();
  });

  it('a timer 8 weeks ahead survives an engine restart and fires when the clock moves 8 weeks (acceptance 3)', async () => {
    // given an instance waiting on P8W, and the engine that started it stopped
    harness.engine.clock.pin(Date.parse('2026-11-27T09:00:00Z'));
    const key = await harness.start('legal-term');
    harness.engine.clock.reset();
    await harness.engine.close();
    // when a new engine on the same database moves its clock
    const restarted = createEngine({ db: harness.db, logger: pino({ level: 'silent' }), scheduler: false });
    restarted.clock.pin(Date.parse('2026-11-27T09:00:00Z') + 8 * WEEK - 1000);
    expect(await restarted.runDueWork()).toBe(0);
    restarted.clock.add(1000);
    // then the timer fires, exactly once, and the instance completes
    expect(await restarted.runDueWork()).toBe(1);
    expect(await restarted.runDueWork()).toBe(0);
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    await restarted.close();
  });
});
