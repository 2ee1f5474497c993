import type { Knex } from 'knex';
import type { Vertrouwelijkheidaanduiding } from './enums.js';
import type { ZaaktypeAuthorisation } from './types.js';

interface AuthorisationRow {
  group_code: string;
  zaaktype_identificatie: string;
  max_vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

const TABLE = 'zaaktype_authorisations';

/** SQL for zaaktype_authorisations: which group may see zaken of which zaaktype, up to which confidentiality. */
export class AuthorisationRepository {
  constructor(private readonly db: Knex) {}

  async list(
    filter: { groups?: string[]; identificatie?: string } = {},
  ): Promise<ZaaktypeAuthorisation[]> {
    const query = this.db(TABLE)
      .select<AuthorisationRow[]>('*')
      .orderBy(['group_code', 'zaaktype_identificatie']);
    if (filter.groups) query.whereIn('group_code', filter.groups);
    if (filter.identificatie) query.where('zaaktype_identificatie', filter.identificatie);
    return (await query).map(toAuthorisation);
  }

  /** Inserts or replaces the authorisation of one group for one zaaktype. */
  async upsert(authorisation: ZaaktypeAuthorisation): Promise<void> {
    await this.db(TABLE)
      .insert({
        group_code: authorisation.groep,
        zaaktype_identificatie: authorisation.zaaktypeIdentificatie,
        max_vertrouwelijkheidaanduiding: authorisation.maxVertrouwelijkheidaanduiding,
      })
      .onConflict(['group_code', 'zaaktype_identificatie'])
      .merge(['max_vertrouwelijkheidaanduiding']);
  }

  /** Returns whether a row was deleted (`returning`, because knex-pglite reports no row count). */
  async delete(groep: string, identificatie: string): Promise<boolean> {
    const deleted = await this.db(TABLE)
      .where({ group_code: groep, zaaktype_identificatie: identificatie })
      .delete()
      .returning('group_code');
    return deleted.length > 0;
  }
}

function toAuthorisation(row: AuthorisationRow): ZaaktypeAuthorisation {
  return {
    groep: row.group_code,
    zaaktypeIdentificatie: row.zaaktype_identificatie,
    maxVertrouwelijkheidaanduiding: row.max_vertrouwelijkheidaanduiding,
  };
}
