import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useResource } from '../../../lib/useResource';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { getBurgerOverzicht, trekStatuslinkIn, verstuurNieuweStatuslink } from '../api/burger';

/** "Aanvrager": the citizen's status link and the information asked of them. */
export function ZaakBurger({ zaakId }: { zaakId: string }) {
  const user = useCurrentUser();
  const overzicht = useResource(`burger:${zaakId}`, (signal) => getBurgerOverzicht(zaakId, signal));
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const isCoordinator = hasRole(user, 'coordinator');
  const data = overzicht.data;

  async function act(action: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ type: 'ok', text: await action() });
      overzicht.reload();
    } catch (error) {
      setMessage({ type: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const open = data?.informatieverzoeken.filter((verzoek) => verzoek.status === 'open') ?? [];
  return (
    <section className="card" aria-labelledby="burger-titel">
      <h2 className="utrecht-heading-2" id="burger-titel">
        Aanvrager
      </h2>
      <ErrorAlert
        error={overzicht.error}
        title="De gegevens voor de aanvrager konden niet worden geladen"
      />
      {message && <Alert type={message.type}>{message.text}</Alert>}
      {data && (
        <>
          <p>
            {data.statuslink
              ? `De aanvrager heeft een link naar de statuspagina (geldig tot ${formatDate(data.statuslink.verloopt)}).`
              : data.initiatorHeeftEmail
                ? 'De aanvrager heeft geen geldige link naar de statuspagina.'
                : 'Geen statuspagina: van de aanvrager is geen e-mailadres bekend.'}
          </p>
          {isCoordinator && data.initiatorHeeftEmail && (
            <div className="zs-actions">
              {data.statuslink && (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  disabled={busy}
                  onClick={() =>
                    void act(
                      async () => (await trekStatuslinkIn(zaakId), 'De link is ingetrokken.'),
                    )
                  }
                >
                  Link intrekken
                </button>
              )}
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                disabled={busy}
                onClick={() =>
                  void act(async () =>
                    (await verstuurNieuweStatuslink(zaakId)).verstuurd
                      ? 'Er is een nieuwe link gemaild; de oude werkt niet meer.'
                      : 'Er is geen link verstuurd.',
                  )
                }
              >
                Nieuwe link mailen
              </button>
            </div>
          )}
          <h3 className="utrecht-heading-3">Openstaande informatieverzoeken</h3>
          {open.length === 0 ? (
            <p>Geen.</p>
          ) : (
            <ul>
              {open.map((verzoek) => (
                <li key={verzoek.id}>
                  {verzoek.omschrijving} (gevraagd {formatDate(verzoek.gevraagd)}
                  {verzoek.uiterlijkeDatum
                    ? `, uiterlijk ${formatDate(verzoek.uiterlijkeDatum)}`
                    : ''}
                  )
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
