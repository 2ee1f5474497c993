import type { Knex } from 'knex';
import type { ZaakSearch } from './schemas.js';
import { loadVisibleZaaktypen, whereVisible } from './visibleZaken.js';
import { withoutProefrun } from './proefrun.js';
import { DATE_COLUMNS, type ZaakRow } from './zaakRow.js';

/** Which zaken a caller may see: every zaak (service), or those its groups are authorised for. */
export type Visibility = { all: true } | { all: false; groups: readonly string[] };

const sortColumns: Record<string, string> = {
  identificatie: 'identificatie',
  registratiedatum: 'registratiedatum',
  startdatum: 'startdatum',
  uiterlijkeEinddatumAfdoening: 'uiterlijke_einddatum_afdoening',
};

/** SQL for the `zaken` table and the zaaknummer counter. */
export class ZaakRepository {
  constructor(private readonly db: Knex) {}

  /** The next number of `year`; the upsert's row lock serialises concurrent creations. */
  async nextZaaknummer(year: number): Promise<number> {
    const result = await this.db.raw<{ rows: { last_value: number }[] }>(
      `insert into zaaknummer_counters (jaar, last_value) values (?, 1)
       on conflict (jaar) do update set last_value = zaaknummer_counters.last_value + 1
       returning last_value`,
      [year],
    );
    const value = result.rows[0]?.last_value;
    if (value === undefined) throw new Error('zaaknummer counter returned no row');
    return value;
  }

  /** The next proefrun number, from its own sequence: proefruns never use a zaaknummer. */
  async nextProefrunNummer(): Promise<number> {
    const result = await this.db.raw<{ rows: { value: string | number }[] }>(
      "select nextval('proefrun_nummers') as value",
    );
    const value = result.rows[0]?.value;
    if (value === undefined) throw new Error('proefrun sequence returned no row');
    return Number(value);
  }

  async insert(row: Omit<ZaakRow, 'status_omschrijving' | 'status_volgnummer'>): Promise<void> {
    await this.db('zaken').insert(row);
  }

  async find(id: string): Promise<ZaakRow | undefined> {
    return this.select().where('id', id).first();
  }

  /** Reads and locks the zaak for the rest of the transaction: actions on one zaak run one by one. */
  async lock(id: string): Promise<ZaakRow | undefined> {
    return this.select().where('id', id).forUpdate().first();
  }

  async update(id: string, changes: Partial<ZaakRow>): Promise<void> {
    await this.db('zaken')
      .where('id', id)
      .update({ ...changes, updated_at: this.db.fn.now() });
  }

  /** Sets the process instance key unless one is recorded already; returns the key now recorded. */
  async recordProcessInstance(id: string, key: string): Promise<string | null> {
    await this.db('zaken')
      .where('id', id)
      .whereNull('process_instance_key')
      .update({ process_instance_key: key });
    const row = await this.db('zaken')
      .select('process_instance_key')
      .where('id', id)
      .first<{ process_instance_key: string | null } | undefined>();
    return row?.process_instance_key ?? null;
  }

  async search(
    filter: ZaakSearch,
    visibility: Visibility,
  ): Promise<{ rows: ZaakRow[]; total: number }> {
    const query = this.db('zaken as z');
    withoutProefrun(query);
    if (!visibility.all)
      whereVisible(query, await loadVisibleZaaktypen(this.db, visibility.groups));
    if (filter.zaaktype) query.where('z.zaaktype_identificatie', filter.zaaktype);
    if (filter.status) query.where('z.status_omschrijving', filter.status);
    if (filter.deadlineVanaf)
      query.where('z.uiterlijke_einddatum_afdoening', '>=', filter.deadlineVanaf);
    if (filter.deadlineTot)
      query.where('z.uiterlijke_einddatum_afdoening', '<=', filter.deadlineTot);
    if (filter.open !== undefined) {
      if (filter.open) query.whereNull('z.einddatum');
      else query.whereNotNull('z.einddatum');
    }
    if (filter.q) {
      const pattern = `%${filter.q.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.where((q) => {
        void q.whereILike('z.identificatie', pattern).orWhereILike('z.omschrijving', pattern);
      });
    }
    if (filter.behandelaar) {
      // The behandelaar's zaken as a list of ids looked up in the primary key: a few thousand
      // lookups instead of a scan of every zaak (which the planner picks for a semi-join).
      const rollen = this.db('zaak_rollen')
        .where({ omschrijving_generiek: 'behandelaar', medewerker_username: filter.behandelaar })
        .select('zaak_id');
      query.whereRaw('z.id = any(array(?))', [rollen]);
    }
    const descending = filter.sort.startsWith('-');
    const column = sortColumns[filter.sort.replace(/^-/, '')] ?? 'registratiedatum';
    // The total and the page side by side, each on its own pool connection.
    const [countRow, rows] = await Promise.all([
      query.clone().count<{ count: string | number }[]>('* as count').first(),
      query
        .select(this.columns('z'))
        .orderBy([
          { column: `z.${column}`, order: descending ? 'desc' : 'asc' },
          { column: 'z.identificatie', order: descending ? 'desc' : 'asc' },
        ])
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
    ]);
    return { rows: rows as ZaakRow[], total: Number(countRow?.count ?? 0) };
  }

  /** The proefrun zaken of one zaaktype version, oldest first. */
  async listProefrun(zaaktype: string, versie: number): Promise<ZaakRow[]> {
    return this.select()
      .where({ proefrun: true, zaaktype_identificatie: zaaktype, zaaktype_versie: versie })
      .orderBy('created_at');
  }

  /** Deletes proefrun zaken (never a real one); their rollen, statussen, documents go with them. */
  async deleteProefrun(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    // rows, not a count: knex-pglite answers a bare delete() with a result object
    const deleted = await this.db('zaken')
      .where('proefrun', true)
      .whereIn('id', [...ids])
      .delete()
      .returning('id');
    return deleted.length;
  }

  private select() {
    return this.db('zaken').select<ZaakRow[]>(this.columns());
  }

  private columns(alias?: string): (string | Knex.Raw)[] {
    const prefix = alias ? `${alias}.` : '';
    const dates = new Set<string>(DATE_COLUMNS);
    return [
      `${prefix}*`,
      ...[...dates].map((column) => this.db.raw(`${prefix}${column}::text as ${column}`)),
    ];
  }
}
