/**
 * What the runner needs to know about a BPMN model without executing it: its processes, the
 * names of their elements (specs may name an element instead of giving its id) and the job types
 * of their tasks. A small tag scanner is enough; the engine does the real parsing.
 */

export interface BpmnProcessInfo {
  bpmnProcessId: string;
  /** Element id → `name` attribute (elements without a name are absent). */
  namesById: Map<string, string>;
  /** Job types of the process's `zeebe:taskDefinition`s. */
  jobTypes: Set<string>;
}

const TAG = /<(\/?)(?:[\w.-]+:)?([\w.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The processes of one BPMN document (a collaboration may hold several). */
export function readBpmnProcesses(xml: string): BpmnProcessInfo[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const processes: BpmnProcessInfo[] = [];
  let current: BpmnProcessInfo | undefined;
  for (const match of text.matchAll(TAG)) {
    const [, closing, localName, attributeText = '', selfClosing] = match;
    if (localName === 'process') {
      if (closing) {
        current = undefined;
        continue;
      }
      const id = attributes(attributeText).get('id');
      if (id === undefined) continue;
      const info: BpmnProcessInfo = {
        bpmnProcessId: id,
        namesById: new Map(),
        jobTypes: new Set(),
      };
      processes.push(info);
      current = selfClosing ? undefined : info;
      continue;
    }
    if (!current || closing) continue;
    const attrs = attributes(attributeText);
    if (localName === 'taskDefinition') {
      const type = attrs.get('type');
      if (type) current.jobTypes.add(type);
      continue;
    }
    const id = attrs.get('id');
    const name = attrs.get('name');
    if (id !== undefined && name !== undefined) current.namesById.set(id, name);
  }
  return processes;
}

/** The ids of the elements with this name in the process (several if the name is not unique). */
export function elementIdsByName(process: BpmnProcessInfo, name: string): string[] {
  return [...process.namesById].filter(([, elementName]) => elementName === name).map(([id]) => id);
}

function attributes(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [, name = '', doubleQuoted, singleQuoted] of text.matchAll(ATTRIBUTE)) {
    result.set(name, decodeEntities(doubleQuoted ?? singleQuoted ?? ''));
  }
  return result;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? whole;
  });
}
