import type { VersionContent } from '../api/types';

/** One difference between two versions of a zaaktype, in words a beheerder reads. */
export interface MetadataChange {
  /** Where: a field, or a list entry such as "Statustype Ontvangen". */
  label: string;
  kind: 'toegevoegd' | 'verwijderd' | 'gewijzigd';
  old: string;
  new: string;
}

const fieldLabels: Partial<Record<keyof VersionContent, string>> = {
  omschrijving: 'Omschrijving',
  doel: 'Doel',
  aanleiding: 'Aanleiding',
  onderwerp: 'Onderwerp',
  indicatieInternOfExtern: 'Intern of extern',
  handelingInitiator: 'Handeling initiator',
  handelingBehandelaar: 'Handeling behandelaar',
  doorlooptijd: 'Doorlooptijd',
  servicenorm: 'Servicenorm',
  opschortingEnAanhoudingMogelijk: 'Opschorting mogelijk',
  verlengingMogelijk: 'Verlenging mogelijk',
  verlengingstermijn: 'Verlengingstermijn',
  vertrouwelijkheidaanduiding: 'Vertrouwelijkheid',
  trefwoorden: 'Trefwoorden',
  beginGeldigheid: 'Begin geldigheid',
  eindeGeldigheid: 'Einde geldigheid',
};

const lists = [
  ['statustypen', 'Statustype'],
  ['resultaattypen', 'Resultaattype'],
  ['roltypen', 'Roltype'],
  ['eigenschappen', 'Eigenschap'],
  ['informatieobjecttypen', 'Documenttype'],
] as const;

/** A value as text; objects without their database id, so a copy compares equal to its source. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.join(', ');
  if (typeof value === 'object')
    return JSON.stringify(value, (key, inner: unknown) => (key === 'id' ? undefined : inner));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function nameOf(entry: unknown): string {
  const record = (entry ?? {}) as Record<string, unknown>;
  const name = record.omschrijving ?? record.naam ?? record.definitie;
  return typeof name === 'string' ? name : show(entry);
}

/** Fields, catalogue lists (matched by omschrijving) and forms (by id) that differ. */
export function diffMetadata(older: VersionContent, newer: VersionContent): MetadataChange[] {
  const changes: MetadataChange[] = [];
  for (const [field, label] of Object.entries(fieldLabels) as [keyof VersionContent, string][]) {
    const [before, after] = [show(older[field]), show(newer[field])];
    if (before !== after) changes.push({ label, kind: 'gewijzigd', old: before, new: after });
  }
  for (const [field, label] of lists) {
    const before = new Map((older[field] as unknown[]).map((entry) => [nameOf(entry), entry]));
    const after = new Map((newer[field] as unknown[]).map((entry) => [nameOf(entry), entry]));
    changes.push(...diffEntries(label, before, after));
  }
  const forms = (content: VersionContent) =>
    new Map(Object.entries(content.forms).filter(([key]) => !key.startsWith('zaakstroom:')));
  changes.push(...diffEntries('Formulier', forms(older), forms(newer), () => '(formulier)'));
  return changes;
}

function diffEntries(
  label: string,
  before: Map<string, unknown>,
  after: Map<string, unknown>,
  describe: (entry: unknown) => string = show,
): MetadataChange[] {
  const changes: MetadataChange[] = [];
  for (const [name, entry] of before) {
    const other = after.get(name);
    if (other === undefined)
      changes.push({
        label: `${label} ${name}`,
        kind: 'verwijderd',
        old: describe(entry),
        new: '—',
      });
    else if (show(entry) !== show(other))
      changes.push({
        label: `${label} ${name}`,
        kind: 'gewijzigd',
        old: describe(entry),
        new: describe(other),
      });
  }
  for (const [name, entry] of after) {
    if (!before.has(name))
      changes.push({
        label: `${label} ${name}`,
        kind: 'toegevoegd',
        old: '—',
        new: describe(entry),
      });
  }
  return changes;
}
