import type { ElementType } from '../types.js';
import type { ModdleElement } from '../moddle/moddleElement.js';

export type FlowNodeType = Exclude<
  ElementType,
  'PROCESS' | 'SEQUENCE_FLOW' | 'MULTI_INSTANCE_BODY'
>;

/** BPMN flow nodes the engine knows, by moddle type (exact type: subclasses are not implied). */
const FLOW_NODE_TYPES: Readonly<Record<string, FlowNodeType>> = {
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:SendTask': 'SEND_TASK',
};

/** Flow elements that only carry data for modelling; Zeebe ignores them too. */
const NON_EXECUTABLE = new Set([
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

export type FlowElementKind =
  | { kind: 'flowNode'; type: FlowNodeType }
  | { kind: 'sequenceFlow' }
  | { kind: 'ignored' }
  /** Complex gateways, transactions, ad-hoc subprocesses, choreographies, … */
  | { kind: 'unsupported' };

export function classifyFlowElement(element: ModdleElement): FlowElementKind {
  if (element.$type === 'bpmn:SequenceFlow') return { kind: 'sequenceFlow' };
  if (NON_EXECUTABLE.has(element.$type)) return { kind: 'ignored' };
  const type = FLOW_NODE_TYPES[element.$type];
  if (!type) return { kind: 'unsupported' };
  if (type === 'SUB_PROCESS' && element['triggeredByEvent'] === true)
    return { kind: 'flowNode', type: 'EVENT_SUB_PROCESS' };
  return { kind: 'flowNode', type };
}

const ACTIVITY_TYPES: ReadonlySet<ElementType> = new Set([
  'SUB_PROCESS',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
]);

export function isActivity(type: ElementType): boolean {
  return ACTIVITY_TYPES.has(type);
}

export const COVERAGE_URL = 'https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/';
