/** Value lists from the Catalogi API (ZGW), so a functional administrator recognises every value. */

/** Ordered from least to most confidential: authorisations compare by position. */
export const VERTROUWELIJKHEIDAANDUIDINGEN = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;
export type Vertrouwelijkheidaanduiding = (typeof VERTROUWELIJKHEIDAANDUIDINGEN)[number];

export const ROLTYPE_OMSCHRIJVINGEN_GENERIEK = [
  'adviseur',
  'behandelaar',
  'belanghebbende',
  'beslisser',
  'initiator',
  'klantcontacter',
  'zaakcoordinator',
  'mede_initiator',
] as const;
export type RoltypeOmschrijvingGeneriek = (typeof ROLTYPE_OMSCHRIJVINGEN_GENERIEK)[number];

export const ARCHIEFNOMINATIES = ['blijvend_bewaren', 'vernietigen'] as const;
export type Archiefnominatie = (typeof ARCHIEFNOMINATIES)[number];

/** brondatumArchiefprocedure.afleidingswijze: where the archive term starts counting from. */
export const AFLEIDINGSWIJZEN = [
  'afgehandeld',
  'ander_datumkenmerk',
  'eigenschap',
  'gerelateerde_zaak',
  'hoofdzaak',
  'ingangsdatum_besluit',
  'termijn',
  'vervaldatum_besluit',
  'zaakobject',
] as const;
export type Afleidingswijze = (typeof AFLEIDINGSWIJZEN)[number];

export const EIGENSCHAP_FORMATEN = ['tekst', 'getal', 'datum', 'datum_tijd'] as const;
export type EigenschapFormaat = (typeof EIGENSCHAP_FORMATEN)[number];

export const INDICATIES_INTERN_OF_EXTERN = ['intern', 'extern'] as const;

export const VERSION_STATUSES = ['concept', 'published'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** True when `aanduiding` is at most as confidential as `maximum`. */
export function isWithinVertrouwelijkheid(
  aanduiding: Vertrouwelijkheidaanduiding,
  maximum: Vertrouwelijkheidaanduiding,
): boolean {
  return (
    VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(aanduiding) <=
    VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(maximum)
  );
}
