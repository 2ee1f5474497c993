import { apiFetch } from '../../../lib/api';
import type { Zaak } from './types';

export interface NieuweZaak {
  zaaktype: string;
  omschrijving: string;
  toelichting?: string;
  initiator:
    | { type: 'natuurlijk_persoon'; bsn: string; naam?: string; email?: string }
    | { type: 'niet_natuurlijk_persoon'; kvkNummer: string; naam?: string; email?: string };
}

/**
 * Registers a zaak; its process starts through the server's outbox. The idempotency key makes a
 * second click (or a retry after a network error) return the same zaak instead of a new one.
 */
export function startZaak(zaak: NieuweZaak, idempotencyKey: string): Promise<Zaak> {
  return apiFetch<Zaak>('/api/zaken', {
    method: 'POST',
    body: zaak,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}
