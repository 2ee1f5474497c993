import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { CalendarDate } from '../deadlines/index.js';
import { childTables, insertChildren, loadChildren } from './childRows.js';
import type { VersionStatus } from './enums.js';
import type { VersionContent, VersionSummary, ZaaktypeSummary, ZaaktypeVersion } from './types.js';

export interface ZaaktypeRecord {
  id: string;
  identificatie: string;
}

interface VersionRow {
  id: string;
  zaaktype_id: string;
  identificatie: string;
  versie: number;
  status: VersionStatus;
  omschrijving: string;
  doel: string;
  aanleiding: string;
  onderwerp: string;
  indicatie_intern_of_extern: VersionContent['indicatieInternOfExtern'];
  handeling_initiator: string;
  handeling_behandelaar: string;
  doorlooptijd: string;
  servicenorm: string | null;
  opschorting_en_aanhouding_mogelijk: boolean;
  verlenging_mogelijk: boolean;
  verlengingstermijn: string | null;
  vertrouwelijkheidaanduiding: VersionContent['vertrouwelijkheidaanduiding'];
  trefwoorden: string[];
  versiedatum: string;
  begin_geldigheid: string | null;
  einde_geldigheid: string | null;
  bpmn_process_id: string | null;
  process_version: number | null;
  process_definition_key: string | null;
  forms: Record<string, unknown>;
  created_by: string | null;
  updated_by: string | null;
  published_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

const VERSIONS = 'catalogus_zaaktype_versies';
/** Every version column except the dates, which are selected as text. */
const PLAIN_VERSION_COLUMNS: (keyof VersionRow)[] = [
  'id',
  'zaaktype_id',
  'versie',
  'status',
  'omschrijving',
  'doel',
  'aanleiding',
  'onderwerp',
  'indicatie_intern_of_extern',
  'handeling_initiator',
  'handeling_behandelaar',
  'doorlooptijd',
  'servicenorm',
  'opschorting_en_aanhouding_mogelijk',
  'verlenging_mogelijk',
  'verlengingstermijn',
  'vertrouwelijkheidaanduiding',
  'trefwoorden',
  'bpmn_process_id',
  'process_version',
  'process_definition_key',
  'forms',
  'created_by',
  'updated_by',
  'published_by',
  'created_at',
  'updated_at',
  'published_at',
];
const ZAAKTYPEN = 'catalogus_zaaktypen';

/** SQL for zaaktypen and their versions. Dates are read as text: a driver would make them instants. */
export class ZaaktypeRepository {
  constructor(private readonly db: Knex) {}

  async findZaaktype(identificatie: string): Promise<ZaaktypeRecord | undefined> {
    return this.db(ZAAKTYPEN)
      .first<ZaaktypeRecord | undefined>('id', 'identificatie')
      .where({ identificatie });
  }

  /** Locks the zaaktype row until the transaction ends, serialising changes to its versions. */
  async lockZaaktype(identificatie: string): Promise<ZaaktypeRecord | undefined> {
    return this.db(ZAAKTYPEN)
      .first<ZaaktypeRecord | undefined>('id', 'identificatie')
      .where({ identificatie })
      .forUpdate();
  }

  async insertZaaktype(identificatie: string): Promise<ZaaktypeRecord> {
    const record = { id: randomUUID(), identificatie };
    await this.db(ZAAKTYPEN).insert(record);
    return record;
  }

  async deleteZaaktype(id: string): Promise<void> {
    await this.db(ZAAKTYPEN).where({ id }).delete();
  }

  async listSummaries(): Promise<ZaaktypeSummary[]> {
    const rows = await this.db(ZAAKTYPEN)
      .leftJoin(`${VERSIONS} as v`, 'v.zaaktype_id', `${ZAAKTYPEN}.id`)
      .select<
        (Pick<
          VersionRow,
          | 'identificatie'
          | 'status'
          | 'omschrijving'
          | 'versiedatum'
          | 'begin_geldigheid'
          | 'einde_geldigheid'
        > & { versie: number | null })[]
      >(
        `${ZAAKTYPEN}.identificatie`,
        'v.versie',
        'v.status',
        'v.omschrijving',
        this.db.raw('v.versiedatum::text as versiedatum'),
        this.db.raw('v.begin_geldigheid::text as begin_geldigheid'),
        this.db.raw('v.einde_geldigheid::text as einde_geldigheid'),
      )
      .orderBy([`${ZAAKTYPEN}.identificatie`, 'v.versie']);
    const byIdentificatie = new Map<string, VersionSummary[]>();
    for (const row of rows) {
      const versies = byIdentificatie.get(row.identificatie) ?? [];
      byIdentificatie.set(row.identificatie, versies);
      if (row.versie === null) continue;
      versies.push({
        versie: row.versie,
        status: row.status,
        omschrijving: row.omschrijving,
        versiedatum: row.versiedatum,
        beginGeldigheid: row.begin_geldigheid,
        eindeGeldigheid: row.einde_geldigheid,
      });
    }
    return [...byIdentificatie].map(([identificatie, versies]) => ({ identificatie, versies }));
  }

  async listVersions(zaaktypeId: string): Promise<ZaaktypeVersion[]> {
    return this.loadVersions(
      this.versionQuery().where('v.zaaktype_id', zaaktypeId).orderBy('v.versie'),
    );
  }

  async findVersion(zaaktypeId: string, versie: number): Promise<ZaaktypeVersion | undefined> {
    const [version] = await this.loadVersions(
      this.versionQuery().where({ 'v.zaaktype_id': zaaktypeId, 'v.versie': versie }),
    );
    return version;
  }

  /** The published version valid on `peildatum`, if any. */
  async findValidVersion(
    zaaktypeId: string,
    peildatum: CalendarDate,
  ): Promise<ZaaktypeVersion | undefined> {
    const [version] = await this.loadVersions(
      this.versionQuery()
        .where({ 'v.zaaktype_id': zaaktypeId, 'v.status': 'published' })
        .where('v.begin_geldigheid', '<=', peildatum)
        .whereRaw('(v.einde_geldigheid is null or v.einde_geldigheid >= ?)', [peildatum]),
    );
    return version;
  }

  async nextVersie(zaaktypeId: string): Promise<number> {
    const row = await this.db(VERSIONS)
      .where({ zaaktype_id: zaaktypeId })
      .max<{ max: number | null }>('versie as max')
      .first();
    return (row?.max ?? 0) + 1;
  }

  async insertVersion(
    zaaktypeId: string,
    versie: number,
    content: VersionContent,
    actor: string | null,
  ): Promise<string> {
    const id = randomUUID();
    await this.db(VERSIONS).insert({
      id,
      zaaktype_id: zaaktypeId,
      versie,
      status: 'concept',
      ...contentColumns(content),
      created_by: actor,
      updated_by: actor,
    });
    await insertChildren(this.db, id, content);
    return id;
  }

  async replaceContent(
    versionId: string,
    content: VersionContent,
    actor: string | null,
  ): Promise<void> {
    await this.db(VERSIONS)
      .where({ id: versionId })
      .update({ ...contentColumns(content), updated_by: actor, updated_at: this.db.fn.now() });
    for (const table of childTables)
      await this.db(table).where({ zaaktype_versie_id: versionId }).delete();
    await insertChildren(this.db, versionId, content);
  }

  async markPublished(
    versionId: string,
    beginGeldigheid: CalendarDate,
    actor: string | null,
  ): Promise<void> {
    await this.db(VERSIONS).where({ id: versionId }).update({
      status: 'published',
      begin_geldigheid: beginGeldigheid,
      published_by: actor,
      published_at: this.db.fn.now(),
      updated_at: this.db.fn.now(),
    });
  }

  /** The one change a published version allows: closing its validity when a successor is published. */
  async setEindeGeldigheid(versionId: string, eindeGeldigheid: CalendarDate): Promise<void> {
    await this.db(VERSIONS).where({ id: versionId }).update({ einde_geldigheid: eindeGeldigheid });
  }

  async deleteVersion(versionId: string): Promise<void> {
    await this.db(VERSIONS).where({ id: versionId }).delete();
  }

  async countVersions(zaaktypeId: string): Promise<number> {
    const row = await this.db(VERSIONS)
      .where({ zaaktype_id: zaaktypeId })
      .count<{ count: string | number }>('* as count')
      .first();
    return Number(row?.count ?? 0);
  }

  private versionQuery(): Knex.QueryBuilder {
    return this.db(`${VERSIONS} as v`)
      .join(`${ZAAKTYPEN} as z`, 'z.id', 'v.zaaktype_id')
      .select(
        ...PLAIN_VERSION_COLUMNS.map((column) => `v.${column}`),
        'z.identificatie',
        this.db.raw('v.versiedatum::text as versiedatum'),
        this.db.raw('v.begin_geldigheid::text as begin_geldigheid'),
        this.db.raw('v.einde_geldigheid::text as einde_geldigheid'),
      );
  }

  private async loadVersions(query: Knex.QueryBuilder): Promise<ZaaktypeVersion[]> {
    const rows = (await query) as VersionRow[];
    if (rows.length === 0) return [];
    const children = await loadChildren(
      this.db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toVersion(row, children.of(row.id)));
  }
}

function contentColumns(content: VersionContent) {
  return {
    omschrijving: content.omschrijving,
    doel: content.doel,
    aanleiding: content.aanleiding,
    onderwerp: content.onderwerp,
    indicatie_intern_of_extern: content.indicatieInternOfExtern,
    handeling_initiator: content.handelingInitiator,
    handeling_behandelaar: content.handelingBehandelaar,
    doorlooptijd: content.doorlooptijd,
    servicenorm: content.servicenorm,
    opschorting_en_aanhouding_mogelijk: content.opschortingEnAanhoudingMogelijk,
    verlenging_mogelijk: content.verlengingMogelijk,
    verlengingstermijn: content.verlengingstermijn,
    vertrouwelijkheidaanduiding: content.vertrouwelijkheidaanduiding,
    // jsonb values are sent as JSON text: node-postgres would turn a JS array into a PostgreSQL array.
    trefwoorden: JSON.stringify(content.trefwoorden),
    versiedatum: content.versiedatum,
    begin_geldigheid: content.beginGeldigheid,
    einde_geldigheid: content.eindeGeldigheid,
    bpmn_process_id: content.bpmnProcessId,
    process_version: content.processVersion,
    process_definition_key: content.processDefinitionKey,
    forms: JSON.stringify(content.forms),
  };
}

function toVersion(
  row: VersionRow,
  children: Pick<
    ZaaktypeVersion,
    'statustypen' | 'resultaattypen' | 'roltypen' | 'eigenschappen' | 'informatieobjecttypen'
  >,
): ZaaktypeVersion {
  return {
    id: row.id,
    identificatie: row.identificatie,
    versie: row.versie,
    status: row.status,
    omschrijving: row.omschrijving,
    doel: row.doel,
    aanleiding: row.aanleiding,
    onderwerp: row.onderwerp,
    indicatieInternOfExtern: row.indicatie_intern_of_extern,
    handelingInitiator: row.handeling_initiator,
    handelingBehandelaar: row.handeling_behandelaar,
    doorlooptijd: row.doorlooptijd,
    servicenorm: row.servicenorm,
    opschortingEnAanhoudingMogelijk: row.opschorting_en_aanhouding_mogelijk,
    verlengingMogelijk: row.verlenging_mogelijk,
    verlengingstermijn: row.verlengingstermijn,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    trefwoorden: row.trefwoorden,
    versiedatum: row.versiedatum,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    bpmnProcessId: row.bpmn_process_id,
    processVersion: row.process_version,
    processDefinitionKey: row.process_definition_key,
    forms: row.forms,
    ...children,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    publishedBy: row.published_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
  };
}
