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
  groups: [{ code: 'team-a', naam: 'Team A' }],
  formIds: ['beoordelen'],
};

const problemsOf = (template: ElementTemplate) =>
  (validateZeebe(template).errors ?? []).map((e) => `${e.instancePath ?? ''} ${e.message}`);

/** What a template puts into the model: the job type, header keys and input names. */
const bindingsOf = (template: { properties: { value?: string; binding: object }[] }) =>
  template.properties
    .map(({ value, binding }) => {
      const { type, key, name } = binding as { type: string; key?: string; name?: string };
      return type === 'zeebe:taskDefinition' ? `${type}=${value}` : `${type}:${key ?? name}`;
    })
    .sort();

/**
 * Known gaps, kept visible here rather than skipped. Behandeltaak: schema 0.46 allows
 * zeebe:assignmentDefinition only with zeebe:userTask, a formDefinition by formId or
 * externalReference, and no optional taskSchedule; but the engine runs job-based user tasks only.
 * bpmn-js-element-templates validates with the same schema and leaves an invalid template out.
 */
const BEHANDELTAAK_PROBLEMS = [
  '/properties When using "zeebe:assignmentDefinition", "zeebe:userTask" must be set on the same element',
  '/properties/1/binding/property must be equal to one of the allowed values',
  '/properties/2/binding/type optional is not supported for binding type "zeebe:taskSchedule"; must be any of { zeebe:input, zeebe:output, zeebe:property, zeebe:taskHeader }',
];
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
    const problems = Object.fromEntries(
      zaakstroomTemplates(catalogue).map((template) => [template.id, problemsOf(template)]),
    );
    const { 'nl.zaakstroom.behandeltaak': behandeltaak, ...workerTemplates } = problems;
    for (const [id, found] of Object.entries(workerTemplates)) expect(found, id).toEqual([]);
    expect(behandeltaak).toEqual(expect.arrayContaining(BEHANDELTAAK_PROBLEMS));
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
