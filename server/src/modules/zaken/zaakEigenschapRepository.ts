import type { Knex } from 'knex';
import type { ZaakEigenschap } from './types.js';

/** SQL for a zaak's eigenschappen: one waarde per naam. */
export class ZaakEigenschapRepository {
  constructor(private readonly db: Knex) {}

  list(zaakId: string): Promise<ZaakEigenschap[]> {
    return this.db('zaak_eigenschappen')
      .where('zaak_id', zaakId)
      .orderBy('naam')
      .select<ZaakEigenschap[]>('naam', 'waarde');
  }

  async find(zaakId: string, naam: string): Promise<ZaakEigenschap | null> {
    const row = await this.db('zaak_eigenschappen')
      .where({ zaak_id: zaakId, naam })
      .first<ZaakEigenschap | undefined>('naam', 'waarde');
    return row ?? null;
  }

  async put(zaakId: string, eigenschap: ZaakEigenschap): Promise<void> {
    await this.db('zaak_eigenschappen')
      .insert({ zaak_id: zaakId, ...eigenschap })
      .onConflict(['zaak_id', 'naam'])
      .merge(['waarde']);
  }

  async remove(zaakId: string, naam: string): Promise<void> {
    await this.db('zaak_eigenschappen').where({ zaak_id: zaakId, naam }).delete();
  }
}
