import type { ExecutableElement, ExecutableSequenceFlow } from '../types.js';
import type { ElementBody } from './flowNodeTransformer.js';

type Structure = {
  incoming: string[];
  outgoing: string[];
  childIds?: string[];
  noneStartEventId?: string;
  eventSubProcessIds?: string[];
  boundaryEventIds?: string[];
};

const CONTAINERS = new Set(['PROCESS', 'SUB_PROCESS', 'EVENT_SUB_PROCESS']);

/**
 * Adds what only the whole process knows: incoming and outgoing flows, the children of each
 * container (with its none start event and event subprocesses) and the boundary events of
 * each activity. Bodies are in document order, so the lists are too.
 */
export function linkStructure(
  bodies: readonly ElementBody[],
  flows: readonly ExecutableSequenceFlow[],
): Map<string, ExecutableElement> {
  const structures = new Map<string, Structure>();
  for (const body of bodies)
    structures.set(
      body.id,
      CONTAINERS.has(body.type)
        ? { incoming: [], outgoing: [], childIds: [], eventSubProcessIds: [] }
        : { incoming: [], outgoing: [] },
    );
  for (const flow of flows) {
    structures.get(flow.sourceId)?.outgoing.push(flow.id);
    structures.get(flow.targetId)?.incoming.push(flow.id);
  }
  for (const body of bodies) {
    const scope = body.flowScopeId === undefined ? undefined : structures.get(body.flowScopeId);
    scope?.childIds?.push(body.id);
    if (body.type === 'EVENT_SUB_PROCESS') scope?.eventSubProcessIds?.push(body.id);
    if (
      scope &&
      body.type === 'START_EVENT' &&
      body.eventType === 'NONE' &&
      scope.noneStartEventId === undefined
    )
      scope.noneStartEventId = body.id;
    if (body.type === 'BOUNDARY_EVENT' && body.attachedToId !== undefined) {
      const activity = structures.get(body.attachedToId);
      if (activity) (activity.boundaryEventIds ??= []).push(body.id);
    }
  }
  return new Map(bodies.map((body) => [body.id, { ...body, ...structures.get(body.id)! }]));
}
