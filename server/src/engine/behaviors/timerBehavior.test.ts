import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../testing/engineHarness.js';
import {
  end,
  flow,
  processXml,
  sequence,
  serviceTask,
  start,
  timerBoundary,
  timerEventSubProcess,
  timerStart,
} from '../testing/bpmnXml.js';

/** Friday 27 November 2026, 08:00 UTC. */
const FRIDAY_8 = Date.parse('2026-11-27T08:00:00Z');
const HOUR = 3600_000;

/**
 * Zeebe: "A time cycle can be a repeating interval or a cron expression" (timer events), for timer
 * start events and non-interrupting boundary and event-subprocess timers, also from FEEL.
 */
describe('cron timer cycles', () => {
  let harness: EngineHarness;
  const countInstances = async (bpmnProcessId: string) =>
    ((await harness.db('engine_element_instances').where({ bpmn_process_id: bpmnProcessId, element_type: 'PROCESS' })) as unknown[]).length;
  const moveTo = async (instant: number) => {
    harness.engine.clock.pin(instant);
    await harness.engine.runDueWork();
  };

  beforeAll(async () => {
    harness = await EngineHarness.start();
    harness.engine.clock.pin(FRIDAY_8);
  });
  afterAll(async () => {
    harness.engine.clock.reset();
    await harness.stop();
  });

  it('a timer start event with a cron cycle starts an instance at each matching instant', async () => {
    await harness.deploy(processXml('workday-9', timerStart('at-9', { cycle: '0 0 9 * * MON-FRI' }), end('e'), sequence('at-9', 'e')));
    await moveTo(FRIDAY_8 + HOUR - 1000);
    expect(await countInstances('workday-9')).toBe(0);
    await moveTo(FRIDAY_8 + HOUR);
    expect(await countInstances('workday-9')).toBe(1);
    // Saturday and Sunday do not match; Monday 09:00 does
    await moveTo(FRIDAY_8 + 49 * HOUR);
    expect(await countInstances('workday-9')).toBe(1);
    await moveTo(FRIDAY_8 + 3 * 24 * HOUR + HOUR);
    expect(await countInstances('workday-9')).toBe(2);
  });

  it('a timer start event accepts a macro and a FEEL expression that gives a cron', async () => {
    await harness.deploy(processXml('hourly-feel', timerStart('tick', { cycle: '="@hourly"' }), end('e'), sequence('tick', 'e')));
    const timer = (await harness.db('engine_timers').where({ element_id: 'tick', state: 'ACTIVE' }).first()) as { due_date: Date; interval: string };
    expect(timer.interval).toBe('@hourly');
    expect(new Date(timer.due_date).getTime() % HOUR).toBe(0);
  });

  it('a non-interrupting boundary timer with a cron cycle from a variable repeats while the task waits', async () => {
    harness.engine.clock.pin(FRIDAY_8);
    await harness.deploy(
      processXml(
        'cron-reminder',
        start('s'),
        serviceTask('work', 'cron-work'),
        timerBoundary('remind', 'work', { cycle: '=herinnering' }, false),
        end('e'),
        end('e-remind'),
        sequence('s', 'work', 'e'),
        flow('remind', 'e-remind'),
      ),
    );
    const key = await harness.start('cron-reminder', { herinnering: '0 30 * * * *' });
    await moveTo(FRIDAY_8 + HOUR / 2);
    await moveTo(FRIDAY_8 + HOUR + HOUR / 2);
    expect((await harness.states(key)).remind).toEqual(['COMPLETED', 'COMPLETED']);
    await harness.completeJob('cron-work');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.db('engine_timers').where({ process_instance_key: key, state: 'ACTIVE' })).toHaveLength(0);
  });

  it('a non-interrupting timer event subprocess with a cron cycle runs beside the main flow', async () => {
    harness.engine.clock.pin(FRIDAY_8);
    await harness.deploy(
      processXml(
        'cron-esp',
        start('s'),
        serviceTask('work', 'cron-esp-work'),
        end('e'),
        sequence('s', 'work', 'e'),
        timerEventSubProcess('check', 'check-start', { cycle: '0 0 */2 * * *' }, false, end('check-end'), sequence('check-start', 'check-end')),
      ),
    );
    const key = await harness.start('cron-esp');
    await moveTo(FRIDAY_8 + 2 * HOUR);
    await moveTo(FRIDAY_8 + 4 * HOUR);
    expect((await harness.states(key)).check).toEqual(['COMPLETED', 'COMPLETED']);
    expect((await harness.states(key)).work).toEqual(['ACTIVATED']);
  });

  it('a static cron expression that is wrong fails the deployment, saying what is wrong', async () => {
    await expect(
      harness.deploy(processXml('bad-cron', timerStart('tick', { cycle: '0 0 25 * * *' }), end('e'), sequence('tick', 'e'))),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('hour 25 is outside 0-23') as string });
    await expect(
      harness.deploy(processXml('bad-feel-cron', timerStart('tick', { cycle: '="0 9 * * *"' }), end('e'), sequence('tick', 'e'))),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('6 fields') as string });
  });

  it('a cron expression from FEEL that is wrong at runtime raises an incident', async () => {
    const key = await harness.start('cron-reminder', { herinnering: '0 0 9 * * MOO' });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 'work' });
    expect(incident!.error_message).toContain("'MOO' is not a valid day of week");
  });
});
