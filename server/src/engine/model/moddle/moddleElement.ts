/**
 * Moddle elements, typed loosely: every property is `unknown` and read through the narrowing
 * accessors below. Only the transformers in this folder touch them.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  $instanceOf(type: string): boolean;
  readonly [property: string]: unknown;
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { $type?: unknown }).$type === 'string' &&
    typeof (value as { $instanceOf?: unknown }).$instanceOf === 'function'
  );
}

export function idOf(element: ModdleElement): string | undefined {
  return text(element, 'id');
}

/** A string attribute; absent when missing or not a string. */
export function text(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

/** A string attribute that must carry content: blank counts as missing (as in Zeebe). */
export function nonBlank(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element ? text(element, property) : undefined;
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

export function flag(element: ModdleElement, property: string): boolean | undefined {
  const value = element[property];
  return typeof value === 'boolean' ? value : undefined;
}

/** A single child or resolved reference. */
export function child(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return isModdleElement(value) ? value : undefined;
}

/** A many-valued property: child elements or resolved references. */
export function children(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

/** The text of a bpmn:FormalExpression child such as conditionExpression or timeDuration. */
export function expressionBody(element: ModdleElement, property: string): string | undefined {
  const expression = child(element, property);
  return expression ? (text(expression, 'body') ?? '') : undefined;
}

/** `bpmn:ComplexGateway` → `ComplexGateway`, as Zeebe names element kinds in messages. */
export function localName(type: string): string {
  return type.slice(type.indexOf(':') + 1);
}
