import type { Knex } from 'knex';
import type { ZaakActor } from './types.js';
import type { ZaakRow } from './zaakRow.js';

/**
 * The rule for a proefrun zaak (a beheerder's test run of a zaaktype version): the person who
 * started it may see and work it, whatever their zaaktype authorisations; nobody else may.
 */
export function isProefrunStarter(
  actor: ZaakActor,
  zaak: Pick<ZaakRow, 'proefrun' | 'proefrun_gestart_door'>,
): boolean {
  return zaak.proefrun && zaak.proefrun_gestart_door === actor.username;
}

/** Leaves proefrun zaken out of a query on `zaken as <alias>`: no list or figure counts them. */
export function withoutProefrun(query: Knex.QueryBuilder, alias = 'z'): void {
  void query.where(`${alias}.proefrun`, false);
}

/** Whether `zaakId` names a proefrun zaak; for feeds that see only an id (audit trail, tasks). */
export async function isProefrunZaak(
  db: Knex,
  zaakId: string | null | undefined,
): Promise<boolean> {
  if (!isZaakId(zaakId)) return false;
  const row = await db('zaken')
    .where({ id: zaakId })
    .first<{ proefrun: boolean } | undefined>('proefrun');
  return row?.proefrun ?? false;
}

/** Whether a text id (as tasks and audit entries carry it) can be a zaak's uuid. */
export function isZaakId(id: string | null | undefined): id is string {
  return !!id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
