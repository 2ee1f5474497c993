import { useState } from 'react';
import { useNavigate } from 'react-router';
import { endProefrun, startProefrun } from '../api/proefrun';
import { ApiError, describeError } from '../api/http';
import type { ZaaktypeVersion } from '../api/types';

/** A test BSN that passes the elfproef and belongs to nobody (the BRP's test range). */
const PROEF_BSN = '999993653';

interface ProefrunPanelProps {
  /** The version as saved: the proefrun runs the saved model, never unsaved edits. */
  saved: ZaaktypeVersion;
  dirty: boolean;
}

/**
 * Proefrun (as Camunda's "Play"): runs the saved version as a sandbox process with a zaak that only
 * this beheerder sees and that counts in no register or figure, then opens that zaak.
 */
export function ProefrunPanel({ saved, dirty }: ProefrunPanelProps) {
  const navigate = useNavigate();
  const [omschrijving, setOmschrijving] = useState(`Proefrun ${saved.omschrijving}`.slice(0, 80));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; problems: string[] }>();

  const start = async () => {
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      const zaak = await startProefrun(saved.identificatie, saved.versie, {
        omschrijving,
        initiator: { type: 'natuurlijk_persoon', bsn: PROEF_BSN, naam: 'Proef Persoon' },
      });
      void navigate(`/zaken/${zaak.id}`, {
        state: { message: `Proefrun ${zaak.identificatie} is gestart.` },
      });
    } catch (error) {
      setFailure({
        text: `De proefrun kon niet starten: ${describeError(error)}`,
        problems: error instanceof ApiError ? error.sentences() : [],
      });
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const { verwijderd } = await endProefrun(saved.identificatie, saved.versie);
      setMessage(
        verwijderd === 0
          ? 'Er liep geen proefrun van deze versie.'
          : `${verwijderd} ${verwijderd === 1 ? 'proefrun is' : 'proefruns zijn'} beëindigd en verwijderd.`,
      );
    } catch (error) {
      setFailure({ text: `Beëindigen is niet gelukt: ${describeError(error)}`, problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zs-proefrun" aria-labelledby="zs-proefrun-heading">
      <h3 id="zs-proefrun-heading">Proefrun</h3>
      <p>
        Probeer versie {saved.versie} uit zonder te publiceren: er start een proefzaak die alleen u
        ziet, met de taken op uw naam. Een proefrun telt niet mee in registers en cijfers.
      </p>
      {dirty && (
        <p className="zs-alert zs-alert--warn" role="alert">
          Er zijn niet-opgeslagen wijzigingen. De proefrun gebruikt de opgeslagen versie; sla eerst
          op.
        </p>
      )}
      <div className="zs-publish__actions">
        <label htmlFor="zs-proefrun-omschrijving">Omschrijving van de proefzaak</label>
        <input
          id="zs-proefrun-omschrijving"
          value={omschrijving}
          maxLength={80}
          onChange={(e) => setOmschrijving(e.target.value)}
        />
        <button
          type="button"
          className="zs-button--primary"
          disabled={busy || omschrijving.trim() === ''}
          onClick={() => void start()}
        >
          Proefrun starten
        </button>
        <button type="button" disabled={busy} onClick={() => void end()}>
          Proefruns beëindigen
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {failure && (
        <div role="alert" className="zs-alert zs-alert--error">
          <p>{failure.text}</p>
          {failure.problems.length > 0 && (
            <ul>
              {failure.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
