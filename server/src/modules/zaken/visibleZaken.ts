import type { Knex } from 'knex';
import {
  VERTROUWELIJKHEIDAANDUIDINGEN,
  type Vertrouwelijkheidaanduiding,
} from '../catalogus/index.js';

/** Per zaaktype the caller may see, the vertrouwelijkheidaanduidingen they may see of it. */
export type VisibleZaaktypen = ReadonlyArray<{ zaaktype: string; levels: readonly string[] }>;

/**
 * The zaaktype authorisations of the caller's groups: a group authorised for a zaaktype sees its
 * zaken up to the authorisation's maximum vertrouwelijkheidaanduiding; of several groups the
 * highest maximum counts. Read once per request, so the zaken query itself gets plain
 * conditions its indexes serve.
 */
export async function loadVisibleZaaktypen(
  db: Knex,
  groups: readonly string[],
): Promise<VisibleZaaktypen> {
  if (groups.length === 0) return [];
  const rows: Array<{ zaaktype_identificatie: string; max_vertrouwelijkheidaanduiding: string }> =
    await db('zaaktype_authorisations')
      .whereIn('group_code', [...groups])
      .select('zaaktype_identificatie', 'max_vertrouwelijkheidaanduiding');
  const highest = new Map<string, number>();
  for (const row of rows) {
    const rank = VERTROUWELIJKHEIDAANDUIDINGEN.indexOf(
      row.max_vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding,
    );
    highest.set(
      row.zaaktype_identificatie,
      Math.max(rank, highest.get(row.zaaktype_identificatie) ?? -1),
    );
  }
  return [...highest].map(([zaaktype, rank]) => ({
    zaaktype,
    levels: VERTROUWELIJKHEIDAANDUIDINGEN.slice(0, rank + 1),
  }));
}

/** Limits a query on `zaken as <alias>` to the visible zaaktypen and levels; none visible, no zaken. */
export function whereVisible(
  query: Knex.QueryBuilder,
  visible: VisibleZaaktypen,
  alias = 'z',
): void {
  if (visible.length === 0) {
    query.whereRaw('false');
    return;
  }
  query.where((any) => {
    for (const { zaaktype, levels } of visible)
      void any.orWhere((one) => {
        void one
          .where(`${alias}.zaaktype_identificatie`, zaaktype)
          .whereIn(`${alias}.vertrouwelijkheidaanduiding`, [...levels]);
      });
  });
}
