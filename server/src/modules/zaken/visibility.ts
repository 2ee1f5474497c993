import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import type { ZaakAuthorisation } from './dependencies.js';
import type { ZaakActor } from './types.js';
import type { Visibility } from './zaakRepository.js';
import type { ZaakRow } from './zaakRow.js';
import { isProefrunStarter } from './proefrun.js';

/**
 * Who sees which zaak. Services (job workers) act on any zaak their process belongs to. People,
 * whatever their role (behandelaar, coordinator, manager, beheerder), see a zaak only when one of
 * their groups is authorised for its zaaktype up to its vertrouwelijkheidaanduiding: a role says
 * what someone may do, the authorisation which zaken they may do it to. A beheerder without such a
 * group sees no zaken at all. A proefrun zaak is the exception both ways: only the beheerder who
 * started it (and services) see it, whatever their authorisations.
 */
export function visibilityOf(actor: ZaakActor): Visibility {
  return actor.kind === 'service' || actor.roles.includes('service')
    ? { all: true }
    : { all: false, groups: actor.groups.map((group) => group.code) };
}

/**
 * A zaak the caller may not see answers 404, exactly like a zaak that does not exist, so that
 * zaaknummers and ids of confidential zaken cannot be probed.
 */
export async function assertVisible(
  authorisation: ZaakAuthorisation,
  actor: ZaakActor,
  zaak: ZaakRow | undefined,
  id: string,
  db: Knex,
): Promise<ZaakRow> {
  const visibility = visibilityOf(actor);
  if (zaak?.proefrun) {
    if (visibility.all || isProefrunStarter(actor, zaak)) return zaak;
  } else if (
    zaak &&
    (visibility.all ||
      (await authorisation.mayView(
        [...visibility.groups],
        zaak.zaaktype_identificatie,
        zaak.vertrouwelijkheidaanduiding,
        db,
      )))
  ) {
    return zaak;
  }
  throw new NotFoundError(`Zaak ${id} does not exist or you are not authorised for it`, { id });
}
