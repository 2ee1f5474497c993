import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useResource } from '../../../lib/useResource';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { getZaak } from '../api/zaken';
import { getZaaktypeVersie } from '../api/catalogus';
import { ZaakGegevens } from './ZaakGegevens';
import { ZaakActies } from './ZaakActies';
import { ZaakHistorie } from './ZaakHistorie';
import { ZaakBetrokkenen } from './ZaakBetrokkenen';
import { ZaakBurger } from './ZaakBurger';
import { ZaakDocumenten } from './ZaakDocumenten';
import { ZaakEigenschappen } from './ZaakEigenschappen';
import { ZaakNotities } from './ZaakNotities';
import { ZaakStatusverloop } from './ZaakStatusverloop';
import { ZaakStoringen } from './ZaakStoringen';
import { ZaakTaken } from './ZaakTaken';
import { ProcessDiagram } from './ProcessDiagram';

export function ZaakPage() {
  const { id = '' } = useParams();
  const zaak = useResource(`zaak:${id}`, (signal) => getZaak(id, signal));
  const identificatie = zaak.data?.zaaktype.identificatie;
  const versie = zaak.data?.zaaktype.versie;
  const zaaktype = useResource(`zaaktype:${identificatie}:${versie}`, (signal) =>
    identificatie && versie
      ? getZaaktypeVersie(identificatie, versie, signal)
      : Promise.resolve(undefined),
  );
  // A page that sent us here may pass a confirmation, e.g. "Zaak … is gestart".
  const arrival = (useLocation().state as { message?: string } | null)?.message ?? null;
  const [message, setMessage] = useState<string | null>(arrival);
  // Bumped after each action so the Historie reloads with it.
  const [revision, setRevision] = useState(0);

  if (zaak.loading && !zaak.data) return <Loading label="Zaak laden…" />;
  if (!zaak.data) return <ErrorAlert error={zaak.error} title="De zaak kon niet worden geladen" />;

  function changed(text: string) {
    setMessage(text);
    setRevision((value) => value + 1);
    zaak.reload();
  }

  return (
    <article className="page zaak-page">
      <p>
        {zaak.data.proefrun ? (
          <Link
            className="utrecht-link"
            to={`/beheer/zaaktypen/${encodeURIComponent(zaak.data.zaaktype.identificatie)}/versies/${zaak.data.zaaktype.versie}/publiceren`}
          >
            ← Terug naar het zaaktype in Beheer
          </Link>
        ) : (
          <Link className="utrecht-link" to="/werk?lijst=zaken">
            ← Zaken-werkvoorraad
          </Link>
        )}
      </p>
      <h1 className="utrecht-heading-1">
        Zaak {zaak.data.identificatie}
        <span className="heading-sub"> {zaak.data.omschrijving}</span>
      </h1>
      {zaak.data.proefrun && (
        <Alert type="warning" title="Proefrun — telt niet mee in registers en cijfers">
          Deze zaak is een proefrun van versie {zaak.data.zaaktype.versie} van{' '}
          {zaak.data.zaaktype.identificatie}. Alleen u ziet haar; de taken staan op uw naam.
          Beëindig de proefrun in Beheer onder Publiceren.
        </Alert>
      )}
      {message && <Alert type="ok">{message}</Alert>}
      <ZaakActies zaak={zaak.data} zaaktype={zaaktype.data} onChanged={changed} />
      <ZaakStoringen zaakId={zaak.data.id} revision={revision} onRetried={changed} />
      <div className="zaak-page__grid">
        <ZaakGegevens zaak={zaak.data} />
        <ZaakTaken zaakId={zaak.data.id} />
      </div>
      <ProcessDiagram processInstanceKey={zaak.data.processInstanceKey} revision={revision} />
      <ZaakStatusverloop zaak={zaak.data} />
      <ZaakBetrokkenen rollen={zaak.data.rollen} />
      <ZaakEigenschappen
        key={`eigenschappen-${revision}`}
        zaakId={zaak.data.id}
        open={zaak.data.einddatum === null}
      />
      <ZaakBurger key={revision} zaakId={zaak.data.id} />
      <ZaakDocumenten
        zaakId={zaak.data.id}
        documenttypen={zaaktype.data?.informatieobjecttypen?.map((type) => type.omschrijving) ?? []}
        onChanged={() => setRevision((value) => value + 1)}
      />
      <ZaakNotities zaakId={zaak.data.id} />
      <ZaakHistorie zaakId={zaak.data.id} revision={revision} />
    </article>
  );
}
