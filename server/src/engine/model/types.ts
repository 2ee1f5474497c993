import type { CompiledExpression } from '../feel/types.js';

/** Zeebe's BpmnElementType names, as they appear in records and the REST API. */
export type ElementType =
  | 'PROCESS'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'START_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'END_EVENT'
  | 'SERVICE_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'SEQUENCE_FLOW'
  | 'MULTI_INSTANCE_BODY'
  | 'CALL_ACTIVITY'
  | 'BUSINESS_RULE_TASK'
  | 'SCRIPT_TASK'
  | 'SEND_TASK';

/** Zeebe's BpmnEventType names. */
export type EventType =
  | 'NONE'
  | 'TIMER'
  | 'MESSAGE'
  | 'ERROR'
  | 'TERMINATE'
  | 'SIGNAL'
  | 'ESCALATION'
  | 'COMPENSATION'
  | 'LINK'
  | 'CONDITIONAL'
  | 'UNSPECIFIED';

/** A zeebe:input / zeebe:output entry: `source` evaluated, result written at `target` (a dotted path). */
export interface VariableMapping {
  readonly source: CompiledExpression;
  readonly target: string;
}

/** zeebe:taskDefinition and zeebe:taskHeaders: the element is executed as a job. */
export interface JobDefinition {
  readonly type: CompiledExpression;
  readonly retries: CompiledExpression;
  readonly headers: Readonly<Record<string, string>>;
}

/** Zeebe job-based user task settings; turned into io.camunda.zeebe:* job headers at activation. */
export interface UserTaskDefinition {
  readonly assignee?: CompiledExpression;
  readonly candidateGroups?: CompiledExpression;
  readonly candidateUsers?: CompiledExpression;
  readonly dueDate?: CompiledExpression;
  readonly followUpDate?: CompiledExpression;
  /** e.g. `camunda-forms:bpmn:userTaskForm_1`, or a custom form key. */
  readonly formKey?: string;
  /** Embedded form JSON from zeebe:userTaskForm, keyed by its id. */
  readonly embeddedForm?: string;
  /** True for `<zeebe:userTask/>` (Camunda user task); false means job-based. */
  readonly isCamundaUserTask: boolean;
  readonly priority?: CompiledExpression;
  /** zeebe:formDefinition formId (a form deployed separately), if given instead of a formKey. */
  readonly formId?: string;
  /** zeebe:formDefinition externalReference (Camunda user tasks only). */
  readonly externalReference?: string;
  /** zeebe:taskHeaders of a job-based user task (the job carries them next to the io.camunda.zeebe:* ones). */
  readonly customHeaders?: Readonly<Record<string, string>>;
}

export type TimerDefinition =
  | { readonly kind: 'duration'; readonly expression: CompiledExpression }
  | { readonly kind: 'date'; readonly expression: CompiledExpression }
  | { readonly kind: 'cycle'; readonly expression: CompiledExpression };

export interface MessageDefinition {
  readonly name: CompiledExpression;
  /** Absent for message start events. */
  readonly correlationKey?: CompiledExpression;
}

export interface MultiInstanceDefinition {
  readonly isSequential: boolean;
  readonly inputCollection: CompiledExpression;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: CompiledExpression;
  readonly completionCondition?: CompiledExpression;
}

export interface CalledElementDefinition {
  readonly processId: CompiledExpression;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
  /** Which version of the called process: Zeebe's default is `latest`. */
  readonly bindingType?: BindingType;
  readonly versionTag?: string;
}

export type BindingType = 'latest' | 'deployment' | 'versionTag';

/** zeebe:script on a script task: Zeebe evaluates the FEEL expression itself, no job. */
export interface ScriptDefinition {
  readonly expression: CompiledExpression;
  readonly resultVariable: string;
}

/** zeebe:calledDecision on a business rule task: a DMN decision evaluated by the engine, no job. */
export interface CalledDecisionDefinition {
  readonly decisionId: CompiledExpression;
  readonly resultVariable: string;
  readonly bindingType?: BindingType;
  readonly versionTag?: string;
}

export interface ExecutableSequenceFlow {
  readonly id: string;
  readonly name?: string;
  readonly type: 'SEQUENCE_FLOW';
  readonly sourceId: string;
  readonly targetId: string;
  /** Absent: unconditional. */
  readonly condition?: CompiledExpression;
}

/** One flow node, activity or container of the process. Immutable after deployment. */
export interface ExecutableElement {
  readonly id: string;
  readonly name?: string;
  readonly type: Exclude<ElementType, 'SEQUENCE_FLOW' | 'MULTI_INSTANCE_BODY'>;
  readonly eventType: EventType;
  /** Id of the enclosing PROCESS / SUB_PROCESS / EVENT_SUB_PROCESS; absent for the process. */
  readonly flowScopeId?: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly inputMappings: readonly VariableMapping[];
  readonly outputMappings: readonly VariableMapping[];

  // ---- containers (PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS)
  /** Direct children (flow nodes only, not flows). */
  readonly childIds?: readonly string[];
  /** The none start event among the children, if any. */
  readonly noneStartEventId?: string;
  /** Event subprocesses directly inside this container. */
  readonly eventSubProcessIds?: readonly string[];

  // ---- activities
  readonly boundaryEventIds?: readonly string[];
  readonly job?: JobDefinition;
  readonly userTask?: UserTaskDefinition;
  readonly multiInstance?: MultiInstanceDefinition;
  readonly calledElement?: CalledElementDefinition;
  readonly script?: ScriptDefinition;
  readonly calledDecision?: CalledDecisionDefinition;
  /** zeebe:properties: free name/value pairs (e.g. for element templates or UI hints). */
  readonly properties?: Readonly<Record<string, string>>;

  // ---- gateways
  readonly defaultFlowId?: string;

  // ---- events
  /** BOUNDARY_EVENT: the activity it is attached to. */
  readonly attachedToId?: string;
  /** BOUNDARY_EVENT and event-subprocess START_EVENT: interrupting or not. */
  readonly interrupting?: boolean;
  /** ERROR events: the error code; absent on a catch event means "catch all". Expression on throw. */
  readonly errorCode?: CompiledExpression;
  readonly escalationCode?: CompiledExpression;
  readonly timer?: TimerDefinition;
  readonly message?: MessageDefinition;
  readonly signalName?: CompiledExpression;
  /** LINK events: the link name. */
  readonly linkName?: string;
}

export interface ExecutableProcess {
  readonly bpmnProcessId: string;
  readonly name?: string;
  readonly isExecutable: boolean;
  /** zeebe:versionTag of the process, if any. */
  readonly versionTag?: string;
  /** The process itself: type PROCESS, with childIds, noneStartEventId, eventSubProcessIds. */
  readonly process: ExecutableElement;
  /** Every flow node by id (including the process and elements inside subprocesses). */
  readonly elements: ReadonlyMap<string, ExecutableElement>;
  readonly flows: ReadonlyMap<string, ExecutableSequenceFlow>;
}

/** One problem found while reading a model: what and where, for the deploy rejection message. */
export interface ModelProblem {
  readonly elementId?: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export type ModelResult =
  | { ok: true; processes: ExecutableProcess[]; warnings: ModelProblem[] }
  | { ok: false; problems: ModelProblem[] };
