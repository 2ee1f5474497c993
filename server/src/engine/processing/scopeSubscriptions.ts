import { raiseIncident } from '../behaviors/incidentBehavior.js';
import { openSubscriptions } from '../behaviors/eventSubscriptionBehavior.js';
import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { InstanceExecution } from './instanceExecution.js';
import { correlateBuffered } from './messageCorrelation.js';

const SUBSCRIBED_EVENTS = new Set(['TIMER', 'MESSAGE', 'SIGNAL']);

/**
 * Called when an element instance becomes ACTIVATED: an activity opens the subscriptions of its
 * timer, message and signal boundary events, a scope those of its event subprocesses' start
 * events. Queued, so that the element's own activation finishes first.
 */
export function subscribeScopeEvents(execution: InstanceExecution, instance: ElementInstance): void {
  const catchers = [...execution.boundaryEventsOf(instance), ...execution.eventSubProcessStartsOf(instance)]
    .map((id) => execution.element(id))
    .filter((event) => SUBSCRIBED_EVENTS.has(event.eventType));
  if (catchers.length > 0) execution.enqueue(() => subscribe(execution, instance, catchers));
}

async function subscribe(execution: InstanceExecution, instance: ElementInstance, catchers: ExecutableElement[]): Promise<void> {
  if (instance.state !== 'ACTIVATED') return;
  const opened = await openSubscriptions(execution, instance, catchers);
  if (!opened.ok) {
    await raiseIncident(execution, instance, { errorType: opened.errorType, message: opened.message });
    return;
  }
  await correlateBuffered(execution, instance, opened.matches);
}
