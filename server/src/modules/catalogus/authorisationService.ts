import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import { AuthorisationRepository } from './authorisationRepository.js';
import { isWithinVertrouwelijkheid, type Vertrouwelijkheidaanduiding } from './enums.js';
import type { ZaaktypeAuthorisation } from './types.js';
import { ZaaktypeRepository } from './zaaktypeRepository.js';

/**
 * Zaaktype authorisations: a group sees zaken of a zaaktype up to a maximum
 * vertrouwelijkheidaanduiding. The zaken module asks `mayView` for each zaak it shows.
 */
export class AuthorisationService {
  constructor(private readonly db: Knex) {}

  list(
    filter: { groups?: string[]; identificatie?: string } = {},
  ): Promise<ZaaktypeAuthorisation[]> {
    return new AuthorisationRepository(this.db).list(filter);
  }

  async grant(authorisation: ZaaktypeAuthorisation): Promise<ZaaktypeAuthorisation> {
    return this.db.transaction(async (trx) => {
      if (!(await new ZaaktypeRepository(trx).findZaaktype(authorisation.zaaktypeIdentificatie))) {
        throw new NotFoundError(`Zaaktype ${authorisation.zaaktypeIdentificatie} does not exist`, {
          field: 'zaaktypeIdentificatie',
        });
      }
      await new AuthorisationRepository(trx).upsert(authorisation);
      return authorisation;
    });
  }

  async revoke(groep: string, identificatie: string): Promise<void> {
    if (!(await new AuthorisationRepository(this.db).delete(groep, identificatie))) {
      throw new NotFoundError(`Group ${groep} has no authorisation for zaaktype ${identificatie}`);
    }
  }

  /** Whether any of `groups` may see a zaak of this zaaktype with this vertrouwelijkheidaanduiding. */
  async mayView(
    groups: string[],
    identificatie: string,
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding,
    db: Knex = this.db,
  ): Promise<boolean> {
    if (groups.length === 0) return false;
    const authorisations = await new AuthorisationRepository(db).list({ groups, identificatie });
    return authorisations.some((a) =>
      isWithinVertrouwelijkheid(vertrouwelijkheidaanduiding, a.maxVertrouwelijkheidaanduiding),
    );
  }
}
