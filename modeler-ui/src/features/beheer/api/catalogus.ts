import { apiFetch } from './http';
import type { VersionContent, ZaaktypeSummary, ZaaktypeVersion } from './types';

const BASE = '/api/catalogus/zaaktypen';

function versionPath(identificatie: string, versie: number): string {
  return `${BASE}/${encodeURIComponent(identificatie)}/versies/${versie}`;
}

export async function listZaaktypen(): Promise<ZaaktypeSummary[]> {
  return (await apiFetch<{ zaaktypen: ZaaktypeSummary[] }>(BASE)).zaaktypen;
}

export function createZaaktype(
  input: VersionContent & { identificatie: string },
): Promise<ZaaktypeVersion> {
  return apiFetch(BASE, { method: 'POST', body: input });
}

export function getVersion(identificatie: string, versie: number): Promise<ZaaktypeVersion> {
  return apiFetch(versionPath(identificatie, versie));
}

export function updateVersion(
  identificatie: string,
  versie: number,
  content: VersionContent,
): Promise<ZaaktypeVersion> {
  return apiFetch(versionPath(identificatie, versie), { method: 'PUT', body: content });
}

export function copyVersion(identificatie: string, versie: number): Promise<ZaaktypeVersion> {
  return apiFetch(`${versionPath(identificatie, versie)}/kopie`, { method: 'POST' });
}

export function deleteVersion(identificatie: string, versie: number): Promise<void> {
  return apiFetch(versionPath(identificatie, versie), { method: 'DELETE' });
}

export function publishVersion(
  identificatie: string,
  versie: number,
  beginGeldigheid?: string,
): Promise<ZaaktypeVersion> {
  return apiFetch(`${versionPath(identificatie, versie)}/publiceren`, {
    method: 'POST',
    body: beginGeldigheid ? { beginGeldigheid } : {},
  });
}

/** Puts the saved process model into the engine and binds the concept to that process version. */
export function deployModel(identificatie: string, versie: number): Promise<ZaaktypeVersion> {
  return apiFetch(`${versionPath(identificatie, versie)}/model/deploy`, { method: 'POST' });
}
