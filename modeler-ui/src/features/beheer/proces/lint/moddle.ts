/** The little of a bpmn-moddle element that the Zaakstroom rules read. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [property: string]: unknown;
}

export function isType(element: ModdleElement, type: string): boolean {
  return element.$type === type;
}

function children(element: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  for (const key of ['rootElements', 'flowElements']) {
    const list = element[key];
    if (Array.isArray(list)) result.push(...(list as ModdleElement[]));
  }
  return result;
}

/** Every flow element of every process (sub-processes included), depth first. */
export function flowElements(definitions: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  const visit = (element: ModdleElement) => {
    for (const child of children(element)) {
      result.push(child);
      visit(child);
    }
  };
  visit(definitions);
  return result;
}

export function processes(definitions: ModdleElement): ModdleElement[] {
  const roots = definitions.rootElements;
  return Array.isArray(roots)
    ? (roots as ModdleElement[]).filter((r) => isType(r, 'bpmn:Process'))
    : [];
}

/** The extension elements of the given type, e.g. `zeebe:TaskDefinition`. */
export function extensions(element: ModdleElement, type: string): ModdleElement[] {
  const container = element.extensionElements as { values?: ModdleElement[] } | undefined;
  return (container?.values ?? []).filter((value) => isType(value, type));
}

export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

export function stringProperty(
  element: ModdleElement | undefined,
  name: string,
): string | undefined {
  const value = element?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function jobTypeOf(element: ModdleElement): string | undefined {
  return stringProperty(extension(element, 'zeebe:TaskDefinition'), 'type');
}

export function taskHeader(element: ModdleElement, key: string): string | undefined {
  const headers = extension(element, 'zeebe:TaskHeaders');
  const values = (headers?.values ?? []) as ModdleElement[];
  return stringProperty(
    values.find((h) => h.key === key),
    'value',
  );
}
