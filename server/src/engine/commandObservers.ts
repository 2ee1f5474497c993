import type { Logger } from '../logging.js';
import { EngineRejection } from './api.js';

/** The engine's commands, named as the Zeebe gateway names them; TriggerTimers is the scheduler's. */
export type EngineCommandType =
  | 'DeployResource'
  | 'DeleteResource'
  | 'CreateProcessInstance'
  | 'CreateProcessInstanceWithResult'
  | 'CancelProcessInstance'
  | 'ModifyProcessInstance'
  | 'SetVariables'
  | 'ResolveIncident'
  | 'ActivateJobs'
  | 'CompleteJob'
  | 'FailJob'
  | 'ThrowError'
  | 'UpdateJobRetries'
  | 'UpdateJobTimeout'
  | 'PublishMessage'
  | 'BroadcastSignal'
  | 'EvaluateDecision'
  | 'TriggerTimers';

/** accepted: done; rejected: an EngineRejection (the caller's mistake or a precondition); failed: anything else. */
export type EngineCommandOutcome = 'accepted' | 'rejected' | 'failed';

export interface EngineCommandEvent {
  type: EngineCommandType;
  outcome: EngineCommandOutcome;
}

export type EngineCommandListener = (event: EngineCommandEvent) => void;

/**
 * Tells listeners (the server's metrics) of every command the engine ran and how it ended, so the
 * engine counts nothing itself. A listener that throws is logged; the command's answer stands.
 */
export class CommandObservers {
  private readonly listeners = new Set<EngineCommandListener>();

  constructor(private readonly logger: Logger) {}

  add(listener: EngineCommandListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the command and reports its outcome; a synchronous throw counts as the command's too. */
  async observe<T>(type: EngineCommandType, command: () => Promise<T>): Promise<T> {
    try {
      const result = await command();
      this.report({ type, outcome: 'accepted' });
      return result;
    } catch (error) {
      this.report({ type, outcome: error instanceof EngineRejection ? 'rejected' : 'failed' });
      throw error;
    }
  }

  private report(event: EngineCommandEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error, command: event.type }, 'engine command listener threw');
      }
    }
  }
}
