import { apiFetch } from '../../../lib/api';

export interface Signalering {
  id: string;
  eventType: string;
  subjectType: 'zaak' | 'taak';
  subjectId: string;
  zaakId: string | null;
  tekst: string;
  createdAt: string;
  readAt: string | null;
}

export interface SignaleringSetting {
  eventType: string;
  label: string;
  dashboard: boolean;
  email: boolean;
}

/** Sent after a signalering is marked read, so the header count follows at once. */
export const signaleringenChanged = 'zaakstroom:signaleringen-changed';

function announceChange(): void {
  window.dispatchEvent(new Event(signaleringenChanged));
}

export function getSignaleringen(
  query: { ongelezen?: boolean; limit?: number },
  signal?: AbortSignal,
): Promise<{ signaleringen: Signalering[]; ongelezen: number }> {
  return apiFetch('/api/signaleringen', {
    query: { ongelezen: query.ongelezen, limit: query.limit },
    signal,
  });
}

export function getOngelezenAantal(signal?: AbortSignal): Promise<{ ongelezen: number }> {
  return apiFetch('/api/signaleringen/aantal', { signal });
}

export async function markSignaleringRead(id: string): Promise<void> {
  await apiFetch(`/api/signaleringen/${encodeURIComponent(id)}/gelezen`, {
    method: 'POST',
    body: {},
  });
  announceChange();
}

export async function markAllSignaleringenRead(): Promise<void> {
  await apiFetch('/api/signaleringen/gelezen', { method: 'POST', body: {} });
  announceChange();
}

export function getSignaleringInstellingen(
  signal?: AbortSignal,
): Promise<{ instellingen: SignaleringSetting[] }> {
  return apiFetch('/api/signaleringen/instellingen', { signal });
}

export function saveSignaleringInstellingen(
  instellingen: Omit<SignaleringSetting, 'label'>[],
): Promise<{ instellingen: SignaleringSetting[] }> {
  return apiFetch('/api/signaleringen/instellingen', { method: 'PUT', body: { instellingen } });
}
