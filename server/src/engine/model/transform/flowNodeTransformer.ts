import type { ExecutableElement } from '../types.js';
import { singleExtension } from '../moddle/extensions.js';
import {
  child,
  children,
  idOf,
  nonBlank,
  text,
  type ModdleElement,
} from '../moddle/moddleElement.js';
import type { Problems } from '../problems.js';
import { callActivityDetails } from './callActivityTransformer.js';
import { eventDetails } from './eventTransformer.js';
import { implementationDetails } from './implementationTransformer.js';
import { mappingDetails } from './mappingTransformer.js';
import { multiInstanceDetails } from './multiInstanceTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';
import { userTaskDetails } from './userTaskTransformer.js';

/** Fields that depend on the whole process (flows, children, attachments); the linker fills them. */
export type StructureKey =
  | 'incoming'
  | 'outgoing'
  | 'childIds'
  | 'noneStartEventId'
  | 'eventSubProcessIds'
  | 'boundaryEventIds';

export type ElementBody = Omit<ExecutableElement, StructureKey>;

/** One flow node, with everything that can be read from the node itself; each concern has its transformer. */
export function transformFlowNode(entry: FlowNodeEntry, ctx: TransformContext): ElementBody {
  const events = eventDetails(entry, ctx);
  const name = text(entry.node, 'name');
  return {
    id: entry.id,
    ...(name !== undefined ? { name } : {}),
    type: entry.type,
    flowScopeId: entry.scopeId,
    ...mappingDetails(entry, ctx),
    ...implementationDetails(entry, events.eventType, ctx),
    ...userTaskDetails(entry, ctx),
    ...multiInstanceDetails(entry, ctx),
    ...callActivityDetails(entry, ctx),
    ...gatewayDetails(entry, ctx),
    ...propertiesOf(entry.id, entry.node, ctx.problems),
    ...events,
  };
}

/** The default flow of an exclusive or inclusive gateway (whether it leaves the gateway is validated later). */
function gatewayDetails(
  entry: FlowNodeEntry,
  ctx: TransformContext,
): Pick<ExecutableElement, 'defaultFlowId'> {
  if (entry.type !== 'EXCLUSIVE_GATEWAY' && entry.type !== 'INCLUSIVE_GATEWAY') return {};
  const flow = child(entry.node, 'default');
  const defaultFlowId = flow ? idOf(flow) : undefined;
  if (defaultFlowId !== undefined) return { defaultFlowId };
  const dangling = ctx.references.idOf(entry.node, 'default');
  if (dangling !== undefined)
    ctx.problems.error(entry.id, `Default flow '${dangling}' does not exist`);
  return {};
}

/** zeebe:properties: name/value pairs for tools and UI; not interpreted by the engine. */
export function propertiesOf(
  elementId: string,
  node: ModdleElement,
  problems: Problems,
): Pick<ExecutableElement, 'properties'> {
  const container = singleExtension(node, 'zeebe:Properties', problems);
  if (!container) return {};
  const properties: Record<string, string> = {};
  for (const property of children(container, 'properties')) {
    const propertyName = nonBlank(property, 'name');
    if (propertyName === undefined)
      problems.warning(elementId, "A 'zeebe:property' without a name is ignored");
    else properties[propertyName] = text(property, 'value') ?? '';
  }
  return { properties };
}
