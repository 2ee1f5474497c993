import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayHarness } from '../engine/gateway/grpc/testing/gatewayHarness.js';
import { AuthorisationService, CatalogusService } from '../modules/catalogus/index.js';
import { addDays, type CalendarDate } from '../modules/deadlines/index.js';
import {
  defaultProcessesDir,
  demoAuthorisations,
  seedDemoZaaktypen,
  type DemoSeedOptions,
} from './demoSeed.js';

const today: CalendarDate = '2026-03-02';
const examples = ['bezwaar', 'melding-openbare-ruimte', 'omgevingsvergunning', 'woo-verzoek'];

describe('seedDemoZaaktypen against the real engine (through the SDK) and the real catalogue', () => {
  let harness: GatewayHarness;
  let options: DemoSeedOptions;
  let catalogus: CatalogusService;
  let scratch: string;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
    catalogus = new CatalogusService({ db: harness.db, today: () => today });
    options = {
      db: harness.db,
      zeebe: harness.zeebe,
      catalogusService: catalogus,
      authorisationService: new AuthorisationService(harness.db),
      logger: pino({ level: 'silent' }),
      today: () => today,
    };
    scratch = await mkdtemp(join(tmpdir(), 'zaakstroom-seed-'));
  });
  afterAll(async () => {
    await harness?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** A copy of one example folder that a test may change. */
  async function copyOf(folder: string, into: string): Promise<URL> {
    const dir = join(scratch, into);
    await cp(new URL(`${folder}/`, defaultProcessesDir), join(dir, folder), { recursive: true });
    return pathToFileURL(`${dir}/`);
  }

  it('given an empty catalogue, when seeded, then every example is deployed and published with its forms', async () => {
    const seeded = await seedDemoZaaktypen(options);

    expect(seeded.map((s) => [s.identificatie, s.outcome, s.versie, s.processVersion])).toEqual(
      examples.map((identificatie) => [identificatie, 'created', 1, 1]),
    );
    for (const identificatie of examples) {
      const version = await catalogus.getValidVersion(identificatie, today);
      expect(version).toMatchObject({
        status: 'published',
        bpmnProcessId: identificatie,
        processVersion: 1,
        beginGeldigheid: today,
      });
      expect(version.processDefinitionKey).toMatch(/^\d+$/);
      expect(Object.keys(version.forms).length).toBeGreaterThan(0);
    }
    const woo = await catalogus.getValidVersion('woo-verzoek', today);
    expect(Object.keys(woo.forms).sort()).toEqual([
      'woo-besluit',
      'woo-publiceren',
      'woo-verzoek-beoordelen',
    ]);
  });

  it('authorises the demo teams for their zaaktypen', async () => {
    const authorisations = await new AuthorisationService(harness.db).list();
    for (const [identificatie, groups] of Object.entries(demoAuthorisations)) {
      expect(
        authorisations
          .filter((a) => a.zaaktypeIdentificatie === identificatie)
          .map((a) => a.groep)
          .sort(),
      ).toEqual([...groups].sort());
    }
  });

  it('when seeded again, then nothing changes', async () => {
    const seeded = await seedDemoZaaktypen(options);

    expect(seeded.map((s) => [s.outcome, s.versie, s.processVersion])).toEqual(
      examples.map(() => ['unchanged', 1, 1]),
    );
    for (const identificatie of examples)
      expect((await catalogus.getZaaktype(identificatie)).versies).toHaveLength(1);
  });

  it('binds the zaaktype to a process the SDK can start', async () => {
    const version = await catalogus.getValidVersion('bezwaar', today);
    const started = await harness.zeebe.createProcessInstance({
      bpmnProcessId: version.bpmnProcessId!,
      version: version.processVersion!,
      variables: { zaakId: 'z-1', zaak: { id: 'z-1', identificatie: 'ZAAK-2026-0000001' } },
    });
    expect(started.processDefinitionKey).toBe(version.processDefinitionKey);
  });

  it('given a changed process, when seeded, then it is redeployed and published as a new version from tomorrow', async () => {
    const dir = await copyOf('bezwaar', 'changed');
    const bpmn = join(dir.pathname, 'bezwaar', 'process.bpmn');
    await writeFile(
      bpmn,
      (await readFile(bpmn, 'utf8')).replace(
        'name="Hoorzitting houden"',
        'name="Bezwaarmaker horen"',
      ),
    );

    const [seeded] = await seedDemoZaaktypen({ ...options, processesDir: dir });

    expect(seeded).toMatchObject({
      identificatie: 'bezwaar',
      outcome: 'new-version',
      versie: 2,
      processVersion: 2,
    });
    const versies = (await catalogus.getZaaktype('bezwaar')).versies;
    expect(versies.map((v) => [v.versie, v.status, v.beginGeldigheid, v.eindeGeldigheid])).toEqual([
      [1, 'published', today, today],
      [2, 'published', addDays(today, 1), null],
    ]);
  });

  it('refuses a zaaktype.json that lacks a statustype its process sets', async () => {
    const dir = await copyOf('woo-verzoek', 'incomplete');
    const json = join(dir.pathname, 'woo-verzoek', 'zaaktype.json');
    const zaaktype = JSON.parse(await readFile(json, 'utf8')) as {
      identificatie: string;
      statustypen: { omschrijving: string }[];
    };
    zaaktype.identificatie = 'woo-verzoek-onvolledig';
    zaaktype.statustypen = zaaktype.statustypen.filter(
      (s) => s.omschrijving !== 'Zienswijze derden gevraagd',
    );
    await writeFile(json, JSON.stringify(zaaktype));

    await expect(seedDemoZaaktypen({ ...options, processesDir: dir })).rejects.toThrow(
      /statustype "Zienswijze derden gevraagd" is used by process woo-verzoek/,
    );
  });
});
