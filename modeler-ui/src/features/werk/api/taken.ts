import { apiFetch } from '../../../lib/api';
import type { Medewerker, Taak, TaakState, TakenPage, TakenScope } from './types';

export interface TakenQuery {
  scope: TakenScope;
  states?: TaakState[];
  zaakId?: string;
  /** Free text; the server searches task, zaak, zaaktype, group and behandelaar. */
  q?: string | undefined;
  /** A sort field, `-` first for descending. */
  sort?: string | undefined;
  limit?: number;
  offset?: number;
}

export function getTaken(query: TakenQuery, signal?: AbortSignal): Promise<TakenPage> {
  return apiFetch<TakenPage>('/api/taken', {
    query: {
      scope: query.scope,
      state: query.states?.join(','),
      zaakId: query.zaakId,
      q: query.q,
      sort: query.sort,
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

export async function getMedewerkers(signal?: AbortSignal): Promise<Medewerker[]> {
  const body = await apiFetch<{ medewerkers: Medewerker[] }>('/api/taken/medewerkers', { signal });
  return body.medewerkers;
}

/** Coordinator: gives the tasks to one behandelaar, or back to their groups (assignee null). */
export async function verdeelTaken(request: {
  taakIds: string[];
  assignee: string | null;
  reden: string;
}): Promise<Taak[]> {
  const body = await apiFetch<{ taken: Taak[] }>('/api/taken/verdelen', {
    method: 'POST',
    body: request,
  });
  return body.taken;
}
