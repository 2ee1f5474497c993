import { beforeAll, describe, expect, it } from 'vitest';
import { element, errorsById, readInvalid, readValid } from '../testing/fixtures.js';
import type { ExecutableProcess } from '../types.js';

describe('mappings, multi-instance, call activities and properties', () => {
  let activities: ExecutableProcess;
  beforeAll(async () => {
    [activities] = (await readValid('mappings.activities')) as [ExecutableProcess];
  });

  it('reads input and output mappings; inputs may be static values', () => {
    const register = element(activities, 'register');
    expect(register.inputMappings).toMatchObject([
      { target: 'zaakId', source: { source: 'zaak.id', isStatic: false } },
      { target: 'request.kind', source: { source: 'registratie', isStatic: true } },
    ]);
    expect(register.outputMappings).toMatchObject([
      { target: 'zaak.number', source: { source: 'result.number' } },
    ]);
    expect(element(activities, 'start').outputMappings).toMatchObject([{ target: 'attempts' }]);
    expect(element(activities, 'notifyAll').inputMappings).toEqual([]);
  });

  it('reads multi-instance characteristics with the completion condition', () => {
    expect(element(activities, 'notifyAll').multiInstance).toMatchObject({
      isSequential: true,
      inputCollection: { source: 'stakeholders' },
      inputElement: 'stakeholder',
      outputCollection: 'receipts',
      outputElement: { source: 'receipt' },
      completionCondition: { isStatic: false },
    });
    const perDocument = element(activities, 'perDocument').multiInstance;
    expect(Object.keys(perDocument ?? {})).toEqual(['isSequential', 'inputCollection']);
    expect(perDocument).toMatchObject({
      isSequential: false,
      inputCollection: { source: 'documents' },
    });
  });

  it('reads call activities; variables propagate both ways unless switched off', () => {
    expect(element(activities, 'callPayment').calledElement).toMatchObject({
      processId: { source: 'payment', isStatic: true },
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
      bindingType: 'latest',
    });
    expect(element(activities, 'callDynamic').calledElement).toMatchObject({
      processId: { isStatic: false },
      propagateAllChildVariables: true,
      bindingType: 'deployment',
    });
  });

  it('reads zeebe:properties and the version tag', () => {
    expect(element(activities, 'register').properties).toEqual({ 'ui.icon': 'register' });
    expect(activities.process.properties).toEqual({ zaaktype: 'omgevingsvergunning' });
    expect(activities.versionTag).toBe('v2.1');
  });

  it('rejects unusable mappings, loops and call activities', async () => {
    // when
    const problems = await readInvalid('mappings.invalid');
    // then
    expect(errorsById(problems)).toEqual({
      staticOutput: [
        expect.stringContaining(
          "Expected expression in 'source' of zeebe:output but found static value 'result'",
        ),
      ],
      badTarget: [
        expect.stringContaining("Expected path expression 'a-b' but doesn't match the pattern"),
        expect.stringContaining("Expected path expression 'null' but is one of the reserved words"),
        "zeebe:input 'target': Expected path expression but not found.",
      ],
      loopWithoutZeebe: ["Must have exactly one 'zeebe:loopCharacteristics' extension element"],
      loopHalfOutput: [
        "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set",
      ],
      standardLoop: [
        expect.stringContaining(
          "Loop characteristics of type 'StandardLoopCharacteristics' are currently not supported",
        ),
      ],
      callNothing: ["Must have exactly one 'zeebe:calledElement' extension element"],
      callWithoutId: ["Attribute 'processId' must be present and not empty (zeebe:calledElement)"],
    });
  });
});
