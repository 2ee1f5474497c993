import { IssueList } from '../components/IssueList';
import type { LintIssue } from './lint/issue';

interface LintPanelProps {
  issues: LintIssue[] | undefined;
  onShowElement: (elementId: string) => void;
}

/** The checks of the model, live: Camunda 8.8 compatibility and the Zaakstroom rules. */
export function LintPanel({ issues, onShowElement }: LintPanelProps) {
  const errors = issues?.filter((i) => i.severity === 'error').length ?? 0;
  const warnings = (issues?.length ?? 0) - errors;
  return (
    <section className="zs-lint-panel" aria-labelledby="zs-lint-heading">
      <h3 id="zs-lint-heading">Controle van het model</h3>
      <p role="status" className="zs-lint-panel__summary">
        {issues === undefined
          ? 'Controleren…'
          : issues.length === 0
            ? 'Geen problemen gevonden.'
            : `${errors} ${errors === 1 ? 'fout' : 'fouten'}, ${warnings} ${warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}`}
      </p>
      {issues && issues.length > 0 && <IssueList issues={issues} onShowElement={onShowElement} />}
    </section>
  );
}
