import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec, SpecFormatError } from './specFormat.js';
import { describeInstruction, findModelFiles, findSpecFiles } from './specRunner.js';

const SPEC_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/conformance/zeebe-spec',
);
const specFiles = existsSync(SPEC_ROOT) ? findSpecFiles(SPEC_ROOT) : [];

describe('parseSpec on the zeebe-spec suite', () => {
  it.skipIf(specFiles.length > 0)(`skipped: no zeebe-spec suite at ${SPEC_ROOT}`, () => {});

  it.runIf(specFiles.length > 0)('finds the suite', () => {
    expect(specFiles.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of specFiles) {
    const name = relative(SPEC_ROOT, file);
    it.runIf(specFiles.length > 0)(`parses ${name} and finds its models`, () => {
      // when
      const spec = parseSpec(readFileSync(file, 'utf8'), name);
      // then
      expect(spec.testCases.length).toBeGreaterThan(0);
      for (const testCase of spec.testCases) {
        expect(testCase.instructions.length).toBeGreaterThan(0);
        expect(testCase.instructions[0]).toMatchObject({
          type: 'action',
          action: { kind: 'create-instance' },
        });
        for (const instruction of testCase.instructions)
          expect(describeInstruction(instruction)).not.toBe('');
      }
      expect(findModelFiles(file, SPEC_ROOT).length).toBeGreaterThan(0);
    });
  }
});

describe('parseSpec', () => {
  it('reads the instructions style with all actions and verifications', () => {
    const spec = parseSpec(`
testCases:
  - name: all
    description: everything
    instructions:
      - action: create-instance
        args: { bpmn_process_id: p, variables: '{"key":"k-1","n":null}', process_instance_alias: one }
      - action: complete-task
        args: { job_type: a, variables: '{"x":2}' }
      - action: throw-error
        args: { job_type: b, error_code: e-1, error_message: boom }
      - action: publish-message
        args: { message_name: m, correlation_key: k-1, variables: '{"x":1}' }
      - action: await-element-instance-state
        args: { element_name: M, state: activated, process_instance: one }
      - action: cancel-instance
        args: { process_instance: one }
      - verification: process-instance-state
        args: { state: terminated, process-instance: one }
      - verification: element-instance-state
        args: { element_id: Task_1, state: completed, process: one }
      - verification: process-instance-variable
        args: { name: x, value: '{"a":[1,2]}', element_name: Sub }
      - verification: no-process-instance-variable
        args: { name: y }
      - verification: incident-state
        args: { error_type: EXTRACT_VALUE_ERROR, error_message: "no variable", state: created, element_name: M }
`);
    const [testCase] = spec.testCases;
    expect(testCase).toMatchObject({ name: 'all', description: 'everything', warnings: [] });
    expect(
      testCase!.instructions.map((instruction) =>
        instruction.type === 'action' ? instruction.action : instruction.verification,
      ),
    ).toEqual([
      {
        kind: 'create-instance',
        bpmnProcessId: 'p',
        variables: { key: 'k-1', n: null },
        alias: 'one',
      },
      { kind: 'complete-task', jobType: 'a', variables: { x: 2 } },
      { kind: 'throw-error', jobType: 'b', errorCode: 'e-1', errorMessage: 'boom' },
      { kind: 'publish-message', messageName: 'm', correlationKey: 'k-1', variables: { x: 1 } },
      {
        kind: 'await-element-instance-state',
        element: { elementName: 'M' },
        state: 'ACTIVE',
        processInstance: 'one',
      },
      { kind: 'cancel-instance', processInstance: 'one' },
      { kind: 'process-instance-state', state: 'TERMINATED', processInstance: 'one' },
      {
        kind: 'element-instance-state',
        element: { elementId: 'Task_1' },
        state: 'COMPLETED',
        processInstance: 'one',
      },
      {
        kind: 'process-instance-variable',
        name: 'x',
        value: { a: [1, 2] },
        valueText: '{"a":[1,2]}',
        scope: { elementName: 'Sub' },
      },
      { kind: 'no-process-instance-variable', name: 'y' },
      {
        kind: 'incident-state',
        errorType: 'EXTRACT_VALUE_ERROR',
        errorMessage: 'no variable',
        state: 'ACTIVE',
        element: { elementName: 'M' },
      },
    ]);
    expect(testCase!.instructions.map((instruction) => instruction.index)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('reads the actions + verifications style as actions first, then verifications, with defaults', () => {
    const spec = parseSpec(`
testCases:
  - name: old style
    verifications:
      - verification: process-instance-state
        args: { state: completed }
    actions:
      - action: create-instance
        args: { bpmn_process_id: demo }
      - action: throw-error
        args: { job_type: b, error_code: e }
`);
    expect(spec.testCases[0]!.instructions).toEqual([
      {
        type: 'action',
        index: 0,
        action: { kind: 'create-instance', bpmnProcessId: 'demo', variables: {} },
      },
      {
        type: 'action',
        index: 1,
        action: { kind: 'throw-error', jobType: 'b', errorCode: 'e', errorMessage: '' },
      },
      {
        type: 'verification',
        index: 2,
        verification: { kind: 'process-instance-state', state: 'COMPLETED' },
      },
    ]);
  });

  it('warns about arguments it ignores', () => {
    const spec = parseSpec(
      `
testCases:
  - name: extra
    instructions:
      - action: create-instance
        args: { bpmn_process_id: demo }
      - verification: no-process-instance-variable
        args: { name: x, value: '1' }
`,
      'extra.yaml',
    );
    expect(spec.testCases[0]!.warnings).toEqual([
      "extra.yaml: testCases[0] ('extra').instructions[1]: ignored unknown argument 'value' of 'no-process-instance-variable'",
    ]);
  });

  it.each([
    ['not YAML', 'testCases: [', /not valid YAML/],
    ['no test cases', 'foo: 1', /expected a non-empty list 'testCases'/],
    [
      'a case without name',
      'testCases: [{ instructions: [] }]',
      /testCases\[0\]: expected a non-empty string 'name'/,
    ],
    [
      'a case without instructions',
      'testCases: [{ name: a }]',
      /expected 'instructions' or 'actions'/,
    ],
    [
      'an unknown action',
      'testCases: [{ name: a, instructions: [{ action: fly }] }]',
      /instructions\[0\]: unknown action 'fly'/,
    ],
    [
      'an unknown verification',
      'testCases: [{ name: a, instructions: [{ verification: fly }] }]',
      /unknown verification 'fly'/,
    ],
    [
      'a missing argument',
      'testCases: [{ name: a, instructions: [{ action: complete-task, args: {} }] }]',
      /missing required argument 'job_type'/,
    ],
    [
      'bad variables JSON',
      `testCases: [{ name: a, instructions: [{ action: create-instance, args: { bpmn_process_id: p, variables: '{x' } }] }]`,
      /'variables' is not valid JSON/,
    ],
    [
      'variables that are not an object',
      `testCases: [{ name: a, instructions: [{ action: create-instance, args: { bpmn_process_id: p, variables: '[1]' } }] }]`,
      /must be a JSON object/,
    ],
    [
      'an unknown state',
      'testCases: [{ name: a, instructions: [{ verification: process-instance-state, args: { state: done } }] }]',
      /unknown state 'done'/,
    ],
    [
      'an unknown incident state',
      'testCases: [{ name: a, instructions: [{ verification: incident-state, args: { error_type: X, state: activated } }] }]',
      /unknown incident state 'activated'/,
    ],
    [
      'both action and verification',
      'testCases: [{ name: a, instructions: [{ action: cancel-instance, verification: process-instance-state }] }]',
      /exactly one of 'action' or 'verification'/,
    ],
    [
      'element id and name',
      'testCases: [{ name: a, instructions: [{ verification: element-instance-state, args: { element_id: x, element_name: y, state: completed } }] }]',
      /either 'element_id' or 'element_name'/,
    ],
    [
      'a value that is not JSON',
      'testCases: [{ name: a, instructions: [{ verification: process-instance-variable, args: { name: x, value: abc } }] }]',
      /'value' must be JSON text/,
    ],
    [
      'duplicate case names',
      'testCases: [{ name: a, instructions: [{ action: cancel-instance }] }, { name: a, instructions: [{ action: cancel-instance }] }]',
      /duplicate test case name 'a'/,
    ],
  ])('rejects %s with a clear message', (_label, text, message) => {
    expect(() => parseSpec(text, 'x.yaml')).toThrow(SpecFormatError);
    expect(() => parseSpec(text, 'x.yaml')).toThrow(message);
  });
});

describe('findModelFiles', () => {
  it.runIf(specFiles.length > 0)(
    'uses the spec folder models, or the nearest parent within the root',
    () => {
      const junit = join(SPEC_ROOT, 'junit-extension');
      expect(findModelFiles(join(junit, 'demo.yaml')).map((path) => relative(junit, path))).toEqual(
        [
          'demo.bpmn',
          'demo2.bpmn',
          'exclusive-gateway.bpmn',
          'external-worker-test.bpmn',
          'message-boundary-event.bpmn',
        ],
      );
      expect(findModelFiles(join(junit, 'specs', 'spec1.yaml'))).toEqual([]);
      expect(findModelFiles(join(junit, 'specs', 'spec1.yaml'), SPEC_ROOT)).toContain(
        join(junit, 'demo.bpmn'),
      );
      expect(findModelFiles(join(junit, 'specs', 'spec1.yaml'), join(junit, 'specs'))).toEqual([]);
    },
  );
});
