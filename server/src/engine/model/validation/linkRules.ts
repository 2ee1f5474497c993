import type { Problems } from '../problems.js';
import { duplicatedNames } from './catchEventRules.js';
import type { Elements } from './processValidator.js';

/** Link events jump within one scope: catch names are unique there and every throw has its catch. */
export function validateLinks(elements: Elements, problems: Problems): void {
  for (const container of elements.values()) {
    if (!container.childIds) continue;
    const links = container.childIds
      .map((id) => elements.get(id))
      .filter((child) => child?.eventType === 'LINK' && child.linkName !== undefined);
    const catches = links.filter((link) => link?.type === 'INTERMEDIATE_CATCH_EVENT');
    for (const name of duplicatedNames(catches.map((link) => link?.linkName))) {
      problems.error(
        container.id,
        `Multiple intermediate catch link event definitions with the same name '${name}' are not allowed.`,
      );
    }
    const catchNames = new Set(catches.map((link) => link?.linkName));
    for (const link of links) {
      if (link?.type === 'INTERMEDIATE_THROW_EVENT' && !catchNames.has(link.linkName)) {
        problems.error(
          link.id,
          `Can't find a catch link event for the throw link event with the name '${link.linkName ?? ''}'.`,
        );
      }
    }
  }
}
