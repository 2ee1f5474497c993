import { EngineRejection, type EngineApi } from '../../api.js';
import { invalidArgument } from './errorMapper.js';
import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type { DecisionEvaluation, OptionalEngineCommands } from './optionalCommands.js';
import type { EmptyResponse, Int64 } from './protocol.js';
import { blankToUndefined, optionalKey, parseVariablesOrEmpty, requireKey, requireText, toMillis } from './requestChecks.js';

interface PublishMessageRequest {
  name: string;
  correlationKey: string;
  timeToLive: Int64;
  messageId: string;
  variables: string;
  tenantId: string;
}
interface BroadcastSignalRequest {
  signalName: string;
  variables: string;
  tenantId: string;
}
interface EvaluateDecisionRequest {
  decisionKey: Int64;
  decisionId: string;
  variables: string;
  tenantId: string;
}
interface ModifyProcessInstanceRequest {
  processInstanceKey: Int64;
  activateInstructions: {
    elementId: string;
    ancestorElementInstanceKey: Int64;
    variableInstructions: { variables: string; scopeId: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: Int64 }[];
}
interface MigrateProcessInstanceRequest {
  processInstanceKey: Int64;
  migrationPlan: { targetProcessDefinitionKey: Int64; mappingInstructions: { sourceElementId: string; targetElementId: string }[] } | null;
}
interface DeleteResourceRequest {
  resourceKey: Int64;
}
interface KeyAndTenant {
  key: Int64;
  tenantId: string;
}

/** RPCs served as soon as the engine grows the matching method (see OptionalEngineCommands). */
export function optionalHandlers(context: GatewayContext): GatewayHandlers {
  const command = <Name extends keyof OptionalEngineCommands>(rpc: string, name: Name): OptionalEngineCommands[Name] =>
    engineCommand(context.engine, rpc, name);
  return {
    PublishMessage: unary<PublishMessageRequest, KeyAndTenant>('PublishMessage', context, (request) => {
      const publish = command('PublishMessage', 'publishMessage');
      const messageId = blankToUndefined(request.messageId);
      const tenantId = blankToUndefined(request.tenantId);
      return publish({
        name: requireText('name', request.name),
        correlationKey: request.correlationKey,
        timeToLiveMs: toMillis('timeToLive', request.timeToLive),
        variables: parseVariablesOrEmpty('variables', request.variables),
        ...(messageId ? { messageId } : {}),
        ...(tenantId ? { tenantId } : {}),
      });
    }),
    BroadcastSignal: unary<BroadcastSignalRequest, KeyAndTenant>('BroadcastSignal', context, (request) => {
      const broadcast = command('BroadcastSignal', 'broadcastSignal');
      const tenantId = blankToUndefined(request.tenantId);
      return broadcast({
        signalName: requireText('signalName', request.signalName),
        variables: parseVariablesOrEmpty('variables', request.variables),
        ...(tenantId ? { tenantId } : {}),
      });
    }),
    EvaluateDecision: unary<EvaluateDecisionRequest, unknown>('EvaluateDecision', context, async (request) => {
      const evaluate = command('EvaluateDecision', 'evaluateDecision');
      const decisionKey = optionalKey('decisionKey', request.decisionKey);
      const decisionId = blankToUndefined(request.decisionId);
      if (!decisionKey === !decisionId) {
        throw invalidArgument("Expected exactly one of 'decisionKey' and 'decisionId' to be set, but " + (decisionKey ? 'both were' : 'neither was'));
      }
      const tenantId = blankToUndefined(request.tenantId);
      const result = await evaluate({
        ...(decisionKey ? { decisionKey } : {}),
        ...(decisionId ? { decisionId } : {}),
        variables: parseVariablesOrEmpty('variables', request.variables),
        ...(tenantId ? { tenantId } : {}),
      });
      return toEvaluateDecisionResponse(result);
    }),
    ModifyProcessInstance: unary<ModifyProcessInstanceRequest, EmptyResponse>('ModifyProcessInstance', context, async (request) => {
      const modify = command('ModifyProcessInstance', 'modifyProcessInstance');
      await modify({
        processInstanceKey: requireKey('processInstanceKey', request.processInstanceKey),
        activateInstructions: request.activateInstructions.map((instruction, index) => {
          const ancestor =
            instruction.ancestorElementInstanceKey === '-1'
              ? undefined
              : optionalKey(`activateInstructions[${index}].ancestorElementInstanceKey`, instruction.ancestorElementInstanceKey);
          return {
            elementId: requireText(`activateInstructions[${index}].elementId`, instruction.elementId),
            ...(ancestor ? { ancestorElementInstanceKey: ancestor } : {}),
            variableInstructions: instruction.variableInstructions.map((variables, at) => {
              const scopeId = blankToUndefined(variables.scopeId);
              return {
                variables: parseVariablesOrEmpty(`activateInstructions[${index}].variableInstructions[${at}].variables`, variables.variables),
                ...(scopeId ? { scopeId } : {}),
              };
            }),
          };
        }),
        terminateInstructions: request.terminateInstructions.map((instruction, index) => ({
          elementInstanceKey: requireKey(`terminateInstructions[${index}].elementInstanceKey`, instruction.elementInstanceKey),
        })),
      });
      return {};
    }),
    MigrateProcessInstance: unary<MigrateProcessInstanceRequest, EmptyResponse>('MigrateProcessInstance', context, async (request) => {
      const migrate = command('MigrateProcessInstance', 'migrateProcessInstance');
      const plan = request.migrationPlan;
      if (!plan) throw invalidArgument("Expected 'migrationPlan' to be set, but it was missing");
      await migrate({
        processInstanceKey: requireKey('processInstanceKey', request.processInstanceKey),
        migrationPlan: {
          targetProcessDefinitionKey: requireKey('migrationPlan.targetProcessDefinitionKey', plan.targetProcessDefinitionKey),
          mappingInstructions: plan.mappingInstructions.map(({ sourceElementId, targetElementId }) => ({ sourceElementId, targetElementId })),
        },
      });
      return {};
    }),
    DeleteResource: unary<DeleteResourceRequest, EmptyResponse>('DeleteResource', context, async (request) => {
      const remove = command('DeleteResource', 'deleteResource');
      await remove({ resourceKey: requireKey('resourceKey', request.resourceKey) });
      return {};
    }),
  };
}

/** The engine's method bound to the engine, or UNIMPLEMENTED naming the RPC. */
function engineCommand<Name extends keyof OptionalEngineCommands>(engine: EngineApi, rpc: string, name: Name): OptionalEngineCommands[Name] {
  const method = (engine as Partial<OptionalEngineCommands>)[name];
  if (typeof method !== 'function') {
    throw new EngineRejection('UNIMPLEMENTED', `The embedded engine does not support the ${rpc} RPC yet`);
  }
  return method.bind(engine) as OptionalEngineCommands[Name];
}

function toEvaluateDecisionResponse(result: DecisionEvaluation) {
  return {
    ...result,
    decisionOutput: JSON.stringify(result.decisionOutput),
    evaluatedDecisions: result.evaluatedDecisions.map((decision) => ({
      ...decision,
      decisionOutput: JSON.stringify(decision.decisionOutput),
      matchedRules: decision.matchedRules.map((rule) => ({
        ...rule,
        evaluatedOutputs: rule.evaluatedOutputs.map((output) => ({ ...output, outputValue: JSON.stringify(output.outputValue) })),
      })),
      evaluatedInputs: decision.evaluatedInputs.map((input) => ({ ...input, inputValue: JSON.stringify(input.inputValue) })),
    })),
    failedDecisionId: result.failedDecisionId ?? '',
    failureMessage: result.failureMessage ?? '',
  };
}
