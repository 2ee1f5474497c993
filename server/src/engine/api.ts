/**
 * The engine's command and query surface, in Zeebe's terms. The gRPC gateway and the REST v2
 * handlers translate to and from this; nothing else in the product calls it (the platform is a
 * gRPC / REST client like any other). Keys are int64 decimal strings.
 */
import type { JsonValue } from './feel/types.js';

export type VariableDocument = Record<string, JsonValue>;

/** Zeebe's rejection reasons; the gateway maps each to one gRPC status code. */
export type RejectionCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  | 'ALREADY_EXISTS'
  | 'RESOURCE_EXHAUSTED'
  | 'DEADLINE_EXCEEDED'
  | 'UNIMPLEMENTED';

/** A command the engine refused; the message names the key, element or field at fault. */
export class EngineRejection extends Error {
  override name = 'EngineRejection';
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DeployResource {
  name: string;
  content: Buffer;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
  tenantId: string;
}

export interface DeployedDecision {
  decisionId: string;
  decisionName: string;
  version: number;
  decisionKey: string;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  tenantId: string;
}

export interface DeployedDecisionRequirements {
  decisionRequirementsId: string;
  decisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: string;
  resourceName: string;
  tenantId: string;
}

export interface DeployedForm {
  formId: string;
  version: number;
  formKey: string;
  resourceName: string;
  tenantId: string;
}

export interface DeploymentResult {
  key: string;
  tenantId: string;
  processes: DeployedProcess[];
  decisions: DeployedDecision[];
  decisionRequirements: DeployedDecisionRequirements[];
  forms: DeployedForm[];
}

export interface CreateInstanceCommand {
  bpmnProcessId?: string;
  /** -1 or absent: latest. */
  version?: number;
  processDefinitionKey?: string;
  variables?: VariableDocument;
  /** Start at these element ids instead of the none start event. */
  startInstructions?: { elementId: string }[];
  tenantId?: string;
}

export interface CreatedInstance {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: string;
  tenantId: string;
}

export interface InstanceResult extends CreatedInstance {
  variables: VariableDocument;
}

export interface ActivateJobsCommand {
  type: string;
  worker: string;
  /** Lock duration in ms. */
  timeout: number;
  maxJobsToActivate: number;
  /** Absent or empty: all visible variables. */
  fetchVariable?: string[];
  tenantIds?: string[];
}

export interface ActivatedJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: string;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch ms. */
  deadline: number;
  variables: VariableDocument;
  tenantId: string;
}

/** EvaluateDecisionResponse with decoded JSON values; the gateway serialises them. */
export interface DecisionEvaluation {
  decisionKey: string;
  decisionId: string;
  decisionName: string;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  decisionOutput: JsonValue;
  evaluatedDecisions: {
    decisionKey: string;
    decisionId: string;
    decisionName: string;
    decisionVersion: number;
    decisionType: string;
    decisionOutput: JsonValue;
    matchedRules: {
      ruleId: string;
      ruleIndex: number;
      evaluatedOutputs: { outputId: string; outputName: string; outputValue: JsonValue }[];
    }[];
    evaluatedInputs: { inputId: string; inputName: string; inputValue: JsonValue }[];
    tenantId: string;
  }[];
  failedDecisionId?: string;
  failureMessage?: string;
  tenantId: string;
  decisionInstanceKey: string;
}

export interface EngineApi {
  deploy(resources: DeployResource[], tenantId?: string): Promise<DeploymentResult>;
  createProcessInstance(command: CreateInstanceCommand): Promise<CreatedInstance>;
  /** Creates an instance and resolves when it completes (or rejects with DEADLINE_EXCEEDED). */
  createProcessInstanceWithResult(
    command: CreateInstanceCommand,
    options: { requestTimeoutMs: number; fetchVariables?: string[] },
  ): Promise<InstanceResult>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;

  /** Activates up to maxJobsToActivate jobs now; returns [] when none are available. */
  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]>;
  /** Resolves when a job of one of these types may have become activatable (after commit). */
  onJobsAvailable(type: string, listener: () => void): () => void;
  completeJob(jobKey: string, variables?: VariableDocument): Promise<void>;
  failJob(
    jobKey: string,
    options: { retries: number; errorMessage?: string; retryBackOffMs?: number; variables?: VariableDocument },
  ): Promise<void>;
  throwError(
    jobKey: string,
    options: { errorCode: string; errorMessage?: string; variables?: VariableDocument },
  ): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  updateJobTimeout(jobKey: string, timeoutMs: number): Promise<void>;

  resolveIncident(incidentKey: string): Promise<void>;
  /** Returns the key of the variable document record. */
  setVariables(elementInstanceKey: string, variables: VariableDocument, local: boolean): Promise<string>;
}
