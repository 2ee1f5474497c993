import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import {
  getSignaleringInstellingen,
  saveSignaleringInstellingen,
  type SignaleringSetting,
} from '../api/signaleringen';

/** Werk → Instellingen: per event, whether it shows on the dashboard and/or comes by e-mail (hourly digest). */
export function InstellingenPage() {
  const stored = useResource('signalering-instellingen', (signal) =>
    getSignaleringInstellingen(signal),
  );
  const [settings, setSettings] = useState<SignaleringSetting[]>([]);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (stored.data) setSettings(stored.data.instellingen);
  }, [stored.data]);

  function toggle(eventType: string, channel: 'dashboard' | 'email', value: boolean) {
    setSaved(false);
    setSettings((current) =>
      current.map((s) => (s.eventType === eventType ? { ...s, [channel]: value } : s)),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setFailure(null);
    try {
      const answer = await saveSignaleringInstellingen(
        settings.map(({ eventType, dashboard, email }) => ({ eventType, dashboard, email })),
      );
      setSettings(answer.instellingen);
      setSaved(true);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="page">
      <h1 className="utrecht-heading-1">Instellingen</h1>
      <p className="utrecht-paragraph">
        Kies per signalering of u die op uw startpagina ziet en of u er e-mail over krijgt. E-mail
        komt gebundeld: hoogstens één bericht per uur.{' '}
        <Link to="/werk">Terug naar de werkvoorraad</Link>
      </p>
      <ErrorAlert error={stored.error} title="De instellingen konden niet worden geladen" />
      {stored.loading && !stored.data && <Loading />}
      {settings.length > 0 && (
        <form onSubmit={(event) => void submit(event)} className="stack">
          {saved && <Alert type="ok">Uw instellingen zijn opgeslagen.</Alert>}
          {failure && (
            <Alert type="error" title="De instellingen zijn niet opgeslagen">
              {failure}
            </Alert>
          )}
          <div className="table-scroll">
            <table className="utrecht-table">
              <caption className="visually-hidden">Signaleringen: startpagina en e-mail</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th className="utrecht-table__header-cell" scope="col">
                    Signalering
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    Startpagina
                  </th>
                  <th className="utrecht-table__header-cell" scope="col">
                    E-mail
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {settings.map((setting) => (
                  <tr key={setting.eventType} className="utrecht-table__row">
                    <th
                      className="utrecht-table__cell"
                      scope="row"
                      id={`label-${setting.eventType}`}
                    >
                      {setting.label}
                    </th>
                    {(['dashboard', 'email'] as const).map((channel) => (
                      <td key={channel} className="utrecht-table__cell">
                        <input
                          type="checkbox"
                          checked={setting[channel]}
                          onChange={(event) =>
                            toggle(setting.eventType, channel, event.target.checked)
                          }
                          aria-label={`${setting.label}: ${channel === 'dashboard' ? 'op de startpagina' : 'per e-mail'}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--primary-action"
              disabled={busy}
            >
              Opslaan
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
