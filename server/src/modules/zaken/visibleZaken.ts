import type { Knex } from 'knex';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../catalogus/index.js';

/**
 * Limits a query on `zaken as <alias>` to the zaken one of `groups` is authorised for: a group
 * authorisation for the zaaktype, up to the zaak's vertrouwelijkheidaanduiding. No groups, no zaken.
 */
export function whereZaakVisible(
  db: Knex,
  query: Knex.QueryBuilder,
  groups: readonly string[],
  alias = 'z',
): void {
  if (groups.length === 0) {
    query.whereRaw('false');
    return;
  }
  const ranks = `array[${VERTROUWELIJKHEIDAANDUIDINGEN.map(() => '?').join(', ')}]::text[]`;
  query.whereExists((q) => {
    void q
      .select(db.raw('1'))
      .from('zaaktype_authorisations as a')
      .whereRaw(`a.zaaktype_identificatie = ${alias}.zaaktype_identificatie`)
      .whereIn('a.group_code', [...groups])
      .whereRaw(
        `array_position(${ranks}, a.max_vertrouwelijkheidaanduiding::text) >= array_position(${ranks}, ${alias}.vertrouwelijkheidaanduiding::text)`,
        [...VERTROUWELIJKHEIDAANDUIDINGEN, ...VERTROUWELIJKHEIDAANDUIDINGEN],
      );
  });
}
