/**
 * Runs the instructions of one zeebe-spec test case: actions through the Zeebe gateway (gRPC),
 * verifications through the REST v2 search API, each verification polled until it holds or
 * its time is up (the engine works asynchronously, e.g. an external worker completes a job).
 */
import { elementIdsByName, type BpmnProcessInfo } from './bpmnElements.js';
import { errorText } from './externalWorkers.js';
import type { ElementInstanceItem, RestV2Client } from './restQueries.js';
import {
  describeElement,
  type ElementRef,
  type InstanceState,
  type JsonValue,
  type SpecAction,
  type SpecInstruction,
  type SpecVerification,
} from './specFormat.js';
import { sdkVariables, type ZeebeClient } from './zeebeClient.js';

/** A failed step; the message says what was expected and what the engine did instead. */
export class StepFailure extends Error {
  override name = 'StepFailure';
}

/**
 * complete-task / throw-error found no job in time. Not fatal by itself: the original runner opens
 * a worker that may simply never get a job (e.g. `demo-incident.yaml` stops at an incident before
 * its tasks); the verifications decide, and this is reported alongside.
 */
export class NoJobAvailable extends StepFailure {
  override name = 'NoJobAvailable';
}

export interface CaseContext {
  client: ZeebeClient;
  rest: RestV2Client;
  /** The deployed processes by BPMN process id, for resolving element names. */
  processes: ReadonlyMap<string, BpmnProcessInfo>;
  verificationTimeoutMs: number;
  jobTimeoutMs: number;
  pollIntervalMs: number;
  /** Why the model of this process could not be deployed, if it could not. */
  deploymentProblem(bpmnProcessId: string): string | undefined;
}

export interface CreatedInstance {
  alias?: string;
  key: string;
  bpmnProcessId: string;
}

type IncidentVerification = Extract<SpecVerification, { kind: 'incident-state' }>;

const RUNNER_WORKER = 'zeebe-spec-runner';
/** How long a published message waits for a subscription (the original runner uses 10 s too). */
const MESSAGE_TIME_TO_LIVE_MS = 10_000;

export class CaseExecution {
  readonly instances: CreatedInstance[] = [];

  constructor(private readonly ctx: CaseContext) {}

  async execute(instruction: SpecInstruction): Promise<void> {
    if (instruction.type === 'action') {
      await this.act(instruction.action);
      return;
    }
    const failure = await this.verify(instruction.verification);
    if (failure !== undefined) throw new StepFailure(failure);
  }

  /** Cancels the instances this case left running, so their jobs cannot leak into the next case. */
  async cleanUp(): Promise<string[]> {
    const warnings: string[] = [];
    for (const instance of this.instances) {
      try {
        await this.ctx.client.cancelProcessInstance(instance.key);
      } catch (error) {
        const text = errorText(error);
        // NOT_FOUND: the instance has already ended, nothing to clean up.
        if (!/NOT_FOUND/.test(text) && grpcCode(error) !== 5) {
          warnings.push(`clean-up: cancelling process instance ${instance.key} failed: ${text}`);
        }
      }
    }
    return warnings;
  }

  private async act(action: SpecAction): Promise<void> {
    const { client } = this.ctx;
    switch (action.kind) {
      case 'create-instance': {
        let key: string;
        try {
          // Typed loosely on purpose: the SDK's JSON type has no null (see sdkVariables).
          const variables = sdkVariables<Record<string, string>>(action.variables);
          const created = await client.createProcessInstance({
            bpmnProcessId: action.bpmnProcessId,
            variables,
          });
          key = created.processInstanceKey;
        } catch (error) {
          const problem = this.ctx.deploymentProblem(action.bpmnProcessId);
          throw new StepFailure(
            `CreateProcessInstance was rejected: ${errorText(error)}${problem ? ` (deployment: ${problem})` : ''}`,
          );
        }
        this.instances.push({
          ...(action.alias !== undefined ? { alias: action.alias } : {}),
          key,
          bpmnProcessId: action.bpmnProcessId,
        });
        return;
      }
      case 'complete-task': {
        const job = await this.activateOne(action.jobType);
        await grpc(`CompleteJob (job ${job.key})`, () =>
          client.completeJob({ jobKey: job.key, variables: sdkVariables(action.variables) }),
        );
        return;
      }
      case 'throw-error': {
        const job = await this.activateOne(action.jobType);
        await grpc(`ThrowError (job ${job.key})`, () =>
          client.throwError({
            jobKey: job.key,
            errorCode: action.errorCode,
            errorMessage: action.errorMessage,
          }),
        );
        return;
      }
      case 'publish-message':
        await grpc(`PublishMessage '${action.messageName}'`, () =>
          client.publishMessage({
            name: action.messageName,
            correlationKey: action.correlationKey,
            variables: sdkVariables(action.variables),
            timeToLive: MESSAGE_TIME_TO_LIVE_MS,
          }),
        );
        return;
      case 'cancel-instance': {
        const instance = this.instance(action.processInstance);
        await grpc(`CancelProcessInstance ${instance.key}`, () =>
          client.cancelProcessInstance(instance.key),
        );
        return;
      }
      case 'await-element-instance-state': {
        const instance = this.instance(action.processInstance);
        const failure = await this.poll(() =>
          this.checkElementState(instance, action.element, action.state),
        );
        if (failure !== undefined)
          throw new StepFailure(`${failure}; ${await this.summary([instance])}`);
        return;
      }
    }
  }

  private async verify(verification: SpecVerification): Promise<string | undefined> {
    const instance = this.instance(verification.processInstance);
    switch (verification.kind) {
      case 'process-instance-state': {
        const failure = await this.poll(async () => {
          const found = await this.ctx.rest.processInstance(instance.key);
          if (!found)
            return `process instance ${instance.key} was not found by /v2/process-instances/search`;
          if (found.state === verification.state) return undefined;
          return `expected process instance ${instance.key} to be ${verification.state}, but it was ${found.state}`;
        });
        return failure === undefined ? undefined : `${failure}; ${await this.summary([instance])}`;
      }
      case 'element-instance-state': {
        const failure = await this.poll(() =>
          this.checkElementState(instance, verification.element, verification.state),
        );
        return failure === undefined ? undefined : `${failure}; ${await this.summary([instance])}`;
      }
      case 'process-instance-variable':
        return this.poll(() =>
          this.checkVariable(
            instance,
            verification.name,
            verification.value,
            verification.valueText,
            verification.scope,
          ),
        );
      case 'no-process-instance-variable':
        // A negative statement: checked once, after the instructions before it have been awaited.
        return this.checkNoVariable(instance, verification.name, verification.scope);
      case 'incident-state':
        return this.poll(() => this.checkIncident(instance, verification));
    }
  }

  /** The instance an alias names; without an alias, the instance created last. */
  private instance(alias: string | undefined): CreatedInstance {
    if (alias === undefined) {
      const last = this.instances.at(-1);
      if (!last)
        throw new StepFailure('no process instance has been created in this test case yet');
      return last;
    }
    const found = this.instances.find((instance) => instance.alias === alias);
    if (!found) {
      const known = this.instances
        .map((instance) => instance.alias)
        .filter((name) => name !== undefined);
      throw new StepFailure(
        `no process instance with alias '${alias}' was created in this test case (aliases: ${known.join(', ') || 'none'})`,
      );
    }
    return found;
  }

  /** Activates one job of the type, polling until one is available or the time is up. */
  private async activateOne(type: string) {
    const deadline = Date.now() + this.ctx.jobTimeoutMs;
    for (;;) {
      const jobs = await grpc(`ActivateJobs for type '${type}'`, () =>
        this.ctx.client.activateJobs({
          type,
          worker: RUNNER_WORKER,
          timeout: 60_000,
          maxJobsToActivate: 1,
          requestTimeout: 200,
        }),
      );
      const job = jobs[0];
      if (job) return job;
      if (Date.now() >= deadline) {
        throw new NoJobAvailable(
          `no job of type '${type}' could be activated within ${this.ctx.jobTimeoutMs} ms; ${await this.summary(this.instances)}`,
        );
      }
      await sleep(this.ctx.pollIntervalMs);
    }
  }

  /** Repeats a check until it passes or the verification time is up; gives the last failure. */
  private async poll(check: () => Promise<string | undefined>): Promise<string | undefined> {
    const deadline = Date.now() + this.ctx.verificationTimeoutMs;
    for (;;) {
      const failure = await check();
      if (failure === undefined) return undefined;
      if (Date.now() >= deadline)
        return `${failure} (still after ${this.ctx.verificationTimeoutMs} ms)`;
      await sleep(this.ctx.pollIntervalMs);
    }
  }

  private async checkElementState(
    instance: CreatedInstance,
    element: ElementRef,
    state: InstanceState,
  ): Promise<string | undefined> {
    const found = await this.elementInstances(instance, element);
    const what = this.describe(instance, element);
    if (found.length === 0)
      return `expected ${what} of process instance ${instance.key} to be ${state}, but it has no element instance`;
    if (found.some((item) => item.state === state)) return undefined;
    return `expected ${what} of process instance ${instance.key} to be ${state}, but it was ${found.map((item) => item.state).join(', ')}`;
  }

  private async checkVariable(
    instance: CreatedInstance,
    name: string,
    expected: JsonValue,
    expectedText: string,
    scope: ElementRef | undefined,
  ): Promise<string | undefined> {
    const scopes = await this.scopeKeys(instance, scope);
    if (scopes.keys.length === 0)
      return `expected variable '${name}' in ${scopes.description}, but that element has no element instance`;
    const variables = await this.ctx.rest.variables(instance.key, name);
    const inScope = variables.filter((variable) => scopes.keys.includes(variable.scopeKey));
    if (inScope.length === 0) {
      const elsewhere = variables
        .map((variable) => `scope ${variable.scopeKey} = ${variable.value}`)
        .join(', ');
      return `expected variable '${name}' = ${expectedText} in ${scopes.description}, but there is no such variable${elsewhere ? ` (found in ${elsewhere})` : ''}`;
    }
    if (inScope.some((variable) => jsonEquals(parseJson(variable.value), expected)))
      return undefined;
    const actual = inScope
      .map((variable) => `${variable.value}${variable.isTruncated ? ' (truncated)' : ''}`)
      .join(', ');
    return `expected variable '${name}' in ${scopes.description} to be ${expectedText}, but it was ${actual}`;
  }

  private async checkNoVariable(
    instance: CreatedInstance,
    name: string,
    scope: ElementRef | undefined,
  ): Promise<string | undefined> {
    const variables = await this.ctx.rest.variables(instance.key, name);
    // Without a scope, no scope of the instance may hold it (as in the original runner).
    const scopes = scope ? await this.scopeKeys(instance, scope) : undefined;
    const found = scopes
      ? variables.filter((variable) => scopes.keys.includes(variable.scopeKey))
      : variables;
    if (found.length === 0) return undefined;
    const where = scopes ? scopes.description : `any scope of process instance ${instance.key}`;
    return `expected no variable '${name}' in ${where}, but found ${found.map((variable) => `${variable.value} (scope ${variable.scopeKey})`).join(', ')}`;
  }

  private async checkIncident(
    instance: CreatedInstance,
    expected: IncidentVerification,
  ): Promise<string | undefined> {
    const incidents = await this.ctx.rest.incidents(instance.key);
    let elementIds: string[] | undefined;
    if (expected.element) {
      elementIds =
        this.elementIds(instance, expected.element) ??
        (await this.elementInstances(instance, expected.element)).map((item) => item.elementId);
    }
    const matching = incidents.filter(
      (incident) =>
        incident.errorType === expected.errorType &&
        (elementIds === undefined || elementIds.includes(incident.elementId)) &&
        (expected.errorMessage === undefined || incident.errorMessage === expected.errorMessage),
    );
    if (matching.some((incident) => incident.state === expected.state)) return undefined;
    const wanted = [
      `an incident of type ${expected.errorType}`,
      expected.element ? ` at ${this.describe(instance, expected.element)}` : '',
      expected.errorMessage !== undefined
        ? ` with message ${JSON.stringify(expected.errorMessage)}`
        : '',
      ` in state ${expected.state}`,
    ].join('');
    const actual = incidents.length
      ? incidents
          .map(
            (incident) =>
              `${incident.errorType} at '${incident.elementId}' ${incident.state}: ${JSON.stringify(incident.errorMessage)}`,
          )
          .join('; ')
      : 'none';
    return `expected ${wanted} in process instance ${instance.key}; its incidents: ${actual}`;
  }

  /** The scope keys a variable may live in: the element's instances, or else the process instance. */
  private async scopeKeys(
    instance: CreatedInstance,
    scope: ElementRef | undefined,
  ): Promise<{ keys: string[]; description: string }> {
    if (!scope)
      return { keys: [instance.key], description: `the scope of process instance ${instance.key}` };
    const items = await this.elementInstances(instance, scope);
    return {
      keys: items.map((item) => item.elementInstanceKey),
      description: `the scope of ${this.describe(instance, scope)}`,
    };
  }

  /** Element ids for a reference, from the deployed BPMN; undefined if the name is not in it. */
  private elementIds(instance: CreatedInstance, element: ElementRef): string[] | undefined {
    if ('elementId' in element) return [element.elementId];
    const process = this.ctx.processes.get(instance.bpmnProcessId);
    const ids = process ? elementIdsByName(process, element.elementName) : [];
    return ids.length > 0 ? ids : undefined;
  }

  private async elementInstances(
    instance: CreatedInstance,
    element: ElementRef,
  ): Promise<ElementInstanceItem[]> {
    const ids = this.elementIds(instance, element);
    if (ids?.length === 1) return this.ctx.rest.elementInstances(instance.key, ids[0]);
    const all = await this.ctx.rest.elementInstances(instance.key);
    // A name that is not in the BPMN is matched against the element instances' names.
    return all.filter((item) =>
      ids
        ? ids.includes(item.elementId)
        : 'elementName' in element && item.elementName === element.elementName,
    );
  }

  private describe(instance: CreatedInstance, element: ElementRef): string {
    const ids = 'elementName' in element ? this.elementIds(instance, element) : undefined;
    return `element ${describeElement(element)}${ids ? ` (${ids.join(', ')})` : ''}`;
  }

  /** What the engine reports for these instances, for failure messages; never throws. */
  private async summary(instances: CreatedInstance[]): Promise<string> {
    if (instances.length === 0) return 'no process instance was created';
    const parts: string[] = [];
    for (const instance of instances) {
      try {
        const [state, elements] = await Promise.all([
          this.ctx.rest.processInstance(instance.key),
          this.ctx.rest.elementInstances(instance.key),
        ]);
        const named = (item: ElementInstanceItem) =>
          item.elementName && item.elementName !== item.elementId ? ` '${item.elementName}'` : '';
        const list = elements
          .map((item) => `${item.elementId}${named(item)} ${item.state}`)
          .join(', ');
        parts.push(
          `process instance ${instance.key} is ${state?.state ?? 'not found'} with element instances [${list}]`,
        );
      } catch (error) {
        parts.push(`process instance ${instance.key}: state unavailable (${errorText(error)})`);
      }
    }
    return parts.join('; ');
  }
}

async function grpc<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StepFailure(`${what} was rejected: ${errorText(error)}`);
  }
}

function grpcCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const UNPARSEABLE = Symbol('unparseable');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return UNPARSEABLE;
  }
}

/** Deep equality of JSON values, ignoring the order of object keys. */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEquals(item, b[i]))
    );
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord);
  return (
    keys.length === Object.keys(bRecord).length &&
    keys.every((k) => Object.hasOwn(bRecord, k) && jsonEquals(aRecord[k], bRecord[k]))
  );
}
