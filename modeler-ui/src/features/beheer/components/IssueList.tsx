import type { LintIssue } from '../proces/lint/issue';

interface IssueListProps {
  issues: LintIssue[];
  /** When given, each finding on an element gets a button that shows the element. */
  onShowElement?: (elementId: string) => void;
}

/** Findings as a list, errors first; severity in words as well as colour. */
export function IssueList({ issues, onShowElement }: IssueListProps) {
  return (
    <ul className="zs-issues">
      {issues.map((issue, index) => (
        <li
          key={`${issue.rule}-${issue.elementId ?? ''}-${index}`}
          className={`zs-issue zs-issue--${issue.severity}`}
        >
          <span className="zs-issue__severity">
            {issue.severity === 'error' ? 'Fout' : 'Waarschuwing'}
          </span>{' '}
          {issue.elementId && onShowElement ? (
            <button
              type="button"
              className="zs-link-button"
              onClick={() => onShowElement(issue.elementId ?? '')}
            >
              {issue.elementName ?? issue.elementId}
            </button>
          ) : (
            issue.elementId && <strong>{issue.elementName ?? issue.elementId}</strong>
          )}
          {issue.elementId ? ': ' : ''}
          {issue.message} <span className="zs-issue__rule">({issue.rule})</span>
        </li>
      ))}
    </ul>
  );
}
