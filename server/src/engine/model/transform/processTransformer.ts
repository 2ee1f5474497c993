import type { ElementType, ExecutableElement, ExecutableProcess } from '../types.js';
import type { ExpressionCompiler } from '../expressionCompiler.js';
import { extensionsOf, singleExtension } from '../moddle/extensions.js';
import { idOf, nonBlank, text, type ModdleElement } from '../moddle/moddleElement.js';
import type { UnresolvedReferences } from '../parsing/unresolvedReferences.js';
import type { Problems } from '../problems.js';
import { validateProcess } from '../validation/processValidator.js';
import { propertiesOf, transformFlowNode, type ElementBody } from './flowNodeTransformer.js';
import { walkProcess } from './scopeWalker.js';
import { transformSequenceFlows } from './sequenceFlowTransformer.js';
import { linkStructure } from './structureLinker.js';
import type { TransformContext } from './transformContext.js';

export interface DocumentContext {
  readonly problems: Problems;
  readonly expressions: ExpressionCompiler;
  readonly references: UnresolvedReferences;
}

/** One executable bpmn:Process → ExecutableProcess: walk, transform each node and flow, link, validate. */
export function transformProcess(
  process: ModdleElement,
  processId: string,
  document: DocumentContext,
): ExecutableProcess {
  const walked = walkProcess(process, processId, document.problems);
  const scopeTypes = new Map<string, ElementType>([[processId, 'PROCESS']]);
  for (const { id, type } of walked.nodes)
    if (type === 'SUB_PROCESS' || type === 'EVENT_SUB_PROCESS') scopeTypes.set(id, type);
  const ctx: TransformContext = { ...document, process, scopeTypes };

  const name = text(process, 'name');
  const processBody: ElementBody = {
    id: processId,
    ...(name !== undefined ? { name } : {}),
    type: 'PROCESS',
    eventType: 'UNSPECIFIED',
    inputMappings: [],
    outputMappings: [],
    ...propertiesOf(processId, process, document.problems),
  };
  const bodies = [processBody, ...walked.nodes.map((entry) => transformFlowNode(entry, ctx))];
  const scopeOfNode = new Map(walked.nodes.map((entry) => [entry.id, entry.scopeId]));
  const flows = transformSequenceFlows(walked.flows, scopeOfNode, ctx);
  const elements = linkStructure(bodies, flows);
  const flowMap = new Map(flows.map((flow) => [flow.id, flow]));
  validateProcess(elements, flowMap, document.problems);
  checkEmbeddedForms(process, processId, document.problems);

  const versionTag = nonBlank(
    singleExtension(process, 'zeebe:VersionTag', document.problems),
    'value',
  );
  return {
    bpmnProcessId: processId,
    ...(name !== undefined ? { name } : {}),
    isExecutable: true,
    ...(versionTag !== undefined ? { versionTag } : {}),
    process: elements.get(processId) as ExecutableElement,
    elements,
    flows: flowMap,
  };
}

function checkEmbeddedForms(process: ModdleElement, processId: string, problems: Problems): void {
  for (const form of extensionsOf(process, 'zeebe:UserTaskForm')) {
    if (nonBlank(form, 'body') === undefined) {
      problems.error(
        processId,
        `User task form text content has to be present and not empty (zeebe:userTaskForm '${idOf(form) ?? ''}')`,
      );
    }
  }
}
