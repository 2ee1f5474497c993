import type { DeployedProcess, DeploymentResult, DeployResource } from '../../api.js';
import { invalidArgument } from './errorMapper.js';
import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type {
  DeployProcessRequest,
  DeployProcessResponse,
  DeployResourceRequest,
  DeployResourceResponse,
  ProcessMetadata,
} from './protocol.js';
import { blankToUndefined, requireText } from './requestChecks.js';

/** DeployResource and its deprecated predecessor DeployProcess: both atomic, all or nothing. */
export function deployHandlers(context: GatewayContext): GatewayHandlers {
  const { engine } = context;
  return {
    DeployResource: unary<DeployResourceRequest, DeployResourceResponse>('DeployResource', context, async (request) => {
      const resources = checkResources(request.resources.map((resource) => ({ name: resource.name, content: resource.content })));
      const result = await engine.deploy(resources, blankToUndefined(request.tenantId));
      return toDeployResourceResponse(result);
    }),
    DeployProcess: unary<DeployProcessRequest, DeployProcessResponse>('DeployProcess', context, async (request) => {
      const resources = checkResources(request.processes.map((process) => ({ name: process.name, content: process.definition })));
      const result = await engine.deploy(resources);
      return { key: result.key, processes: result.processes.map(toProcessMetadata) };
    }),
  };
}

function checkResources(resources: DeployResource[]): DeployResource[] {
  if (resources.length === 0) throw invalidArgument('Expected to deploy at least one resource, but none was given');
  resources.forEach((resource, index) => requireText(`resources[${index}].name`, resource.name));
  return resources.map((resource) => ({ name: resource.name, content: Buffer.from(resource.content) }));
}

export function toDeployResourceResponse(result: DeploymentResult): DeployResourceResponse {
  return {
    key: result.key,
    deployments: [
      ...result.processes.map((process) => ({ process: toProcessMetadata(process) })),
      ...result.decisionRequirements.map((drg) => ({
        decisionRequirements: {
          dmnDecisionRequirementsId: drg.decisionRequirementsId,
          dmnDecisionRequirementsName: drg.decisionRequirementsName,
          version: drg.version,
          decisionRequirementsKey: drg.decisionRequirementsKey,
          resourceName: drg.resourceName,
          tenantId: drg.tenantId,
        },
      })),
      ...result.decisions.map((decision) => ({
        decision: {
          dmnDecisionId: decision.decisionId,
          dmnDecisionName: decision.decisionName,
          version: decision.version,
          decisionKey: decision.decisionKey,
          dmnDecisionRequirementsId: decision.decisionRequirementsId,
          decisionRequirementsKey: decision.decisionRequirementsKey,
          tenantId: decision.tenantId,
        },
      })),
      ...result.forms.map((form) => ({ form: { ...form } })),
    ],
    tenantId: result.tenantId,
  };
}

function toProcessMetadata(process: DeployedProcess): ProcessMetadata {
  return {
    bpmnProcessId: process.bpmnProcessId,
    version: process.version,
    processDefinitionKey: process.processDefinitionKey,
    resourceName: process.resourceName,
    tenantId: process.tenantId,
  };
}
