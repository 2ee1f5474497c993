/* Rules of bpmnlint-plugin-camunda-compat's camunda-cloud-8-8 config, imported one by one so the
 * bundler includes them; bpmnlint's own resolver uses require() and does not work in the browser. */
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import implementation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/implementation/index.js';
import calledElement from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/called-element.js';
import duplicateTaskHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-task-headers.js';
import elementType from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/element-type/index.js';
import errorReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/error-reference.js';
import eventBasedGatewayTarget from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/event-based-gateway-target.js';
import executableProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/executable-process.js';
import loopCharacteristics from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/loop-characteristics.js';
import messageReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/message-reference.js';
import ioMapping from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/io-mapping.js';
import noBusinessId from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-business-id.js';
import noCancelExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-cancel-execution-listener.js';
import noExecutionListenerHeaders from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-execution-listener-headers.js';
import noExpression from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-expression.js';
import noJobPriorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-job-priority-definition.js';
import noLoop from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-loop.js';
import noMultipleNoneStartEvents from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-multiple-none-start-events.js';
import sequenceFlowCondition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/sequence-flow-condition.js';
import startEventForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/start-event-form.js';
import subscription from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/subscription.js';
import timer from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/timer/index.js';
import userTaskDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-definition.js';
import userTaskForm from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/user-task-form.js';
import variableName from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/variable-name.js';
import feel from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel.js';
import feelCompatibility from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/feel-compatibility.js';
import connectorProperties from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/connector-properties/index.js';
import escalationBoundaryEventAttachedToRef from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-boundary-event-attached-to-ref.js';
import escalationReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/escalation-reference.js';
import linkEvent from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/link-event.js';
import taskSchedule from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-schedule.js';
import secrets from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/secrets.js';
import signalReference from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/signal-reference.js';
import waitForCompletion from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/wait-for-completion.js';
import duplicateExecutionListeners from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/duplicate-execution-listeners.js';
import executionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/execution-listener.js';
import noBeforeAllExecutionListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-before-all-execution-listener.js';
import priorityDefinition from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/priority-definition.js';
import versionTag from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/version-tag.js';
import adHocSubProcess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/ad-hoc-sub-process.js';
import noInterruptingEventSubprocess from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/no-interrupting-event-subprocess.js';
import agentToolDocumentation from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-documentation.js';
import agentToolOutputKey from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-tool-output-key.js';
import agentFromaiContract from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/agent-fromai-contract.js';
import taskListener from 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/task-listener.js';
import type { RuleFactory } from './bpmnlintTypes';

export const camundaCompatRules: Record<string, RuleFactory> = {
  implementation: implementation,
  'called-element': calledElement,
  'duplicate-task-headers': duplicateTaskHeaders,
  'element-type': elementType,
  'error-reference': errorReference,
  'event-based-gateway-target': eventBasedGatewayTarget,
  'executable-process': executableProcess,
  'loop-characteristics': loopCharacteristics,
  'message-reference': messageReference,
  'io-mapping': ioMapping,
  'no-business-id': noBusinessId,
  'no-cancel-execution-listener': noCancelExecutionListener,
  'no-execution-listener-headers': noExecutionListenerHeaders,
  'no-expression': noExpression,
  'no-job-priority-definition': noJobPriorityDefinition,
  'no-loop': noLoop,
  'no-multiple-none-start-events': noMultipleNoneStartEvents,
  'sequence-flow-condition': sequenceFlowCondition,
  'start-event-form': startEventForm,
  subscription: subscription,
  timer: timer,
  'user-task-definition': userTaskDefinition,
  'user-task-form': userTaskForm,
  'variable-name': variableName,
  feel: feel,
  'feel-compatibility': feelCompatibility,
  'connector-properties': connectorProperties,
  'escalation-boundary-event-attached-to-ref': escalationBoundaryEventAttachedToRef,
  'escalation-reference': escalationReference,
  'link-event': linkEvent,
  'task-schedule': taskSchedule,
  secrets: secrets,
  'signal-reference': signalReference,
  'wait-for-completion': waitForCompletion,
  'duplicate-execution-listeners': duplicateExecutionListeners,
  'execution-listener': executionListener,
  'no-before-all-execution-listener': noBeforeAllExecutionListener,
  'priority-definition': priorityDefinition,
  'version-tag': versionTag,
  'ad-hoc-sub-process': adHocSubProcess,
  'no-interrupting-event-subprocess': noInterruptingEventSubprocess,
  'agent-tool-documentation': agentToolDocumentation,
  'agent-tool-output-key': agentToolOutputKey,
  'agent-fromai-contract': agentFromaiContract,
  'task-listener': taskListener,
};

export const bpmnlintRules: Record<string, RuleFactory> = {
  'start-event-required': startEventRequired,
};
