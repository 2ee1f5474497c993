import { InputError } from '../../http/errors.js';
import type { Vertrouwelijkheidaanduiding, ZaaktypeVersion } from '../catalogus/index.js';

/** The informatieobjecttype from the zaaktype's catalogue; free text when it defines none. */
export function informatieobjecttypeOf(
  version: Pick<ZaaktypeVersion, 'identificatie' | 'informatieobjecttypen'>,
  omschrijving: string,
): { omschrijving: string; vertrouwelijkheidaanduiding?: Vertrouwelijkheidaanduiding } {
  const types = version.informatieobjecttypen;
  if (types.length === 0) return { omschrijving };
  const match = types.find((type) => type.omschrijving.toLowerCase() === omschrijving.toLowerCase());
  if (match) return match;
  throw new InputError(
    `informatieobjecttype: "${omschrijving}" is geen documenttype van zaaktype ${version.identificatie}; kies uit ${types.map((type) => `"${type.omschrijving}"`).join(', ')}`,
    { field: 'informatieobjecttype', allowed: types.map((type) => type.omschrijving) },
  );
}
