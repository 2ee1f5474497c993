import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { CsvExportButton } from '../../../components/CsvExportButton';
import type { TermijnZaak } from '../api/overzicht';

const standLabel = { te_laat: 'Te laat', in_gevaar: 'In gevaar' } as const;

/**
 * Zaken past or near their fatale datum: open the zaak, or go to its tasks to reassign them. The
 * server sends the most urgent ones only; `totaal` says how many there are in all.
 */
export function TermijnenTable({ zaken, totaal }: { zaken: TermijnZaak[]; totaal: number }) {
  if (zaken.length === 0)
    return <p className="utrecht-paragraph">Geen zaken te laat of in gevaar.</p>;
  return (
    <>
      <CsvExportButton
        filename="termijnen.csv"
        header={[
          'Zaak',
          'Omschrijving',
          'Zaaktype',
          'Status',
          'Streefdatum',
          'Fatale datum',
          'Stand',
          'Behandelaars',
        ]}
        rows={zaken.map((z) => [
          z.identificatie,
          z.omschrijving,
          z.zaaktype,
          z.status,
          z.einddatumGepland,
          z.uiterlijkeEinddatumAfdoening,
          standLabel[z.stand],
          z.behandelaars.join(', '),
        ])}
      />
      <table className="utrecht-table utrecht-table--html-table zs-overzicht-table">
        <caption className="utrecht-table__caption">
          Zaken te laat of in gevaar, de dringendste eerst (
          {totaal > zaken.length
            ? `${zaken.length} van ${totaal}; verfijn de filters om de andere te zien`
            : zaken.length}
          )
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {['Zaak', 'Zaaktype', 'Status', 'Fatale datum', 'Stand', 'Behandelaar', 'Actie'].map(
              (h) => (
                <th key={h} scope="col" className="utrecht-table__header-cell">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {zaken.map((zaak) => (
            <tr key={zaak.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <Link to={`/zaken/${zaak.id}`}>{zaak.identificatie}</Link>
                <br />
                {zaak.omschrijving}
              </td>
              <td className="utrecht-table__cell">{zaak.zaaktype}</td>
              <td className="utrecht-table__cell">{zaak.status ?? '–'}</td>
              <td className="utrecht-table__cell">
                {formatDate(zaak.uiterlijkeEinddatumAfdoening)}
              </td>
              <td className={`utrecht-table__cell zs-stand zs-stand--${zaak.stand}`}>
                {standLabel[zaak.stand]}
              </td>
              <td className="utrecht-table__cell">{zaak.behandelaars.join(', ') || 'Niemand'}</td>
              <td className="utrecht-table__cell">
                <Link
                  to={`/werk?lijst=alle&q=${encodeURIComponent(zaak.identificatie)}`}
                  aria-label={`Taken van ${zaak.identificatie} verdelen`}
                >
                  Verdelen
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
