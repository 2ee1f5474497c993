/* Ambient types for the bpmn.io packages that ship none; only what the Beheer feature uses. */

declare module 'bpmnlint' {
  export class Linter {
    constructor(options: {
      config: { rules: Record<string, unknown> };
      resolver: {
        resolveRule(pkg: string, ruleName: string): unknown;
        resolveConfig(pkg: string, configName: string): unknown;
      };
    });
    lint(
      root: unknown,
    ): Promise<Record<string, import('./proces/lint/bpmnlintTypes').LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const factory: import('./proces/lint/bpmnlintTypes').RuleFactory;
  export default factory;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/*' {
  const factory: import('./proces/lint/bpmnlintTypes').RuleFactory;
  export default factory;
}

declare module 'bpmn-js-properties-panel' {
  type ModuleDeclaration = import('didi').ModuleDeclaration;
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export const ZeebePropertiesProviderModule: ModuleDeclaration;
}

declare module 'bpmn-js-element-templates' {
  type ModuleDeclaration = import('didi').ModuleDeclaration;
  export const CloudElementTemplatesPropertiesProviderModule: ModuleDeclaration;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}

/** bpmn-moddle ships element typings only; its reader, as the lint tests use it. */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: unknown }>;
  }
}

declare module '@bpmn-io/element-templates-validator' {
  export interface TemplateValidation {
    valid: boolean;
    errors: { message: string; instancePath?: string }[] | null;
  }
  export function validateZeebe(template: unknown): TemplateValidation;
}
