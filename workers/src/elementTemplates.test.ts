import {
  getZeebeSchemaPackage,
  getZeebeSchemaVersion,
  validateZeebe,
  type TemplateValidation,
} from '@bpmn-io/element-templates-validator';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as informatieOpvragen from './burger.informatie-opvragen/schemas.js';
import * as documentGenereren from './document.genereren/schemas.js';
import * as httpRequest from './http.request/schemas.js';
import { jobHandlers } from './jobTypes.js';
import * as email from './notificatie.email/schemas.js';
import * as afsluiten from './zaak.afsluiten/schemas.js';
import * as hervatten from './zaak.hervatten/schemas.js';
import * as opschorten from './zaak.opschorten/schemas.js';
import * as resultaat from './zaak.resultaat/schemas.js';
import * as rol from './zaak.rol/schemas.js';
import * as status from './zaak.status/schemas.js';
import * as verlengen from './zaak.verlengen/schemas.js';

const headerSchemas: Record<string, { shape: Record<string, unknown> }> = {
  'zaak.status': status.headersSchema,
  'zaak.resultaat': resultaat.headersSchema,
  'zaak.afsluiten': afsluiten.headersSchema,
  'zaak.opschorten': opschorten.headersSchema,
  'zaak.hervatten': hervatten.headersSchema,
  'zaak.verlengen': verlengen.headersSchema,
  'zaak.rol': rol.headersSchema,
  'notificatie.email': email.headersSchema,
  'http.request': httpRequest.headersSchema,
  'document.genereren': documentGenereren.headersSchema,
  'burger.informatie-opvragen': informatieOpvragen.headersSchema,
};

interface TemplateProperty {
  value?: string;
  binding: { type: string; property?: string; key?: string };
}

interface ElementTemplate {
  $schema: string;
  id: string;
  appliesTo: string[];
  elementType: { value: string };
  properties: TemplateProperty[];
}

const templateText = (jobType: string) =>
  readFileSync(new URL(`./${jobType}/elementTemplate.json`, import.meta.url), 'utf8');

/** The schema package the templates' `$schema` names, as installed (a devDependency of workers). */
const schemaPackage = createRequire(import.meta.url)(
  '@camunda/zeebe-element-templates-json-schema/package.json',
) as { name: string; version: string };

/** Each problem as `line:column message`, so a failing test points into the JSON file. */
const problemsOf = (validation: TemplateValidation) =>
  (validation.errors ?? []).map(
    (error) =>
      `${error.dataPointer ? `${error.dataPointer.value.line + 1}:${error.dataPointer.value.column + 1} ` : ''}${error.instancePath ?? ''} ${error.message}`,
  );

describe('element templates', () => {
  it('are validated against the installed Zeebe element templates schema', () => {
    // The validator carries a compiled copy of the schema: it must be the version we install.
    expect(getZeebeSchemaPackage()).toBe(schemaPackage.name);
    expect(getZeebeSchemaVersion()).toBe(schemaPackage.version);
  });

  it.each(Object.keys(jobHandlers))('%s: template is valid by the schema', (jobType) => {
    const validation = validateZeebe(templateText(jobType));
    expect(problemsOf(validation)).toEqual([]);
    expect(validation.valid).toBe(true);
  });

  it('rejects a template the schema forbids, naming where', () => {
    // given a header without its key and a dropdown without choices
    const template = JSON.parse(templateText('http.request')) as ElementTemplate;
    const [, url, method] = template.properties;
    delete url!.binding.key;
    delete (method as { choices?: unknown }).choices;
    // when validated, then both are reported
    const validation = validateZeebe(template);
    expect(validation.valid).toBe(false);
    expect(problemsOf(validation).join('\n')).toMatch(/\/properties\/1\/binding .*key/);
    expect(problemsOf(validation).join('\n')).toMatch(/\/properties\/2 .*choices/);
  });

  it.each(Object.keys(jobHandlers))(
    '%s: template binds its job type and only headers its schema knows',
    (jobType) => {
      const template = JSON.parse(templateText(jobType)) as ElementTemplate;
      expect(template.$schema).toBe(
        'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
      );
      expect(template.appliesTo).toEqual(['bpmn:Task']);
      expect(template.elementType.value).toBe('bpmn:ServiceTask');
      const taskType = template.properties.find((p) => p.binding.type === 'zeebe:taskDefinition');
      expect(taskType?.value).toBe(jobType);
      const headerKeys = template.properties
        .filter((p) => p.binding.type === 'zeebe:taskHeader')
        .map((p) => p.binding.key);
      const known = Object.keys(headerSchemas[jobType]?.shape ?? {});
      expect(known.length + headerKeys.length === 0 || known.length > 0).toBe(true);
      for (const key of headerKeys) expect(known).toContain(key);
    },
  );
});
