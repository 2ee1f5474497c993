import type { CreatedInstance, CreateInstanceCommand } from '../../api.js';
import { invalidArgument } from './errorMapper.js';
import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type {
  CancelProcessInstanceRequest,
  CreateProcessInstanceRequest,
  CreateProcessInstanceResponse,
  CreateProcessInstanceWithResultRequest,
  CreateProcessInstanceWithResultResponse,
  EmptyResponse,
} from './protocol.js';
import { blankToUndefined, nonEmptyList, optionalKey, parseVariables, requireKey, toMillis } from './requestChecks.js';

export function processInstanceHandlers(context: GatewayContext): GatewayHandlers {
  const { engine } = context;
  return {
    CreateProcessInstance: unary<CreateProcessInstanceRequest, CreateProcessInstanceResponse>(
      'CreateProcessInstance',
      context,
      async (request) => toCreatedResponse(await engine.createProcessInstance(toCreateCommand(request))),
    ),
    CreateProcessInstanceWithResult: unary<CreateProcessInstanceWithResultRequest, CreateProcessInstanceWithResultResponse>(
      'CreateProcessInstanceWithResult',
      context,
      async (request) => {
        if (!request.request) throw invalidArgument("Expected 'request' to be set, but it was missing");
        const command = toCreateCommand(request.request);
        const timeout = toMillis('requestTimeout', request.requestTimeout);
        const fetchVariables = nonEmptyList(request.fetchVariables);
        const result = await engine.createProcessInstanceWithResult(command, {
          requestTimeoutMs: timeout > 0 ? timeout : context.settings.defaultRequestTimeoutMs,
          ...(fetchVariables ? { fetchVariables } : {}),
        });
        return { ...toCreatedResponse(result), variables: JSON.stringify(result.variables) };
      },
    ),
    CancelProcessInstance: unary<CancelProcessInstanceRequest, EmptyResponse>('CancelProcessInstance', context, async (request) => {
      await engine.cancelProcessInstance(requireKey('processInstanceKey', request.processInstanceKey));
      return {};
    }),
  };
}

/**
 * The definition is named by key, or by BPMN process id and version; version -1 (and the unset 0,
 * since versions start at 1) means the latest.
 */
function toCreateCommand(request: CreateProcessInstanceRequest): CreateInstanceCommand {
  const processDefinitionKey = optionalKey('processDefinitionKey', request.processDefinitionKey);
  const bpmnProcessId = blankToUndefined(request.bpmnProcessId);
  if (!processDefinitionKey && !bpmnProcessId) {
    throw invalidArgument("Expected either 'bpmnProcessId' or 'processDefinitionKey' to be set, but neither was");
  }
  const variables = parseVariables('variables', request.variables);
  const startInstructions = request.startInstructions.filter((instruction) => instruction.elementId !== '');
  const tenantId = blankToUndefined(request.tenantId);
  return {
    ...(processDefinitionKey ? { processDefinitionKey } : {}),
    ...(bpmnProcessId ? { bpmnProcessId } : {}),
    ...(request.version > 0 ? { version: request.version } : {}),
    ...(variables ? { variables } : {}),
    ...(startInstructions.length ? { startInstructions: startInstructions.map(({ elementId }) => ({ elementId })) } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
}

function toCreatedResponse(instance: CreatedInstance): CreateProcessInstanceResponse {
  return {
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    version: instance.version,
    processInstanceKey: instance.processInstanceKey,
    tenantId: instance.tenantId,
  };
}
