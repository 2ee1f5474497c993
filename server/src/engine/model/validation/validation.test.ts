import { describe, expect, it } from 'vitest';
import { COVERAGE_URL } from '../transform/elementKinds.js';
import { errorsById, readInvalid } from '../testing/fixtures.js';

const notSupported = (type: string) =>
  `Elements of type '${type}' are currently not supported. Please refer to the documentation for a list of supported elements: ${COVERAGE_URL}`;

describe('validation', () => {
  it('rejects element kinds the engine does not run, each by id', async () => {
    // when
    const problems = await readInvalid('validation.unsupported');
    // then
    expect(errorsById(problems)).toEqual({
      complex: [notSupported('ComplexGateway')],
      transaction: [notSupported('Transaction')],
      adHoc: [notSupported('AdHocSubProcess')],
      conditionalCatch: [`Conditional events are currently not supported (${COVERAGE_URL})`],
      compensationBoundary: [`Compensation events are currently not supported (${COVERAGE_URL})`],
      compensationThrow: [`Compensation events are currently not supported (${COVERAGE_URL})`],
      cancelEnd: ["Event definitions of type 'CancelEventDefinition' are currently not supported"],
      undo: [
        `Compensation handlers (isForCompensation) are currently not supported. Please refer to the documentation: ${COVERAGE_URL}`,
      ],
    });
  });

  it('reports every structural problem of every process at once', async () => {
    // when
    const problems = await readInvalid('validation.structure');
    // then
    expect(errorsById(problems)).toEqual({
      noStart: ['Must have at least one start event'],
      structure: ['Multiple none start events are not allowed'],
      twoStarts: ['Must have exactly one start event'],
      timedInnerStart: ['Start events in subprocesses must be of type none'],
      noTarget: ['SequenceFlow is missing required attribute targetRef'],
      unknownSource: ["SequenceFlow has sourceRef 'ghost' which cannot be resolved"],
      intoSubprocess: [
        expect.stringContaining('a sequence flow cannot cross a subprocess boundary'),
      ],
      work: ['Conditional sequence flows are only supported at exclusive or inclusive gateway'],
      choose: ["Default flow must start at gateway (flow 'conditionalFromTask' does not)"],
      unguarded: ['Must have a condition or be default flow'],
      someB: ['Must have a condition'],
      end: ['End events must not have outgoing sequence flows to other elements.'],
      floating: ['Must be attached to an activity'],
      onGateway: ["Must be attached to an activity, but 'choose' is not one"],
      nonInterruptingError: ['Non-Interrupting event of this type is not allowed'],
      interruptingCycle: ['Interrupting timer event with time cycle is not allowed.'],
      escalationOnTask: [
        'An escalation boundary event should only be attached to a subprocess, or a call activity.',
      ],
    });
  });

  it('checks the shape of event-based gateways', async () => {
    // when
    const problems = await readInvalid('validation.event-gateway');
    // then
    expect(errorsById(problems)).toEqual({
      lonelyGateway: [
        'Event-based gateway must have at least 2 outgoing sequence flows.',
        'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events.',
      ],
      sharing: [
        'Target elements of an event gateway must not have any additional incoming sequence flows other than that from the event gateway.',
      ],
    });
  });

  it('reports invalid FEEL with the element, the attribute and the FEEL message', async () => {
    // when
    const problems = await readInvalid('validation.invalid-feel');
    // then
    const errors = errorsById(problems);
    expect(Object.keys(errors).sort()).toEqual(['badCondition', 'badKey', 'badLoop', 'badType']);
    expect(errors['badType']).toEqual([
      expect.stringMatching(/^Invalid expression '= a \+' in 'source' of zeebe:input: .+/),
      expect.stringMatching(
        /^Invalid expression '= "unclosed' in 'type' of zeebe:taskDefinition: .+/,
      ),
    ]);
    expect(errors['badCondition']).toEqual([
      expect.stringMatching(
        /^Invalid expression '= \(a \+' in 'condition' of bpmn:conditionExpression: .+/,
      ),
    ]);
    expect(errors['badLoop']).toEqual([
      expect.stringContaining("in 'inputCollection' of zeebe:loopCharacteristics"),
    ]);
    expect(errors['badKey']).toEqual([
      expect.stringContaining(
        "in 'correlationKey' of zeebe:subscription of bpmn:message 'badKeyMessage'",
      ),
    ]);
  });
});
