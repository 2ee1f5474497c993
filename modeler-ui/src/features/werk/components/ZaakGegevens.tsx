import { DeadlineMark } from '../../../components/DeadlineMark';
import { formatDate, formatDuration } from '../../../lib/format';
import type { ZaakDetail } from '../api/types';

function behandelaarOf(zaak: ZaakDetail): string {
  const rol = zaak.rollen.find((item) => item.omschrijvingGeneriek === 'behandelaar');
  return rol?.betrokkene.naam ?? rol?.betrokkene.username ?? 'Niet toegewezen';
}

/** Key data of a zaak, with a note on the fatale datum when it was suspended or extended. */
export function ZaakGegevens({ zaak }: { zaak: ZaakDetail }) {
  const done = zaak.einddatum !== null;
  const lopend = zaak.opschortingen.find((item) => item.tot === null);
  const rows: Array<[string, React.ReactNode]> = [
    ['Status', zaak.status?.statustype ?? 'Geen status'],
    ['Zaaktype', `${zaak.zaaktype.identificatie} (versie ${zaak.zaaktype.versie})`],
    ['Registratiedatum', formatDate(zaak.registratiedatum)],
    ['Startdatum', formatDate(zaak.startdatum)],
    [
      'Streefdatum',
      <DeadlineMark key="s" date={zaak.einddatumGepland} kind="streef" done={done} />,
    ],
    [
      'Fatale datum',
      <>
        <DeadlineMark date={zaak.uiterlijkeEinddatumAfdoening} kind="fataal" done={done} />
        {zaak.opschorting.indicatie && (
          <p className="cell-note">
            Opgeschort{lopend ? ` sinds ${formatDate(lopend.van)}` : ''}:{' '}
            {zaak.opschorting.reden ?? 'geen reden'}. De fatale datum schuift op met de duur van de
            opschorting.
          </p>
        )}
        {zaak.verlenging && (
          <p className="cell-note">
            Verlengd met {formatDuration(zaak.verlenging.duur)} op{' '}
            {formatDate(zaak.verlenging.datum)}: {zaak.verlenging.reden}
          </p>
        )}
      </>,
    ],
    ['Einddatum', formatDate(zaak.einddatum)],
    ['Resultaat', zaak.resultaat?.resultaattype ?? '—'],
    ['Behandelaar', behandelaarOf(zaak)],
    ['Vertrouwelijkheid', zaak.vertrouwelijkheidaanduiding.replace(/_/g, ' ')],
    ['Omschrijving', zaak.omschrijving],
    ['Toelichting', zaak.toelichting ?? '—'],
  ];
  return (
    <section className="card" aria-labelledby="zaakgegevens-titel">
      <h2 className="utrecht-heading-2" id="zaakgegevens-titel">
        Zaakgegevens
      </h2>
      <dl className="data-list">
        {rows.map(([label, value]) => (
          <div key={label} className="data-list__item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {zaak.opschortingen.length > 0 && (
        <>
          <h3 className="utrecht-heading-3">Opschortingen</h3>
          <ul>
            {zaak.opschortingen.map((item) => (
              <li key={item.van}>
                {formatDate(item.van)} tot {item.tot ? formatDate(item.tot) : 'nu'}: {item.reden}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
