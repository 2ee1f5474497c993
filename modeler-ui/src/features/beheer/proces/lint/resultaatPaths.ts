import { flowElements, isType, jobTypeOf, processes, type ModdleElement } from './moddle';

/** The standard tasks that give the zaak its resultaat. */
const RESULTAAT_JOB_TYPES = new Set(['zaak.afsluiten', 'zaak.resultaat']);

const definitionsOf = (element: ModdleElement) =>
  (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
const hasDefinition = (element: ModdleElement, type: string) =>
  definitionsOf(element).some((definition) => isType(definition, type));
const flowElementsOf = (container: ModdleElement) =>
  (container.flowElements as ModdleElement[] | undefined) ?? [];
const isSubProcess = (element: ModdleElement) =>
  ['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess'].includes(element.$type);

/** A task that sets the resultaat, or a subprocess with one inside (counted as setting it). */
function setsResultaat(element: ModdleElement): boolean {
  const isResultaatTask = (e: ModdleElement) => RESULTAAT_JOB_TYPES.has(jobTypeOf(e) ?? '');
  return (
    isResultaatTask(element) ||
    (isSubProcess(element) && flowElements(element).some(isResultaatTask))
  );
}

/**
 * The end events that end the zaak's process on a path without a resultaat: from a start event
 * of the process, or of an interrupting event subprocess, to an end event, passing no task that
 * sets one. Interrupting boundary events leave their activity before it finishes; link events
 * are followed.
 * Ends inside embedded subprocesses and non-interrupting event subprocesses don't end the
 * process, and an error end is an incident, so these are not checked.
 */
export function endsReachedWithoutResultaat(definitions: ModdleElement): ModdleElement[] {
  const found: ModdleElement[] = [];
  for (const process of processes(definitions)) {
    const starts = flowElementsOf(process).filter((e) => isType(e, 'bpmn:StartEvent'));
    found.push(...unsetEnds(process, starts));
    for (const eventSubProcess of flowElementsOf(process).filter((e) => e.triggeredByEvent)) {
      const starts = flowElementsOf(eventSubProcess).filter((e) => isType(e, 'bpmn:StartEvent'));
      if (starts.some((start) => start.isInterrupting !== false))
        found.push(...unsetEnds(eventSubProcess, starts));
    }
  }
  return found;
}

function unsetEnds(container: ModdleElement, starts: ModdleElement[]): ModdleElement[] {
  const elements = flowElementsOf(container).filter((e) => !e.triggeredByEvent);
  const next = successors(elements);
  const reached = new Set<ModdleElement>();
  const queue = [...starts];
  while (queue.length > 0) {
    const element = queue.pop()!;
    if (reached.has(element)) continue;
    reached.add(element);
    const { flows, boundaries } = next(element);
    queue.push(...boundaries);
    if (!setsResultaat(element)) queue.push(...flows);
  }
  return elements.filter(
    (e) =>
      reached.has(e) &&
      isType(e, 'bpmn:EndEvent') &&
      !setsResultaat(e) &&
      !hasDefinition(e, 'bpmn:ErrorEventDefinition'),
  );
}

/**
 * Per element: where its sequence flows (and a thrown link) lead, and its interrupting boundary
 * events. A parallel fork leads nowhere here: its branches end together, and one of them may set
 * the resultaat for all (a token from a non-interrupting boundary event likewise ends beside the
 * main path, so those are not followed either).
 */
function successors(elements: ModdleElement[]) {
  const linkName = (e: ModdleElement) =>
    definitionsOf(e).find((d) => isType(d, 'bpmn:LinkEventDefinition'))?.name;
  const flows = elements.filter((e) => isType(e, 'bpmn:SequenceFlow'));
  return (element: ModdleElement) => {
    const targets = flows
      .filter((flow) => flow.sourceRef === element)
      .map((flow) => flow.targetRef as ModdleElement);
    if (isType(element, 'bpmn:ParallelGateway') && targets.length > 1) targets.length = 0;
    if (isType(element, 'bpmn:IntermediateThrowEvent') && linkName(element))
      targets.push(
        ...elements.filter(
          (e) => isType(e, 'bpmn:IntermediateCatchEvent') && linkName(e) === linkName(element),
        ),
      );
    const boundaries = elements.filter(
      (e) => e.attachedToRef === element && e.cancelActivity !== false,
    );
    return { flows: targets, boundaries };
  };
}
