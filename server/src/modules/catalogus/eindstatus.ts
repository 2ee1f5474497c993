import type { Statustype, ZaaktypeVersion } from './types.js';

/** The eindstatus: the statustype with the highest volgnummer; setting it closes the zaak. */
export function eindstatusOf(
  version: Pick<ZaaktypeVersion, 'statustypen'>,
): Statustype | undefined {
  return version.statustypen.reduce<Statustype | undefined>(
    (highest, statustype) =>
      highest === undefined || statustype.volgnummer > highest.volgnummer ? statustype : highest,
    undefined,
  );
}
