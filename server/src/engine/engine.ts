import { EventEmitter } from 'node:events';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging.js';
import {
  EngineRejection,
  type ActivateJobsCommand,
  type ActivatedJob,
  type CreateInstanceCommand,
  type CreatedInstance,
  type DecisionEvaluation,
  type DeployResource,
  type DeploymentResult,
  type EngineApi,
  type InstanceResult,
  type VariableDocument,
} from './api.js';
import { evaluateDecisionCommand } from './behaviors/decisionBehavior.js';
import { ControllableClock } from './clock.js';
import { CommandObservers, type EngineCommandListener } from './commandObservers.js';
import type { OptionalEngineCommands } from './gateway/grpc/optionalCommands.js';
import { deleteResource } from './processing/commands/deleteResource.js';
import type { CommandContext, InstanceOutcome } from './processing/commandContext.js';
import { CommandRunner } from './processing/commandRunner.js';
import { createInstance, DEFAULT_TENANT } from './processing/commands/createInstance.js';
import { deploy } from './processing/commands/deploy.js';
import { cancelInstance, resolveIncident, setVariables } from './processing/commands/instanceCommands.js';
import { completeJob, failJob, throwError, updateJobRetries, updateJobTimeout } from './processing/commands/jobCommands.js';
import { processorFor } from './processing/processors.js';
import { subscribeScopeEvents } from './processing/scopeSubscriptions.js';
import { completeCallActivity } from './processing/elements/callActivityProcessor.js';
import { publishMessage, type PublishMessageCommand } from './processing/commands/publishMessage.js';
import { broadcastSignal, type BroadcastSignalCommand } from './processing/commands/broadcastSignal.js';
import { triggerTimers } from './processing/commands/triggerTimer.js';
import { modifyInstance, type ModifyInstanceCommand } from './processing/commands/modifyInstance.js';
import { Scheduler } from './scheduler/scheduler.js';
import { DecisionStore } from './state/decisionStore.js';
import { DefinitionStore } from './state/definitionStore.js';
import { activateJobs } from './state/jobActivation.js';
import { KeyGenerator } from './state/keyGenerator.js';

export interface EngineOptions {
  db: Database;
  logger: Logger;
  clock?: ControllableClock;
  /** Poll for due timers in the background (default true); tests may drive runDueWork() instead. */
  scheduler?: boolean;
}

export interface Engine extends EngineApi {
  readonly clock: ControllableClock;
  readonly db: Database;
  publishMessage(command: PublishMessageCommand): Promise<{ key: string; tenantId: string }>;
  broadcastSignal(command: BroadcastSignalCommand): Promise<{ key: string; tenantId: string }>;
  modifyProcessInstance(command: ModifyInstanceCommand): Promise<void>;
  /** Fires due timers and expires messages now; returns the number of timers fired. */
  runDueWork(): Promise<number>;
  /** Tells `listener` of every command run and its outcome (for metrics); returns the unsubscribe. */
  onCommand(listener: EngineCommandListener): () => void;
  close(): Promise<void>;
}

/** The embedded Zeebe-compatible engine: commands in, state and records in the database. */
export function createEngine(options: EngineOptions): Engine {
  return new EmbeddedEngine(options);
}

class EmbeddedEngine implements Engine {
  readonly clock: ControllableClock;
  readonly db: Database;
  private readonly runner: CommandRunner;
  private readonly jobsAvailable = new EventEmitter();
  private readonly resultWaiters = new Map<string, (outcome: InstanceOutcome) => void>();
  private readonly scheduler: Scheduler;
  private readonly commands: CommandObservers;

  constructor(options: EngineOptions) {
    this.db = options.db;
    this.clock = options.clock ?? new ControllableClock();
    this.jobsAvailable.setMaxListeners(0);
    const services = {
      keys: new KeyGenerator(),
      clock: this.clock,
      definitions: new DefinitionStore(),
      decisions: new DecisionStore(),
      logger: options.logger.child({ component: 'engine' }),
      processors: processorFor,
      onActivated: subscribeScopeEvents,
      onChildCompleted: completeCallActivity,
    };
    this.runner = new CommandRunner(this.db, services, (ctx) => this.afterCommit(ctx));
    this.commands = new CommandObservers(services.logger);
    this.scheduler = new Scheduler({
      db: this.db,
      clock: this.clock,
      logger: services.logger,
      fireTimers: (timerKeys) => this.commands.observe('TriggerTimers', () => triggerTimers(this.runner, timerKeys)),
    });
    this.clock.onChange(() => this.scheduler.poke());
    if (options.scheduler ?? true) this.scheduler.start();
  }

  private afterCommit(ctx: CommandContext): void {
    for (const type of ctx.jobTypesToWake) this.jobsAvailable.emit(type);
    for (const outcome of ctx.finishedInstances) this.resultWaiters.get(outcome.processInstanceKey)?.(outcome);
    if (ctx.timersChanged) this.scheduler.poke();
  }

  onCommand(listener: EngineCommandListener): () => void {
    return this.commands.add(listener);
  }

  publishMessage(command: PublishMessageCommand): Promise<{ key: string; tenantId: string }> {
    return this.commands.observe('PublishMessage', () => publishMessage(this.runner, command));
  }

  broadcastSignal(command: BroadcastSignalCommand): Promise<{ key: string; tenantId: string }> {
    return this.commands.observe('BroadcastSignal', () => broadcastSignal(this.runner, command));
  }

  runDueWork(): Promise<number> {
    return this.scheduler.runDueWork();
  }

  modifyProcessInstance(command: ModifyInstanceCommand): Promise<void> {
    return this.commands.observe('ModifyProcessInstance', () =>
      modifyInstance(this.runner, { ...command, processInstanceKey: checkKey(command.processInstanceKey, 'processInstanceKey') }),
    );
  }

  deploy(resources: DeployResource[], tenantId?: string): Promise<DeploymentResult> {
    return this.commands.observe('DeployResource', () =>
      this.runner.transaction((ctx) => deploy(ctx, resources, tenantId || DEFAULT_TENANT)),
    );
  }

  createProcessInstance(command: CreateInstanceCommand): Promise<CreatedInstance> {
    return this.commands.observe('CreateProcessInstance', () =>
      this.runner.transaction((ctx) => createInstance(this.runner, ctx, command)),
    );
  }

  createProcessInstanceWithResult(
    command: CreateInstanceCommand,
    options: { requestTimeoutMs: number; fetchVariables?: string[] },
  ): Promise<InstanceResult> {
    return this.commands.observe('CreateProcessInstanceWithResult', () => this.createAndAwaitResult(command, options));
  }

  private async createAndAwaitResult(
    command: CreateInstanceCommand,
    options: { requestTimeoutMs: number; fetchVariables?: string[] },
  ): Promise<InstanceResult> {
    let settle: ((outcome: InstanceOutcome) => void) | undefined;
    const finished = new Promise<InstanceOutcome>((resolve) => (settle = resolve));
    let created: CreatedInstance | undefined;
    try {
      created = await this.runner.transaction(async (ctx) => {
        const instance = await createInstance(this.runner, ctx, command);
        // Registered before commit: the instance may already finish within this command.
        this.resultWaiters.set(instance.processInstanceKey, settle!);
        return instance;
      });
      const outcome = await withTimeout(finished, options.requestTimeoutMs, created.processInstanceKey);
      if (outcome.state !== 'COMPLETED') {
        throw new EngineRejection('FAILED_PRECONDITION', `Process instance '${created.processInstanceKey}' was terminated before it completed`);
      }
      const wanted = options.fetchVariables?.length ? new Set(options.fetchVariables) : undefined;
      const variables = Object.fromEntries(
        Object.entries(outcome.variables).filter(([name]) => !wanted || wanted.has(name)),
      ) as VariableDocument;
      return { ...created, variables };
    } finally {
      if (created) this.resultWaiters.delete(created.processInstanceKey);
    }
  }

  cancelProcessInstance(processInstanceKey: string): Promise<void> {
    return this.commands.observe('CancelProcessInstance', () => cancelInstance(this.runner, processInstanceKey));
  }

  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]> {
    return this.commands.observe('ActivateJobs', () => activateJobs(this.db, command, this.clock.now()));
  }

  onJobsAvailable(type: string, listener: () => void): () => void {
    this.jobsAvailable.on(type, listener);
    return () => this.jobsAvailable.off(type, listener);
  }

  completeJob(jobKey: string, variables?: VariableDocument): Promise<void> {
    return this.commands.observe('CompleteJob', () => completeJob(this.runner, checkKey(jobKey, 'jobKey'), variables));
  }

  failJob(jobKey: string, options: Parameters<EngineApi['failJob']>[1]): Promise<void> {
    return this.commands.observe('FailJob', () => failJob(this.runner, checkKey(jobKey, 'jobKey'), options));
  }

  throwError(jobKey: string, options: Parameters<EngineApi['throwError']>[1]): Promise<void> {
    return this.commands.observe('ThrowError', () => throwError(this.runner, checkKey(jobKey, 'jobKey'), options));
  }

  updateJobRetries(jobKey: string, retries: number): Promise<void> {
    return this.commands.observe('UpdateJobRetries', () => updateJobRetries(this.runner, checkKey(jobKey, 'jobKey'), retries));
  }

  updateJobTimeout(jobKey: string, timeoutMs: number): Promise<void> {
    return this.commands.observe('UpdateJobTimeout', () => updateJobTimeout(this.runner, checkKey(jobKey, 'jobKey'), timeoutMs));
  }

  evaluateDecision(command: Parameters<OptionalEngineCommands['evaluateDecision']>[0]): Promise<DecisionEvaluation> {
    return this.commands.observe('EvaluateDecision', () =>
      this.runner.transaction((ctx) => evaluateDecisionCommand(ctx, { ...command, tenantId: command.tenantId || DEFAULT_TENANT })),
    );
  }

  deleteResource(command: { resourceKey: string }): Promise<void> {
    return this.commands.observe('DeleteResource', () =>
      this.runner.transaction((ctx) => deleteResource(ctx, checkKey(command.resourceKey, 'resourceKey'))),
    );
  }

  resolveIncident(incidentKey: string): Promise<void> {
    return this.commands.observe('ResolveIncident', () => resolveIncident(this.runner, checkKey(incidentKey, 'incidentKey')));
  }

  setVariables(elementInstanceKey: string, variables: VariableDocument, local: boolean): Promise<string> {
    return this.commands.observe('SetVariables', () =>
      setVariables(this.runner, checkKey(elementInstanceKey, 'elementInstanceKey'), variables, local),
    );
  }

  async close(): Promise<void> {
    await this.scheduler.stop();
    this.jobsAvailable.removeAllListeners();
    this.resultWaiters.clear();
  }
}

function checkKey(key: string, field: string): string {
  if (!/^\d{1,19}$/.test(key)) {
    throw new EngineRejection('INVALID_ARGUMENT', `Expected '${field}' to be a positive 64-bit number, but was '${key}'`);
  }
  return key;
}

function withTimeout<T>(promise: Promise<T>, ms: number, processInstanceKey: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new EngineRejection('DEADLINE_EXCEEDED', `Process instance '${processInstanceKey}' did not complete within ${ms} ms`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
