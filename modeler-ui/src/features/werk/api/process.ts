import { apiFetch } from '../../../lib/api';

interface SearchPage<T> {
  items: T[];
}

interface ProcessInstance {
  processDefinitionKey: string;
}

interface ElementInstance {
  elementId: string;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  type?: string;
  hasIncident?: boolean;
}

export interface ProcessView {
  xml: string;
  active: string[];
  completed: string[];
  incidents: string[];
}

/**
 * The diagram of a zaak's process and where the instance is, from the Camunda 8 REST API:
 * instance → definition key → XML, plus the element instances of that instance.
 */
export async function getProcessView(
  processInstanceKey: string,
  signal?: AbortSignal,
): Promise<ProcessView> {
  const instance = await apiFetch<ProcessInstance>(
    `/v2/process-instances/${encodeURIComponent(processInstanceKey)}`,
    { signal },
  );
  const [xml, elements] = await Promise.all([
    apiFetch<string>(
      `/v2/process-definitions/${encodeURIComponent(instance.processDefinitionKey)}/xml`,
      { signal },
    ),
    apiFetch<SearchPage<ElementInstance>>('/v2/element-instances/search', {
      method: 'POST',
      body: { filter: { processInstanceKey }, page: { limit: 1000 } },
      signal,
    }),
  ]);
  const active = elements.items
    .filter((item) => item.state === 'ACTIVE')
    .map((item) => item.elementId);
  const completed = elements.items
    .filter((item) => item.state === 'COMPLETED')
    .map((item) => item.elementId);
  const incidents = elements.items.filter((item) => item.hasIncident).map((item) => item.elementId);
  return { xml, active, completed, incidents };
}
