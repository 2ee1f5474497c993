import type { ElementType, ExecutableElement, ExecutableProcess, ExecutableSequenceFlow } from '../model/types.js';
import type { ElementProcessor } from './elementProcessor.js';
import type { JsonValue } from '../feel/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { ProcessInstanceState } from '../state/processInstanceState.js';
import type { ProcessDefinition } from '../state/definitionStore.js';
import type { CommandContext } from './commandContext.js';

/** Safety net against models that loop without ever reaching a wait state. */
const MAX_STEPS_PER_COMMAND = 100_000;

/**
 * One process instance being driven forward inside one command: its state, its model, and a
 * queue of steps. Steps run one after another until every token waits, as in Zeebe, where each
 * follow-up command is processed in order.
 */
export class InstanceExecution {
  private readonly queue: (() => Promise<void>)[] = [];
  /** Variables of events that fired at an event-based gateway, for the catch event it leads to. */
  readonly pendingEvents = new Map<string, Record<string, JsonValue>>();

  constructor(
    readonly ctx: CommandContext,
    readonly state: ProcessInstanceState,
    readonly definition: ProcessDefinition,
  ) {
    ctx.openExecutions.set(state.identity.processInstanceKey, this);
  }

  get process(): ExecutableProcess {
    return this.definition.process;
  }

  element(elementId: string): ExecutableElement {
    const element = this.process.elements.get(elementId);
    if (!element) throw new Error(`element '${elementId}' is not in process '${this.process.bpmnProcessId}'`);
    return element;
  }

  flow(flowId: string): ExecutableSequenceFlow {
    const flow = this.process.flows.get(flowId);
    if (!flow) throw new Error(`sequence flow '${flowId}' is not in process '${this.process.bpmnProcessId}'`);
    return flow;
  }

  processorFor(type: ElementType): ElementProcessor {
    return this.ctx.services.processors(type);
  }

  /** An inner instance of a multi-instance activity (its flow scope is the activity's body). */
  isMultiInstanceInner(instance: ElementInstance): boolean {
    const scope = instance.flowScopeKey === undefined ? undefined : this.state.get(instance.flowScopeKey);
    return scope?.elementType === 'MULTI_INSTANCE_BODY' && scope.elementId === instance.elementId;
  }

  /** Boundary events that belong to this instance: the body's, never an inner instance's. */
  boundaryEventsOf(instance: ElementInstance): readonly string[] {
    return this.isMultiInstanceInner(instance) ? [] : (this.elementOf(instance).boundaryEventIds ?? []);
  }

  /** Event subprocesses run inside a scope instance, never inside a multi-instance body. */
  eventSubProcessStartsOf(instance: ElementInstance): string[] {
    return instance.elementType === 'MULTI_INSTANCE_BODY' ? [] : this.eventSubProcessStarts(this.elementOf(instance));
  }

  /** Start events of the event subprocesses directly inside a container. */
  eventSubProcessStarts(container: ExecutableElement): string[] {
    return (container.eventSubProcessIds ?? []).flatMap((id) =>
      (this.element(id).childIds ?? []).filter((childId) => this.element(childId).type === 'START_EVENT'),
    );
  }

  elementOf(instance: ElementInstance): ExecutableElement {
    return this.element(instance.elementId);
  }

  enqueue(step: () => Promise<void>): void {
    this.queue.push(step);
  }

  /** Runs queued steps until the instance waits everywhere. */
  async drain(): Promise<void> {
    let steps = 0;
    for (let step = this.queue.shift(); step; step = this.queue.shift()) {
      if (++steps > MAX_STEPS_PER_COMMAND) {
        throw new Error(`process instance ${this.state.identity.processInstanceKey} did not reach a wait state within ${MAX_STEPS_PER_COMMAND} steps`);
      }
      await step();
    }
  }

  /** Base of the record value that Zeebe writes for every PROCESS_INSTANCE record. */
  processInstanceRecordValue(instance: ElementInstance): Record<string, unknown> {
    const id = this.state.identity;
    return {
      bpmnElementType: instance.elementType,
      elementId: instance.elementId,
      flowScopeKey: instance.flowScopeKey ?? '-1',
      bpmnProcessId: id.bpmnProcessId,
      version: id.version,
      processDefinitionKey: id.processDefinitionKey,
      processInstanceKey: id.processInstanceKey,
      parentProcessInstanceKey: id.parentProcessInstanceKey ?? '-1',
      parentElementInstanceKey: id.parentElementInstanceKey ?? '-1',
      tenantId: id.tenantId,
    };
  }

  recordElement(instance: ElementInstance, intent: string): void {
    this.ctx.records.append({
      key: instance.key,
      recordType: 'EVENT',
      valueType: 'PROCESS_INSTANCE',
      intent,
      processInstanceKey: this.state.identity.processInstanceKey,
      bpmnProcessId: this.state.identity.bpmnProcessId,
      elementId: instance.elementId,
      elementType: instance.elementType,
      timestamp: this.ctx.now,
      value: this.processInstanceRecordValue(instance),
    });
  }
}
