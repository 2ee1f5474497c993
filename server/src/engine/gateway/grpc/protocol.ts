/**
 * The gateway_protocol messages as @grpc/proto-loader hands them to us and takes them back
 * (keepCase, longs as decimal strings, enums as names, defaults filled in). Only the fields the
 * gateway reads or writes are listed; the `.proto` in @camunda8/sdk is the source of truth.
 */

/** int64 on the wire, a decimal string here. */
export type Int64 = string;

export interface TopologyResponse {
  brokers: {
    nodeId: number;
    host: string;
    port: number;
    partitions: { partitionId: number; role: 'LEADER' | 'FOLLOWER' | 'INACTIVE'; health: 'HEALTHY' | 'UNHEALTHY' | 'DEAD' }[];
    version: string;
  }[];
  clusterSize: number;
  partitionsCount: number;
  replicationFactor: number;
  gatewayVersion: string;
}

export interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Int64;
  resourceName: string;
  tenantId: string;
}

export interface DeployResourceRequest {
  resources: { name: string; content: Buffer }[];
  tenantId: string;
}

export interface DecisionMetadata {
  dmnDecisionId: string;
  dmnDecisionName: string;
  version: number;
  decisionKey: Int64;
  dmnDecisionRequirementsId: string;
  decisionRequirementsKey: Int64;
  tenantId: string;
}

export interface DecisionRequirementsMetadata {
  dmnDecisionRequirementsId: string;
  dmnDecisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: Int64;
  resourceName: string;
  tenantId: string;
}

export interface FormMetadata {
  formId: string;
  version: number;
  formKey: Int64;
  resourceName: string;
  tenantId: string;
}

/** One entry of the `Metadata` oneof. */
export type Deployment =
  | { process: ProcessMetadata }
  | { decision: DecisionMetadata }
  | { decisionRequirements: DecisionRequirementsMetadata }
  | { form: FormMetadata };

export interface DeployResourceResponse {
  key: Int64;
  deployments: Deployment[];
  tenantId: string;
}

export interface DeployProcessRequest {
  processes: { name: string; definition: Buffer }[];
}

export interface DeployProcessResponse {
  key: Int64;
  processes: ProcessMetadata[];
}

export interface CreateProcessInstanceRequest {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  variables: string;
  startInstructions: { elementId: string }[];
  tenantId: string;
}

export interface CreateProcessInstanceResponse {
  processDefinitionKey: Int64;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Int64;
  tenantId: string;
}

export interface CreateProcessInstanceWithResultRequest {
  request: CreateProcessInstanceRequest | null;
  requestTimeout: Int64;
  fetchVariables: string[];
}

export interface CreateProcessInstanceWithResultResponse extends CreateProcessInstanceResponse {
  variables: string;
}

export interface CancelProcessInstanceRequest {
  processInstanceKey: Int64;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  maxJobsToActivate: number;
  fetchVariable: string[];
  requestTimeout: Int64;
  tenantIds: string[];
}

export interface StreamActivatedJobsRequest {
  type: string;
  worker: string;
  timeout: Int64;
  fetchVariable: string[];
  tenantIds: string[];
}

export interface WireActivatedJob {
  key: Int64;
  type: string;
  processInstanceKey: Int64;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Int64;
  elementId: string;
  elementInstanceKey: Int64;
  /** JSON object document. */
  customHeaders: string;
  worker: string;
  retries: number;
  /** Epoch ms. */
  deadline: Int64;
  /** JSON object document. */
  variables: string;
  tenantId: string;
}

export interface ActivateJobsResponse {
  jobs: WireActivatedJob[];
}

export interface CompleteJobRequest {
  jobKey: Int64;
  variables: string;
}

export interface FailJobRequest {
  jobKey: Int64;
  retries: number;
  errorMessage: string;
  retryBackOff: Int64;
  variables: string;
}

export interface ThrowErrorRequest {
  jobKey: Int64;
  errorCode: string;
  errorMessage: string;
  variables: string;
}

export interface UpdateJobRetriesRequest {
  jobKey: Int64;
  retries: number;
}

export interface UpdateJobTimeoutRequest {
  jobKey: Int64;
  timeout: Int64;
}

export interface ResolveIncidentRequest {
  incidentKey: Int64;
}

export interface SetVariablesRequest {
  elementInstanceKey: Int64;
  variables: string;
  local: boolean;
}

export interface SetVariablesResponse {
  key: Int64;
}

/** Responses without fields. */
export type EmptyResponse = Record<string, never>;
