import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineCommandEvent } from './commandObservers.js';
import { EngineHarness } from './testing/engineHarness.js';
import { end, processXml, sequence, serviceTask, start, timerCatch } from './testing/bpmnXml.js';

describe('engine command observers', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
  });
  afterAll(async () => harness.stop());

  /** The events `when` caused, in order. */
  async function observed(when: () => Promise<unknown>): Promise<EngineCommandEvent[]> {
    const events: EngineCommandEvent[] = [];
    const stop = harness.engine.onCommand((event) => events.push(event));
    try {
      await when();
    } finally {
      stop();
    }
    return events;
  }

  it('tells of every command with its outcome, rejections included', async () => {
    // given
    await harness.deploy(processXml('observed', start('s'), serviceTask('a', 'observed.work'), end('e'), sequence('s', 'a', 'e')));
    // when
    const events = await observed(async () => {
      await harness.start('observed');
      await harness.completeJob('observed.work');
      await expect(harness.start('no-such-process')).rejects.toThrow(/no-such-process/);
      await expect(harness.engine.completeJob('not-a-key')).rejects.toThrow(/jobKey/);
    });
    // then
    expect(events).toEqual([
      { type: 'CreateProcessInstance', outcome: 'accepted' },
      { type: 'ActivateJobs', outcome: 'accepted' },
      { type: 'CompleteJob', outcome: 'accepted' },
      { type: 'CreateProcessInstance', outcome: 'rejected' },
      { type: 'CompleteJob', outcome: 'rejected' },
    ]);
  });

  it('counts the timers the scheduler fires as TriggerTimers', async () => {
    // given a timer that is due
    await harness.deploy(processXml('observed-timer', start('s'), timerCatch('t', { duration: 'PT1M' }), end('e'), sequence('s', 't', 'e')));
    await harness.start('observed-timer');
    harness.engine.clock.add(120_000);
    // when
    const events = await observed(() => harness.engine.runDueWork());
    // then
    expect(events).toEqual([{ type: 'TriggerTimers', outcome: 'accepted' }]);
  });

  it('keeps the answer of a command whose listener throws', async () => {
    // given
    const stop = harness.engine.onCommand(() => {
      throw new Error('listener broke');
    });
    // when / then
    try {
      await expect(harness.start('observed')).resolves.toMatch(/^\d+$/);
    } finally {
      stop();
    }
  });
});
