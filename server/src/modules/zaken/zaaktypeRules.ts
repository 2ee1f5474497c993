import { ConflictError, InputError } from '../../http/errors.js';
import type { Resultaattype, Roltype, Statustype, ZaaktypeVersion } from '../catalogus/index.js';
import { addDuration, type CalendarDate, type TermijnRegels } from '../deadlines/index.js';

const zaaktypeName = (version: ZaaktypeVersion) =>
  `zaaktype ${version.identificatie} versie ${version.versie}`;
const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

/** Statustype, resultaattype and roltype must belong to the zaak's own zaaktype version. */
export function requireStatustype(version: ZaaktypeVersion, omschrijving: string): Statustype {
  const found = version.statustypen.find((s) => s.omschrijving === omschrijving);
  if (found) return found;
  throw new InputError(
    `statustype: "${omschrijving}" is not a statustype of ${zaaktypeName(version)}; choose one of ${quoted(version.statustypen.map((s) => s.omschrijving))}`,
    { field: 'statustype' },
  );
}

export function requireResultaattype(
  version: ZaaktypeVersion,
  omschrijving: string,
): Resultaattype {
  const found = version.resultaattypen.find((r) => r.omschrijving === omschrijving);
  if (found) return found;
  throw new InputError(
    `resultaattype: "${omschrijving}" is not a resultaattype of ${zaaktypeName(version)}; choose one of ${quoted(version.resultaattypen.map((r) => r.omschrijving))}`,
    { field: 'resultaattype' },
  );
}

export function requireRoltype(version: ZaaktypeVersion, omschrijving: string): Roltype {
  const found = version.roltypen.find((r) => r.omschrijving === omschrijving);
  if (found) return found;
  throw new InputError(
    `roltype: "${omschrijving}" is not a roltype of ${zaaktypeName(version)}; choose one of ${quoted(version.roltypen.map((r) => r.omschrijving))}`,
    { field: 'roltype' },
  );
}

/** The roltype the initiator of a new zaak gets: the one with omschrijvingGeneriek initiator. */
export function initiatorRoltype(version: ZaaktypeVersion): Roltype {
  const found = version.roltypen.find((r) => r.omschrijvingGeneriek === 'initiator');
  if (found) return found;
  throw new ConflictError(
    `initiator: ${zaaktypeName(version)} has no roltype with omschrijvingGeneriek "initiator"; a beheerder must add one`,
    { field: 'initiator' },
  );
}

export function termijnRegelsOf(version: ZaaktypeVersion): TermijnRegels {
  return {
    opschortingEnAanhoudingMogelijk: version.opschortingEnAanhoudingMogelijk,
    verlengingMogelijk: version.verlengingMogelijk,
    verlengingstermijn: version.verlengingstermijn,
  };
}

/**
 * archiefactiedatum = brondatum + archiefactietermijn. The brondatum is the einddatum for
 * `afgehandeld`, einddatum + procestermijn for `termijn`; the other afleidingswijzen need data
 * this module does not keep yet (besluiten, zaakobjecten) and fall back to the einddatum.
 */
export function archiefOf(
  resultaattype: Resultaattype,
  einddatum: CalendarDate,
): { archiefnominatie: string; archiefactiedatum: CalendarDate } {
  const { afleidingswijze, procestermijn } = resultaattype.brondatumArchiefprocedure;
  const brondatum =
    afleidingswijze === 'termijn' && procestermijn
      ? addDuration(einddatum, procestermijn)
      : einddatum;
  return {
    archiefnominatie: resultaattype.archiefnominatie,
    archiefactiedatum: addDuration(brondatum, resultaattype.archiefactietermijn),
  };
}
