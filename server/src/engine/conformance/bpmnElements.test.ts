import { describe, expect, it } from 'vitest';
import { elementIdsByName, readBpmnProcesses } from './bpmnElements.js';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
  <!-- <bpmn:serviceTask id="commented" name="Hidden" /> -->
  <bpmn:process id="first" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="a" name="A &amp; B">
      <bpmn:extensionElements><zeebe:taskDefinition type="job-a" retries="3" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f" name="x &#62; 5" sourceRef="a" targetRef="b" />
    <bpmn:serviceTask id='b' name='Twice'><bpmn:extensionElements><zeebe:taskDefinition type="job-b" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="c" name="Twice"><bpmn:extensionElements><zeebe:taskDefinition type="job-b" /></bpmn:extensionElements></bpmn:serviceTask>
  </bpmn:process>
  <process id="second"><userTask id="u" name="Review"/></process>
  <bpmn:message id="m" name="outside a process" />
</bpmn:definitions>`;

describe('readBpmnProcesses', () => {
  it('reads process ids, element names (entities decoded) and job types', () => {
    // when
    const [first, second, ...rest] = readBpmnProcesses(xml);
    // then
    expect(rest).toEqual([]);
    expect(first!.bpmnProcessId).toBe('first');
    expect(Object.fromEntries(first!.namesById)).toEqual({
      a: 'A & B',
      f: 'x > 5',
      b: 'Twice',
      c: 'Twice',
    });
    expect([...first!.jobTypes]).toEqual(['job-a', 'job-b']);
    expect(second!.bpmnProcessId).toBe('second');
    expect(Object.fromEntries(second!.namesById)).toEqual({ u: 'Review' });
  });

  it('finds all element ids with a name', () => {
    const [first] = readBpmnProcesses(xml);
    expect(elementIdsByName(first!, 'Twice')).toEqual(['b', 'c']);
    expect(elementIdsByName(first!, 'A & B')).toEqual(['a']);
    expect(elementIdsByName(first!, 'Hidden')).toEqual([]);
  });
});
