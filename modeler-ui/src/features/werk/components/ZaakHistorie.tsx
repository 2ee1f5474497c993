import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/format';
import { getZaakAudit } from '../api/zaken';
import { auditLabel } from '../utils/auditLabels';

/** Old and new values are JSON; a short readable line is enough here. */
function summarise(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return '—';
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== null && typeof item !== 'object')
    .slice(0, 4)
    .map(([key, item]) => `${key}: ${String(item)}`);
  return entries.length > 0 ? entries.join('; ') : '(gegevens)';
}

export function ZaakHistorie({ zaakId, revision }: { zaakId: string; revision: number }) {
  const audit = useResource(`audit:${zaakId}:${revision}`, (signal) =>
    getZaakAudit(zaakId, signal),
  );
  return (
    <section className="card" aria-labelledby="historie-titel">
      <h2 className="utrecht-heading-2" id="historie-titel">
        Historie
      </h2>
      {audit.loading && !audit.data && <Loading label="Historie laden…" />}
      <ErrorAlert error={audit.error} title="De historie kon niet worden geladen" />
      {audit.data && audit.data.entries.length === 0 && <p>Nog geen historie.</p>}
      {audit.data && audit.data.entries.length > 0 && (
        <div className="table-scroll">
          <table className="utrecht-table utrecht-table--html-table">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {['Datum', 'Gebruiker', 'Actie', 'Oude waarde', 'Nieuwe waarde', 'Toelichting'].map(
                  (label) => (
                    <th key={label} scope="col" className="utrecht-table__header-cell">
                      {label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {audit.data.entries.map((entry) => (
                <tr key={entry.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDateTime(entry.at)}</td>
                  <td className="utrecht-table__cell">{entry.actor.name}</td>
                  <td className="utrecht-table__cell">{auditLabel(entry.action)}</td>
                  <td className="utrecht-table__cell cell-clip">{summarise(entry.oldValue)}</td>
                  <td className="utrecht-table__cell cell-clip">{summarise(entry.newValue)}</td>
                  <td className="utrecht-table__cell">{entry.remark ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
