import type { Zeebe } from '@camunda8/sdk';

/** Starts a process instance; the zaken module knows the engine only through this. */
export interface ProcessStarter {
  start(
    bpmnProcessId: string,
    version: number,
    variables: Record<string, unknown>,
  ): Promise<{ processInstanceKey: string }>;
}

/**
 * Finds the instances already started for a zaak and cancels surplus ones. Used only when an
 * earlier attempt may have started an instance whose key was never recorded (a crash in between).
 */
export interface ProcessInstanceLookup {
  /** Keys of the instances whose root variable `zaakId` is this zaak's id. */
  instancesForZaak(zaakId: string): Promise<string[]>;
  cancel(processInstanceKey: string): Promise<void>;
}

type ZeebeClient = Pick<Zeebe.ZeebeGrpcClient, 'createProcessInstance' | 'cancelProcessInstance'>;

/** A ProcessStarter on the Zeebe gRPC client of @camunda8/sdk (embedded gateway or a cluster). */
export function sdkProcessStarter(
  client: ZeebeClient,
): ProcessStarter & Pick<ProcessInstanceLookup, 'cancel'> {
  return {
    async start(bpmnProcessId, version, variables) {
      // Variables come from JSON (the outbox's jsonb column), so they are JSON documents.
      const json = variables as Parameters<ZeebeClient['createProcessInstance']>[0]['variables'];
      const response = await client.createProcessInstance({
        bpmnProcessId,
        version,
        variables: json,
      });
      return { processInstanceKey: String(response.processInstanceKey) };
    },
    async cancel(processInstanceKey) {
      await client.cancelProcessInstance(processInstanceKey);
    },
  };
}

/**
 * A ProcessInstanceLookup over the Orchestration Cluster REST API (`POST /v2/variables/search`,
 * whose value filter compares JSON text) plus a cancel function, e.g. the SDK starter's.
 */
export function engineInstanceLookup(options: {
  baseUrl: () => string;
  headers?: () => Promise<Record<string, string>>;
  cancel: (processInstanceKey: string) => Promise<void>;
}): ProcessInstanceLookup {
  return {
    async instancesForZaak(zaakId) {
      const response = await fetch(`${options.baseUrl()}/v2/variables/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await options.headers?.()) },
        body: JSON.stringify({
          filter: { name: 'zaakId', value: JSON.stringify(zaakId) },
          page: { limit: 100 },
        }),
      });
      if (!response.ok)
        throw new Error(
          `engine REST API answered ${response.status} to a variable search for zaak ${zaakId}`,
        );
      const body = (await response.json()) as {
        items?: { processInstanceKey: string; scopeKey?: string }[];
      };
      const keys = (body.items ?? [])
        .filter((item) => item.scopeKey === undefined || item.scopeKey === item.processInstanceKey)
        .map((item) => item.processInstanceKey);
      return [...new Set(keys)].sort(compareKeys);
    },
    cancel: options.cancel,
  };
}

/** Zeebe keys are int64 strings that grow over time: the oldest instance has the smallest key. */
export function compareKeys(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
