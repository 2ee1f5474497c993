/**
 * Keeps the user task forms of a version and the BPMN model in step. The engine needs a form that a
 * task's `camunda-forms:bpmn:<id>` form key names embedded in the process as `zeebe:userTaskForm`;
 * the catalogue keeps the same forms by id. Works on the XML text, so it needs no modeler.
 */
const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const EMBEDDED_FORM_PREFIX = 'camunda-forms:bpmn:';

function parse(xml: string): Document | undefined {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 ? undefined : document;
}

/** Form ids the user tasks refer to (embedded form keys and linked form ids), in model order. */
export function referencedFormIds(xml: string): string[] {
  const document = parse(xml);
  if (!document) return [];
  const ids = Array.from(document.getElementsByTagNameNS(ZEEBE_NS, 'formDefinition')).map(
    (definition) => {
      const formKey = definition.getAttribute('formKey') ?? '';
      if (formKey.startsWith(EMBEDDED_FORM_PREFIX))
        return formKey.slice(EMBEDDED_FORM_PREFIX.length);
      return definition.getAttribute('formId') ?? '';
    },
  );
  return [...new Set(ids.filter((id) => id !== ''))];
}

/** Forms embedded in the model, by id; bodies that are not JSON are left out. */
export function embeddedForms(xml: string): Record<string, unknown> {
  const document = parse(xml);
  const forms: Record<string, unknown> = {};
  if (!document) return forms;
  for (const form of Array.from(document.getElementsByTagNameNS(ZEEBE_NS, 'userTaskForm'))) {
    const id = form.getAttribute('id');
    try {
      if (id) forms[id] = JSON.parse(form.textContent ?? '') as unknown;
    } catch {
      // An empty or broken body: the Formulieren tab offers to create the form instead.
    }
  }
  return forms;
}

/**
 * The model with every referenced form of the version embedded. A linked form id (`formId`) becomes
 * an embedded form key, because the task list reads the form from the task's form key.
 */
export function embedForms(xml: string, forms: Record<string, unknown>): string {
  const document = parse(xml);
  if (!document) return xml;
  for (const definition of Array.from(
    document.getElementsByTagNameNS(ZEEBE_NS, 'formDefinition'),
  )) {
    const formId = definition.getAttribute('formId');
    if (formId && forms[formId] !== undefined) {
      definition.removeAttribute('formId');
      definition.setAttribute('formKey', `${EMBEDDED_FORM_PREFIX}${formId}`);
    }
  }
  for (const id of referencedFormIds(new XMLSerializer().serializeToString(document))) {
    const body = forms[id];
    if (body === undefined) continue;
    const process = processOfForm(document, id);
    if (!process) continue;
    const existing = Array.from(process.getElementsByTagNameNS(ZEEBE_NS, 'userTaskForm')).find(
      (form) => form.getAttribute('id') === id,
    );
    const form = existing ?? document.createElementNS(ZEEBE_NS, 'zeebe:userTaskForm');
    form.setAttribute('id', id);
    form.textContent = JSON.stringify(body);
    if (!existing) extensionElementsOf(document, process).appendChild(form);
  }
  return new XMLSerializer().serializeToString(document);
}

/** The process whose task uses the embedded form `id`. */
function processOfForm(document: Document, id: string): Element | undefined {
  const definition = Array.from(document.getElementsByTagNameNS(ZEEBE_NS, 'formDefinition')).find(
    (d) => d.getAttribute('formKey') === `${EMBEDDED_FORM_PREFIX}${id}`,
  );
  let element = definition?.parentElement ?? null;
  while (element && !(element.namespaceURI === BPMN_NS && element.localName === 'process')) {
    element = element.parentElement;
  }
  return element ?? undefined;
}

function extensionElementsOf(document: Document, process: Element): Element {
  const existing = Array.from(process.children).find(
    (child) => child.namespaceURI === BPMN_NS && child.localName === 'extensionElements',
  );
  if (existing) return existing;
  const created = document.createElementNS(
    BPMN_NS,
    `${process.prefix ? `${process.prefix}:` : ''}extensionElements`,
  );
  process.insertBefore(created, process.firstElementChild);
  return created;
}

/** The id of the first executable process, which the zaaktype version binds to. */
export function processIdOf(xml: string): string | undefined {
  const document = parse(xml);
  const process = document?.getElementsByTagNameNS(BPMN_NS, 'process')[0];
  return process?.getAttribute('id') ?? undefined;
}
