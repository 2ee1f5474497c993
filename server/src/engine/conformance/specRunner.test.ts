import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConformance, runSpecFile, type CaseResult } from './specRunner.js';
import { startConformanceStack, type ConformanceStack } from './testing/conformanceStack.js';

// A task with a local variable and an error boundary, then a gateway without a default flow.
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="runner-check" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work" name="Work">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="work" />
        <zeebe:ioMapping><zeebe:input source="=1" target="local" /></zeebe:ioMapping>
      </bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:boundaryEvent id="failed" name="Failed" attachedToRef="work">
      <bpmn:outgoing>f4</bpmn:outgoing><bpmn:errorEventDefinition errorRef="err" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="choice" />
    <bpmn:exclusiveGateway id="choice" name="Choice"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="f3" sourceRef="choice" targetRef="done">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=y &gt; 1</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:endEvent id="done"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="failed" targetRef="handled" />
    <bpmn:endEvent id="handled" name="Handled"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmn:error id="err" name="boom" errorCode="boom" />
</bpmn:definitions>`;

const SPEC = `
testCases:
  - name: cancel and scoped variables
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check, process_instance_alias: one }
      - action: await-element-instance-state
        args: { element_name: Work, state: activated, process_instance: one }
      - verification: process-instance-variable
        args: { name: local, value: '1', element_name: Work }
      - verification: no-process-instance-variable
        args: { name: local, element_id: start }
      - verification: no-process-instance-variable
        args: { name: other }
      - action: cancel-instance
        args: { process_instance: one }
      - verification: process-instance-state
        args: { state: terminated }
      - verification: element-instance-state
        args: { element_name: Work, state: terminated }

  - name: incident
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check, variables: '{"y":0}' }
      - action: complete-task
        args: { job_type: work, variables: '{"z":{"b":[1,2],"a":null}}' }
      - verification: incident-state
        args: { error_type: CONDITION_ERROR, state: created, element_name: Choice }
      - verification: process-instance-variable
        args: { name: z, value: '{"a":null,"b":[1,2]}' }
      - verification: process-instance-state
        args: { state: activated }

  - name: error boundary
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check }
      - action: throw-error
        args: { job_type: work, error_code: boom }
      - verification: element-instance-state
        args: { element_name: Handled, state: completed }
      - verification: element-instance-state
        args: { element_id: work, state: terminated }
      - verification: process-instance-state
        args: { state: completed }

  - name: wrong value
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check, variables: '{"y":3}' }
      - verification: process-instance-variable
        args: { name: y, value: '5' }

  - name: no job, then a wrong state
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check }
      - action: complete-task
        args: { job_type: nobody }
      - verification: element-instance-state
        args: { element_id: work, state: completed }

  - name: unknown alias
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check, process_instance_alias: known }
      - verification: process-instance-state
        args: { state: activated, process_instance: unknown }

  - name: unknown process
    instructions:
      - action: create-instance
        args: { bpmn_process_id: nowhere }
`;

describe('the spec runner against the real stack', () => {
  let stack: ConformanceStack;
  let folder: string;
  let results: Map<string, CaseResult>;

  beforeAll(async () => {
    stack = await startConformanceStack();
    folder = mkdtempSync(join(tmpdir(), 'zeebe-spec-runner-'));
    writeFileSync(join(folder, 'runner-check.bpmn'), MODEL);
    writeFileSync(join(folder, 'runner-check.yaml'), SPEC);
    const run = await runSpecFile(join(folder, 'runner-check.yaml'), {
      ...stack,
      verificationTimeoutMs: 1_000,
      jobTimeoutMs: 500,
    });
    results = new Map(run.cases.map((result) => [result.testCase, result]));
  });

  afterAll(async () => {
    await stack?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it.each(['cancel and scoped variables', 'incident', 'error boundary'])('passes %s', (name) => {
    expect(results.get(name)).toMatchObject({ passed: true, message: '', warnings: [] });
  });

  it('reports a wrong variable value with the expected and the actual value', () => {
    expect(results.get('wrong value')).toMatchObject({ passed: false });
    expect(results.get('wrong value')!.message).toMatch(
      /^step 2 \(verify process-instance-variable 'y' = 5\): expected variable 'y' in the scope of process instance \d+ to be 5, but it was 3 \(still after 1000 ms\)$/,
    );
  });

  it('goes on when no job comes, and names that step when a later one fails', () => {
    const { message } = results.get('no job, then a wrong state')!;
    expect(message).toMatch(
      /^step 3 \(verify element-instance-state id 'work' COMPLETED\): expected element id 'work' of process instance \d+ to be COMPLETED, but it was ACTIVE/,
    );
    expect(message).toMatch(
      /before that, step 2 \(complete-task job_type 'nobody'\): no job of type 'nobody' could be activated within 500 ms/,
    );
  });

  it('reports an alias that no instance has', () => {
    expect(results.get('unknown alias')!.message).toBe(
      "step 2 (verify process-instance-state ACTIVE of 'unknown'): no process instance with alias 'unknown' was created in this test case (aliases: known)",
    );
  });

  it('reports a rejected command with its gRPC status', () => {
    expect(results.get('unknown process')!.message).toMatch(
      /^step 1 \(create-instance 'nowhere'\): CreateProcessInstance was rejected: 5 NOT_FOUND: /,
    );
  });

  it('runs every spec of a folder with runConformance, finding models in a parent folder', async () => {
    // given a spec in a subfolder without models
    mkdirSync(join(folder, 'nested'));
    writeFileSync(
      join(folder, 'nested', 'only.yaml'),
      `testCases:
  - name: starts
    instructions:
      - action: create-instance
        args: { bpmn_process_id: runner-check }
      - verification: element-instance-state
        args: { element_name: Work, state: activated }
`,
    );
    // when
    const run = await runConformance(join(folder, 'nested'), { ...stack });
    const fromRoot = await runConformance(folder, {
      ...stack,
      verificationTimeoutMs: 200,
      jobTimeoutMs: 200,
    });
    // then: the nested folder alone has no models (its case still runs: the engine has the process)
    expect(run).toHaveLength(1);
    expect(run[0]!.models).toEqual([]);
    expect(run[0]!.cases[0]).toMatchObject({ passed: true });
    // and from the root, the nested spec uses the root's models
    const nested = fromRoot.find((file) => file.specFile.endsWith('only.yaml'))!;
    expect(nested.models).toEqual([join(folder, 'runner-check.bpmn')]);
    expect(nested.cases[0]).toMatchObject({ passed: true });
    expect(fromRoot.map((file) => file.specFile)).toEqual([
      join(folder, 'nested', 'only.yaml'),
      join(folder, 'runner-check.yaml'),
    ]);
  });
});
