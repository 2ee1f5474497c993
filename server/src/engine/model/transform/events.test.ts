import { beforeAll, describe, expect, it } from 'vitest';
import { element, errorsById, readInvalid, readValid } from '../testing/fixtures.js';
import type { ExecutableProcess } from '../types.js';

describe('events', () => {
  let events: ExecutableProcess;
  beforeAll(async () => {
    [events] = (await readValid('events.catalogue')) as [ExecutableProcess];
  });

  it('reads start events of every supported kind; only the none start event starts an instance', () => {
    expect(events.process.noneStartEventId).toBe('noneStart');
    expect(element(events, 'dailyStart')).toMatchObject({
      eventType: 'TIMER',
      timer: { kind: 'cycle', expression: { source: '0 0 9 * * MON-FRI' } },
    });
    expect(element(events, 'feelTimerStart')).toMatchObject({
      eventType: 'TIMER',
      timer: { kind: 'date', expression: { isStatic: false } },
    });
    expect(element(events, 'messageStart')).toMatchObject({
      eventType: 'MESSAGE',
      message: { name: { source: 'aanvraag-ontvangen' } },
    });
    expect(element(events, 'messageStart').message?.correlationKey).toBeUndefined();
    expect(element(events, 'signalStart')).toMatchObject({
      eventType: 'SIGNAL',
      signalName: { source: 'heropenen' },
    });
  });

  it('reads timer catch events with a duration or a date', () => {
    expect(element(events, 'waitTwoWeeks').timer).toMatchObject({
      kind: 'duration',
      expression: { source: 'P14D', isStatic: true },
    });
    expect(element(events, 'waitUntil').timer).toMatchObject({
      kind: 'date',
      expression: { isStatic: false },
    });
  });

  it('reads message catch events and receive tasks with name and correlation key', () => {
    expect(element(events, 'documentsReceived').message).toMatchObject({
      name: { isStatic: false },
      correlationKey: { source: 'zaakId', isStatic: false },
    });
    expect(element(events, 'receivePayment')).toMatchObject({
      type: 'RECEIVE_TASK',
      eventType: 'UNSPECIFIED',
      message: { name: { source: 'betaling' }, correlationKey: { source: 'zaakId' } },
    });
  });

  it('reads signal, link, escalation, terminate and error events', () => {
    expect(element(events, 'signalCaught').signalName?.source).toBe('heropenen');
    expect(element(events, 'broadcast')).toMatchObject({
      type: 'INTERMEDIATE_THROW_EVENT',
      eventType: 'SIGNAL',
    });
    expect(element(events, 'jumpToEnd')).toMatchObject({ eventType: 'LINK', linkName: 'toEnd' });
    expect(element(events, 'landAtEnd')).toMatchObject({ eventType: 'LINK', linkName: 'toEnd' });
    expect(element(events, 'escalate')).toMatchObject({
      eventType: 'ESCALATION',
      escalationCode: { source: 'TE_LAAT' },
    });
    expect(element(events, 'noneThrow').eventType).toBe('NONE');
    expect(element(events, 'terminate').eventType).toBe('TERMINATE');
    expect(element(events, 'failure')).toMatchObject({
      eventType: 'ERROR',
      errorCode: { isStatic: false },
    });
    expect(element(events, 'signalEnd').eventType).toBe('SIGNAL');
  });

  it('leaves the code away on catch-all error and escalation boundary events', () => {
    expect(element(events, 'catchAllErrors')).toMatchObject({
      eventType: 'ERROR',
      interrupting: true,
    });
    expect(element(events, 'catchAllErrors').errorCode).toBeUndefined();
    expect(element(events, 'lateEscalation')).toMatchObject({
      eventType: 'ESCALATION',
      interrupting: false,
      escalationCode: { source: 'TE_LAAT' },
    });
    expect(element(events, 'anyEscalation').escalationCode).toBeUndefined();
    expect(element(events, 'handling').boundaryEventIds).toEqual([
      'catchAllErrors',
      'lateEscalation',
      'anyEscalation',
    ]);
  });

  it('rejects events whose definitions Zeebe could not use, naming each', async () => {
    // when
    const problems = await readInvalid('events.invalid');
    // then
    expect(errorsById(problems)).toEqual({
      unnamedMessage: [
        "Attribute 'name' must be present and not empty (bpmn:message 'noName')",
        expect.stringContaining("'zeebe:subscription'"),
      ],
      noSubscription: [
        "Must have exactly one 'zeebe:subscription' extension element (bpmn:message 'noKey')",
      ],
      noMessage: ['Must reference a message'],
      danglingMessage: ["Referenced message 'Message_missing' (messageRef) does not exist"],
      staticKey: [
        expect.stringContaining(
          "Expected expression in 'correlationKey' of zeebe:subscription of bpmn:message 'staticKeyMessage' but found static value 'zaak-1'",
        ),
      ],
      errorWithoutRef: ['Must reference an error'],
      errorWithoutCode: ["ErrorCode must be present and not empty (bpmn:error 'codeless')"],
      expressionCatch: [
        'The errorCode of the error catch event is not allowed to be an expression',
      ],
      twoTimers: ['Must be exactly one type of timer: timeDuration, timeDate or timeCycle'],
      cycleCatch: [
        'Intermediate timer catch event must have either a time duration or a time date.',
      ],
      badDuration: [
        expect.stringContaining(
          "Invalid timer duration expression ('two weeks' is not a valid ISO 8601 duration",
        ),
      ],
      escalationWithoutRef: ['Must reference an escalation'],
      signalWithoutRef: ['Must reference a signal'],
      unpairedLink: [
        "Can't find a catch link event for the throw link event with the name 'nowhere'.",
      ],
      noDefinition: ['Must have exactly one event definition'],
    });
  });
});
