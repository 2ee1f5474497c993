/**
 * A compact way to write BPMN for tests: elements and flows as small XML snippets, wrapped into
 * a complete definitions document with the bpmn and zeebe namespaces.
 */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function definitions(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://zaakstroom.test">
${body}
${extra}
</bpmn:definitions>`;
}

/** A one-process document; `error(...)` parts go to the definitions level where BPMN wants them. */
export function processXml(id: string, ...parts: string[]): string {
  const isGlobal = (part: string) => /^<bpmn:(error|message|signal) /.test(part);
  const global = parts.filter(isGlobal);
  const inner = parts.filter((part) => !isGlobal(part));
  return definitions(`<bpmn:process id="${id}" isExecutable="true">\n${inner.join('\n')}\n</bpmn:process>`, global.join('\n'));
}

export const start = (id: string) => `<bpmn:startEvent id="${id}"/>`;
export const end = (id: string) => `<bpmn:endEvent id="${id}"/>`;
export const terminateEnd = (id: string) =>
  `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition/></bpmn:endEvent>`;
export const errorEnd = (id: string, errorRef: string) =>
  `<bpmn:endEvent id="${id}"><bpmn:errorEventDefinition errorRef="${errorRef}"/></bpmn:endEvent>`;
export const error = (id: string, code: string) => `<bpmn:error id="${id}" errorCode="${escape(code)}"/>`;
export const task = (id: string) => `<bpmn:task id="${id}"/>`;

export interface Mappings {
  inputs?: Record<string, string>;
  outputs?: Record<string, string>;
}

function ioMapping(mappings: Mappings = {}): string {
  const inputs = Object.entries(mappings.inputs ?? {}).map(([target, source]) => `<zeebe:input source="${escape(source)}" target="${target}"/>`);
  const outputs = Object.entries(mappings.outputs ?? {}).map(([target, source]) => `<zeebe:output source="${escape(source)}" target="${target}"/>`);
  return inputs.length + outputs.length ? `<zeebe:ioMapping>${inputs.join('')}${outputs.join('')}</zeebe:ioMapping>` : '';
}

export function serviceTask(
  id: string,
  type: string,
  options: Mappings & { retries?: string; headers?: Record<string, string> } = {},
): string {
  const retries = options.retries ? ` retries="${escape(options.retries)}"` : '';
  const headers = Object.entries(options.headers ?? {}).map(([key, value]) => `<zeebe:header key="${key}" value="${escape(value)}"/>`);
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements>
  <zeebe:taskDefinition type="${escape(type)}"${retries}/>${headers.length ? `<zeebe:taskHeaders>${headers.join('')}</zeebe:taskHeaders>` : ''}${ioMapping(options)}
</bpmn:extensionElements></bpmn:serviceTask>`;
}

export function userTask(
  id: string,
  options: { assignee?: string; candidateGroups?: string; candidateUsers?: string; dueDate?: string; followUpDate?: string; formKey?: string } = {},
): string {
  const assignment = ['assignee', 'candidateGroups', 'candidateUsers']
    .filter((name) => options[name as keyof typeof options])
    .map((name) => ` ${name}="${escape(options[name as keyof typeof options]!)}"`)
    .join('');
  const schedule = ['dueDate', 'followUpDate']
    .filter((name) => options[name as keyof typeof options])
    .map((name) => ` ${name}="${escape(options[name as keyof typeof options]!)}"`)
    .join('');
  return `<bpmn:userTask id="${id}"><bpmn:extensionElements>
  ${assignment ? `<zeebe:assignmentDefinition${assignment}/>` : ''}${schedule ? `<zeebe:taskSchedule${schedule}/>` : ''}${options.formKey ? `<zeebe:formDefinition formKey="${escape(options.formKey)}"/>` : ''}
</bpmn:extensionElements></bpmn:userTask>`;
}

export const gateway = (kind: 'exclusive' | 'parallel' | 'inclusive', id: string, defaultFlow?: string) =>
  `<bpmn:${kind}Gateway id="${id}"${defaultFlow ? ` default="${defaultFlow}"` : ''}/>`;

export function flow(from: string, to: string, options: { id?: string; condition?: string } = {}): string {
  const id = options.id ?? `${from}-${to}`;
  const condition = options.condition
    ? `<bpmn:conditionExpression>${escape(options.condition)}</bpmn:conditionExpression>`
    : '';
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition}</bpmn:sequenceFlow>`;
}

export const subProcess = (id: string, ...parts: string[]) => `<bpmn:subProcess id="${id}">\n${parts.join('\n')}\n</bpmn:subProcess>`;

export function errorBoundary(id: string, attachedTo: string, errorRef?: string): string {
  const ref = errorRef ? ` errorRef="${errorRef}"` : '';
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:errorEventDefinition${ref}/></bpmn:boundaryEvent>`;
}

export function errorEventSubProcess(id: string, startId: string, errorRef: string | undefined, ...parts: string[]): string {
  const ref = errorRef ? ` errorRef="${errorRef}"` : '';
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
<bpmn:startEvent id="${startId}"><bpmn:errorEventDefinition${ref}/></bpmn:startEvent>
${parts.join('\n')}
</bpmn:subProcess>`;
}

/** Chains elements with flows named `<from>-<to>`: sequence('s', 'a', 'e'). */
export function sequence(...ids: string[]): string {
  return ids.slice(1).map((id, index) => flow(ids[index]!, id)).join('\n');
}

/** A message definition with its correlation key expression (the subscription's). */
export const message = (id: string, name: string, correlationKey = '=key') =>
  `<bpmn:message id="${id}" name="${escape(name)}"><bpmn:extensionElements><zeebe:subscription correlationKey="${escape(correlationKey)}"/></bpmn:extensionElements></bpmn:message>`;

const timerDefinition = (timer: { duration?: string; date?: string; cycle?: string }) => {
  const [kind, value] = timer.duration ? ['timeDuration', timer.duration] : timer.date ? ['timeDate', timer.date] : ['timeCycle', timer.cycle!];
  return `<bpmn:timerEventDefinition><bpmn:${kind}>${escape(value)}</bpmn:${kind}></bpmn:timerEventDefinition>`;
};

export const messageCatch = (id: string, messageRef: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}"/></bpmn:intermediateCatchEvent>`;
export const timerCatch = (id: string, timer: { duration?: string; date?: string; cycle?: string }) =>
  `<bpmn:intermediateCatchEvent id="${id}">${timerDefinition(timer)}</bpmn:intermediateCatchEvent>`;
export const receiveTask = (id: string, messageRef: string) => `<bpmn:receiveTask id="${id}" messageRef="${messageRef}"/>`;
export const messageStart = (id: string, messageRef: string) =>
  `<bpmn:startEvent id="${id}"><bpmn:messageEventDefinition messageRef="${messageRef}"/></bpmn:startEvent>`;
export const timerStart = (id: string, timer: { duration?: string; date?: string; cycle?: string }) =>
  `<bpmn:startEvent id="${id}">${timerDefinition(timer)}</bpmn:startEvent>`;
export function messageBoundary(id: string, attachedTo: string, messageRef: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}"/></bpmn:boundaryEvent>`;
}
export function timerBoundary(id: string, attachedTo: string, timer: { duration?: string; cycle?: string }, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${timerDefinition(timer)}</bpmn:boundaryEvent>`;
}
export const eventGateway = (id: string) => `<bpmn:eventBasedGateway id="${id}"/>`;
export function messageEventSubProcess(id: string, startId: string, messageRef: string, interrupting: boolean, ...parts: string[]): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
<bpmn:startEvent id="${startId}" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}"/></bpmn:startEvent>
${parts.join('\n')}
</bpmn:subProcess>`;
}
export function timerEventSubProcess(id: string, startId: string, timer: { duration?: string; cycle?: string }, interrupting: boolean, ...parts: string[]): string {
  return `<bpmn:subProcess id="${id}" triggeredByEvent="true">
<bpmn:startEvent id="${startId}" isInterrupting="${interrupting}">${timerDefinition(timer)}</bpmn:startEvent>
${parts.join('\n')}
</bpmn:subProcess>`;
}
export const scriptTask = (id: string, expression: string, resultVariable: string) =>
  `<bpmn:scriptTask id="${id}"><bpmn:extensionElements><zeebe:script expression="${escape(expression)}" resultVariable="${resultVariable}"/></bpmn:extensionElements></bpmn:scriptTask>`;
export const linkThrow = (id: string, name: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:linkEventDefinition name="${name}"/></bpmn:intermediateThrowEvent>`;
export const linkCatch = (id: string, name: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:linkEventDefinition name="${name}"/></bpmn:intermediateCatchEvent>`;
