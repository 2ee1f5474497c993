import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { formatAge, formatDateTime } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { retryIncident, type Incident } from '../api/overzicht';
import { CsvExportButton } from '../../../components/CsvExportButton';

/** Stuck process instances of zaken; coordinators can give the step another try. */
export function IncidentenTable({
  incidenten,
  onRetried,
}: {
  incidenten: Incident[];
  onRetried: () => void;
}) {
  const user = useCurrentUser();
  const mayRetry = hasRole(user, 'coordinator');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function retry(incident: Incident) {
    setBusy(incident.incidentKey);
    setMessage(null);
    try {
      await retryIncident(incident.incidentKey);
      setMessage({
        ok: true,
        text: `De stap ${incident.elementId} van ${incident.zaak.identificatie} wordt opnieuw geprobeerd.`,
      });
      onRetried();
    } catch (error) {
      setMessage({ ok: false, text: `Opnieuw proberen is mislukt: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      {message && (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'utrecht-paragraph' : 'utrecht-form-field-error-message'}
        >
          {message.text}
        </p>
      )}
      {incidenten.length === 0 ? (
        <p className="utrecht-paragraph">Geen open incidenten.</p>
      ) : (
        <>
          <CsvExportButton
            filename="incidenten.csv"
            label="Incidenten exporteren (CSV)"
            header={['Zaak', 'Stap', 'Fouttype', 'Fout', 'Sinds']}
            rows={incidenten.map((incident) => [
              incident.zaak.identificatie,
              incident.elementId,
              incident.errorType,
              incident.errorMessage,
              incident.creationTime,
            ])}
          />
          <table className="utrecht-table utrecht-table--html-table zs-overzicht-table">
            <caption className="utrecht-table__caption">
              Vastgelopen processen ({incidenten.length})
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['Zaak', 'Stap', 'Fout', 'Sinds', 'Actie'].map((h) => (
                  <th key={h} scope="col" className="utrecht-table__header-cell">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {incidenten.map((incident) => (
                <tr key={incident.incidentKey} className="utrecht-table__row">
                  <td className="utrecht-table__cell">
                    <Link to={`/zaken/${incident.zaak.id}`}>{incident.zaak.identificatie}</Link>
                  </td>
                  <td className="utrecht-table__cell">{incident.elementId}</td>
                  <td className="utrecht-table__cell">
                    {incident.errorType}: {incident.errorMessage}
                  </td>
                  <td className="utrecht-table__cell" title={formatDateTime(incident.creationTime)}>
                    {formatAge(incident.creationTime)}
                  </td>
                  <td className="utrecht-table__cell">
                    {mayRetry ? (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--secondary-action button--small"
                        disabled={busy === incident.incidentKey}
                        onClick={() => void retry(incident)}
                        aria-label={`Opnieuw proberen: ${incident.elementId} van ${incident.zaak.identificatie}`}
                      >
                        Opnieuw proberen
                      </button>
                    ) : (
                      'Alleen een coördinator kan dit opnieuw proberen'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
