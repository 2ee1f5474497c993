import type { ModelProblem } from './types.js';

/** Collects every problem of a document, so a deployment is rejected with all of them at once. */
export class Problems {
  private readonly items: ModelProblem[] = [];

  error(elementId: string | undefined, message: string): void {
    this.add(elementId, message, 'error');
  }

  warning(elementId: string | undefined, message: string): void {
    this.add(elementId, message, 'warning');
  }

  hasErrors(): boolean {
    return this.items.some((problem) => problem.severity === 'error');
  }

  list(): ModelProblem[] {
    return [...this.items];
  }

  warnings(): ModelProblem[] {
    return this.items.filter((problem) => problem.severity === 'warning');
  }

  private add(
    elementId: string | undefined,
    message: string,
    severity: ModelProblem['severity'],
  ): void {
    const item: ModelProblem =
      elementId === undefined ? { message, severity } : { elementId, message, severity };
    // The same check can be reached along two paths (e.g. a shared message); report it once.
    if (
      this.items.some(
        (seen) =>
          seen.elementId === elementId && seen.message === message && seen.severity === severity,
      )
    )
      return;
    this.items.push(item);
  }
}
