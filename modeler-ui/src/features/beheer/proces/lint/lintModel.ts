import { Linter } from 'bpmnlint';
import { bpmnlintRules, camundaCompatRules } from './camundaCompatRules';
import type { LintIssue } from './issue';
import { flowElements, processes, type ModdleElement } from './moddle';
import { zaakstroomIssues, type ZaakstroomLintContext } from './zaakstroomRules';

const PLATFORM = { version: '8.8' };

/** The rules camunda-cloud-8-8 reports as warnings; all others are errors. */
const WARNINGS = new Set([
  'user-task-definition',
  'connector-properties',
  'secrets',
  'agent-tool-documentation',
  'agent-tool-output-key',
]);

/**
 * Camunda 8.8 compatibility as bpmnlint-plugin-camunda-compat's `camunda-cloud-8-8` config, except
 * `zeebe-user-task`: it recommends Camunda user tasks, which Zaakstroom's engine does not run yet
 * (our own `job-based-user-task` rule says so instead).
 */
const rules: Record<string, [string, typeof PLATFORM]> = {
  'bpmnlint/start-event-required': ['error', PLATFORM],
  ...Object.fromEntries(
    Object.keys(camundaCompatRules).map((name) => [
      `camunda-compat/${name}`,
      [WARNINGS.has(name) ? 'warn' : 'error', PLATFORM] as [string, typeof PLATFORM],
    ]),
  ),
};

const linter = new Linter({
  config: { rules },
  resolver: {
    resolveRule: (pkg, ruleName) =>
      pkg === 'bpmnlint' ? bpmnlintRules[ruleName] : camundaCompatRules[ruleName],
    resolveConfig: () => undefined,
  },
});

/** All findings for a model: Camunda 8.8 compatibility plus the Zaakstroom rules. */
export async function lintModel(
  definitions: ModdleElement,
  context: ZaakstroomLintContext,
): Promise<LintIssue[]> {
  const elements = new Map<string, ModdleElement>();
  for (const element of [...processes(definitions), ...flowElements(definitions)]) {
    if (element.id) elements.set(element.id, element);
  }
  const results = await linter.lint(definitions);
  const compat: LintIssue[] = Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      rule,
      severity:
        report.category === 'warn' || report.category === 'info'
          ? ('warn' as const)
          : ('error' as const),
      message: report.message,
      elementId: report.id,
      elementName: report.id ? elements.get(report.id)?.name : undefined,
    })),
  );
  return [...compat, ...zaakstroomIssues(definitions, context)].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
}
