import { useState } from 'react';
import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Alert } from '../../../components/Alert';
import { Pagination } from '../../../components/Pagination';
import { getTaken } from '../api/taken';
import type { TakenScope } from '../api/types';
import { useListParams } from '../hooks/useListParams';
import { filterTaakRows, sortTaakRows, toTaakRow } from '../utils/taakRows';
import { TakenFilter } from './TakenFilter';
import { TakenTable } from './TakenTable';

/** The server pages by offset without sorting; we fetch this many and sort and page here. */
const FETCH_LIMIT = 200;

export function TakenWerklijst({ scope }: { scope: TakenScope }) {
  const list = useListParams();
  const taken = useResource(`taken:${scope}`, (signal) =>
    getTaken({ scope, limit: FETCH_LIMIT }, signal),
  );
  const [message, setMessage] = useState<string | null>(null);

  if (taken.loading && !taken.data) return <Loading label="Taken laden…" />;
  if (taken.error)
    return <ErrorAlert error={taken.error} title="De taken konden niet worden geladen" />;
  const page = taken.data ?? { taken: [], total: 0, limit: FETCH_LIMIT, offset: 0 };

  const rows = sortTaakRows(
    filterTaakRows(page.taken.map(toTaakRow), list.get('q')),
    list.get('sort'),
  );
  const start = (list.page - 1) * list.pageSize;
  const visible = rows.slice(start, start + list.pageSize);

  function changed(text: string) {
    setMessage(text);
    taken.reload();
  }

  return (
    <>
      <TakenFilter />
      {message && <Alert type="ok">{message}</Alert>}
      {page.total > page.taken.length && (
        <Alert type="info">
          Er zijn {page.total} taken; alleen de eerste {page.taken.length} worden getoond,
          gesorteerd en gefilterd.
        </Alert>
      )}
      <TakenTable
        rows={visible}
        sort={list.get('sort')}
        hrefWith={list.hrefWith}
        onChanged={changed}
      />
      <Pagination
        page={list.page}
        pageSize={list.pageSize}
        total={rows.length}
        hrefFor={(page) => list.hrefWith({ page })}
      />
    </>
  );
}
