/**
 * Runs zeebe-spec YAML files against a running engine: the spec folder's BPMN models are deployed
 * and each test case's actions go through the Zeebe gateway (gRPC, official SDK), its
 * verifications through the REST v2 search API. The result of each test case says whether it
 * passed and, if not, which step failed and exactly how.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { readBpmnProcesses, type BpmnProcessInfo } from './bpmnElements.js';
import {
  CaseExecution,
  NoJobAvailable,
  StepFailure,
  type CreatedInstance,
} from './caseExecution.js';
import {
  DEFAULT_EXTERNAL_WORKERS,
  errorText,
  PollingWorker,
  type ExternalWorkerHandler,
} from './externalWorkers.js';
import { RestV2Client } from './restQueries.js';
import {
  describeElement,
  parseSpec,
  type ElementRef,
  type SpecFile,
  type SpecInstruction,
  type SpecTestCase,
} from './specFormat.js';
import { createZeebeClient, type ZeebeClient } from './zeebeClient.js';

export interface ConformanceTarget {
  /** The Zeebe gateway, `host:port` (plaintext, no OAuth). */
  gatewayAddress: string;
  /** The root of the REST API, e.g. `http://127.0.0.1:8080` (the `/v2/...` paths are appended). */
  restUrl: string;
}

export interface RunnerOptions extends ConformanceTarget {
  /**
   * When a spec's own folder holds no `.bpmn` model, the nearest parent folder with models is used,
   * up to and including this folder (the original suite resolves models from its resource root;
   * e.g. `junit-extension/specs/*.yaml` drive `junit-extension/demo.bpmn`). Default: no look-up.
   */
  modelRoot?: string;
  /** How long a verification may take to hold (default 5000 ms). */
  verificationTimeoutMs?: number;
  /**
   * How long complete-task / throw-error wait for a job (default 5000 ms). Finding none does not
   * fail the case by itself (the original runner's worker would just stay idle); it is reported
   * with the failure of a later step, or as a warning.
   */
  jobTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Workers started for the job types the models use (default: the suite's `external-worker`). */
  externalWorkers?: Readonly<Record<string, ExternalWorkerHandler>>;
}

export interface CaseResult {
  specFile: string;
  testCase: string;
  passed: boolean;
  /** Empty when passed; else `step N (<instruction>): <what was expected and what happened>`. */
  message: string;
  warnings: string[];
  processInstances: CreatedInstance[];
}

export interface SpecFileResult {
  specFile: string;
  models: string[];
  cases: CaseResult[];
}

type Settings = Required<Omit<RunnerOptions, 'modelRoot'>>;

/** One spec file against one engine: models deployed and workers started once, cases run on demand. */
export class SpecSession {
  private constructor(
    readonly specFile: string,
    readonly spec: SpecFile,
    readonly models: string[],
    private readonly client: ZeebeClient,
    private readonly rest: RestV2Client,
    private readonly processes: Map<string, BpmnProcessInfo>,
    private readonly deploymentProblems: Map<string, string>,
    private readonly workers: Map<string, PollingWorker>,
    private readonly settings: Settings,
  ) {}

  /** Parses the spec (throws SpecFormatError if it is malformed), deploys its models, starts workers. */
  static async open(specFile: string, options: RunnerOptions): Promise<SpecSession> {
    const spec = parseSpec(readFileSync(specFile, 'utf8'), specFile);
    const models = findModelFiles(specFile, options.modelRoot);
    const settings: Settings = {
      gatewayAddress: options.gatewayAddress,
      restUrl: options.restUrl,
      verificationTimeoutMs: options.verificationTimeoutMs ?? 5_000,
      jobTimeoutMs: options.jobTimeoutMs ?? 5_000,
      pollIntervalMs: options.pollIntervalMs ?? 50,
      externalWorkers: options.externalWorkers ?? DEFAULT_EXTERNAL_WORKERS,
    };
    const client = createZeebeClient(options.gatewayAddress);
    const processes = new Map<string, BpmnProcessInfo>();
    const deploymentProblems = new Map<string, string>();
    const jobTypes = new Set<string>();
    // One deployment per file: a model the engine rejects must not take the others down with it.
    for (const model of models) {
      const content = readFileSync(model);
      const infos = readBpmnProcesses(content.toString('utf8'));
      for (const info of infos) {
        processes.set(info.bpmnProcessId, info);
        for (const type of info.jobTypes) jobTypes.add(type);
      }
      try {
        await client.deployResources([
          { name: model.split(/[\\/]/).at(-1) ?? model, process: content },
        ]);
      } catch (error) {
        for (const info of infos)
          deploymentProblems.set(
            info.bpmnProcessId,
            `DeployResource of ${model} was rejected: ${errorText(error)}`,
          );
      }
    }
    const workers = new Map<string, PollingWorker>();
    for (const [type, handler] of Object.entries(settings.externalWorkers)) {
      if (jobTypes.has(type))
        workers.set(
          type,
          new PollingWorker({ client, type, handler, pollIntervalMs: settings.pollIntervalMs }),
        );
    }
    const rest = new RestV2Client(options.restUrl);
    return new SpecSession(
      specFile,
      spec,
      models,
      client,
      rest,
      processes,
      deploymentProblems,
      workers,
      settings,
    );
  }

  get testCases(): SpecTestCase[] {
    return this.spec.testCases;
  }

  /** Why deploying a model failed, by BPMN process id (empty when all deployed). */
  get deploymentFailures(): ReadonlyMap<string, string> {
    return this.deploymentProblems;
  }

  /** Runs one test case (by name or value); a failing case is a result, not an exception. */
  async runCase(which: string | SpecTestCase): Promise<CaseResult> {
    const testCase =
      typeof which === 'string'
        ? this.spec.testCases.find((candidate) => candidate.name === which)
        : which;
    if (!testCase)
      throw new Error(
        `${this.specFile} has no test case '${typeof which === 'string' ? which : which.name}'`,
      );
    const execution = new CaseExecution({
      client: this.client,
      rest: this.rest,
      processes: this.processes,
      verificationTimeoutMs: this.settings.verificationTimeoutMs,
      jobTimeoutMs: this.settings.jobTimeoutMs,
      pollIntervalMs: this.settings.pollIntervalMs,
      deploymentProblem: (bpmnProcessId) => this.deploymentProblems.get(bpmnProcessId),
    });
    let message = '';
    const notes: string[] = [];
    for (const instruction of testCase.instructions) {
      try {
        await execution.execute(instruction);
      } catch (error) {
        const text =
          error instanceof StepFailure ? error.message : `unexpected ${errorText(error)}`;
        const step = `step ${instruction.index + 1} (${describeInstruction(instruction)}): ${text}`;
        if (error instanceof NoJobAvailable) {
          notes.push(step);
          continue;
        }
        const earlier = notes.length ? `; before that, ${notes.join('; ')}` : '';
        message = `${step}${earlier}${this.workerErrors()}`;
        break;
      }
    }
    const warnings = [
      ...testCase.warnings,
      ...(message === '' ? notes : []),
      ...(await execution.cleanUp()),
    ];
    return {
      specFile: this.specFile,
      testCase: testCase.name,
      passed: message === '',
      message,
      warnings,
      processInstances: [...execution.instances],
    };
  }

  async runAll(): Promise<CaseResult[]> {
    const results: CaseResult[] = [];
    for (const testCase of this.spec.testCases) results.push(await this.runCase(testCase));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    await this.client.close(2_000);
  }

  private workerErrors(): string {
    const errors = [...this.workers].flatMap(([type, worker]) =>
      worker.errors.map((error) => `${type}: ${error}`),
    );
    return errors.length ? `; external worker errors: ${errors.join('; ')}` : '';
  }
}

/** Runs every test case of one spec file. */
export async function runSpecFile(
  specFile: string,
  options: RunnerOptions,
): Promise<SpecFileResult> {
  const session = await SpecSession.open(specFile, options);
  try {
    return { specFile, models: session.models, cases: await session.runAll() };
  } finally {
    await session.close();
  }
}

/**
 * Runs every spec file under a folder against one engine. Spec files in different folders may
 * deploy different models under the same BPMN process id; each file's models are deployed just
 * before its cases run, so its cases start the latest version, i.e. its own. For full isolation,
 * give each spec file a fresh engine and use runSpecFile or SpecSession.
 */
export async function runConformance(
  folder: string,
  options: ConformanceTarget & Omit<RunnerOptions, keyof ConformanceTarget>,
): Promise<SpecFileResult[]> {
  const results: SpecFileResult[] = [];
  for (const specFile of findSpecFiles(folder))
    results.push(await runSpecFile(specFile, { modelRoot: folder, ...options }));
  return results;
}

/** The spec files (`*.yaml`, `*.yml`) under a folder, recursively, in a stable order. */
export function findSpecFiles(folder: string): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ya?ml$/i.test(entry.name)) found.push(path);
    }
  };
  visit(resolve(folder));
  return found;
}

/** The `.bpmn` models for a spec: its own folder's, else the nearest parent's up to `modelRoot`. */
export function findModelFiles(specFile: string, modelRoot?: string): string[] {
  const root = modelRoot === undefined ? undefined : resolve(modelRoot);
  let directory = dirname(resolve(specFile));
  for (;;) {
    const models = readdirSync(directory)
      .filter((name) => /\.bpmn$/i.test(name))
      .sort()
      .map((name) => join(directory, name))
      .filter((path) => statSync(path).isFile());
    if (models.length > 0) return models;
    if (root === undefined || directory === root) return [];
    const parent = dirname(directory);
    const fromRoot = relative(root, parent);
    if (parent === directory || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return [];
    directory = parent;
  }
}

/** A short rendering of an instruction, e.g. `complete-task job_type 'a'`. */
export function describeInstruction(instruction: SpecInstruction): string {
  const of = (alias: string | undefined) => (alias === undefined ? '' : ` of '${alias}'`);
  if (instruction.type === 'action') {
    const action = instruction.action;
    switch (action.kind) {
      case 'create-instance':
        return `create-instance '${action.bpmnProcessId}'${action.alias !== undefined ? ` as '${action.alias}'` : ''}`;
      case 'complete-task':
        return `complete-task job_type '${action.jobType}'`;
      case 'throw-error':
        return `throw-error job_type '${action.jobType}' error_code '${action.errorCode}'`;
      case 'publish-message':
        return `publish-message '${action.messageName}' correlation_key '${action.correlationKey}'`;
      case 'cancel-instance':
        return `cancel-instance${of(action.processInstance)}`;
      case 'await-element-instance-state':
        return `await-element-instance-state ${describeElement(action.element)} ${action.state}${of(action.processInstance)}`;
    }
  }
  const verification = instruction.verification;
  const scope = (element: { scope?: ElementRef }) =>
    element.scope ? ` in ${describeElement(element.scope)}` : '';
  switch (verification.kind) {
    case 'process-instance-state':
      return `verify process-instance-state ${verification.state}${of(verification.processInstance)}`;
    case 'element-instance-state':
      return `verify element-instance-state ${describeElement(verification.element)} ${verification.state}${of(verification.processInstance)}`;
    case 'process-instance-variable':
      return `verify process-instance-variable '${verification.name}' = ${verification.valueText}${scope(verification)}${of(verification.processInstance)}`;
    case 'no-process-instance-variable':
      return `verify no-process-instance-variable '${verification.name}'${scope(verification)}${of(verification.processInstance)}`;
    case 'incident-state':
      return `verify incident-state ${verification.errorType} ${verification.state}${verification.element ? ` at ${describeElement(verification.element)}` : ''}${of(verification.processInstance)}`;
  }
}
