import type { Problems } from '../problems.js';
import { children, child, idOf, type ModdleElement } from './moddleElement.js';

/** All extension elements of one type, e.g. `zeebe:TaskDefinition`. */
export function extensionsOf(element: ModdleElement, type: string): ModdleElement[] {
  const container = child(element, 'extensionElements');
  return container ? children(container, 'values').filter((value) => value.$type === type) : [];
}

/**
 * The one extension element of a type. More than one is an error, as Zeebe allows each
 * extension only once per element; the first is still used so that later checks can run.
 */
export function singleExtension(
  element: ModdleElement,
  type: string,
  problems: Problems,
): ModdleElement | undefined {
  const found = extensionsOf(element, type);
  if (found.length > 1) {
    problems.error(
      idOf(element),
      `Must have at most one '${extensionLabel(type)}' extension element`,
    );
  }
  return found[0];
}

/** `zeebe:TaskDefinition` → `zeebe:taskDefinition`, the spelling users see in the XML. */
export function extensionLabel(type: string): string {
  const colon = type.indexOf(':');
  return type.slice(0, colon + 1) + type.charAt(colon + 1).toLowerCase() + type.slice(colon + 2);
}
