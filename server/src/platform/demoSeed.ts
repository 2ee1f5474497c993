import { readdir, readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import type { Logger } from '../logging.js';
import { ConflictError, NotFoundError } from '../http/errors.js';
import {
  AuthorisationService,
  loadZaaktypeFromJson,
  type Actor,
  type CatalogusService,
  type NewZaaktype,
  type ProcessModelCheck,
  type Vertrouwelijkheidaanduiding,
  type ZaaktypeVersion,
} from '../modules/catalogus/index.js';
import { addDays, todayInNetherlands, type CalendarDate } from '../modules/deadlines/index.js';
import { processModelCheck } from './processModelCheck.js';
import type { ZeebeClient } from './zeebeClient.js';

/** `processes/` at the repository root; the same relative path from `src/platform` and `dist/platform`. */
export const defaultProcessesDir = new URL('../../../processes/', import.meta.url);

/** Which demo groups work on (and so see) which example zaaktype: the candidate groups of its process. */
export const demoAuthorisations: Readonly<Record<string, readonly string[]>> = {
  'melding-openbare-ruimte': ['team-openbare-ruimte', 'team-vergunningen'],
  'woo-verzoek': ['team-informatieverzoeken', 'team-juridisch'],
  omgevingsvergunning: ['team-vergunningen'],
  bezwaar: ['team-juridisch'],
};

/** Demo teams see their zaken up to this level; coordinator and manager are members of every team. */
const demoMaxVertrouwelijkheid: Vertrouwelijkheidaanduiding = 'vertrouwelijk';

const seedActor: Actor = { username: 'demo-seed', kind: 'service' };

export interface DemoSeedOptions {
  db: Knex;
  zeebe: Pick<ZeebeClient, 'deployResource'>;
  catalogusService: CatalogusService;
  /** Defaults to a check against the XML this seed deploys (the platform's check needs the HTTP server). */
  modelCheck?: ProcessModelCheck;
  authorisationService?: AuthorisationService;
  logger: Logger;
  processesDir?: URL;
  today?: () => CalendarDate;
}

export type SeedOutcome = 'created' | 'new-version' | 'unchanged' | 'concept-in-the-way';

export interface SeededZaaktype {
  identificatie: string;
  bpmnProcessId: string;
  processVersion: number;
  outcome: SeedOutcome;
  /** The published version that matches the files, when there is one. */
  versie?: number;
}

interface ExampleZaaktype {
  folder: string;
  xml: Buffer;
  json: Record<string, unknown>;
  forms: Record<string, unknown>;
}

/**
 * Deploys every `processes/<zaaktype>/process.bpmn` through the Zeebe client, publishes its
 * zaaktype.json (with the forms of `forms/*.form`) bound to the deployed process version, and
 * authorises the demo teams. Idempotent: an identical redeploy keeps the process version, and a
 * published version equal to the files is left alone; a changed file gives a new version.
 */
export async function seedDemoZaaktypen(options: DemoSeedOptions): Promise<SeededZaaktype[]> {
  const dir = options.processesDir ?? defaultProcessesDir;
  const deployedXml = new Map<string, string>();
  const modelCheck =
    options.modelCheck ??
    processModelCheck({
      processDefinitionXml: (id, version) => Promise.resolve(deployedXml.get(`${id}@${version}`)),
    });
  const authorisations = options.authorisationService ?? new AuthorisationService(options.db);
  const seeded: SeededZaaktype[] = [];
  for (const example of await readExamples(dir)) {
    const logger = options.logger.child({ zaaktypeFolder: example.folder });
    const deployment = await options.zeebe.deployResource({
      process: example.xml,
      name: `${example.folder}.bpmn`,
    });
    const wanted = String(example.json.bpmnProcessId);
    const process = deployment.deployments.find((d) => d.process.bpmnProcessId === wanted)?.process;
    if (!process) {
      throw new Error(
        `processes/${example.folder}/process.bpmn has no process '${wanted}' (the bpmnProcessId of its zaaktype.json)`,
      );
    }
    deployedXml.set(`${wanted}@${process.version}`, example.xml.toString('utf8'));
    const input = loadZaaktypeFromJson(
      {
        ...example.json,
        processVersion: process.version,
        processDefinitionKey: String(process.processDefinitionKey),
        forms: example.forms,
      },
      `processes/${example.folder}/zaaktype.json`,
    );
    const result = await publishVersion(options, input, modelCheck);
    seeded.push({ ...result, bpmnProcessId: wanted, processVersion: process.version });
    if (result.outcome === 'concept-in-the-way') {
      logger.warn(
        { identificatie: input.identificatie },
        'zaaktype has a concept version that differs from processes/; left it for the beheerder',
      );
    } else if (result.outcome !== 'unchanged') {
      logger.info(
        { identificatie: input.identificatie, versie: result.versie },
        'demo zaaktype published',
      );
    }
    await grantDemoGroups(authorisations, input.identificatie);
  }
  return seeded;
}

async function publishVersion(
  options: DemoSeedOptions,
  input: NewZaaktype,
  modelCheck: ProcessModelCheck,
): Promise<Omit<SeededZaaktype, 'bpmnProcessId' | 'processVersion'>> {
  const { catalogusService: catalogus } = options;
  const { identificatie, ...content } = input;
  const versies = await catalogus
    .getZaaktype(identificatie)
    .then((zaaktype) => zaaktype.versies)
    .catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
  const publish = async (versie: number, begin?: CalendarDate) => {
    const request = begin ? { beginGeldigheid: begin } : {};
    return (await catalogus.publish(identificatie, versie, request, modelCheck, seedActor)).versie;
  };
  if (!versies) {
    const concept = await catalogus.createConcept(input, seedActor);
    return { identificatie, outcome: 'created', versie: await publish(concept.versie) };
  }
  const published = versies.filter((v) => v.status === 'published');
  const same = published.find((v) => sameContent(v, input));
  if (same) return { identificatie, outcome: 'unchanged', versie: same.versie };
  // A new version starts after the latest published one, which may have begun today.
  const latest = published.at(-1);
  const today = options.today?.() ?? todayInNetherlands();
  const begin =
    latest?.beginGeldigheid && latest.beginGeldigheid >= today
      ? addDays(latest.beginGeldigheid, 1)
      : undefined;
  const concept = versies.find((v) => v.status === 'concept');
  if (concept) {
    // An earlier run may have stopped between creating and publishing; a beheerder's own concept stays.
    if (!sameContent(concept, input)) return { identificatie, outcome: 'concept-in-the-way' };
    return {
      identificatie,
      outcome: published.length ? 'new-version' : 'created',
      versie: await publish(concept.versie, begin),
    };
  }
  if (!latest)
    throw new ConflictError(
      `Zaaktype ${identificatie} has neither a concept nor a published version`,
    );
  const copy = await catalogus.copyToConcept(identificatie, latest.versie, seedActor);
  await catalogus.updateConcept(
    identificatie,
    copy.versie,
    { ...content, beginGeldigheid: null, eindeGeldigheid: null },
    seedActor,
  );
  return { identificatie, outcome: 'new-version', versie: await publish(copy.versie, begin) };
}

/** Equal in everything the files decide; versiedatum and validity belong to the catalogue. */
function sameContent(version: ZaaktypeVersion, input: NewZaaktype): boolean {
  return isDeepStrictEqual(comparable(version), comparable(input));
}

function comparable(content: NewZaaktype | ZaaktypeVersion) {
  const withoutId = <T extends { id?: string }>(items: T[], key: (item: T) => string | number) =>
    items
      .map((item) => {
        const rest = { ...item };
        delete rest.id;
        return rest;
      })
      .sort((a, b) => String(key(a)).localeCompare(String(key(b)), 'nl', { numeric: true }));
  return JSON.parse(
    JSON.stringify({
      omschrijving: content.omschrijving,
      doel: content.doel,
      aanleiding: content.aanleiding,
      onderwerp: content.onderwerp,
      indicatieInternOfExtern: content.indicatieInternOfExtern,
      handelingInitiator: content.handelingInitiator,
      handelingBehandelaar: content.handelingBehandelaar,
      doorlooptijd: content.doorlooptijd,
      servicenorm: content.servicenorm,
      opschortingEnAanhoudingMogelijk: content.opschortingEnAanhoudingMogelijk,
      verlengingMogelijk: content.verlengingMogelijk,
      verlengingstermijn: content.verlengingstermijn,
      vertrouwelijkheidaanduiding: content.vertrouwelijkheidaanduiding,
      trefwoorden: content.trefwoorden,
      bpmnProcessId: content.bpmnProcessId,
      processVersion: content.processVersion,
      processDefinitionKey: content.processDefinitionKey,
      forms: content.forms,
      statustypen: withoutId(content.statustypen, (s) => s.volgnummer),
      resultaattypen: withoutId(content.resultaattypen, (r) => r.omschrijving),
      roltypen: withoutId(content.roltypen, (r) => r.omschrijving),
      eigenschappen: withoutId(content.eigenschappen, (e) => e.naam),
      informatieobjecttypen: withoutId(content.informatieobjecttypen, (i) => i.omschrijving),
    }),
  ) as unknown;
}

/** Grants only what is missing, so a beheerder's later change to an authorisation survives a restart. */
async function grantDemoGroups(authorisations: AuthorisationService, identificatie: string) {
  const existing = new Set((await authorisations.list({ identificatie })).map((a) => a.groep));
  for (const groep of demoAuthorisations[identificatie] ?? []) {
    if (existing.has(groep)) continue;
    await authorisations.grant({
      groep,
      zaaktypeIdentificatie: identificatie,
      maxVertrouwelijkheidaanduiding: demoMaxVertrouwelijkheid,
    });
  }
}

/** Every folder of `dir` with a process.bpmn and a zaaktype.json, in name order. */
export async function readExamples(dir: URL): Promise<ExampleZaaktype[]> {
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const examples: ExampleZaaktype[] = [];
  for (const folder of folders) {
    const base = new URL(`${folder}/`, dir);
    const files = new Set(await readdir(base));
    if (!files.has('process.bpmn') || !files.has('zaaktype.json')) continue;
    const jsonText = await readFile(new URL('zaaktype.json', base), 'utf8');
    examples.push({
      folder,
      xml: await readFile(new URL('process.bpmn', base)),
      json: parseJsonObject(jsonText, `processes/${folder}/zaaktype.json`),
      forms: files.has('forms') ? await readForms(new URL('forms/', base), folder) : {},
    });
  }
  return examples;
}

/** Form-js schemas by their `id` (the id a `camunda-forms:bpmn:<id>` form key names). */
async function readForms(dir: URL, folder: string): Promise<Record<string, unknown>> {
  const forms: Record<string, unknown> = {};
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.form')).sort()) {
    const source = `processes/${folder}/forms/${file}`;
    const form = parseJsonObject(await readFile(new URL(file, dir), 'utf8'), source);
    const id = typeof form.id === 'string' ? form.id : file.replace(/\.form$/, '');
    forms[id] = form;
  }
  return forms;
}

function parseJsonObject(text: string, source: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${source} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}
