import { apiFetch, type QueryValue } from '../../../lib/api';
import type { AuditEntry, ZaakDetail, ZaakEigenschap, ZaakNotitie, ZakenPage } from './types';

export interface ZakenQuery {
  q?: string | undefined;
  zaaktype?: string | undefined;
  status?: string | undefined;
  behandelaar?: string | undefined;
  open?: 'true' | 'false' | undefined;
  page?: number;
  pageSize?: number;
  sort?: string | undefined;
}

export function getZaken(query: ZakenQuery, signal?: AbortSignal): Promise<ZakenPage> {
  return apiFetch<ZakenPage>('/api/zaken', { query: query as Record<string, QueryValue>, signal });
}

export function getZaak(id: string, signal?: AbortSignal): Promise<ZaakDetail> {
  return apiFetch<ZaakDetail>(`/api/zaken/${encodeURIComponent(id)}`, { signal });
}

export function getZaakAudit(
  id: string,
  signal?: AbortSignal,
): Promise<{ entries: AuditEntry[]; nextBefore: string | null }> {
  return apiFetch(`/api/zaken/${encodeURIComponent(id)}/audit`, { query: { limit: 100 }, signal });
}

export function getZaakNotities(
  id: string,
  signal?: AbortSignal,
): Promise<{ notities: ZaakNotitie[] }> {
  return apiFetch(`/api/zaken/${encodeURIComponent(id)}/notities`, { signal });
}

export function addZaakNotitie(id: string, tekst: string): Promise<ZaakNotitie> {
  return apiFetch(`/api/zaken/${encodeURIComponent(id)}/notities`, {
    method: 'POST',
    body: { tekst },
  });
}

export function getZaakEigenschappen(
  id: string,
  signal?: AbortSignal,
): Promise<{ eigenschappen: ZaakEigenschap[] }> {
  return apiFetch(`/api/zaken/${encodeURIComponent(id)}/eigenschappen`, { signal });
}

export function setZaakEigenschap(id: string, naam: string, waarde: string): Promise<unknown> {
  const path = `/api/zaken/${encodeURIComponent(id)}/eigenschappen/${encodeURIComponent(naam)}`;
  return apiFetch(path, { method: 'PUT', body: { waarde } });
}

export type ZaakAction =
  'opschorten' | 'hervatten' | 'verlengen' | 'resultaat' | 'afsluiten' | 'heropenen';

/** The zaak actions; each answers with the zaak as it is now. */
export function runZaakAction(
  id: string,
  action: ZaakAction,
  body: Record<string, unknown>,
): Promise<ZaakDetail> {
  return apiFetch<ZaakDetail>(`/api/zaken/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    body,
  });
}
