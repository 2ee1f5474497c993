import { InputError } from '../../http/errors.js';

/** Sandbox process ids start with this; a real zaaktype's process never does (see modelDeployment). */
export const SANDBOX_PREFIX = 'proefrun-';

export function sandboxProcessId(bpmnProcessId: string): string {
  return `${SANDBOX_PREFIX}${bpmnProcessId}`;
}

const PROCESS_TAG = /<((?:[\w-]+:)?process)\b([^>]*?)\bid=(["'])([^"']+)\3/g;
const ANY_PROCESS_TAG = /<(?:[\w-]+:)?process\b/g;

/**
 * The model with every process id prefixed (and every reference to it: the diagram plane's
 * `bpmnElement`, a participant's `processRef`), so deploying it adds versions of a sandbox process
 * and never of the real one. Forms need nothing: the Beheer editor embeds each user task form in
 * its process (`zeebe:userTaskForm`, scoped to the process definition), no `.form` resource is
 * deployed, and the task page reads forms from the zaak's own zaaktype version.
 */
export function toSandboxModel(xml: string): { xml: string; processIds: string[] } {
  const processIds = [...xml.matchAll(PROCESS_TAG)].map((match) => match[4] ?? '');
  // a process the pattern missed would be deployed under its real id: refuse rather than guess
  if (processIds.length === 0 || processIds.length !== [...xml.matchAll(ANY_PROCESS_TAG)].length)
    throw new InputError('The model has a process element whose id cannot be read', {
      field: 'model',
    });
  let sandbox = xml.replace(
    PROCESS_TAG,
    (_tag, name: string, between: string, quote: string, id: string) =>
      `<${name}${between}id=${quote}${sandboxProcessId(id)}${quote}`,
  );
  for (const id of processIds) {
    const quoted = escapeRegExp(id);
    sandbox = sandbox.replace(
      new RegExp(`\\b(bpmnElement|processRef)=(["'])${quoted}\\2`, 'g'),
      (_attribute, attribute: string, quote: string) =>
        `${attribute}=${quote}${sandboxProcessId(id)}${quote}`,
    );
  }
  return { xml: sandbox, processIds: processIds.map(sandboxProcessId) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
