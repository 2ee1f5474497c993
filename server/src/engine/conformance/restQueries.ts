/**
 * The read side of the conformance runner: the Camunda 8.8 REST v2 search endpoints, called over
 * HTTP exactly as an external client would. Requests are `{ filter, page: { limit } }` and
 * responses `{ items, page: { totalItems } }`. Filters are sent to the server, and the runner also
 * re-checks each item itself, so an item the server should have filtered out is never taken as
 * evidence.
 */

export interface ProcessInstanceItem {
  processInstanceKey: string;
  state: string;
}

export interface ElementInstanceItem {
  elementInstanceKey: string;
  processInstanceKey: string;
  elementId: string;
  elementName?: string;
  state: string;
}

export interface VariableItem {
  name: string;
  /** JSON text. */
  value: string;
  scopeKey: string;
  processInstanceKey: string;
  isTruncated?: boolean;
}

export interface IncidentItem {
  processInstanceKey: string;
  errorType: string;
  errorMessage: string;
  state: string;
  elementId: string;
}

/** An HTTP answer that is not a 2xx search result; the message has the status and body. */
export class RestQueryError extends Error {
  override name = 'RestQueryError';
}

const PAGE_LIMIT = 1000;

export class RestV2Client {
  private readonly baseUrl: string;

  /** `restUrl` is the server's root (e.g. `http://127.0.0.1:8080`); a trailing `/v2` is accepted too. */
  constructor(restUrl: string) {
    this.baseUrl = restUrl.replace(/\/+$/, '').replace(/\/v2$/, '');
  }

  async processInstance(processInstanceKey: string): Promise<ProcessInstanceItem | undefined> {
    const items = await this.search('/v2/process-instances/search', { processInstanceKey });
    return items
      .map(toProcessInstance)
      .find((item) => item.processInstanceKey === processInstanceKey);
  }

  /** The element instances of a process instance, optionally of one element only. */
  async elementInstances(
    processInstanceKey: string,
    elementId?: string,
  ): Promise<ElementInstanceItem[]> {
    const filter: Record<string, string> = { processInstanceKey };
    if (elementId !== undefined) filter.elementId = elementId;
    const items = (await this.search('/v2/element-instances/search', filter)).map(
      toElementInstance,
    );
    return items.filter(
      (item) =>
        item.processInstanceKey === processInstanceKey &&
        (elementId === undefined || item.elementId === elementId),
    );
  }

  async variables(processInstanceKey: string, name: string): Promise<VariableItem[]> {
    const items = (await this.search('/v2/variables/search', { processInstanceKey, name })).map(
      toVariable,
    );
    return items.filter(
      (item) => item.processInstanceKey === processInstanceKey && item.name === name,
    );
  }

  async incidents(processInstanceKey: string): Promise<IncidentItem[]> {
    const items = (await this.search('/v2/incidents/search', { processInstanceKey })).map(
      toIncident,
    );
    return items.filter((item) => item.processInstanceKey === processInstanceKey);
  }

  private async search(
    path: string,
    filter: Record<string, string>,
  ): Promise<Record<string, unknown>[]> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ filter, page: { limit: PAGE_LIMIT } }),
      });
    } catch (error) {
      throw new RestQueryError(
        `POST ${path} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new RestQueryError(
        `POST ${path} with filter ${JSON.stringify(filter)} answered ${response.status}: ${excerpt(text)}`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RestQueryError(
        `POST ${path} answered ${response.status} with a body that is not JSON: ${excerpt(text)}`,
      );
    }
    const items =
      typeof body === 'object' && body !== null ? (body as { items?: unknown }).items : undefined;
    if (
      !Array.isArray(items) ||
      !items.every((item) => typeof item === 'object' && item !== null)
    ) {
      throw new RestQueryError(
        `POST ${path} answered without an 'items' list of objects: ${excerpt(text)}`,
      );
    }
    return items as Record<string, unknown>[];
  }
}

function excerpt(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** Keys are int64 decimal strings in 8.8; a number is accepted and turned into its text. */
function key(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? String(value)
    : '';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

function toProcessInstance(item: Record<string, unknown>): ProcessInstanceItem {
  return { processInstanceKey: key(item.processInstanceKey), state: text(item.state) };
}

function toElementInstance(item: Record<string, unknown>): ElementInstanceItem {
  const result: ElementInstanceItem = {
    elementInstanceKey: key(item.elementInstanceKey),
    processInstanceKey: key(item.processInstanceKey),
    elementId: text(item.elementId),
    state: text(item.state),
  };
  if (typeof item.elementName === 'string') result.elementName = item.elementName;
  return result;
}

function toVariable(item: Record<string, unknown>): VariableItem {
  const result: VariableItem = {
    name: text(item.name),
    value: typeof item.value === 'string' ? item.value : JSON.stringify(item.value ?? null),
    scopeKey: key(item.scopeKey),
    processInstanceKey: key(item.processInstanceKey),
  };
  if (typeof item.isTruncated === 'boolean') result.isTruncated = item.isTruncated;
  return result;
}

function toIncident(item: Record<string, unknown>): IncidentItem {
  return {
    processInstanceKey: key(item.processInstanceKey),
    errorType: text(item.errorType),
    errorMessage: text(item.errorMessage),
    state: text(item.state),
    elementId: text(item.elementId),
  };
}
