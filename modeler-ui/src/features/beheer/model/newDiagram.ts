/** An XML name usable as BPMN process id, derived from the zaaktype identificatie. */
export function processIdFor(identificatie: string): string {
  const id = identificatie.replace(/[^\w.-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `p_${id}`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  );
}

/** A starting diagram for Camunda 8.8: a start event and an end event, ready to model between. */
export function newDiagramXml(processId: string, name: string): string {
  const id = escapeXml(processId);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" targetNamespace="https://zaakstroom.nl/processes/${id}" exporter="Zaakstroom" exporterVersion="0.1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="${id}" name="${escapeXml(name)}" isExecutable="true">
    <bpmn:startEvent id="ZaakOntvangen" name="Zaak ontvangen">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="ZaakAfgehandeld" name="Zaak afgehandeld">
      <bpmn:incoming>Flow_1</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="ZaakOntvangen" targetRef="ZaakAfgehandeld" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="ZaakOntvangen_di" bpmnElement="ZaakOntvangen">
        <dc:Bounds x="152" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="133" y="145" width="75" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="ZaakAfgehandeld_di" bpmnElement="ZaakAfgehandeld">
        <dc:Bounds x="452" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="428" y="145" width="85" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
        <di:waypoint x="188" y="120" />
        <di:waypoint x="452" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
