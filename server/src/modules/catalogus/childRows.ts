import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  Eigenschap,
  Informatieobjecttype,
  Resultaattype,
  Roltype,
  Statustype,
  VersionContent,
  ZaaktypeVersion,
} from './types.js';

/**
 * Row ↔ domain mapping of a version's child rows; used by ZaaktypeRepository only.
 * Each list keeps the order the beheerder entered (column `positie`).
 */
type Children = Pick<
  ZaaktypeVersion,
  'statustypen' | 'resultaattypen' | 'roltypen' | 'eigenschappen' | 'informatieobjecttypen'
>;
type Row = Record<string, unknown> & { id: string; zaaktype_versie_id: string };

interface ChildMapping<Item> {
  table: string;
  toRow(item: Omit<Item, 'id'>): Record<string, unknown>;
  fromRow(row: Row): Item;
}

const statustypen: ChildMapping<Statustype> = {
  table: 'catalogus_statustypen',
  toRow: (s) => ({
    volgnummer: s.volgnummer,
    omschrijving: s.omschrijving,
    statustekst: s.statustekst,
    informeren: s.informeren,
  }),
  fromRow: (row) => ({
    id: row.id,
    volgnummer: row.volgnummer as number,
    omschrijving: row.omschrijving as string,
    statustekst: row.statustekst as string,
    informeren: row.informeren as boolean,
  }),
};

const resultaattypen: ChildMapping<Resultaattype> = {
  table: 'catalogus_resultaattypen',
  toRow: (r) => ({
    omschrijving: r.omschrijving,
    archiefnominatie: r.archiefnominatie,
    archiefactietermijn: r.archiefactietermijn,
    brondatum_afleidingswijze: r.brondatumArchiefprocedure.afleidingswijze,
    brondatum_procestermijn: r.brondatumArchiefprocedure.procestermijn,
  }),
  fromRow: (row) => ({
    id: row.id,
    omschrijving: row.omschrijving as string,
    archiefnominatie: row.archiefnominatie as Resultaattype['archiefnominatie'],
    archiefactietermijn: row.archiefactietermijn as string,
    brondatumArchiefprocedure: {
      afleidingswijze:
        row.brondatum_afleidingswijze as Resultaattype['brondatumArchiefprocedure']['afleidingswijze'],
      procestermijn: row.brondatum_procestermijn as string | null,
    },
  }),
};

const roltypen: ChildMapping<Roltype> = {
  table: 'catalogus_roltypen',
  toRow: (r) => ({ omschrijving: r.omschrijving, omschrijving_generiek: r.omschrijvingGeneriek }),
  fromRow: (row) => ({
    id: row.id,
    omschrijving: row.omschrijving as string,
    omschrijvingGeneriek: row.omschrijving_generiek as Roltype['omschrijvingGeneriek'],
  }),
};

const eigenschappen: ChildMapping<Eigenschap> = {
  table: 'catalogus_eigenschappen',
  toRow: (e) => ({ naam: e.naam, definitie: e.definitie, formaat: e.formaat }),
  fromRow: (row) => ({
    id: row.id,
    naam: row.naam as string,
    definitie: row.definitie as string,
    formaat: row.formaat as Eigenschap['formaat'],
  }),
};

const informatieobjecttypen: ChildMapping<Informatieobjecttype> = {
  table: 'catalogus_informatieobjecttypen',
  toRow: (i) => ({
    omschrijving: i.omschrijving,
    vertrouwelijkheidaanduiding: i.vertrouwelijkheidaanduiding,
  }),
  fromRow: (row) => ({
    id: row.id,
    omschrijving: row.omschrijving as string,
    vertrouwelijkheidaanduiding:
      row.vertrouwelijkheidaanduiding as Informatieobjecttype['vertrouwelijkheidaanduiding'],
  }),
};

const mappings = { statustypen, resultaattypen, roltypen, eigenschappen, informatieobjecttypen };
type ChildList = keyof typeof mappings;
const childLists = Object.keys(mappings) as ChildList[];

export const childTables: readonly string[] = childLists.map((list) => mappings[list].table);

export async function insertChildren(
  db: Knex,
  versionId: string,
  content: VersionContent,
): Promise<void> {
  for (const list of childLists) {
    const mapping = mappings[list] as ChildMapping<unknown>;
    const items = content[list] as Omit<unknown, 'id'>[];
    if (items.length === 0) continue;
    await db(mapping.table).insert(
      items.map((item, positie) => ({
        id: randomUUID(),
        zaaktype_versie_id: versionId,
        positie,
        ...mapping.toRow(item),
      })),
    );
  }
}

/** Loads the children of many versions with one query per child table. */
export async function loadChildren(
  db: Knex,
  versionIds: string[],
): Promise<{ of(versionId: string): Children }> {
  const byVersion = new Map<string, Children>(
    versionIds.map((id) => [
      id,
      {
        statustypen: [],
        resultaattypen: [],
        roltypen: [],
        eigenschappen: [],
        informatieobjecttypen: [],
      },
    ]),
  );
  for (const list of childLists) {
    const mapping = mappings[list] as ChildMapping<never>;
    const rows = await db(mapping.table)
      .whereIn('zaaktype_versie_id', versionIds)
      .orderBy('positie')
      .select<Row[]>('*');
    for (const row of rows) {
      (byVersion.get(row.zaaktype_versie_id)?.[list] as unknown[] | undefined)?.push(
        mapping.fromRow(row),
      );
    }
  }
  for (const children of byVersion.values()) {
    children.statustypen.sort((a, b) => a.volgnummer - b.volgnummer);
  }
  return {
    of: (versionId) =>
      byVersion.get(versionId) ?? {
        statustypen: [],
        resultaattypen: [],
        roltypen: [],
        eigenschappen: [],
        informatieobjecttypen: [],
      },
  };
}
