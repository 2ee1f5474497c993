import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import {
  end,
  error,
  errorBoundary,
  errorEnd,
  errorEventSubProcess,
  flow,
  gateway,
  processXml,
  sequence,
  serviceTask,
  start,
  subProcess,
  terminateEnd,
} from '../../testing/bpmnXml.js';

describe('events and subprocesses', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(
      processXml('sub', start('s'), subProcess('inner', start('is'), serviceTask('a', 'sub-a'), end('ie'), sequence('is', 'a', 'ie')), end('e'), sequence('s', 'inner', 'e')),
    );
    await harness.deploy(
      processXml(
        'terminate',
        start('s'),
        gateway('parallel', 'fork'),
        serviceTask('slow', 'term-slow'),
        terminateEnd('stop'),
        flow('s', 'fork'),
        flow('fork', 'slow'),
        flow('fork', 'stop'),
      ),
    );
    await harness.deploy(
      processXml(
        'error-end',
        error('err-x', 'X'),
        start('s'),
        subProcess('inner', start('is'), errorEnd('throw', 'err-x'), sequence('is', 'throw')),
        errorBoundary('catch-all', 'inner'),
        end('e'),
        end('handled'),
        sequence('s', 'inner', 'e'),
        flow('catch-all', 'handled'),
      ),
    );
    await harness.deploy(
      processXml(
        'event-sub',
        error('err-y', 'Y'),
        start('s'),
        serviceTask('a', 'esp-a'),
        end('e'),
        sequence('s', 'a', 'e'),
        errorEventSubProcess('on-error', 'es', 'err-y', serviceTask('handle', 'esp-handle'), end('ee'), sequence('es', 'handle', 'ee')),
      ),
    );
    await harness.deploy(
      processXml('uncaught-end', error('err-z', 'Z'), start('s'), errorEnd('throw', 'err-z'), sequence('s', 'throw')),
    );
  });
  afterAll(async () => harness.stop());

  it('embedded subprocess: runs its own start to end, then continues outside', async () => {
    const key = await harness.start('sub');
    const [job] = await harness.activate('sub-a');
    const scope = (await harness.elements(key)).find((row) => row.element_id === 'inner')!;
    expect(String((await harness.elements(key)).find((row) => row.element_id === 'a')!.flow_scope_key)).toBe(String(scope.key));
    await harness.engine.completeJob(job!.key);
    expect(await harness.states(key)).toMatchObject({ inner: ['COMPLETED'], e: ['COMPLETED'], sub: ['COMPLETED'] });
  });

  it('terminate end event: terminates the other branches and completes the instance', async () => {
    const key = await harness.start('terminate');
    expect(await harness.states(key)).toMatchObject({ slow: ['TERMINATED'], stop: ['COMPLETED'], terminate: ['COMPLETED'] });
  });

  it('error end event inside a subprocess is caught by a catch-all boundary on it', async () => {
    const key = await harness.start('error-end');
    expect(await harness.states(key)).toMatchObject({ inner: ['TERMINATED'], 'catch-all': ['COMPLETED'], handled: ['COMPLETED'] });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('error from a job is caught by an error event subprocess of the process', async () => {
    const key = await harness.start('event-sub');
    const [job] = await harness.activate('esp-a');
    await harness.engine.throwError(job!.key, { errorCode: 'Y' });
    expect(await harness.states(key)).toMatchObject({ a: ['TERMINATED'], 'on-error': ['ACTIVATED'], es: ['COMPLETED'] });
    await harness.completeJob('esp-handle');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('an uncaught error end event raises UNHANDLED_ERROR_EVENT', async () => {
    const key = await harness.start('uncaught-end');
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'UNHANDLED_ERROR_EVENT', element_id: 'throw' });
  });
});
