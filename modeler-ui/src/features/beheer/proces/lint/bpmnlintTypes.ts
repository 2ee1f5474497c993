/** The parts of bpmnlint's rule API this feature uses (bpmnlint ships no types for its entry point). */
export interface LintReport {
  id?: string;
  message: string;
  category?: 'error' | 'warn' | 'info' | 'rule-error';
}

export type RuleFactory = (config?: unknown) => unknown;
