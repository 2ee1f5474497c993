import type { ExecutableElement, MessageDefinition } from '../types.js';
import { singleExtension } from '../moddle/extensions.js';
import { idOf, text, type ModdleElement } from '../moddle/moddleElement.js';
import { checkConstantName } from './constantExpression.js';
import type { EventRole } from './eventTransformer.js';
import { hasReference, referenced, type TransformContext } from './transformContext.js';

/**
 * The message of a message event or receive task (`holder` has the messageRef). Catching needs
 * a name and a zeebe:subscription correlation key; a process start message needs a name known
 * without variables; a throw event (a job in Zeebe) may name a message but need not.
 */
export function messageDetails(
  elementId: string,
  holder: ModdleElement,
  role: EventRole,
  ctx: TransformContext,
): Pick<ExecutableElement, 'message'> {
  const message = referenced(ctx, elementId, holder, 'messageRef', 'message');
  if (!message) {
    if (role !== 'throw' && !hasReference(ctx, holder, 'messageRef'))
      ctx.problems.error(elementId, 'Must reference a message');
    return {};
  }
  const owner = `bpmn:message '${idOf(message) ?? ''}'`;
  const name = ctx.expressions.required(
    elementId,
    { owner, attribute: 'name' },
    text(message, 'name'),
  );
  if (
    name &&
    role === 'processStart' &&
    !checkConstantName(elementId, name, 'message', ctx.problems)
  )
    return {};
  const correlationKey = correlationKeyOf(elementId, message, owner, role, ctx);
  if (!name) return {};
  const definition: MessageDefinition = correlationKey ? { name, correlationKey } : { name };
  return { message: definition };
}

function correlationKeyOf(
  elementId: string,
  message: ModdleElement,
  owner: string,
  role: EventRole,
  ctx: TransformContext,
) {
  if (role === 'processStart') return undefined;
  const subscription = singleExtension(message, 'zeebe:Subscription', ctx.problems);
  if (!subscription) {
    if (role === 'catch')
      ctx.problems.error(
        elementId,
        `Must have exactly one 'zeebe:subscription' extension element (${owner})`,
      );
    return undefined;
  }
  const site = { owner: `zeebe:subscription of ${owner}`, attribute: 'correlationKey' };
  const raw = text(subscription, 'correlationKey');
  return role === 'catch'
    ? ctx.expressions.required(elementId, site, raw, { nonStatic: true })
    : ctx.expressions.optional(elementId, site, raw, { nonStatic: true });
}
