import { describe, expect, it } from 'vitest';
import { toSandboxModel } from './sandboxModel.js';

const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="defs">
  <bpmn:collaboration id="samenwerking"><bpmn:participant id="deelnemer" processRef="melding" /></bpmn:collaboration>
  <bpmn:process id="melding" name="Melding" isExecutable="true">
    <bpmn:startEvent id="melding-start" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="samenwerking" /></bpmndi:BPMNDiagram>
  <bpmndi:BPMNDiagram id="diagram2"><bpmndi:BPMNPlane id="plane2" bpmnElement="melding" /></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

describe('toSandboxModel', () => {
  it('given a model, when made a sandbox, then the process and every reference to it are prefixed, nothing else', () => {
    const { xml, processIds } = toSandboxModel(model);
    expect(processIds).toEqual(['proefrun-melding']);
    expect(xml).toContain('<bpmn:process id="proefrun-melding" name="Melding"');
    expect(xml).toContain('processRef="proefrun-melding"');
    expect(xml).toContain('bpmnElement="proefrun-melding"');
    // element ids that merely start with the process id stay as they are
    expect(xml).toContain('<bpmn:startEvent id="melding-start" />');
    expect(xml).toContain('bpmnElement="samenwerking"');
  });

  it('given a model without a namespace prefix, then its process is prefixed too', () => {
    const { processIds } = toSandboxModel(
      '<definitions><process id="p1" isExecutable="true"/></definitions>',
    );
    expect(processIds).toEqual(['proefrun-p1']);
  });

  it('given single-quoted attributes, then the process and its references are prefixed all the same', () => {
    const { xml } = toSandboxModel(
      "<definitions><process id='p1' isExecutable='true'/><BPMNPlane bpmnElement='p1'/></definitions>",
    );
    expect(xml).toContain("<process id='proefrun-p1'");
    expect(xml).toContain("bpmnElement='proefrun-p1'");
  });

  it('given a process whose id cannot be read, then it refuses instead of deploying the real id', () => {
    expect(() =>
      toSandboxModel('<definitions><process isExecutable="true"/></definitions>'),
    ).toThrow(/process element whose id cannot be read/);
  });
});
