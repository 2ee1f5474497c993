import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import type { Clock } from '../clock.js';
import { RecordBuffer } from '../records/recordBuffer.js';
import type { DecisionStore } from '../state/decisionStore.js';
import type { DefinitionStore } from '../state/definitionStore.js';
import type { KeyGenerator } from '../state/keyGenerator.js';
import type { ElementType } from '../model/types.js';
import type { ElementProcessor } from './elementProcessor.js';
import type { InstanceExecution } from './instanceExecution.js';
import type { CommandRunner } from './commandRunner.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { WriteBatch } from '../state/writeBatch.js';

/** Long-lived collaborators of every command, created once per engine. */
export interface EngineServices {
  readonly keys: KeyGenerator;
  readonly clock: Clock;
  readonly definitions: DefinitionStore;
  readonly decisions: DecisionStore;
  readonly logger: Logger;
  /** The processor registry (processors.ts), passed in so the lifecycle need not import it. */
  readonly processors: (type: ElementType) => ElementProcessor;
  /** Runs when an element instance becomes ACTIVATED (opens boundary / event-subprocess subscriptions). */
  readonly onActivated: (execution: InstanceExecution, instance: ElementInstance) => void;
  /** A called process completed: continue the call activity in its parent (callActivity.ts). */
  readonly onChildCompleted: (
    ctx: CommandContext,
    parentProcessInstanceKey: string,
    parentElementInstanceKey: string,
    child: InstanceExecution,
  ) => Promise<void>;
}

/** Finished process instances, reported after commit to CreateProcessInstanceWithResult callers. */
export interface InstanceOutcome {
  processInstanceKey: string;
  state: 'COMPLETED' | 'TERMINATED';
  variables: Record<string, unknown>;
}

/**
 * Everything one command works with: its transaction, the instant it runs at, the records it
 * emits, and what to announce once it has committed.
 */
export class CommandContext {
  readonly records = new RecordBuffer();
  /** Saved instance state and records, written in one statement at the end (or before a read). */
  readonly writes = new WriteBatch();
  /** Job types that got activatable jobs: long-polling ActivateJobs calls are woken after commit. */
  readonly jobTypesToWake = new Set<string>();
  readonly finishedInstances: InstanceOutcome[] = [];
  /** A timer was created: the scheduler re-reads the next due date after commit. */
  timersChanged = false;
  readonly now: number;

  /** Instances this command has loaded or created and not yet saved, by process instance key. */
  readonly openExecutions = new Map<string, InstanceExecution>();

  constructor(
    readonly trx: Knex.Transaction,
    readonly services: EngineServices,
    /** For steps that start or continue other instances (call activities). */
    readonly runner: CommandRunner,
  ) {
    this.now = services.clock.now();
  }

  nextKey(): Promise<string> {
    return this.services.keys.nextKey(this.trx);
  }
}
