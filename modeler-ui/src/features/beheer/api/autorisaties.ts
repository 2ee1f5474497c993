import { apiFetch } from './http';
import type { VERTROUWELIJKHEIDAANDUIDINGEN } from './types';

export type Vertrouwelijkheidaanduiding = (typeof VERTROUWELIJKHEIDAANDUIDINGEN)[number];

const BASE = '/api/catalogus/autorisaties';

/** A team that may see and work on zaken of a zaaktype, up to a vertrouwelijkheidaanduiding. */
export interface Autorisatie {
  groep: string;
  zaaktypeIdentificatie: string;
  maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

const path = (groep: string, identificatie: string) =>
  `${BASE}/${encodeURIComponent(groep)}/${encodeURIComponent(identificatie)}`;

export async function listAutorisaties(identificatie: string): Promise<Autorisatie[]> {
  const query = new URLSearchParams({ zaaktype: identificatie });
  return (await apiFetch<{ autorisaties: Autorisatie[] }>(`${BASE}?${query}`)).autorisaties;
}

export function grantAutorisatie(
  groep: string,
  identificatie: string,
  maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding,
): Promise<Autorisatie> {
  return apiFetch(path(groep, identificatie), {
    method: 'PUT',
    body: { maxVertrouwelijkheidaanduiding },
  });
}

export function revokeAutorisatie(groep: string, identificatie: string): Promise<void> {
  return apiFetch(path(groep, identificatie), { method: 'DELETE' });
}
