/** The part of dmn-moddle's API the DMN reader uses; parsed elements stay `unknown` until narrowed. */
declare module 'dmn-moddle' {
  export interface DmnModdleWarning {
    readonly message: string;
  }

  export class DmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; warnings: readonly DmnModdleWarning[] }>;
  }
}
