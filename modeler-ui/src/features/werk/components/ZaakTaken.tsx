import { useState } from 'react';
import { Link } from 'react-router';
import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DeadlineMark } from '../../../components/DeadlineMark';
import { formatDate } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { getTaken } from '../api/taken';
import type { TaakState } from '../api/types';

const stateLabels: Record<TaakState, string> = {
  open: 'Open',
  claimed: 'Toegewezen',
  completed: 'Afgerond',
  cancelled: 'Vervallen',
};

/** Tasks of this zaak; finished ones on request. */
export function ZaakTaken({ zaakId }: { zaakId: string }) {
  const user = useCurrentUser();
  // Only coordinators and managers may list every task; others see their groups' tasks.
  const scope = hasRole(user, 'coordinator', 'manager') ? 'all' : 'group';
  const [showDone, setShowDone] = useState(false);
  const states: TaakState[] = showDone
    ? ['open', 'claimed', 'completed', 'cancelled']
    : ['open', 'claimed'];
  const taken = useResource(`zaak-taken:${zaakId}:${showDone}`, (signal) =>
    getTaken({ scope, zaakId, states, limit: 100 }, signal),
  );
  return (
    <section className="card" aria-labelledby="taken-titel">
      <h2 className="utrecht-heading-2" id="taken-titel">
        Taken
      </h2>
      <div className="checkbox-field">
        <input
          id="toon-afgeronde-taken"
          type="checkbox"
          checked={showDone}
          onChange={(event) => setShowDone(event.target.checked)}
        />
        <label htmlFor="toon-afgeronde-taken">Toon afgeronde taken</label>
      </div>
      <ErrorAlert error={taken.error} title="De taken konden niet worden geladen" />
      {taken.data?.taken.length === 0 && <p>Geen taken.</p>}
      <ul className="taken-lijst">
        {taken.data?.taken.map((taak) => (
          <li key={taak.id}>
            <Link className="utrecht-link" to={`/taken/${taak.id}`}>
              {taak.name}
            </Link>{' '}
            <span className="utrecht-badge-status badge">{stateLabels[taak.state]}</span>
            <div className="cell-note">
              {taak.assignee ? `Behandelaar: ${taak.assignee}` : 'Niet toegewezen'} · aangemaakt{' '}
              {formatDate(taak.createdAt)}
              {taak.dueDate && (
                <>
                  {' '}
                  · fatale datum{' '}
                  <DeadlineMark
                    date={taak.dueDate}
                    kind="fataal"
                    done={taak.state === 'completed'}
                  />
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
