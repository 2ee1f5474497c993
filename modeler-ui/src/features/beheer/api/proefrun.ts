import { apiFetch } from './http';

/** The proefrun zaak as the API answers it, as far as Beheer uses it. */
export interface ProefrunZaak {
  id: string;
  identificatie: string;
}

/** A proefrun's intake: what a zaak gets, without zaaktype (the version is in the path). */
export interface ProefrunIntake {
  omschrijving: string;
  initiator: { type: 'natuurlijk_persoon'; bsn: string; naam?: string; email?: string };
}

function proefrunPath(identificatie: string, versie: number): string {
  return `/api/catalogus/zaaktypen/${encodeURIComponent(identificatie)}/versies/${versie}/proefrun`;
}

/** Starts a proefrun: the saved version runs as a sandbox process, with a zaak only I see. */
export function startProefrun(
  identificatie: string,
  versie: number,
  intake: ProefrunIntake,
): Promise<ProefrunZaak> {
  return apiFetch(proefrunPath(identificatie, versie), { method: 'POST', body: intake });
}

/** Ends every proefrun of the version: processes cancelled, zaken and tasks removed. */
export function endProefrun(
  identificatie: string,
  versie: number,
): Promise<{ verwijderd: number }> {
  return apiFetch(proefrunPath(identificatie, versie), { method: 'DELETE' });
}
