import type { ElementType, ExecutableElement } from '../model/types.js';
import type { ElementProcessor } from './elementProcessor.js';
import {
  containerProcessor,
  endEventProcessor,
  eventSubProcessProcessor,
  passThroughProcessor,
} from './elements/flowNodeProcessors.js';
import {
  exclusiveGatewayProcessor,
  inclusiveGatewayProcessor,
  parallelGatewayProcessor,
} from './elements/gatewayProcessors.js';
import { jobWorkerProcessor } from './elements/jobWorkerProcessor.js';
import { catchEventProcessor, eventBasedGatewayProcessor, scriptTaskProcessor } from './elements/catchEventProcessors.js';
import { escalationThrowProcessor, linkThrowProcessor, signalThrowProcessor } from './elements/flowNodeProcessors.js';
import { businessRuleTaskProcessor } from './elements/businessRuleTaskProcessor.js';
import { callActivityProcessor } from './elements/callActivityProcessor.js';
import { multiInstanceBodyProcessor } from './elements/multiInstanceProcessor.js';

/** A processor chosen per element, for kinds that run in more than one way. */
function byElement(choose: (element: ExecutableElement) => ElementProcessor): ElementProcessor {
  return {
    onActivate: (execution, instance, element) => choose(element).onActivate(execution, instance, element),
    outgoingFlows: async (execution, instance, element) =>
      (await choose(element).outgoingFlows?.(execution, instance, element)) ?? { ok: true, flowIds: [...element.outgoing] },
    onTerminate: async (execution, instance, element) => choose(element).onTerminate?.(execution, instance, element),
  };
}

/** One processor per BPMN element kind. */
const processors: Partial<Record<ElementType, ElementProcessor>> = {
  PROCESS: containerProcessor,
  SUB_PROCESS: containerProcessor,
  EVENT_SUB_PROCESS: eventSubProcessProcessor,
  START_EVENT: passThroughProcessor,
  END_EVENT: byElement((element) =>
    element.job
      ? jobWorkerProcessor
      : element.eventType === 'SIGNAL'
        ? signalThrowProcessor
        : element.eventType === 'ESCALATION'
          ? escalationThrowProcessor
          : endEventProcessor,
  ),
  BOUNDARY_EVENT: passThroughProcessor,
  INTERMEDIATE_THROW_EVENT: byElement((element) =>
    element.job
      ? jobWorkerProcessor
      : element.eventType === 'LINK'
        ? linkThrowProcessor
        : element.eventType === 'SIGNAL'
          ? signalThrowProcessor
          : element.eventType === 'ESCALATION'
            ? escalationThrowProcessor
            : passThroughProcessor,
  ),
  INTERMEDIATE_CATCH_EVENT: catchEventProcessor,
  RECEIVE_TASK: catchEventProcessor,
  EVENT_BASED_GATEWAY: eventBasedGatewayProcessor,
  TASK: passThroughProcessor,
  MANUAL_TASK: passThroughProcessor,
  SERVICE_TASK: jobWorkerProcessor,
  SEND_TASK: jobWorkerProcessor,
  SCRIPT_TASK: byElement((element) => (element.script ? scriptTaskProcessor : jobWorkerProcessor)),
  BUSINESS_RULE_TASK: byElement((element) => (element.calledDecision ? businessRuleTaskProcessor : jobWorkerProcessor)),
  USER_TASK: jobWorkerProcessor,
  CALL_ACTIVITY: callActivityProcessor,
  MULTI_INSTANCE_BODY: multiInstanceBodyProcessor,
  EXCLUSIVE_GATEWAY: exclusiveGatewayProcessor,
  INCLUSIVE_GATEWAY: inclusiveGatewayProcessor,
  PARALLEL_GATEWAY: parallelGatewayProcessor,
};

export function processorFor(type: ElementType): ElementProcessor {
  const processor = processors[type];
  if (!processor) throw new Error(`no processor for element type ${type}`);
  return processor;
}

/** Event kinds each element kind can run with today (Engine II adds timers, messages, signals). */
const supportedEvents: Partial<Record<ElementType, readonly string[]>> = {
  START_EVENT: ['NONE', 'ERROR', 'TIMER', 'MESSAGE', 'SIGNAL', 'ESCALATION'],
  END_EVENT: ['NONE', 'TERMINATE', 'ERROR', 'MESSAGE', 'SIGNAL', 'ESCALATION'],
  BOUNDARY_EVENT: ['ERROR', 'TIMER', 'MESSAGE', 'SIGNAL', 'ESCALATION'],
  INTERMEDIATE_THROW_EVENT: ['NONE', 'LINK', 'MESSAGE', 'SIGNAL', 'ESCALATION'],
  INTERMEDIATE_CATCH_EVENT: ['TIMER', 'MESSAGE', 'LINK', 'SIGNAL'],
};

/** Why the engine cannot run this element yet, or undefined when it can. */
export function unsupportedReason(element: ExecutableElement): string | undefined {
  if (!processors[element.type]) return `Elements of type ${element.type} are not supported yet`;
  const events = supportedEvents[element.type];
  if (events && !events.includes(element.eventType)) {
    return `${element.eventType.toLowerCase()} events of type ${element.type} are not supported yet`;
  }
  if (element.type === 'USER_TASK' && element.userTask?.isCamundaUserTask) {
    return 'Camunda user tasks (zeebe:userTask) are not supported yet; use a job-based user task';
  }
  if (element.eventType === 'MESSAGE' && (element.type === 'END_EVENT' || element.type === 'INTERMEDIATE_THROW_EVENT') && !element.job) {
    return 'message throw events need a zeebe:taskDefinition (they are carried out by a job worker)';
  }
  if ((element.type === 'SCRIPT_TASK' && !element.job && !element.script) || (element.type === 'BUSINESS_RULE_TASK' && !element.job && !element.calledDecision)) {
    return `${element.type} without a zeebe:taskDefinition is not supported yet`;
  }
  if (element.calledDecision?.bindingType && element.calledDecision.bindingType !== 'latest') {
    return `called decision binding '${element.calledDecision.bindingType}' is not supported yet; use 'latest'`;
  }
  if (element.calledElement?.bindingType && element.calledElement.bindingType !== 'latest') {
    return `called element binding '${element.calledElement.bindingType}' is not supported yet; use 'latest'`;
  }
  return undefined;
}
