import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { Outcome } from '../behaviors/variableBehavior.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * What is particular to one kind of BPMN element. The lifecycle (lifecycle.ts) calls these at its
 * transitions; a returned failure becomes an incident on the element in one place.
 */
export interface ElementProcessor {
  /** After input mappings. Either waits (job, subprocess) or calls lifecycle.complete(). */
  onActivate(execution: InstanceExecution, instance: ElementInstance, element: ExecutableElement): Promise<Outcome>;
  /** Outgoing flows to take once completed; default: all outgoing flows. */
  outgoingFlows?(
    execution: InstanceExecution,
    instance: ElementInstance,
    element: ExecutableElement,
  ): Promise<{ ok: true; flowIds: string[] } | { ok: false; errorType: string; message: string }>;
  /** Containers that manage their children themselves (multi-instance body): a child ended. */
  onChildEnded?(execution: InstanceExecution, instance: ElementInstance, element: ExecutableElement): Promise<void>;
  /** A child is about to complete (multi-instance body: collect its output element). */
  onChildCompleting?(execution: InstanceExecution, instance: ElementInstance, child: ElementInstance): Promise<Outcome>;
  /** Extra clean-up while the element is being terminated (jobs, subscriptions). */
  onTerminate?(execution: InstanceExecution, instance: ElementInstance, element: ExecutableElement): Promise<void>;
}
