import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { DeadlineMark } from '../../../components/DeadlineMark';
import { formatDate } from '../../../lib/format';
import type { ZaakDetail } from '../api/types';
import { ZaakIndicaties } from './ZaakIndicaties';

/** The zaak's key data beside a task. */
export function ZaakSummary({ zaak, error }: { zaak: ZaakDetail | undefined; error: unknown }) {
  if (error) return <ErrorAlert error={error} title="De zaak kon niet worden geladen" />;
  if (!zaak) return <Loading label="Zaak laden…" />;
  const done = zaak.einddatum !== null;
  const initiator = zaak.rollen.find((rol) => rol.omschrijvingGeneriek === 'initiator');
  return (
    <section className="card" aria-labelledby="zaak-samenvatting-titel">
      <h2 className="utrecht-heading-2" id="zaak-samenvatting-titel">
        Zaak{' '}
        <Link className="utrecht-link" to={`/zaken/${zaak.id}`}>
          {zaak.identificatie}
        </Link>
      </h2>
      <dl className="data-list">
        <div className="data-list__item">
          <dt>Omschrijving</dt>
          <dd>{zaak.omschrijving}</dd>
        </div>
        <div className="data-list__item">
          <dt>Zaaktype</dt>
          <dd>{zaak.zaaktype.identificatie}</dd>
        </div>
        <div className="data-list__item">
          <dt>Status</dt>
          <dd>{zaak.status?.statustype ?? 'Geen status'}</dd>
        </div>
        <div className="data-list__item">
          <dt>Startdatum</dt>
          <dd>{formatDate(zaak.startdatum)}</dd>
        </div>
        <div className="data-list__item">
          <dt>Fatale datum</dt>
          <dd>
            <DeadlineMark date={zaak.uiterlijkeEinddatumAfdoening} kind="fataal" done={done} />
          </dd>
        </div>
        {initiator && (
          <div className="data-list__item">
            <dt>Initiator</dt>
            <dd>
              {initiator.betrokkene.naam ??
                initiator.betrokkene.bsn ??
                initiator.betrokkene.kvkNummer ??
                '—'}
            </dd>
          </div>
        )}
        <div className="data-list__item">
          <dt>Indicaties</dt>
          <dd>
            <ZaakIndicaties zaak={zaak} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
