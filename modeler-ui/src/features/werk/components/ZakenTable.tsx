import { Link } from 'react-router';
import { SortableHeader, directionOf, nextSort } from '../../../components/SortableHeader';
import { DeadlineMark } from '../../../components/DeadlineMark';
import { daysUntil, formatDate } from '../../../lib/format';
import type { Zaak } from '../api/types';
import { ZaakIndicaties } from './ZaakIndicaties';

interface ZakenTableProps {
  zaken: Zaak[];
  sort: string | null;
  hrefWith: (changes: Record<string, string | number | null>) => string;
}

function Header({ children }: { children: string }) {
  return (
    <th scope="col" className="utrecht-table__header-cell">
      {children}
    </th>
  );
}

export function ZakenTable({ zaken, sort, hrefWith }: ZakenTableProps) {
  if (zaken.length === 0)
    return <p className="utrecht-paragraph">Er zijn geen zaken die aan de filters voldoen.</p>;
  const sortable = (field: string, label: string) => (
    <SortableHeader
      label={label}
      direction={directionOf(field, sort)}
      href={hrefWith({ sort: nextSort(field, sort) })}
    />
  );
  return (
    <div className="utrecht-table-container table-scroll">
      <table className="utrecht-table utrecht-table--html-table" aria-labelledby="werklijst-titel">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {sortable('identificatie', 'Zaaknummer')}
            <Header>Status</Header>
            <Header>Zaaktype</Header>
            <Header>Omschrijving</Header>
            {sortable('startdatum', 'Startdatum')}
            <Header>Streefdatum</Header>
            {sortable('uiterlijkeEinddatumAfdoening', 'Fatale datum')}
            <Header>Dagen tot fatale datum</Header>
            <Header>Indicaties</Header>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {zaken.map((zaak) => (
            <ZaakTableRow key={zaak.id} zaak={zaak} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ZaakTableRow({ zaak }: { zaak: Zaak }) {
  const done = zaak.einddatum !== null;
  const days = done ? null : daysUntil(zaak.uiterlijkeEinddatumAfdoening);
  return (
    <tr className="utrecht-table__row">
      <td className="utrecht-table__cell">
        <Link className="utrecht-link" to={`/zaken/${zaak.id}`}>
          {zaak.identificatie}
        </Link>
      </td>
      <td className="utrecht-table__cell">{zaak.status?.statustype ?? '—'}</td>
      <td className="utrecht-table__cell">{zaak.zaaktype.identificatie}</td>
      <td className="utrecht-table__cell">{zaak.omschrijving}</td>
      <td className="utrecht-table__cell">{formatDate(zaak.startdatum)}</td>
      <td className="utrecht-table__cell">
        <DeadlineMark date={zaak.einddatumGepland} kind="streef" done={done} />
      </td>
      <td className="utrecht-table__cell">
        <DeadlineMark date={zaak.uiterlijkeEinddatumAfdoening} kind="fataal" done={done} />
      </td>
      <td className="utrecht-table__cell">{days === null ? '—' : days}</td>
      <td className="utrecht-table__cell">
        <ZaakIndicaties zaak={zaak} />
      </td>
    </tr>
  );
}
