import { Link } from 'react-router';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The URL of a page, so each one is a real link that keeps the filters. */
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageSize, total, hrefFor }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Paginering">
      <p className="pagination__summary">
        {total === 0 ? 'Geen resultaten' : `${first}–${last} van ${total}`} · pagina {page} van{' '}
        {pages}
      </p>
      <ul className="pagination__list">
        <li>
          {page > 1 ? (
            <Link className="utrecht-link" to={hrefFor(page - 1)} rel="prev">
              Vorige pagina
            </Link>
          ) : (
            <span aria-disabled="true" className="pagination__disabled">
              Vorige pagina
            </span>
          )}
        </li>
        <li>
          {page < pages ? (
            <Link className="utrecht-link" to={hrefFor(page + 1)} rel="next">
              Volgende pagina
            </Link>
          ) : (
            <span aria-disabled="true" className="pagination__disabled">
              Volgende pagina
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
