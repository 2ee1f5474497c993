import { validateZeebe } from '@bpmn-io/element-templates-validator';
import { describe, expect, it } from 'vitest';
import {
  STANDARD_JOB_TYPES,
  zaakstroomTemplates,
  type ElementTemplate,
  type TemplateCatalogue,
} from './elementTemplates';

/** The workers' own templates (the JSON files the workers package ships), by path. */
const WORKERS_SRC = '../../../../../workers/src';
const workerTemplates = import.meta.glob<ElementTemplate>(
  '../../../../../workers/src/*/elementTemplate.json',
  { eager: true, import: 'default' },
);

const emptyCatalogue: TemplateCatalogue = { statustypen: [], resultaattypen: [], roltypen: [] };
const fullCatalogue: TemplateCatalogue = {
  statustypen: ['Ontvangen', 'Afgehandeld'],
  resultaattypen: ['Opgelost'],
  roltypen: ['Initiator', 'Behandelaar'],
  informatieobjecttypen: ['Besluit'],
};

const problemsOf = (template: object) =>
  (validateZeebe(template).errors ?? []).map((e) => `${e.instancePath ?? ''} ${e.message}`);

/** What a template puts into the model: the job type, header keys and input names. */
const bindingsOf = (template: { properties: { value?: string; binding: object }[] }) =>
  template.properties
    .map(({ value, binding }) => {
      const { type, key, name } = binding as { type: string; key?: string; name?: string };
      return type === 'zeebe:taskDefinition' ? `${type}=${value}` : `${type}:${key ?? name}`;
    })
    .sort();

/** Headers a worker's own template offers that the modeler's copy does not (yet). */
const NOT_OFFERED: Record<string, string[]> = {
  // The worker defaults it to gegenereerdDocument.
  'document.genereren': ['zeebe:taskHeader:resultVariable'],
};

describe('the modeler’s element templates', () => {
  it.each([
    ['an empty catalogue', emptyCatalogue],
    ['a full catalogue', fullCatalogue],
  ])('are valid by the Zeebe element templates schema, with %s', (_name, catalogue) => {
    for (const template of zaakstroomTemplates(catalogue))
      expect(problemsOf(template), template.id).toEqual([]);
  });

  it('offers no user task template: the schema binds team, form and due date only with zeebe:userTask, which the engine does not run', () => {
    const templates = zaakstroomTemplates(fullCatalogue);
    expect(templates.map((template) => template.elementType.value)).not.toContain('bpmn:UserTask');
    // What a job-based user task template would have to bind, each refused on its own.
    const needed = [
      { type: 'zeebe:assignmentDefinition', property: 'candidateGroups' },
      { type: 'zeebe:formDefinition', property: 'formId' },
      { type: 'zeebe:taskSchedule', property: 'dueDate' },
    ];
    for (const binding of needed) {
      const probe = {
        ...templates[0]!,
        id: 'nl.zaakstroom.probe',
        appliesTo: ['bpmn:UserTask'],
        elementType: { value: 'bpmn:UserTask' },
        properties: [{ type: 'String', binding }],
      };
      expect(problemsOf(probe), binding.type).toContain(
        `/properties When using "${binding.type}", "zeebe:userTask" must be set on the same element`,
      );
    }
  });

  it.each([...STANDARD_JOB_TYPES])(
    '%s: binds what the worker’s own elementTemplate.json binds',
    (jobType) => {
      const workerTemplate = workerTemplates[`${WORKERS_SRC}/${jobType}/elementTemplate.json`];
      expect(workerTemplate, `workers/src/${jobType}/elementTemplate.json`).toBeDefined();
      const ours = zaakstroomTemplates(fullCatalogue).find((t) => t.id === workerTemplate!.id);
      expect(ours, workerTemplate!.id).toBeDefined();
      const notOffered = NOT_OFFERED[jobType] ?? [];
      expect(bindingsOf(ours!)).toEqual(
        bindingsOf(workerTemplate!).filter((binding) => !notOffered.includes(binding)),
      );
    },
  );
});
