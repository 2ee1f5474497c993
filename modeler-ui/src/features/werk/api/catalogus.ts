import { apiFetch } from '../../../lib/api';
import type { ZaaktypeVersie } from './types';

export function getZaaktypeVersie(
  identificatie: string,
  versie: number,
  signal?: AbortSignal,
): Promise<ZaaktypeVersie> {
  return apiFetch<ZaaktypeVersie>(
    `/api/catalogus/zaaktypen/${encodeURIComponent(identificatie)}/versies/${versie}`,
    { signal },
  );
}

export interface ZaaktypeSummary {
  identificatie: string;
  omschrijving: string;
  /** The newest published version, the one a new zaak gets (undefined: none published). */
  gepubliceerdeVersie?: number;
}

interface ZaaktypeListItem {
  identificatie: string;
  versies: Array<{ versie: number; status: 'concept' | 'published'; omschrijving: string }>;
}

/** Zaaktypen with the omschrijving of their newest version, for choice lists. */
export async function getZaaktypen(signal?: AbortSignal): Promise<ZaaktypeSummary[]> {
  const body = await apiFetch<{ zaaktypen: ZaaktypeListItem[] }>('/api/catalogus/zaaktypen', {
    signal,
  });
  return body.zaaktypen.map((zaaktype) => ({
    identificatie: zaaktype.identificatie,
    omschrijving: zaaktype.versies.at(-1)?.omschrijving ?? zaaktype.identificatie,
    gepubliceerdeVersie: zaaktype.versies.filter((v) => v.status === 'published').at(-1)?.versie,
  }));
}
