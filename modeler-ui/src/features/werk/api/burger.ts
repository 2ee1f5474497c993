import { apiFetch } from '../../../lib/api';

/** `/api/zaken/:id/burger`: whether the citizen can follow the zaak, and what they were asked. */
export interface BurgerOverzicht {
  initiatorHeeftEmail: boolean;
  statuslink: { aangemaakt: string; verloopt: string } | null;
  informatieverzoeken: {
    id: string;
    omschrijving: string;
    uiterlijkeDatum: string | null;
    status: 'open' | 'beantwoord';
    gevraagd: string;
    beantwoord: string | null;
  }[];
}

export function getBurgerOverzicht(zaakId: string, signal?: AbortSignal): Promise<BurgerOverzicht> {
  return apiFetch(`/api/zaken/${encodeURIComponent(zaakId)}/burger`, { signal });
}

export function trekStatuslinkIn(zaakId: string): Promise<void> {
  return apiFetch(`/api/zaken/${encodeURIComponent(zaakId)}/burger/statuslink`, {
    method: 'DELETE',
  });
}

export function verstuurNieuweStatuslink(zaakId: string): Promise<{ verstuurd: boolean }> {
  return apiFetch(`/api/zaken/${encodeURIComponent(zaakId)}/burger/statuslink`, { method: 'POST' });
}
