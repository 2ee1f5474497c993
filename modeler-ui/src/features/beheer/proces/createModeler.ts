import BpmnModeler from 'bpmn-js/lib/Modeler';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import type { ElementTemplate } from './elementTemplates';

/**
 * Zaakstroom's engine runs job-based user tasks only, so the behaviour that turns every new user
 * task into a Camunda user task (`zeebe:userTask`) is switched off.
 */
const JobBasedUserTasksModule = { createZeebeUserTaskBehavior: ['value', {}] };

export function createModeler(
  canvas: HTMLElement,
  propertiesPanel: HTMLElement,
  templates: ElementTemplate[],
) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel },
    elementTemplates: templates,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ZeebePropertiesProviderModule,
      CloudElementTemplatesPropertiesProviderModule,
      ZeebeBehaviorsModule,
      JobBasedUserTasksModule,
    ],
    moddleExtensions: { zeebe: zeebeModdle },
  });
}

export type Modeler = ReturnType<typeof createModeler>;

interface TemplatedElement {
  businessObject: {
    $type: string;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    extensionElements?: { values?: { $type: string; type?: string }[] };
  };
}

/**
 * Tasks of a standard job type that were modelled without a template (an uploaded model, the demo
 * processes) get the template, so the properties panel offers the dropdowns from the catalogue.
 */
export function linkStandardTemplates(modeler: Modeler, templates: ElementTemplate[]): void {
  const byJobType = new Map(templates.map((t) => [t.id.replace(/^nl\.zaakstroom\./, ''), t]));
  const registry = modeler.get<{ getAll(): TemplatedElement[] }>('elementRegistry');
  for (const element of registry.getAll()) {
    const bo = element.businessObject;
    if (bo.$type !== 'bpmn:ServiceTask' || bo.get('zeebe:modelerTemplate')) continue;
    const jobType = bo.extensionElements?.values?.find(
      (v) => v.$type === 'zeebe:TaskDefinition',
    )?.type;
    const template = jobType ? byJobType.get(jobType) : undefined;
    if (!template) continue;
    bo.set('zeebe:modelerTemplate', template.id);
    bo.set('zeebe:modelerTemplateVersion', template.version);
  }
}
