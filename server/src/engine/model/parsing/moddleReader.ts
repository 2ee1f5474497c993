import { createRequire } from 'node:module';
import { BpmnModdle, type ModdleWarning } from 'bpmn-moddle';
import { isModdleElement, type ModdleElement } from '../moddle/moddleElement.js';

export type ModdleReadResult =
  | { ok: true; definitions: ModdleElement; warnings: readonly ModdleWarning[] }
  | { ok: false; message: string; warnings: readonly ModdleWarning[] };

let moddle: BpmnModdle | undefined;

/** One reader for the process: the zeebe descriptor is loaded once, reading keeps no state. */
function reader(): BpmnModdle {
  if (!moddle) {
    const require = createRequire(import.meta.url);
    const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;
    moddle = new BpmnModdle({ zeebe });
  }
  return moddle;
}

/** Parses BPMN XML into moddle elements; a fatal parse error is returned, never thrown. */
export async function readWithModdle(xml: string): Promise<ModdleReadResult> {
  try {
    const { rootElement, warnings } = await reader().fromXML(xml, 'bpmn:Definitions');
    if (!isModdleElement(rootElement) || rootElement.$type !== 'bpmn:Definitions') {
      return { ok: false, message: 'The document has no bpmn:definitions root element', warnings };
    }
    return { ok: true, definitions: rootElement, warnings };
  } catch (error) {
    const warnings = (error as { warnings?: readonly ModdleWarning[] }).warnings ?? [];
    return { ok: false, message: error instanceof Error ? error.message : String(error), warnings };
  }
}
