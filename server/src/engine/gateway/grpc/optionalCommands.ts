import type { DecisionEvaluation, VariableDocument } from '../../api.js';
export type { DecisionEvaluation } from '../../api.js';
import type { PublishMessageCommand } from '../../processing/commands/publishMessage.js';

/**
 * Commands the engine does not offer yet. The gateway calls each one as soon as the engine object
 * has a method of that name, shaped like the .proto request in camelCase with string keys,
 * durations in ms and variables parsed; until then the RPC answers UNIMPLEMENTED.
 */
export interface OptionalEngineCommands {
  publishMessage(command: PublishMessageCommand): Promise<{ key: string; tenantId: string }>;

  broadcastSignal(command: { signalName: string; variables: VariableDocument; tenantId?: string }): Promise<{ key: string; tenantId: string }>;

  evaluateDecision(command: {
    decisionKey?: string;
    decisionId?: string;
    variables: VariableDocument;
    tenantId?: string;
  }): Promise<DecisionEvaluation>;

  modifyProcessInstance(command: {
    processInstanceKey: string;
    activateInstructions: {
      elementId: string;
      /** Absent: the element's flow scope instance (the proto's -1). */
      ancestorElementInstanceKey?: string;
      variableInstructions: { variables: VariableDocument; /** Absent: the process instance. */ scopeId?: string }[];
    }[];
    terminateInstructions: { elementInstanceKey: string }[];
  }): Promise<void>;

  migrateProcessInstance(command: {
    processInstanceKey: string;
    migrationPlan: { targetProcessDefinitionKey: string; mappingInstructions: { sourceElementId: string; targetElementId: string }[] };
  }): Promise<void>;

  deleteResource(command: { resourceKey: string }): Promise<void>;
}
