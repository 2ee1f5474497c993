import { readFileSync } from 'node:fs';
import type { Knex } from 'knex';
import {
  AuthorisationService,
  CatalogusService,
  loadZaaktypeFromJson,
  type ZaaktypeVersion,
} from '../../catalogus/index.js';

/**
 * Publishes the omgevingsvergunning fixture (P8W, servicenorm P6W, verlenging P6W) valid from
 * 2026-01-01, optionally bound to another process, and authorises `groups` for it.
 */
export async function publishFixtureZaaktype(
  db: Knex,
  options: {
    catalogus?: CatalogusService;
    bpmnProcessId?: string;
    groups?: string[];
    identificatie?: string;
  } = {},
): Promise<{ catalogus: CatalogusService; version: ZaaktypeVersion }> {
  const text = readFileSync(
    new URL('../../catalogus/fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
    'utf8',
  );
  const json = JSON.parse(text) as Record<string, unknown>;
  const input = loadZaaktypeFromJson({
    ...json,
    ...(options.identificatie ? { identificatie: options.identificatie } : {}),
    ...(options.bpmnProcessId ? { bpmnProcessId: options.bpmnProcessId } : {}),
  });
  const catalogus = options.catalogus ?? new CatalogusService({ db });
  await catalogus.createConcept(input);
  const version = await catalogus.publish(
    input.identificatie,
    1,
    { beginGeldigheid: '2026-01-01' },
    async () => ({ statustypen: [], resultaattypen: [] }),
  );
  const authorisations = new AuthorisationService(db);
  for (const groep of options.groups ?? []) {
    await authorisations.grant({
      groep,
      zaaktypeIdentificatie: input.identificatie,
      maxVertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
  }
  return { catalogus, version };
}

/** A BSN that passes the 11-proef (a well-known test number). */
export const testBsn = '999993653';
export const testRsin = '002220647';
