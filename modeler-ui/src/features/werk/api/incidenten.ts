import { apiFetch } from '../../../lib/api';

/** An open incident of the zaak's process: a step whose job failed with no retries left. */
export interface ZaakIncident {
  incidentKey: string;
  elementId: string;
  /** The step's name in the model, where it has one. */
  elementName?: string;
  errorType: string;
  errorMessage: string;
  creationTime: string;
  jobKey?: string;
}

export const getZaakIncidenten = (zaakId: string, signal?: AbortSignal) =>
  apiFetch<{ incidenten: ZaakIncident[] }>(`/api/zaken/${encodeURIComponent(zaakId)}/incidenten`, {
    signal,
  });

/** Coordinator: one more try for the failed job, and the incident resolved. */
export const retryZaakIncident = (zaakId: string, incidentKey: string) =>
  apiFetch<void>(
    `/api/zaken/${encodeURIComponent(zaakId)}/incidenten/${encodeURIComponent(incidentKey)}/opnieuw`,
    { method: 'POST' },
  );
