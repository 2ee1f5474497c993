/**
 * The small part of bpmn-moddle's API the model reader uses. The package ships element typings
 * only, not the reader itself; parsed elements stay `unknown` here and are narrowed by
 * moddle/moddleElement.ts, so no moddle object leaks past the model folder.
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    readonly message: string;
    readonly element?: unknown;
    readonly property?: string;
    readonly value?: unknown;
    readonly error?: unknown;
  }

  export interface ModdleParseResult {
    readonly rootElement: unknown;
    readonly warnings: readonly ModdleWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ModdleParseResult>;
  }
}
