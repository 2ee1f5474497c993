import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useResource } from '../../../lib/useResource';
import { formatDate } from '../../../lib/format';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { DeadlineMark } from '../../../components/DeadlineMark';
import { getTaak } from '../api/taken';
import { getZaak } from '../api/zaken';
import { ClaimButton } from './ClaimButton';
import { TaakFormPanel } from './TaakFormPanel';
import { ZaakSummary } from './ZaakSummary';
import { ProcessDiagram } from './ProcessDiagram';

export function TaakPage() {
  const { id = '' } = useParams();
  const taak = useResource(`taak:${id}`, (signal) => getTaak(id, signal));
  const zaakId = taak.data?.zaakId ?? null;
  const zaak = useResource(`taak-zaak:${zaakId}`, (signal) =>
    zaakId ? getZaak(zaakId, signal) : Promise.resolve(undefined),
  );
  const [claimMessage, setClaimMessage] = useState<string | null>(null);
  if (taak.loading && !taak.data) return <Loading label="Taak laden…" />;
  if (!taak.data) return <ErrorAlert error={taak.error} title="De taak kon niet worden geladen" />;
  const current = taak.data;
  const finished = current.state === 'completed' || current.state === 'cancelled';

  return (
    <article className="page taak-page">
      <p>
        <Link className="utrecht-link" to="/werk">
          ← Werkvoorraad
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{current.name}</h1>
      <p className="taak-meta">
        Aangemaakt {formatDate(current.createdAt)} · Behandelaar:{' '}
        {current.assignee ?? 'niet toegewezen'}
        {current.dueDate && (
          <>
            {' '}
            · Fatale datum: <DeadlineMark date={current.dueDate} kind="fataal" done={finished} />
          </>
        )}
      </p>
      {claimMessage && <Alert type="ok">{claimMessage}</Alert>}
      {current.state === 'open' && (
        <div className="claim-row">
          <p>Deze taak is nog niet toegewezen. Wijs hem eerst aan u toe om hem af te ronden.</p>
          <ClaimButton
            taak={current}
            onChanged={(message) => {
              setClaimMessage(message);
              taak.reload();
            }}
          />
        </div>
      )}
      <div className="taak-page__grid">
        <div>
          <TaakFormPanel
            taak={current}
            schema={current.formSchema ?? null}
            onCompleted={taak.reload}
          />
        </div>
        <aside aria-label="Zaak bij deze taak" className="taak-page__aside">
          {zaakId ? (
            <ZaakSummary zaak={zaak.data} error={zaak.error} />
          ) : (
            <p>Deze taak hoort niet bij een zaak.</p>
          )}
          <ProcessDiagram processInstanceKey={current.processInstanceKey} title="Proces" />
        </aside>
      </div>
    </article>
  );
}
