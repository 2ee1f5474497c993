import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatAge, formatDateTime } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getZaakIncidenten, retryZaakIncident, type ZaakIncident } from '../api/incidenten';

const stepOf = (incident: ZaakIncident) => incident.elementName ?? incident.elementId;

/**
 * Steps of the zaak's process that are stuck (a job failed with no retries left), with the error;
 * coordinators give the step another try. Shown only while there is something stuck.
 */
export function ZaakStoringen({
  zaakId,
  revision,
  onRetried,
}: {
  zaakId: string;
  revision: number;
  onRetried: (message: string) => void;
}) {
  const user = useCurrentUser();
  const mayRetry = hasRole(user, 'coordinator');
  const incidenten = useResource(`incidenten:${zaakId}:${revision}`, (signal) =>
    getZaakIncidenten(zaakId, signal),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function retry(incident: ZaakIncident) {
    setBusy(incident.incidentKey);
    setFailure(null);
    try {
      await retryZaakIncident(zaakId, incident.incidentKey);
      incidenten.reload();
      onRetried(`De stap ${stepOf(incident)} wordt opnieuw geprobeerd.`);
    } catch (error) {
      setFailure(`Opnieuw proberen is mislukt: ${errorMessage(error)}`);
    } finally {
      setBusy(null);
    }
  }

  const open = incidenten.data?.incidenten ?? [];
  if (!incidenten.error && !failure && open.length === 0) return null;
  return (
    <section className="card" aria-labelledby="storingen-titel">
      <h2 className="utrecht-heading-2" id="storingen-titel">
        Storingen
      </h2>
      <ErrorAlert error={incidenten.error} title="De storingen konden niet worden geladen" />
      {failure && (
        <p role="alert" className="utrecht-form-field-error-message">
          {failure}
        </p>
      )}
      <ul className="storingen">
        {open.map((incident) => (
          <li key={incident.incidentKey} className="storing">
            <p className="storing__meta">
              Stap {stepOf(incident)} ·{' '}
              <span title={formatDateTime(incident.creationTime)}>
                sinds {formatAge(incident.creationTime)}
              </span>
            </p>
            <p className="storing__tekst">{incident.errorMessage}</p>
            {mayRetry ? (
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action button--small"
                disabled={busy === incident.incidentKey}
                onClick={() => void retry(incident)}
                aria-label={`Opnieuw proberen: ${stepOf(incident)}`}
              >
                Opnieuw proberen
              </button>
            ) : (
              <p>Een coördinator kan deze stap opnieuw laten proberen.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
