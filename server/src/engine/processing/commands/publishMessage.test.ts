import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import {
  end,
  eventGateway,
  flow,
  message,
  messageBoundary,
  messageCatch,
  messageEventSubProcess,
  messageStart,
  processXml,
  receiveTask,
  sequence,
  serviceTask,
  start,
  timerCatch,
} from '../../testing/bpmnXml.js';

/** Message correlation as documented for Zeebe (docs.camunda.io: "Messages"). */
describe('messages', () => {
  let harness: EngineHarness;
  const publish = (name: string, correlationKey: string, extra: { ttl?: number; messageId?: string; variables?: Record<string, unknown> } = {}) =>
    harness.engine.publishMessage({
      name,
      correlationKey,
      timeToLiveMs: extra.ttl ?? 0,
      ...(extra.messageId ? { messageId: extra.messageId } : {}),
      variables: (extra.variables ?? {}) as Record<string, never>,
    });

  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('wait', message('m', 'antwoord', '=zaaknummer'), start('s'), messageCatch('catch', 'm'), end('e'), sequence('s', 'catch', 'e')));
    await harness.deploy(processXml('receive', message('m', 'ontvangst', '=zaaknummer'), start('s'), receiveTask('r', 'm'), end('e'), sequence('s', 'r', 'e')));
    await harness.deploy(
      processXml('started', message('m', 'aanvraag', '=aanvrager'), messageStart('ms', 'm'), serviceTask('a', 'started-a'), end('e'), sequence('ms', 'a', 'e')),
    );
    await harness.deploy(
      processXml(
        'boundaries',
        message('stop', 'intrekking', '=zaaknummer'),
        message('info', 'aanvulling', '=zaaknummer'),
        start('s'),
        serviceTask('work', 'boundary-work'),
        messageBoundary('withdrawn', 'work', 'stop'),
        messageBoundary('extra', 'work', 'info', false),
        end('e'),
        end('e-withdrawn'),
        end('e-extra'),
        sequence('s', 'work', 'e'),
        flow('withdrawn', 'e-withdrawn'),
        flow('extra', 'e-extra'),
      ),
    );
    await harness.deploy(
      processXml(
        'race',
        message('m', 'zienswijze', '=zaaknummer'),
        start('s'),
        eventGateway('gw'),
        messageCatch('reply', 'm'),
        timerCatch('deadline', { duration: 'P14D' }),
        end('e-reply'),
        end('e-deadline'),
        flow('s', 'gw'),
        flow('gw', 'reply'),
        flow('gw', 'deadline'),
        flow('reply', 'e-reply'),
        flow('deadline', 'e-deadline'),
      ),
    );
    await harness.deploy(
      processXml(
        'esp',
        message('m', 'herinnering', '=zaaknummer'),
        start('s'),
        serviceTask('work', 'esp-work'),
        end('e'),
        sequence('s', 'work', 'e'),
        messageEventSubProcess('note', 'ns', 'm', false, serviceTask('log', 'esp-log'), end('ne'), sequence('ns', 'log', 'ne')),
      ),
    );
    await harness.deploy(processXml('bad-key', message('m', 'x', '=missing'), start('s'), messageCatch('c', 'm'), end('e'), sequence('s', 'c', 'e')));
  });
  afterAll(async () => harness.stop());

  it('correlates to a waiting catch event by name and correlation key, with its variables', async () => {
    const key = await harness.start('wait', { zaaknummer: 'ZAAK-1' });
    await publish('antwoord', 'ZAAK-2');
    expect(await harness.instanceState(key)).toBe('ACTIVATED');
    await publish('antwoord', 'ZAAK-1', { variables: { besluit: 'akkoord' } });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.variables(key)).toMatchObject({ besluit: 'akkoord' });
  });

  it('buffers a message for its time to live: a later subscription gets it', async () => {
    await publish('ontvangst', 'ZAAK-10', { ttl: 60_000, variables: { via: 'buffer' } });
    const key = await harness.start('receive', { zaaknummer: 'ZAAK-10' });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.variables(key)).toMatchObject({ via: 'buffer' });
  });

  it('correlates a buffered message once per process, and not after its time to live', async () => {
    await publish('ontvangst', 'ZAAK-11', { ttl: 60_000 });
    const first = await harness.start('receive', { zaaknummer: 'ZAAK-11' });
    const second = await harness.start('receive', { zaaknummer: 'ZAAK-11' });
    expect(await harness.instanceState(first)).toBe('COMPLETED');
    expect(await harness.instanceState(second)).toBe('ACTIVATED');
    await publish('ontvangst', 'ZAAK-12', { ttl: 1_000 });
    harness.engine.clock.add(2_000);
    const late = await harness.start('receive', { zaaknummer: 'ZAAK-12' });
    harness.engine.clock.reset();
    expect(await harness.instanceState(late)).toBe('ACTIVATED');
  });

  // Zeebe (camunda/zeebe#1012): "reject message if another message with the same id, name and correlation-key is already published"
  it('rejects a duplicate messageId while a message with the same name and correlation key is buffered (ALREADY_EXISTS)', async () => {
    await publish('ontvangst', 'ZAAK-20', { ttl: 60_000, messageId: 'msg-1' });
    await expect(publish('ontvangst', 'ZAAK-20', { ttl: 60_000, messageId: 'msg-1' })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      message: expect.stringContaining("id 'msg-1'") as string,
    });
    // the id is unique per name and correlation key only
    await expect(publish('ontvangst', 'ZAAK-21', { ttl: 60_000, messageId: 'msg-1' })).resolves.toBeDefined();
    await expect(publish('antwoord', 'ZAAK-20', { ttl: 60_000, messageId: 'msg-1' })).resolves.toBeDefined();
    // after the time to live the buffered message is gone and the id is free again
    harness.engine.clock.add(61_000);
    await expect(publish('ontvangst', 'ZAAK-20', { ttl: 60_000, messageId: 'msg-1' })).resolves.toBeDefined();
    harness.engine.clock.reset();
  });

  it('a correlated message stays buffered, so its messageId stays taken; without a time to live it is free at once', async () => {
    const key = await harness.start('receive', { zaaknummer: 'ZAAK-22' });
    await publish('ontvangst', 'ZAAK-22', { ttl: 60_000, messageId: 'msg-2' });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    await expect(publish('ontvangst', 'ZAAK-22', { ttl: 60_000, messageId: 'msg-2' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await publish('ontvangst', 'ZAAK-23', { messageId: 'msg-3' });
    await expect(publish('ontvangst', 'ZAAK-23', { messageId: 'msg-3' })).resolves.toBeDefined();
  });

  it('starts a process by a message start event, one active instance per correlation key', async () => {
    await publish('aanvraag', 'burger-1', { variables: { onderwerp: 'kapvergunning' } });
    await publish('aanvraag', 'burger-1');
    const jobs = await harness.activate('started-a', 10);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.variables).toMatchObject({ onderwerp: 'kapvergunning' });
    await harness.engine.completeJob(jobs[0]!.key);
    await publish('aanvraag', 'burger-1');
    expect(await harness.activate('started-a', 10)).toHaveLength(1);
  });

  it('interrupting boundary: terminates the task; non-interrupting: the task goes on', async () => {
    const key = await harness.start('boundaries', { zaaknummer: 'ZAAK-30' });
    await publish('aanvulling', 'ZAAK-30');
    expect(await harness.states(key)).toMatchObject({ extra: ['COMPLETED'], 'e-extra': ['COMPLETED'] });
    expect((await harness.states(key)).work).toEqual(['ACTIVATED']);
    await publish('intrekking', 'ZAAK-30');
    expect(await harness.states(key)).toMatchObject({ work: ['TERMINATED'], withdrawn: ['COMPLETED'], boundaries: ['COMPLETED'] });
  });

  it('event-based gateway: the message wins before the timer, the timer is cancelled', async () => {
    const key = await harness.start('race', { zaaknummer: 'ZAAK-40' });
    await publish('zienswijze', 'ZAAK-40');
    expect(await harness.states(key)).toMatchObject({ gw: ['COMPLETED'], reply: ['COMPLETED'], 'e-reply': ['COMPLETED'] });
    const timers = (await harness.db('engine_timers').where({ process_instance_key: key })) as { state: string }[];
    expect(timers.map((t) => t.state)).toEqual(['CANCELED']);
  });

  it('non-interrupting message event subprocess runs beside the main flow', async () => {
    const key = await harness.start('esp', { zaaknummer: 'ZAAK-50' });
    await publish('herinnering', 'ZAAK-50');
    await harness.completeJob('esp-log');
    expect((await harness.states(key)).note).toEqual(['COMPLETED']);
    await harness.completeJob('esp-work');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('a correlation key that cannot be evaluated raises an incident naming it', async () => {
    const key = await harness.start('bad-key');
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 'c' });
    expect(incident!.error_message).toContain("'missing'");
  });
});
