import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { describe, expect, it } from 'vitest';
import { lintModel } from './lintModel';
import type { ModdleElement } from './moddle';

/** The example zaaktypen in processes/: model, catalogue and forms, by folder. */
const models = import.meta.glob<string>('../../../../../../processes/*/process.bpmn', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const catalogues = import.meta.glob<Catalogue>('../../../../../../processes/*/zaaktype.json', {
  import: 'default',
  eager: true,
});
const forms = import.meta.glob<string>('../../../../../../processes/*/forms/*.form', {
  query: '?raw',
  import: 'default',
  eager: true,
});
interface Catalogue {
  statustypen: { omschrijving: string }[];
  resultaattypen: { omschrijving: string }[];
  roltypen: { omschrijving: string }[];
}
const folderOf = (path: string) => /processes\/([^/]+)\//.exec(path)![1]!;
const zaaktypen = Object.keys(models).map(folderOf);
const moddle = new BpmnModdle({ zeebe });

async function parse(xml: string): Promise<ModdleElement> {
  const { rootElement } = await moddle.fromXML(xml);
  return rootElement as ModdleElement;
}

const noCatalogue = { statustypen: [], resultaattypen: ['Klaar'], roltypen: [], formIds: [] };

/** A process of the given flow nodes and flows, wrapped in definitions. */
const model = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://zaakstroom">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const afsluiten = (id: string) => `<bpmn:serviceTask id="${id}">
  <bpmn:extensionElements><zeebe:taskDefinition type="zaak.afsluiten" />
  <zeebe:taskHeaders><zeebe:header key="resultaattype" value="Klaar" /></zeebe:taskHeaders>
  </bpmn:extensionElements></bpmn:serviceTask>`;
const flow = (id: string, from: string, to: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const pathProblems = async (xml: string) =>
  (await lintModel(await parse(xml), noCatalogue))
    .filter((issue) => issue.rule === 'zaakstroom/path-sets-resultaat')
    .map((issue) => [issue.severity, issue.elementId]);

describe('the Beheer checks', () => {
  it('have the four example zaaktypen to check', () => {
    expect(zaaktypen.sort()).toEqual([
      'bezwaar',
      'melding-openbare-ruimte',
      'omgevingsvergunning',
      'woo-verzoek',
    ]);
  });

  it.each(zaaktypen)(
    'find no error in the example zaaktype %s (its own catalogue and forms)',
    async (zaaktype) => {
      const of = <T>(files: Record<string, T>) =>
        Object.entries(files)
          .filter(([path]) => folderOf(path) === zaaktype)
          .map(([, content]) => content);
      const [xml] = of(models);
      const [catalogue] = of(catalogues);
      const formIds = of(forms).map((form) => (JSON.parse(form) as { id: string }).id);
      const issues = await lintModel(await parse(xml!), {
        statustypen: catalogue!.statustypen.map((s) => s.omschrijving),
        resultaattypen: catalogue!.resultaattypen.map((r) => r.omschrijving),
        roltypen: catalogue!.roltypen.map((r) => r.omschrijving),
        formIds,
      });
      expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    },
  );

  it('flag an end reached on a path that sets no resultaat, as an error', async () => {
    const xml = model(`
      <bpmn:startEvent id="Start" />
      <bpmn:exclusiveGateway id="Keuze" />
      ${afsluiten('Afsluiten')}
      <bpmn:endEvent id="EindeMet" /><bpmn:endEvent id="EindeZonder" />
      ${flow('f1', 'Start', 'Keuze')}${flow('f2', 'Keuze', 'Afsluiten')}
      ${flow('f3', 'Afsluiten', 'EindeMet')}${flow('f4', 'Keuze', 'EindeZonder')}`);
    expect(await pathProblems(xml)).toEqual([['error', 'EindeZonder']]);
  });

  it('follow a boundary event off the task that would set the resultaat, and link events', async () => {
    const xml = model(`
      <bpmn:startEvent id="Start" />
      ${afsluiten('Afsluiten')}
      <bpmn:boundaryEvent id="Fout" attachedToRef="Afsluiten">
        <bpmn:errorEventDefinition /></bpmn:boundaryEvent>
      <bpmn:intermediateThrowEvent id="Naar"><bpmn:linkEventDefinition name="verder" /></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="Van"><bpmn:linkEventDefinition name="verder" /></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="Einde" /><bpmn:endEvent id="NaFout" />
      ${flow('f1', 'Start', 'Afsluiten')}${flow('f2', 'Afsluiten', 'Einde')}
      ${flow('f3', 'Fout', 'Naar')}${flow('f4', 'Van', 'NaFout')}`);
    expect(await pathProblems(xml)).toEqual([['error', 'NaFout']]);
  });

  it('count a subprocess that sets the resultaat, and check interrupting event subprocesses', async () => {
    const xml = model(`
      <bpmn:startEvent id="Start" />
      <bpmn:subProcess id="Sub">
        <bpmn:startEvent id="SubStart" />${afsluiten('InSub')}<bpmn:endEvent id="SubEinde" />
        ${flow('s1', 'SubStart', 'InSub')}${flow('s2', 'InSub', 'SubEinde')}
      </bpmn:subProcess>
      <bpmn:endEvent id="Einde" />
      <bpmn:subProcess id="Intrekking" triggeredByEvent="true">
        <bpmn:startEvent id="Ingetrokken"><bpmn:signalEventDefinition /></bpmn:startEvent>
        <bpmn:endEvent id="IntrekkingEinde" />
        ${flow('e1', 'Ingetrokken', 'IntrekkingEinde')}
      </bpmn:subProcess>
      ${flow('f1', 'Start', 'Sub')}${flow('f2', 'Sub', 'Einde')}`);
    expect(await pathProblems(xml)).toEqual([['error', 'IntrekkingEinde']]);
  });

  it('leave alone what ends beside a path that closes the zaak: parallel branches, reminders', async () => {
    const xml = model(`
      <bpmn:startEvent id="Start" />
      <bpmn:parallelGateway id="Splits" />
      ${afsluiten('Afsluiten')}
      <bpmn:boundaryEvent id="Herinnering" attachedToRef="Afsluiten" cancelActivity="false">
        <bpmn:timerEventDefinition /></bpmn:boundaryEvent>
      <bpmn:endEvent id="Einde" /><bpmn:endEvent id="Tak" /><bpmn:endEvent id="Herinnerd" />
      ${flow('f1', 'Start', 'Splits')}${flow('f2', 'Splits', 'Afsluiten')}${flow('f3', 'Splits', 'Tak')}
      ${flow('f4', 'Afsluiten', 'Einde')}${flow('f5', 'Herinnering', 'Herinnerd')}`);
    expect(await pathProblems(xml)).toEqual([]);
  });
});
