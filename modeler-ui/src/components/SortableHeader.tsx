import { Link } from 'react-router';

export type SortDirection = 'ascending' | 'descending' | 'none';

interface SortableHeaderProps {
  label: string;
  direction: SortDirection;
  /** Where a click leads: ascending → descending → the default order. */
  href: string;
}

const arrows: Record<SortDirection, string> = { ascending: '▲', descending: '▼', none: '' };
const spoken: Record<SortDirection, string> = {
  ascending: ', oplopend gesorteerd',
  descending: ', aflopend gesorteerd',
  none: '',
};

export function SortableHeader({ label, direction, href }: SortableHeaderProps) {
  return (
    <th scope="col" className="utrecht-table__header-cell" aria-sort={direction}>
      <Link className="utrecht-link sort-link" to={href}>
        {label}
        <span className="visually-hidden">{spoken[direction]}</span>
        <span aria-hidden="true"> {arrows[direction]}</span>
      </Link>
    </th>
  );
}

/** The next state in the cycle ascending → descending → default (none). */
export function nextSort(field: string, current: string | null): string | null {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return null;
  return field;
}

export function directionOf(field: string, current: string | null): SortDirection {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}
