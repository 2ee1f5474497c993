import { useResource } from '../../../lib/useResource';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Pagination } from '../../../components/Pagination';
import { getZaken, type ZakenQuery } from '../api/zaken';
import { useListParams } from '../hooks/useListParams';
import { ZakenFilter } from './ZakenFilter';
import { ZakenTable } from './ZakenTable';

/** Deadlines first unless the user sorts otherwise. */
const DEFAULT_SORT = 'uiterlijkeEinddatumAfdoening';

export function ZakenWerklijst() {
  const list = useListParams();
  const open = list.get('open');
  const query: ZakenQuery = {
    q: list.get('q') ?? undefined,
    zaaktype: list.get('zaaktype') ?? undefined,
    status: list.get('status') ?? undefined,
    behandelaar: list.get('behandelaar') ?? undefined,
    open: open === 'alle' ? undefined : open === 'false' ? 'false' : 'true',
    page: list.page,
    pageSize: list.pageSize,
    sort: list.get('sort') ?? DEFAULT_SORT,
  };
  const zaken = useResource(JSON.stringify(query), (signal) => getZaken(query, signal));

  return (
    <>
      <ZakenFilter />
      {zaken.loading && <Loading label="Zaken laden…" />}
      <ErrorAlert error={zaken.error} title="De zaken konden niet worden geladen" />
      {zaken.data && (
        <>
          <ZakenTable zaken={zaken.data.zaken} sort={list.get('sort')} hrefWith={list.hrefWith} />
          <Pagination
            page={zaken.data.page}
            pageSize={zaken.data.pageSize}
            total={zaken.data.total}
            hrefFor={(page) => list.hrefWith({ page })}
          />
        </>
      )}
    </>
  );
}
