import { apiFetch } from '../../../lib/api';

/** The dashboard's filters, as in the URL (empty: not filtered). */
export interface OverzichtFilters {
  van: string;
  tot: string;
  zaaktype: string;
  groep: string;
  behandelaar: string;
  risicoDagen: string;
}

export interface AppliedFilter {
  van: string;
  tot: string;
  vandaag: string;
  risicoDagen: number;
  risicoGrens: string;
}

export interface Kpis {
  openZaken: number;
  gestart: number;
  afgesloten: number;
  binnenServicenormPct: number | null;
  binnenWettelijkeTermijnPct: number | null;
  teLaat: number;
  inGevaar: number;
  doorlooptijd: {
    gemiddeldDagen: number | null;
    p90Dagen: number | null;
    normDagen: number | null;
  };
  opschortingen: number;
  verlengingen: number;
  openIncidenten: number;
}

export interface Reeksen {
  instroomUitstroom: { week: string; gestart: number; afgesloten: number }[];
  doorlooptijdVerdeling: { vanafWeken: number; aantal: number }[];
  werkPerTeam: { groep: string; aantal: number }[];
  werkPerBehandelaar: { behandelaar: string | null; aantal: number }[];
  perStatus: { status: string | null; aantal: number }[];
}

export interface Dashboard {
  filter: AppliedFilter;
  kpis: Kpis;
  reeksen: Reeksen;
}

export interface TermijnZaak {
  id: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  status: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string;
  stand: 'te_laat' | 'in_gevaar';
  behandelaars: string[];
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  elementId: string;
  errorType: string;
  errorMessage: string;
  creationTime: string;
  jobKey?: string;
  zaak: { id: string; identificatie: string; zaaktype: string };
}

export interface HeatmapElement {
  elementId: string;
  actief: number;
  afgerond: number;
  incidenten: number;
  gemiddeldeUren: number | null;
  p90Uren: number | null;
}

export interface Heatmap {
  processDefinitionKey: string;
  bpmnXml: string;
  elementen: HeatmapElement[];
  steekproef: number;
}

export const getDashboard = (filters: OverzichtFilters, signal?: AbortSignal) =>
  apiFetch<Dashboard>('/api/overzicht', { query: { ...filters }, signal });

export const getTermijnen = (filters: OverzichtFilters, signal?: AbortSignal) =>
  apiFetch<{ zaken: TermijnZaak[]; totaal: number }>('/api/overzicht/termijnen', {
    query: { ...filters },
    signal,
  });

export const getIncidenten = (signal?: AbortSignal) =>
  apiFetch<{ incidenten: Incident[] }>('/api/overzicht/incidenten', { signal });

export const retryIncident = (incidentKey: string) =>
  apiFetch<void>(`/api/overzicht/incidenten/${encodeURIComponent(incidentKey)}/opnieuw`, {
    method: 'POST',
  });

export const getHeatmap = (zaaktype: string, signal?: AbortSignal) =>
  apiFetch<Heatmap>('/api/overzicht/heatmap', { query: { zaaktype }, signal });
