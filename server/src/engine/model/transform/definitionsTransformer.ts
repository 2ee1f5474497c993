import type { ExecutableProcess } from '../types.js';
import { children, child, flag, idOf, type ModdleElement } from '../moddle/moddleElement.js';
import { transformProcess, type DocumentContext } from './processTransformer.js';

/**
 * Every executable process of the document, in document order. Processes of a collaboration are
 * found through the participants' processRef as well, so a pool whose process is defined
 * elsewhere in the file is not missed; each process is read once.
 */
export function transformDefinitions(
  definitions: ModdleElement,
  document: DocumentContext,
): ExecutableProcess[] {
  const candidates: ModdleElement[] = [];
  const remember = (process: ModdleElement) => {
    if (!candidates.includes(process)) candidates.push(process);
  };
  for (const root of children(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Process') remember(root);
    if (root.$type === 'bpmn:Collaboration') {
      for (const participant of children(root, 'participants')) {
        const process = child(participant, 'processRef');
        if (process?.$type === 'bpmn:Process') remember(process);
      }
    }
  }
  const processes: ExecutableProcess[] = [];
  for (const process of candidates) {
    const processId = idOf(process);
    if (flag(process, 'isExecutable') !== true) {
      document.problems.warning(
        processId,
        `Process '${processId ?? ''}' is not executable (isExecutable="true" is missing) and is not deployed`,
      );
    } else if (processId === undefined || processId.trim() === '') {
      document.problems.error(
        undefined,
        'An executable process has no id; the id is the BPMN process id and is required',
      );
    } else {
      processes.push(transformProcess(process, processId, document));
    }
  }
  if (
    processes.length === 0 &&
    !candidates.some((process) => flag(process, 'isExecutable') === true)
  ) {
    document.problems.error(undefined, 'Must contain at least one executable process');
  }
  return processes;
}
