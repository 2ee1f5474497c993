/* Ambient types for @bpmn-io/element-templates-validator (it ships none); only what the tests use. */

declare module '@bpmn-io/element-templates-validator' {
  /** An ajv error, with the line and column in the template's JSON text. */
  export interface TemplateProblem {
    message: string;
    instancePath?: string;
    params?: Record<string, unknown>;
    dataPointer?: { value: { line: number; column: number } };
  }

  export interface TemplateValidation {
    valid: boolean;
    errors: TemplateProblem[] | null;
    warnings: TemplateProblem[] | null;
  }

  /** Validates one element template against the bundled Zeebe element templates JSON schema. */
  export function validateZeebe(template: unknown): TemplateValidation;
  export function getZeebeSchemaPackage(): string;
  export function getZeebeSchemaVersion(): string;
}
