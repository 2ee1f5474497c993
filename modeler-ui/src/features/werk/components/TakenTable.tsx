import { Link } from 'react-router';
import { SortableHeader, directionOf, nextSort } from '../../../components/SortableHeader';
import { DeadlineMark } from '../../../components/DeadlineMark';
import { daysUntil, formatDate } from '../../../lib/format';
import type { TaakRow } from '../utils/taakRows';
import { ClaimButton } from './ClaimButton';

/** Row selection for bulk actions (coordinators). */
export interface TaakSelection {
  selected: ReadonlySet<string>;
  onChange: (selected: ReadonlySet<string>) => void;
}

interface TakenTableProps {
  rows: TaakRow[];
  sort: string | null;
  hrefWith: (changes: Record<string, string | number | null>) => string;
  onChanged: (message: string) => void;
  selection?: TaakSelection | undefined;
}

const columns: Array<{ field: string; label: string }> = [
  { field: 'naam', label: 'Taak' },
  { field: 'zaaknummer', label: 'Hoort bij zaak' },
  { field: 'zaaktype', label: 'Zaaktype' },
  { field: 'creatiedatum', label: 'Creatiedatum' },
  { field: 'fataleDatum', label: 'Fatale datum' },
];

export function TakenTable({ rows, sort, hrefWith, onChanged, selection }: TakenTableProps) {
  if (rows.length === 0)
    return <p className="utrecht-paragraph">Er zijn geen taken in deze lijst.</p>;
  const ids = rows.map((row) => row.taak.id);
  const allSelected = selection !== undefined && ids.every((id) => selection.selected.has(id));
  const toggleAll = () => selection?.onChange(new Set(allSelected ? [] : ids));
  return (
    <div className="utrecht-table-container table-scroll">
      <table className="utrecht-table utrecht-table--html-table" aria-labelledby="werklijst-titel">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {selection && (
              <th scope="col" className="utrecht-table__header-cell">
                <input
                  type="checkbox"
                  className="utrecht-checkbox"
                  checked={allSelected}
                  onChange={toggleAll}
                  aria-label="Selecteer alle taken op deze pagina"
                />
              </th>
            )}
            {columns.map((column) => (
              <SortableHeader
                key={column.field}
                label={column.label}
                direction={directionOf(column.field, sort)}
                href={hrefWith({ sort: nextSort(column.field, sort) })}
              />
            ))}
            <th scope="col" className="utrecht-table__header-cell">
              Dagen tot fatale datum
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Groep
            </th>
            <SortableHeader
              label="Behandelaar"
              direction={directionOf('behandelaar', sort)}
              href={hrefWith({ sort: nextSort('behandelaar', sort) })}
            />
            <th scope="col" className="utrecht-table__header-cell">
              <span className="visually-hidden">Acties</span>
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <TaakTableRow key={row.taak.id} row={row} onChanged={onChanged} selection={selection} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface TaakTableRowProps {
  row: TaakRow;
  onChanged: (message: string) => void;
  selection: TaakSelection | undefined;
}

function TaakTableRow({ row, onChanged, selection }: TaakTableRowProps) {
  const days = daysUntil(row.fataleDatum);
  const id = row.taak.id;
  function toggle() {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.onChange(next);
  }
  return (
    <tr className="utrecht-table__row">
      {selection && (
        <td className="utrecht-table__cell">
          <input
            type="checkbox"
            className="utrecht-checkbox"
            checked={selection.selected.has(id)}
            onChange={toggle}
            aria-label={`Selecteer ${row.naam} ${row.zaaknummer}`.trim()}
          />
        </td>
      )}
      <td className="utrecht-table__cell">
        <Link className="utrecht-link" to={`/taken/${row.taak.id}`}>
          {row.naam}
        </Link>
      </td>
      <td className="utrecht-table__cell">
        {row.zaakId ? (
          <Link className="utrecht-link" to={`/zaken/${row.zaakId}`}>
            {row.zaaknummer || 'Zaak'}
          </Link>
        ) : (
          '—'
        )}
        {row.zaakomschrijving && <div className="cell-note">{row.zaakomschrijving}</div>}
      </td>
      <td className="utrecht-table__cell">{row.zaaktype || '—'}</td>
      <td className="utrecht-table__cell">{formatDate(row.creatiedatum)}</td>
      <td className="utrecht-table__cell">
        <DeadlineMark date={row.fataleDatum} kind="fataal" />
      </td>
      <td className="utrecht-table__cell">{days === null ? '—' : days}</td>
      <td className="utrecht-table__cell">{row.groep || '—'}</td>
      <td className="utrecht-table__cell">{row.behandelaar || 'Niet toegewezen'}</td>
      <td className="utrecht-table__cell">
        <ClaimButton taak={row.taak} onChanged={onChanged} />
      </td>
    </tr>
  );
}
