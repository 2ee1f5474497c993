import { readFileSync } from 'node:fs';
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

describe('element templates', () => {
  it.each(Object.keys(jobHandlers))(
    '%s: template binds its job type and only headers its schema knows',
    (jobType) => {
      const template = JSON.parse(
        readFileSync(new URL(`./${jobType}/elementTemplate.json`, import.meta.url), 'utf8'),
      ) as {
        $schema: string;
        id: string;
        appliesTo: string[];
        elementType: { value: string };
        properties: TemplateProperty[];
      };
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
