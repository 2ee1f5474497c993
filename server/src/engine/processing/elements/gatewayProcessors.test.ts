import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, flow, gateway, processXml, serviceTask, start, task } from '../../testing/bpmnXml.js';

describe('gateways', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(
      processXml(
        'exclusive',
        start('s'),
        gateway('exclusive', 'gw', 'to-low'),
        task('high'),
        task('low'),
        end('e1'),
        end('e2'),
        flow('s', 'gw'),
        flow('gw', 'high', { condition: '=amount > 100' }),
        flow('gw', 'low', { id: 'to-low' }),
        flow('high', 'e1'),
        flow('low', 'e2'),
      ),
    );
    await harness.deploy(
      processXml(
        'no-default',
        start('s'),
        gateway('exclusive', 'gw'),
        task('a'),
        end('e'),
        flow('s', 'gw'),
        flow('gw', 'a', { condition: '=amount > 100' }),
        flow('a', 'e'),
      ),
    );
    await harness.deploy(
      processXml(
        'parallel',
        start('s'),
        gateway('parallel', 'fork'),
        serviceTask('a', 'par-a'),
        serviceTask('b', 'par-b'),
        gateway('parallel', 'join'),
        end('e'),
        flow('s', 'fork'),
        flow('fork', 'a'),
        flow('fork', 'b'),
        flow('a', 'join'),
        flow('b', 'join'),
        flow('join', 'e'),
      ),
    );
    await harness.deploy(
      processXml(
        'inclusive',
        start('s'),
        gateway('inclusive', 'fork'),
        serviceTask('a', 'inc-a'),
        serviceTask('b', 'inc-b'),
        serviceTask('c', 'inc-c'),
        gateway('inclusive', 'join'),
        end('e'),
        flow('s', 'fork'),
        flow('fork', 'a', { condition: '=list contains(kinds, "a")' }),
        flow('fork', 'b', { condition: '=list contains(kinds, "b")' }),
        flow('fork', 'c', { condition: '=list contains(kinds, "c")' }),
        flow('a', 'join'),
        flow('b', 'join'),
        flow('c', 'join'),
        flow('join', 'e'),
      ),
    );
  });
  afterAll(async () => harness.stop());

  it('exclusive: takes the first flow whose condition holds', async () => {
    const key = await harness.start('exclusive', { amount: 150 });
    expect(await harness.states(key)).toMatchObject({ high: ['COMPLETED'], e1: ['COMPLETED'] });
    expect((await harness.states(key)).low).toBeUndefined();
  });

  it('exclusive: takes the default flow when no condition holds', async () => {
    const key = await harness.start('exclusive', { amount: 5 });
    expect(await harness.states(key)).toMatchObject({ low: ['COMPLETED'] });
  });

  it('exclusive: CONDITION_ERROR incident without a default; resolving after fixing variables continues', async () => {
    const key = await harness.start('no-default', { amount: 5 });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'CONDITION_ERROR', element_id: 'gw' });
    expect(incident!.error_message).toContain('Expected at least one condition to evaluate to true');
    await harness.engine.setVariables(key, { amount: 500 }, false);
    await harness.engine.resolveIncident(String(incident!.key));
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('exclusive: a condition on a missing variable raises an incident naming the expression', async () => {
    const key = await harness.start('no-default', {});
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'CONDITION_ERROR' });
    expect(incident!.error_message).toContain('amount');
  });

  it('parallel: forks into both branches and joins once both arrive', async () => {
    const key = await harness.start('parallel');
    await harness.completeJob('par-a');
    expect(await harness.instanceState(key)).toBe('ACTIVATED');
    expect((await harness.states(key)).join).toBeUndefined();
    await harness.completeJob('par-b');
    expect(await harness.states(key)).toMatchObject({ join: ['COMPLETED'], e: ['COMPLETED'], parallel: ['COMPLETED'] });
  });

  it('inclusive: activates the branches whose condition holds and joins only those', async () => {
    const key = await harness.start('inclusive', { kinds: ['a', 'c'] });
    expect((await harness.states(key)).b).toBeUndefined();
    await harness.completeJob('inc-a');
    expect((await harness.states(key)).join).toBeUndefined();
    await harness.completeJob('inc-c');
    expect(await harness.states(key)).toMatchObject({ join: ['COMPLETED'], inclusive: ['COMPLETED'] });
  });
});
