/** Sandbox process ids start with this; a real zaaktype's process never does (see modelDeployment). */
export const SANDBOX_PREFIX = 'proefrun-';

export function sandboxProcessId(bpmnProcessId: string): string {
  return `${SANDBOX_PREFIX}${bpmnProcessId}`;
}

const PROCESS_TAG = /<((?:[\w-]+:)?process)\b([^>]*?)\bid="([^"]+)"/g;

/**
 * The model with every process id prefixed (and every reference to it: the diagram plane's
 * `bpmnElement`, a participant's `processRef`), so deploying it adds versions of a sandbox process
 * and never of the real one. Forms need nothing: the Beheer editor embeds each user task form in
 * its process (`zeebe:userTaskForm`, scoped to the process definition), no `.form` resource is
 * deployed, and the task page reads forms from the zaak's own zaaktype version.
 */
export function toSandboxModel(xml: string): { xml: string; processIds: string[] } {
  const processIds = [...xml.matchAll(PROCESS_TAG)].map((match) => match[3] ?? '');
  let sandbox = xml.replace(
    PROCESS_TAG,
    (_tag, name: string, between: string, id: string) =>
      `<${name}${between}id="${sandboxProcessId(id)}"`,
  );
  for (const id of processIds) {
    const quoted = escapeRegExp(id);
    sandbox = sandbox.replace(
      new RegExp(`\\b(bpmnElement|processRef)="${quoted}"`, 'g'),
      (_attribute, attribute: string) => `${attribute}="${sandboxProcessId(id)}"`,
    );
  }
  return { xml: sandbox, processIds: processIds.map(sandboxProcessId) };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
