import { useState } from 'react';
import { useResource } from '../../../lib/useResource';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Alert } from '../../../components/Alert';
import { Pagination } from '../../../components/Pagination';
import { getTaken, type TakenQuery } from '../api/taken';
import type { TakenScope } from '../api/types';
import { useListParams } from '../hooks/useListParams';
import { toTaakRow } from '../utils/taakRows';
import { TakenExportButton } from './TakenExportButton';
import { TakenFilter } from './TakenFilter';
import { TakenTable } from './TakenTable';
import { TakenVerdelen } from './TakenVerdelen';

/** A task list (mine, my groups', all): filtered, sorted and paged by the server. */
export function TakenWerklijst({ scope }: { scope: TakenScope }) {
  const list = useListParams();
  const user = useCurrentUser();
  const query: TakenQuery = {
    scope,
    q: list.get('q') ?? undefined,
    sort: list.get('sort') ?? undefined,
    limit: list.pageSize,
    offset: (list.page - 1) * list.pageSize,
  };
  const taken = useResource(JSON.stringify(query), (signal) => getTaken(query, signal));
  const [message, setMessage] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const distributes = hasRole(user, 'coordinator');

  function changed(text: string) {
    setMessage(text);
    setSelected(new Set());
    taken.reload();
  }

  const rows = (taken.data?.taken ?? []).map(toTaakRow);
  return (
    <>
      <TakenFilter />
      {message && <Alert type="ok">{message}</Alert>}
      {taken.loading && !taken.data && <Loading label="Taken laden…" />}
      <ErrorAlert error={taken.error} title="De taken konden niet worden geladen" />
      {taken.data && (
        <>
          <div className="list-actions">
            <TakenExportButton query={query} />
          </div>
          {distributes && rows.length > 0 && (
            <TakenVerdelen selected={[...selected]} onDone={changed} />
          )}
          <TakenTable
            rows={rows}
            sort={list.get('sort')}
            hrefWith={list.hrefWith}
            onChanged={changed}
            selection={distributes ? { selected, onChange: setSelected } : undefined}
          />
          <Pagination
            page={list.page}
            pageSize={list.pageSize}
            total={taken.data.total}
            hrefFor={(page) => list.hrefWith({ page })}
          />
        </>
      )}
    </>
  );
}
