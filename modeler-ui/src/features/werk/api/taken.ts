import { apiFetch } from '../../../lib/api';
import type { Taak, TaakState, TakenPage, TakenScope } from './types';

export interface TakenQuery {
  scope: TakenScope;
  states?: TaakState[];
  zaakId?: string;
  limit?: number;
  offset?: number;
}

export function getTaken(query: TakenQuery, signal?: AbortSignal): Promise<TakenPage> {
  return apiFetch<TakenPage>('/api/taken', {
    query: {
      scope: query.scope,
      state: query.states?.join(','),
      zaakId: query.zaakId,
      limit: query.limit,
      offset: query.offset,
    },
    signal,
  });
}

export function getTaak(id: string, signal?: AbortSignal): Promise<Taak> {
  return apiFetch<Taak>(`/api/taken/${encodeURIComponent(id)}`, { signal });
}

export function claimTaak(id: string): Promise<Taak> {
  return apiFetch<Taak>(`/api/taken/${encodeURIComponent(id)}/claim`, { method: 'POST', body: {} });
}

export function unclaimTaak(id: string): Promise<Taak> {
  return apiFetch<Taak>(`/api/taken/${encodeURIComponent(id)}/unclaim`, {
    method: 'POST',
    body: {},
  });
}

export function saveTaakDraft(id: string, data: Record<string, unknown>): Promise<Taak> {
  return apiFetch<Taak>(`/api/taken/${encodeURIComponent(id)}/draft`, {
    method: 'POST',
    body: { data },
  });
}

export function completeTaak(id: string, variables: Record<string, unknown>): Promise<Taak> {
  return apiFetch<Taak>(`/api/taken/${encodeURIComponent(id)}/complete`, {
    method: 'POST',
    body: { variables },
  });
}
