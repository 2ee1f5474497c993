import { readBpmn } from '../engine/model/index.js';
import type { EngineRestClient } from './engineRestClient.js';

/**
 * Names of BPMN elements, read from the deployed model through the engine's REST API, for task
 * lists that only get an element id from the job. Deployed models never change, so names are
 * cached per process definition.
 */
export function elementNameResolver(engine: Pick<EngineRestClient, 'processDefinitionXmlByKey'>) {
  const cache = new Map<string, Promise<Map<string, string>>>();
  const namesOf = (processDefinitionKey: string) => {
    let names = cache.get(processDefinitionKey);
    if (!names) {
      names = engine.processDefinitionXmlByKey(processDefinitionKey).then(async (xml) => {
        const model = xml ? await readBpmn(xml) : undefined;
        const found = new Map<string, string>();
        for (const process of model?.ok ? model.processes : []) {
          for (const element of process.elements.values()) if (element.name) found.set(element.id, element.name);
        }
        return found;
      });
      names.catch(() => cache.delete(processDefinitionKey));
      cache.set(processDefinitionKey, names);
    }
    return names;
  };
  return async (job: { processDefinitionKey?: string; elementId: string }): Promise<string | undefined> =>
    job.processDefinitionKey ? (await namesOf(job.processDefinitionKey)).get(job.elementId) : undefined;
}
