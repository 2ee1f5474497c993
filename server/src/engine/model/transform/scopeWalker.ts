import { children, idOf, localName, type ModdleElement } from '../moddle/moddleElement.js';
import type { Problems } from '../problems.js';
import { classifyFlowElement, COVERAGE_URL, type FlowNodeType } from './elementKinds.js';

export interface FlowNodeEntry {
  readonly id: string;
  readonly type: FlowNodeType;
  readonly node: ModdleElement;
  /** The enclosing process or (event) subprocess. */
  readonly scopeId: string;
}

export interface SequenceFlowEntry {
  readonly id: string;
  readonly flow: ModdleElement;
  readonly scopeId: string;
}

export interface WalkedProcess {
  readonly nodes: FlowNodeEntry[];
  readonly flows: SequenceFlowEntry[];
}

/**
 * Lists the flow nodes and sequence flows of a process, descending into subprocesses, each with
 * its flow scope. Elements the engine cannot run are reported here (their content is skipped).
 */
export function walkProcess(
  process: ModdleElement,
  processId: string,
  problems: Problems,
): WalkedProcess {
  const walked: WalkedProcess = { nodes: [], flows: [] };
  walkScope(process, processId, walked, problems);
  return walked;
}

function walkScope(
  container: ModdleElement,
  scopeId: string,
  walked: WalkedProcess,
  problems: Problems,
): void {
  for (const element of children(container, 'flowElements')) {
    const kind = classifyFlowElement(element);
    if (kind.kind === 'ignored') continue;
    const id = idOf(element);
    if (id === undefined || id.trim() === '') {
      problems.error(
        scopeId,
        `An element of type '${localName(element.$type)}' in '${scopeId}' has no id; every element needs one`,
      );
    } else if (kind.kind === 'unsupported') {
      problems.error(
        id,
        `Elements of type '${localName(element.$type)}' are currently not supported. ` +
          `Please refer to the documentation for a list of supported elements: ${COVERAGE_URL}`,
      );
    } else if (element['isForCompensation'] === true) {
      problems.error(
        id,
        `Compensation handlers (isForCompensation) are currently not supported. Please refer to the documentation: ${COVERAGE_URL}`,
      );
    } else if (kind.kind === 'sequenceFlow') {
      walked.flows.push({ id, flow: element, scopeId });
    } else {
      walked.nodes.push({ id, type: kind.type, node: element, scopeId });
      if (kind.type === 'SUB_PROCESS' || kind.type === 'EVENT_SUB_PROCESS')
        walkScope(element, id, walked, problems);
    }
  }
}
