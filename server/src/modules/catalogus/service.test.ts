import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../http/errors.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { loadZaaktypeFromJson } from './loadZaaktypeFromJson.js';
import type { NewZaaktype, VersionInput } from './schemas.js';
import { CatalogusService } from './service.js';
import type { CatalogusChange, ProcessModelCheck } from './types.js';

const fixtureText = readFileSync(
  new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
  'utf8',
);
/** A fresh, valid zaaktype input with its own identificatie, so tests do not share rows. */
let counter = 0;
function newZaaktype(overrides: Partial<NewZaaktype> = {}): NewZaaktype {
  counter += 1;
  return { ...loadZaaktypeFromJson(fixtureText), identificatie: `omv-${counter}`, ...overrides };
}
function contentOf(input: NewZaaktype): VersionInput {
  const content: Partial<NewZaaktype> = { ...input };
  delete content.identificatie;
  return content as VersionInput;
}

/** A process model that uses exactly the names in the fixture's happy path. */
const matchingModel: ProcessModelCheck = async () => ({
  statustypen: ['Ontvangen', 'In behandeling', 'Afgehandeld'],
  resultaattypen: ['Verleend', 'Geweigerd'],
});
const beheerder = { username: 'fb.jansen' };

describe('CatalogusService (database)', () => {
  let testDb: TestDatabase;
  let service: CatalogusService;
  let today: string;
  const changes: CatalogusChange[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    service = new CatalogusService({
      db: testDb.db,
      today: () => today,
      onChange: async (change, trx) => {
        // the audit hook runs inside the change's transaction, so it may write with trx
        await trx.raw('select 1');
        changes.push(change);
      },
    });
  });
  beforeEach(() => {
    today = '2026-01-05';
    changes.length = 0;
  });
  afterAll(async () => {
    await testDb.destroy();
  });

  it('creates a concept with all its child types and reads it back', async () => {
    const input = newZaaktype();
    const created = await service.createConcept(input, beheerder);
    expect(created).toMatchObject({
      identificatie: input.identificatie,
      versie: 1,
      status: 'concept',
      doorlooptijd: 'P8W',
      verlengingstermijn: 'P6W',
      versiedatum: '2026-01-05',
      trefwoorden: ['bouwen', 'vergunning'],
      processVersion: 1,
      createdBy: 'fb.jansen',
    });
    expect(created.statustypen.map((s) => s.volgnummer)).toEqual([1, 2, 3, 4, 5]);
    expect(created.resultaattypen[2]?.brondatumArchiefprocedure).toEqual({
      afleidingswijze: 'termijn',
      procestermijn: 'P1Y',
    });
    expect(created.statustypen[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await service.getVersion(input.identificatie, 1)).toEqual(created);
    expect(changes.map((c) => c.action)).toEqual(['create']);
  });

  it('refuses a second zaaktype with the same identificatie', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    await expect(service.createConcept(input)).rejects.toThrow(
      `Zaaktype ${input.identificatie} already exists`,
    );
  });

  it('updates a concept, replacing its child types', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    const content = contentOf(input);
    const updated = await service.updateConcept(
      input.identificatie,
      1,
      {
        ...content,
        omschrijving: 'Omgevingsvergunning',
        statustypen: content.statustypen.slice(0, 2),
      },
      beheerder,
    );
    expect(updated.omschrijving).toBe('Omgevingsvergunning');
    expect(updated.statustypen.map((s) => s.omschrijving)).toEqual(['Ontvangen', 'In behandeling']);
    expect(updated.updatedBy).toBe('fb.jansen');
  });

  it('publishes a concept, after which it cannot be changed, deleted or published again', async () => {
    // given a published version
    const input = newZaaktype();
    await service.createConcept(input);
    const published = await service.publish(input.identificatie, 1, {}, matchingModel, beheerder);
    expect(published).toMatchObject({
      status: 'published',
      beginGeldigheid: '2026-01-05',
      eindeGeldigheid: null,
    });
    expect(published.publishedBy).toBe('fb.jansen');
    // when changing it, then the refusal names the version
    const refusal = `Version 1 of zaaktype ${input.identificatie} is published and cannot be changed`;
    await expect(service.updateConcept(input.identificatie, 1, contentOf(input))).rejects.toThrow(
      refusal,
    );
    await expect(service.deleteConcept(input.identificatie, 1)).rejects.toThrow(refusal);
    await expect(service.publish(input.identificatie, 1, {}, matchingModel)).rejects.toThrow(
      refusal,
    );
    await expect(
      service.updateConcept(input.identificatie, 1, contentOf(input)),
    ).rejects.toMatchObject({
      name: 'ConflictError',
    });
    expect(await service.getVersion(input.identificatie, 1)).toEqual(published);
  });

  it('copies a published version to a new concept and publishing it closes the previous validity', async () => {
    // given version 1 published from 5 January 2026
    const input = newZaaktype();
    await service.createConcept(input);
    await service.publish(input.identificatie, 1, {}, matchingModel);
    // when version 2 is copied and published from 1 July 2026
    today = '2026-03-01';
    const copy = await service.copyToConcept(input.identificatie, 1, beheerder);
    expect(copy).toMatchObject({
      versie: 2,
      status: 'concept',
      versiedatum: '2026-03-01',
      beginGeldigheid: null,
    });
    expect(copy.statustypen.map((s) => s.omschrijving)).toEqual(
      input.statustypen.map((s) => s.omschrijving),
    );
    changes.length = 0;
    await service.publish(
      input.identificatie,
      2,
      { beginGeldigheid: '2026-07-01' },
      matchingModel,
      beheerder,
    );
    expect(changes.map((c) => [c.action, c.versie, c.actor?.username])).toEqual([
      ['close', 1, 'fb.jansen'],
      ['publish', 2, 'fb.jansen'],
    ]);
    expect(changes[0]?.oldValue?.eindeGeldigheid).toBeNull();
    expect(changes[0]?.newValue?.eindeGeldigheid).toBe('2026-06-30');
    // then version 1 is valid until 30 June, and the version valid on a date is the right one
    const { versies } = await service.getZaaktype(input.identificatie);
    expect(versies.map((v) => [v.versie, v.beginGeldigheid, v.eindeGeldigheid])).toEqual([
      [1, '2026-01-05', '2026-06-30'],
      [2, '2026-07-01', null],
    ]);
    expect((await service.getValidVersion(input.identificatie, '2026-06-30')).versie).toBe(1);
    expect((await service.getValidVersion(input.identificatie, '2026-07-01')).versie).toBe(2);
    await expect(service.getValidVersion(input.identificatie, '2025-12-31')).rejects.toThrow(
      `Zaaktype ${input.identificatie} has no published version valid on 2025-12-31`,
    );
  });

  it('refuses to publish a version whose validity would overlap a published one', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    await service.publish(input.identificatie, 1, { beginGeldigheid: '2026-03-01' }, matchingModel);
    await service.copyToConcept(input.identificatie, 1);
    await expect(
      service.publish(input.identificatie, 2, { beginGeldigheid: '2026-02-01' }, matchingModel),
    ).rejects.toThrow(
      'Cannot publish with beginGeldigheid 2026-02-01: published version 1 of zaaktype',
    );
    // and nothing changed
    const { versies } = await service.getZaaktype(input.identificatie);
    expect(versies.map((v) => [v.status, v.eindeGeldigheid])).toEqual([
      ['published', null],
      ['concept', null],
    ]);
  });

  it('allows only one concept per zaaktype', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    await service.publish(input.identificatie, 1, {}, matchingModel);
    await service.copyToConcept(input.identificatie, 1);
    await expect(service.copyToConcept(input.identificatie, 1)).rejects.toThrow(
      `Zaaktype ${input.identificatie} already has concept version 2; change or delete that concept first`,
    );
  });

  it('refuses publication with a list of problems when the process uses unknown statustypen or resultaattypen', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    const model: ProcessModelCheck = async (bpmnProcessId, version) => {
      expect([bpmnProcessId, version]).toEqual(['omgevingsvergunning', 1]);
      return {
        statustypen: ['Ontvangen', 'Advies gevraagd'],
        resultaattypen: ['Verleend', 'Ingetrokken'],
      };
    };
    const refusal = await service
      .publish(input.identificatie, 1, {}, model)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({
      name: 'ConflictError',
      details: {
        problems: [
          'statustype "Advies gevraagd" is used by process omgevingsvergunning version 1 but is not in this zaaktype version',
          'resultaattype "Ingetrokken" is used by process omgevingsvergunning version 1 but is not in this zaaktype version',
        ],
      },
    });
    expect((refusal as Error).message).toMatch(
      /^Version 1 of zaaktype omv-\d+ cannot be published: statustype "Advies gevraagd"/,
    );
    expect((await service.getVersion(input.identificatie, 1)).status).toBe('concept');
  });

  it('reports an undeployed process as a problem, and checks completeness before the model', async () => {
    const input = newZaaktype({ roltypen: [] });
    await service.createConcept(input);
    const notDeployed: ProcessModelCheck = async () => {
      throw new NotFoundError('no process definition omgevingsvergunning version 1');
    };
    await expect(service.publish(input.identificatie, 1, {}, notDeployed)).rejects.toMatchObject({
      details: {
        problems: [
          'roltypen: add at least one, e.g. initiator or behandelaar',
          'process omgevingsvergunning version 1 is not deployed: no process definition omgevingsvergunning version 1',
        ],
      },
    });
  });

  it('refuses to publish a concept that changed while the model was being checked', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    const editingModel: ProcessModelCheck = async (...args) => {
      // a colleague saves the concept while the check runs
      await service.updateConcept(input.identificatie, 1, {
        ...contentOf(input),
        omschrijving: 'Gewijzigd',
      });
      return matchingModel(...args);
    };
    await expect(service.publish(input.identificatie, 1, {}, editingModel)).rejects.toThrow(
      'changed while it was being published; check it and publish again',
    );
    expect((await service.getVersion(input.identificatie, 1)).status).toBe('concept');
  });

  it('deletes a concept, and the zaaktype with it when it was the only version', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    await service.deleteConcept(input.identificatie, 1, beheerder);
    await expect(service.getZaaktype(input.identificatie)).rejects.toThrow(
      `Zaaktype ${input.identificatie} does not exist`,
    );
    await service.createConcept(input);
  });

  it('lists zaaktypen with their versions', async () => {
    const input = newZaaktype();
    await service.createConcept(input);
    await service.publish(input.identificatie, 1, {}, matchingModel);
    await service.copyToConcept(input.identificatie, 1);
    const listed = (await service.listZaaktypen()).find(
      (z) => z.identificatie === input.identificatie,
    );
    expect(listed?.versies).toEqual([
      expect.objectContaining({ versie: 1, status: 'published', beginGeldigheid: '2026-01-05' }),
      expect.objectContaining({ versie: 2, status: 'concept', beginGeldigheid: null }),
    ]);
  });
});
