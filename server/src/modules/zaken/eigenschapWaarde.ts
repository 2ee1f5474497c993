import { InputError } from '../../http/errors.js';
import type { Eigenschap, EigenschapFormaat, ZaaktypeVersion } from '../catalogus/index.js';
import { isCalendarDate } from '../deadlines/index.js';

/** The longest text a zaak eigenschap holds (the ZGW Zaken API allows 255 characters). */
export const EIGENSCHAP_MAX_LENGTH = 255;

const getal = /^-?\d+([.,]\d+)?$/;
const datumTijd = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const expected: Record<EigenschapFormaat, string> = {
  tekst: `text of at most ${EIGENSCHAP_MAX_LENGTH} characters`,
  getal: 'a number such as 1250 or 1250.50',
  datum: 'a date as YYYY-MM-DD',
  datum_tijd: 'a date and time with its offset, such as 2026-09-01T14:30:00+02:00',
};

/** The eigenschap of the zaak's own zaaktype version with this naam; refused otherwise. */
export function requireEigenschap(version: ZaaktypeVersion, naam: string): Eigenschap {
  const found = version.eigenschappen.find((e) => e.naam === naam);
  if (found) return found;
  const known = version.eigenschappen.map((e) => `"${e.naam}"`).join(', ');
  throw new InputError(
    `eigenschap: "${naam}" is not an eigenschap of zaaktype ${version.identificatie} versie ${version.versie}; ${known ? `choose one of ${known}` : 'it has none; a beheerder adds them to the zaaktype'}`,
    { field: 'naam' },
  );
}

/**
 * The waarde as stored, checked against the eigenschap's formaat: a getal with a decimal point,
 * a datum as a real calendar date, a datum_tijd in ISO 8601 with offset (normalised to UTC).
 */
export function eigenschapWaarde(eigenschap: Eigenschap, waarde: string): string {
  const value = waarde.trim();
  const refuse = (): never => {
    throw new InputError(
      `waarde: "${waarde}" does not fit eigenschap "${eigenschap.naam}" (formaat ${eigenschap.formaat}); expected ${expected[eigenschap.formaat]}`,
      { field: 'waarde' },
    );
  };
  if (value === '' || value.length > EIGENSCHAP_MAX_LENGTH) return refuse();
  switch (eigenschap.formaat) {
    case 'tekst':
      return value;
    case 'getal':
      return getal.test(value) ? value.replace(',', '.') : refuse();
    case 'datum':
      return isCalendarDate(value) ? value : refuse();
    case 'datum_tijd': {
      const match = datumTijd.exec(value);
      const instant = new Date(value);
      if (!match?.[1] || !isCalendarDate(match[1]) || Number.isNaN(instant.getTime()))
        return refuse();
      return instant.toISOString();
    }
  }
}
