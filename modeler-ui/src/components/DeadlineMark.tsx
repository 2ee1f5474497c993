import { daysUntil, formatDate } from '../lib/format';

interface DeadlineMarkProps {
  date: string | null | undefined;
  /** 'fataal' shows red when passed; 'streef' shows yellow. */
  kind: 'fataal' | 'streef';
  /** Days before the date from which it counts as at risk. */
  riskDays?: number;
  /** A finished zaak or task has no deadline to watch. */
  done?: boolean;
}

/** A date with its state in words as well as colour: overschreden / bijna verlopen. */
export function DeadlineMark({ date, kind, riskDays = 5, done = false }: DeadlineMarkProps) {
  const days = daysUntil(date);
  if (!date || days === null) return <span>—</span>;
  if (done) return <span>{formatDate(date)}</span>;
  if (days < 0) {
    return (
      <span className={`deadline deadline--${kind === 'fataal' ? 'overdue' : 'warning'}`}>
        {formatDate(date)}
        <span className="deadline__text"> Deze datum is overschreden</span>
      </span>
    );
  }
  if (days <= riskDays) {
    return (
      <span className="deadline deadline--risk">
        {formatDate(date)}
        <span className="deadline__text">
          {' '}
          Verloopt {days === 0 ? 'vandaag' : `over ${days} dag${days === 1 ? '' : 'en'}`}
        </span>
      </span>
    );
  }
  return <span>{formatDate(date)}</span>;
}
