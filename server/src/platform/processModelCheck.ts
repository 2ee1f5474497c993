import { readBpmn } from '../engine/model/index.js';
import { NotFoundError } from '../http/errors.js';
import type { ModelUsage, ProcessModelCheck } from '../modules/catalogus/index.js';
import type { EngineRestClient } from './engineRestClient.js';

/**
 * What a deployed process sets through the standard workers: the `statustype` header of every
 * `zaak.status` task and the `resultaattype` header of every `zaak.resultaat` task. The model is
 * fetched through the engine's REST API, so this works the same against a Camunda 8 cluster.
 */
export function processModelCheck(engine: Pick<EngineRestClient, 'processDefinitionXml'>): ProcessModelCheck {
  return async (bpmnProcessId, version) => {
    const xml = await engine.processDefinitionXml(bpmnProcessId, version);
    if (xml === undefined) {
      throw new NotFoundError(`Process '${bpmnProcessId}' version ${version} is not deployed`, { bpmnProcessId, version });
    }
    return modelUsageOf(xml);
  };
}

/** The statustypen and resultaattypen a BPMN model's standard worker tasks set (publish and proefrun check them). */
export async function modelUsageOf(xml: string): Promise<ModelUsage> {
  const model = await readBpmn(xml);
  const statustypen = new Set<string>();
  const resultaattypen = new Set<string>();
  for (const process of model.ok ? model.processes : []) {
    for (const element of process.elements.values()) {
      const type = element.job?.type.isStatic ? element.job.type.source : undefined;
      const headers = element.job?.headers ?? {};
      if (type === 'zaak.status' && headers.statustype) statustypen.add(headers.statustype);
      if (type === 'zaak.resultaat' && headers.resultaattype) resultaattypen.add(headers.resultaattype);
    }
  }
  return { statustypen: [...statustypen], resultaattypen: [...resultaattypen] };
}
