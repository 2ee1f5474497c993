/**
 * The platform's client for the Camunda 8 Orchestration Cluster REST API (v2): the embedded
 * engine's, or a real cluster's. Only the calls the platform needs.
 */
export interface EngineRestClient {
  /** The BPMN XML of a deployed process version, or undefined when there is none. */
  processDefinitionXml(bpmnProcessId: string, version: number): Promise<string | undefined>;
  /** The BPMN XML of a deployed process definition by its key. */
  processDefinitionXmlByKey(processDefinitionKey: string): Promise<string | undefined>;
  /** POST a v2 query (search or statistics) and return its JSON answer. */
  query<T>(path: string, body: unknown): Promise<T>;
}

export function engineRestClient(
  baseUrl: () => string,
  headers: () => Promise<Record<string, string>> = () => Promise.resolve({}),
): EngineRestClient {
  return {
    async processDefinitionXml(bpmnProcessId, version) {
      const search = await fetch(`${baseUrl()}/v2/process-definitions/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headers()) },
        body: JSON.stringify({ filter: { processDefinitionId: bpmnProcessId, version }, page: { limit: 1 } }),
      });
      if (!search.ok) throw new Error(`engine REST API answered ${search.status} to a process definition search`);
      const found = (await search.json()) as { items?: { processDefinitionKey: string }[] };
      const key = found.items?.[0]?.processDefinitionKey;
      if (!key) return undefined;
      return this.processDefinitionXmlByKey(key);
    },
    async query<T>(path: string, body: unknown): Promise<T> {
      const response = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headers()) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`engine REST API answered ${response.status} to POST ${path}`);
      return (await response.json()) as T;
    },
    async processDefinitionXmlByKey(key) {
      const xml = await fetch(`${baseUrl()}/v2/process-definitions/${key}/xml`, { headers: await headers() });
      if (xml.status === 404) return undefined;
      if (!xml.ok) throw new Error(`engine REST API answered ${xml.status} for the XML of process definition ${key}`);
      return xml.text();
    },
  };
}
