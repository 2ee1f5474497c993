import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const PAGE_SIZE_KEY = 'zaakstroom.werkvoorraad.pageSize';
export const pageSizes = [10, 25, 50, 100] as const;

function rememberedPageSize(): number {
  const stored = Number(globalThis.localStorage?.getItem(PAGE_SIZE_KEY));
  return (pageSizes as readonly number[]).includes(stored) ? stored : 25;
}

/** List state (filters, sort, page) lives in the URL so a list can be shared and bookmarked. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const pageSize = Number(params.get('pageSize')) || rememberedPageSize();
  const page = Math.max(1, Number(params.get('page')) || 1);

  /** A link to the same list with some parameters changed; the page resets unless given. */
  const hrefWith = useCallback(
    (changes: Record<string, string | number | null>) => {
      const next = new URLSearchParams(params);
      if (!('page' in changes)) next.delete('page');
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      return `?${next.toString()}`;
    },
    [params],
  );

  const update = useCallback(
    (changes: Record<string, string | number | null>) => {
      if (changes.pageSize) localStorage.setItem(PAGE_SIZE_KEY, String(changes.pageSize));
      setParams(new URLSearchParams(hrefWith(changes).slice(1)));
    },
    [hrefWith, setParams],
  );

  return { params, page, pageSize, hrefWith, update, get: (key: string) => params.get(key) };
}
