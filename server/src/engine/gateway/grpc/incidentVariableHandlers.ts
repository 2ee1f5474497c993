import { unary, type GatewayContext, type GatewayHandlers } from './handlerSupport.js';
import type { EmptyResponse, ResolveIncidentRequest, SetVariablesRequest, SetVariablesResponse } from './protocol.js';
import { parseVariablesOrEmpty, requireKey } from './requestChecks.js';

/** Repairs on a running instance: resolve an incident, set variables on a scope. */
export function incidentVariableHandlers(context: GatewayContext): GatewayHandlers {
  const { engine } = context;
  return {
    ResolveIncident: unary<ResolveIncidentRequest, EmptyResponse>('ResolveIncident', context, async (request) => {
      await engine.resolveIncident(requireKey('incidentKey', request.incidentKey));
      return {};
    }),
    SetVariables: unary<SetVariablesRequest, SetVariablesResponse>('SetVariables', context, async (request) => {
      const elementInstanceKey = requireKey('elementInstanceKey', request.elementInstanceKey);
      const variables = parseVariablesOrEmpty('variables', request.variables);
      const key = await engine.setVariables(elementInstanceKey, variables, request.local);
      return { key };
    }),
  };
}
