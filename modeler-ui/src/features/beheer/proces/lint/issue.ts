export type Severity = 'error' | 'warn';

/** One finding of the checks, placed on a BPMN element when it has one. */
export interface LintIssue {
  rule: string;
  severity: Severity;
  message: string;
  elementId?: string;
  elementName?: string;
}
