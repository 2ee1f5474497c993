import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useResource } from '../../../lib/useResource';
import { useSubmission } from '../../../lib/useSubmission';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import {
  getSignaleringen,
  markAllSignaleringenRead,
  markSignaleringRead,
  type Signalering,
} from '../api/signaleringen';

function linkOf(signalering: Signalering): string {
  return `/${signalering.subjectType === 'zaak' ? 'zaken' : 'taken'}/${encodeURIComponent(signalering.subjectId)}`;
}

/** The Werk start page's card: unread signaleringen with a link each, marked read one by one or all at once. */
export function SignaleringenCard() {
  const list = useResource('signaleringen', (signal) =>
    getSignaleringen({ ongelezen: true, limit: 20 }, signal),
  );
  const { busy, failure, submit } = useSubmission();
  const signaleringen = list.data?.signaleringen ?? [];

  async function run(action: () => Promise<void>) {
    if (await submit(action)) list.reload();
  }

  return (
    <section className="card signaleringen" aria-labelledby="signaleringen-titel">
      <h2 className="utrecht-heading-2" id="signaleringen-titel">
        Signaleringen
      </h2>
      <ErrorAlert error={list.error} title="De signaleringen konden niet worden geladen" />
      {failure && (
        <Alert type="error" title="Niet als gelezen gemarkeerd">
          {failure}
        </Alert>
      )}
      {list.data && signaleringen.length === 0 && <p>Geen nieuwe signaleringen.</p>}
      {signaleringen.length > 0 && (
        <ul className="signaleringen__lijst">
          {signaleringen.map((signalering) => (
            <li key={signalering.id} className="signalering">
              <Link to={linkOf(signalering)}>{signalering.tekst}</Link>
              <span className="signalering__meta">{formatDateTime(signalering.createdAt)}</span>
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle button--small"
                disabled={busy}
                onClick={() => void run(() => markSignaleringRead(signalering.id))}
                aria-label={`Markeer als gelezen: ${signalering.tekst}`}
              >
                Gelezen
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        {signaleringen.length > 0 && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={busy}
            onClick={() => void run(markAllSignaleringenRead)}
          >
            Alles als gelezen markeren
          </button>
        )}
        <Link to="/werk/instellingen">Instellingen voor signaleringen</Link>
      </div>
    </section>
  );
}
