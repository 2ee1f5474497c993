import type { EventType, ExecutableElement } from '../types.js';
import { extensionLabel, extensionsOf } from '../moddle/extensions.js';
import type { ModdleElement } from '../moddle/moddleElement.js';
import { calledDecisionDefinition, scriptDefinition } from './inlineTaskTransformer.js';
import { jobDefinition, requiredJob } from './jobTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import type { TransformContext } from './transformContext.js';

type ImplementationDetails = Pick<ExecutableElement, 'job' | 'script' | 'calledDecision'>;

/**
 * How a task is carried out. Service and send tasks and message throw events are jobs; script and
 * business rule tasks are either jobs or evaluated by the engine (zeebe:script, zeebe:calledDecision).
 * User tasks are read by the user task transformer.
 */
export function implementationDetails(
  entry: FlowNodeEntry,
  eventType: EventType,
  ctx: TransformContext,
): ImplementationDetails {
  switch (entry.type) {
    case 'SERVICE_TASK':
    case 'SEND_TASK':
      return requiredJob(entry.id, entry.node, ctx);
    case 'INTERMEDIATE_THROW_EVENT':
    case 'END_EVENT':
      return eventType === 'MESSAGE' ? requiredJob(entry.id, entry.node, ctx) : {};
    case 'SCRIPT_TASK':
      return jobOrInline(entry, 'zeebe:Script', ctx, (inline) => {
        const script = scriptDefinition(entry.id, inline, ctx);
        return script ? { script } : {};
      });
    case 'BUSINESS_RULE_TASK':
      return jobOrInline(entry, 'zeebe:CalledDecision', ctx, (inline) => {
        const calledDecision = calledDecisionDefinition(entry.id, inline, ctx);
        return calledDecision ? { calledDecision } : {};
      });
    default:
      return {};
  }
}

function jobOrInline(
  entry: FlowNodeEntry,
  inlineType: string,
  ctx: TransformContext,
  inlineDetails: (inline: ModdleElement) => ImplementationDetails,
): ImplementationDetails {
  const inlines = extensionsOf(entry.node, inlineType);
  const jobs = extensionsOf(entry.node, 'zeebe:TaskDefinition');
  if (inlines.length + jobs.length !== 1) {
    ctx.problems.error(
      entry.id,
      `Must have either one '${extensionLabel(inlineType)}' or one 'zeebe:taskDefinition' extension element`,
    );
    return {};
  }
  if (inlines[0]) return inlineDetails(inlines[0]);
  const job = jobDefinition(entry.id, entry.node, ctx);
  return job ? { job } : {};
}
