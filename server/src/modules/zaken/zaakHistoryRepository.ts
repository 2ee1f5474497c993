import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  Betrokkene,
  OpschortingPeriode,
  ZaakNotitie,
  ZaakResultaat,
  ZaakRol,
  ZaakStatus,
} from './types.js';

interface StatusRow {
  statustype_omschrijving: string;
  statustype_volgnummer: number;
  datum_status_gezet: Date | string;
  toelichting: string | null;
  gezet_door: string;
}

interface RolRow {
  id: string;
  roltype_omschrijving: string;
  omschrijving_generiek: string;
  betrokkene_type: Betrokkene['type'];
  bsn: string | null;
  kvk_nummer: string | null;
  medewerker_username: string | null;
  naam: string | null;
  email: string | null;
  toelichting: string | null;
}

export interface NewRol {
  roltype: string;
  omschrijvingGeneriek: string;
  betrokkene: Betrokkene;
  toelichting?: string | undefined;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** SQL for what hangs under a zaak: statussen, resultaat, rollen, notities, opschortingen. */
export class ZaakHistoryRepository {
  constructor(private readonly db: Knex) {}

  async statussen(zaakId: string): Promise<ZaakStatus[]> {
    const rows = await this.db('zaak_statussen')
      .where('zaak_id', zaakId)
      .orderBy('id')
      .select<StatusRow[]>('*');
    return rows.map((row) => ({
      statustype: row.statustype_omschrijving,
      volgnummer: row.statustype_volgnummer,
      datumStatusGezet: iso(row.datum_status_gezet),
      toelichting: row.toelichting,
      gezetDoor: row.gezet_door,
    }));
  }

  async insertStatus(
    zaakId: string,
    status: {
      statustype: string;
      volgnummer: number;
      toelichting?: string | undefined;
      gezetDoor: string;
    },
  ): Promise<void> {
    await this.db('zaak_statussen').insert({
      zaak_id: zaakId,
      statustype_omschrijving: status.statustype,
      statustype_volgnummer: status.volgnummer,
      toelichting: status.toelichting ?? null,
      gezet_door: status.gezetDoor,
    });
  }

  async resultaat(zaakId: string): Promise<ZaakResultaat | null> {
    const row = await this.db('zaak_resultaten')
      .where('zaak_id', zaakId)
      .first<
        | { resultaattype_omschrijving: string; toelichting: string | null; gezet_door: string }
        | undefined
      >();
    return row
      ? {
          resultaattype: row.resultaattype_omschrijving,
          toelichting: row.toelichting,
          gezetDoor: row.gezet_door,
        }
      : null;
  }

  async upsertResultaat(zaakId: string, resultaat: ZaakResultaat): Promise<void> {
    await this.db('zaak_resultaten')
      .insert({
        zaak_id: zaakId,
        resultaattype_omschrijving: resultaat.resultaattype,
        toelichting: resultaat.toelichting,
        gezet_door: resultaat.gezetDoor,
      })
      .onConflict('zaak_id')
      .merge(['resultaattype_omschrijving', 'toelichting', 'gezet_door', 'gezet_op']);
  }

  async rollen(zaakId: string): Promise<ZaakRol[]> {
    const rows = await this.db('zaak_rollen')
      .where('zaak_id', zaakId)
      .orderBy(['created_at', 'id'])
      .select<RolRow[]>('*');
    return rows.map(toRol);
  }

  async insertRol(zaakId: string, rol: NewRol, createdBy: string): Promise<ZaakRol> {
    const id = randomUUID();
    const { betrokkene } = rol;
    await this.db('zaak_rollen').insert({
      id,
      zaak_id: zaakId,
      roltype_omschrijving: rol.roltype,
      omschrijving_generiek: rol.omschrijvingGeneriek,
      betrokkene_type: betrokkene.type,
      bsn: betrokkene.type === 'natuurlijk_persoon' ? betrokkene.bsn : null,
      kvk_nummer: betrokkene.type === 'niet_natuurlijk_persoon' ? betrokkene.kvkNummer : null,
      medewerker_username: betrokkene.type === 'medewerker' ? betrokkene.username : null,
      naam: betrokkene.naam ?? null,
      email: betrokkene.email ?? null,
      toelichting: rol.toelichting ?? null,
      created_by: createdBy,
    });
    return {
      id,
      roltype: rol.roltype,
      omschrijvingGeneriek: rol.omschrijvingGeneriek,
      betrokkene,
      toelichting: rol.toelichting ?? null,
    };
  }

  async notities(zaakId: string): Promise<ZaakNotitie[]> {
    const rows = await this.db('zaak_notities')
      .where('zaak_id', zaakId)
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select<{ id: string; tekst: string; auteur: string; created_at: Date | string }[]>('*');
    return rows.map((row) => ({
      id: row.id,
      tekst: row.tekst,
      auteur: row.auteur,
      createdAt: iso(row.created_at),
    }));
  }

  async insertNotitie(zaakId: string, tekst: string, auteur: string): Promise<ZaakNotitie> {
    const id = randomUUID();
    const [row] = await this.db('zaak_notities')
      .insert({ id, zaak_id: zaakId, tekst, auteur })
      .returning<{ created_at: Date | string }[]>('created_at');
    return { id, tekst, auteur, createdAt: iso(row?.created_at ?? new Date()) };
  }

  async opschortingen(zaakId: string): Promise<OpschortingPeriode[]> {
    return this.db('zaak_opschortingen')
      .where('zaak_id', zaakId)
      .orderBy('id')
      .select<OpschortingPeriode[]>(
        this.db.raw('van::text as van'),
        this.db.raw('tot::text as tot'),
        'reden',
      );
  }

  async startOpschorting(zaakId: string, van: string, reden: string): Promise<void> {
    await this.db('zaak_opschortingen').insert({ zaak_id: zaakId, van, reden });
  }

  async endOpschorting(zaakId: string, tot: string): Promise<void> {
    await this.db('zaak_opschortingen').where('zaak_id', zaakId).whereNull('tot').update({ tot });
  }
}

function toRol(row: RolRow): ZaakRol {
  const contact = { naam: row.naam ?? undefined, email: row.email ?? undefined };
  const betrokkene: Betrokkene =
    row.betrokkene_type === 'natuurlijk_persoon'
      ? { type: 'natuurlijk_persoon', bsn: row.bsn ?? '', ...contact }
      : row.betrokkene_type === 'niet_natuurlijk_persoon'
        ? { type: 'niet_natuurlijk_persoon', kvkNummer: row.kvk_nummer ?? '', ...contact }
        : { type: 'medewerker', username: row.medewerker_username ?? '', ...contact };
  return {
    id: row.id,
    roltype: row.roltype_omschrijving,
    omschrijvingGeneriek: row.omschrijving_generiek,
    betrokkene: JSON.parse(JSON.stringify(betrokkene)) as Betrokkene, // drops undefined contact fields
    toelichting: row.toelichting,
  };
}
