import type { ModdleWarning } from 'bpmn-moddle';
import { isModdleElement, type ModdleElement } from '../moddle/moddleElement.js';

/**
 * The ids of references moddle could not resolve (it leaves the property empty and warns), so a
 * validator can tell "no errorRef given" from "errorRef='Error_9' does not exist".
 */
export class UnresolvedReferences {
  private readonly byElement = new WeakMap<ModdleElement, Map<string, string>>();

  constructor(warnings: readonly ModdleWarning[]) {
    for (const warning of warnings) {
      if (!isUnresolvedReference(warning) || !isModdleElement(warning.element)) continue;
      const properties = this.byElement.get(warning.element) ?? new Map<string, string>();
      properties.set(stripPrefix(warning.property ?? ''), String(warning.value));
      this.byElement.set(warning.element, properties);
    }
  }

  /** The id given for `property` (e.g. `errorRef`) when it did not resolve. */
  idOf(element: ModdleElement, property: string): string | undefined {
    return this.byElement.get(element)?.get(property);
  }
}

export function isUnresolvedReference(warning: ModdleWarning): boolean {
  return warning.message.startsWith('unresolved reference');
}

function stripPrefix(property: string): string {
  return property.slice(property.indexOf(':') + 1);
}
