import { isDeepStrictEqual } from 'node:util';
import type { Knex } from 'knex';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { todayInNetherlands, type CalendarDate } from '../deadlines/index.js';
import { completenessProblems, modelProblems } from './publishRules.js';
import { contentOf } from './versionContent.js';
import type { NewZaaktype, PublishRequest, VersionInput } from './schemas.js';
import type {
  Actor,
  CatalogusChange,
  ProcessModelCheck,
  VersionContent,
  ZaaktypeSummary,
  ZaaktypeVersion,
} from './types.js';
import { planValidity } from './validityRules.js';
import { ZaaktypeRepository, type ZaaktypeRecord } from './zaaktypeRepository.js';

export interface CatalogusServiceOptions {
  db: Knex;
  /** Today's date; injected so tests are deterministic. */
  today?: () => CalendarDate;
  /** Called inside each change's transaction, e.g. to write the audit trail. */
  onChange?: (change: CatalogusChange, trx: Knex) => Promise<void>;
}

/** The catalogue's rules: concept → published, published is immutable, validity never overlaps. */
export class CatalogusService {
  private readonly db: Knex;
  private readonly today: () => CalendarDate;
  private readonly onChange: NonNullable<CatalogusServiceOptions['onChange']>;

  constructor(options: CatalogusServiceOptions) {
    this.db = options.db;
    this.today = options.today ?? (() => todayInNetherlands());
    this.onChange = options.onChange ?? (async () => {});
  }

  listZaaktypen(): Promise<ZaaktypeSummary[]> {
    return new ZaaktypeRepository(this.db).listSummaries();
  }

  async getZaaktype(
    identificatie: string,
  ): Promise<{ identificatie: string; versies: ZaaktypeVersion[] }> {
    const repository = new ZaaktypeRepository(this.db);
    const zaaktype = await requireZaaktype(repository, identificatie);
    return { identificatie, versies: await repository.listVersions(zaaktype.id) };
  }

  async getVersion(identificatie: string, versie: number): Promise<ZaaktypeVersion> {
    const repository = new ZaaktypeRepository(this.db);
    return requireVersion(repository, await requireZaaktype(repository, identificatie), versie);
  }

  /** The published version valid on `peildatum` (default today): the one a new zaak gets. */
  async getValidVersion(
    identificatie: string,
    peildatum: CalendarDate = this.today(),
    db: Knex = this.db,
  ): Promise<ZaaktypeVersion> {
    const repository = new ZaaktypeRepository(db);
    const zaaktype = await requireZaaktype(repository, identificatie);
    const version = await repository.findValidVersion(zaaktype.id, peildatum);
    if (!version) {
      throw new NotFoundError(
        `Zaaktype ${identificatie} has no published version valid on ${peildatum}`,
        {
          identificatie,
          peildatum,
        },
      );
    }
    return version;
  }

  async createConcept(input: NewZaaktype, actor?: Actor): Promise<ZaaktypeVersion> {
    const { identificatie, ...content } = input;
    const created = this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      if (await repository.findZaaktype(identificatie)) {
        throw new ConflictError(
          `Zaaktype ${identificatie} already exists; change its concept or copy a version to a new concept`,
          { field: 'identificatie' },
        );
      }
      const zaaktype = await repository.insertZaaktype(identificatie);
      await repository.insertVersion(
        zaaktype.id,
        1,
        this.withVersiedatum(content),
        actor?.username ?? null,
      );
      const version = await requireVersion(repository, zaaktype, 1);
      await this.onChange(change('create', version, null, version, actor), trx);
      return version;
    });
    // Two beheerders creating the same identificatie at once: the unique index decides.
    return created.catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new ConflictError(`Zaaktype ${identificatie} already exists`, {
          field: 'identificatie',
        });
      throw error;
    });
  }

  async updateConcept(identificatie: string, versie: number, input: VersionInput, actor?: Actor) {
    return this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      const zaaktype = await requireZaaktype(repository, identificatie, { lock: true });
      const old = await requireConcept(repository, zaaktype, versie);
      const content = { ...input, versiedatum: input.versiedatum ?? old.versiedatum };
      await repository.replaceContent(old.id, content, actor?.username ?? null);
      const updated = await requireVersion(repository, zaaktype, versie);
      await this.onChange(change('update', updated, old, updated, actor), trx);
      return updated;
    });
  }

  /** Binds a concept to a deployed process version (after the model was deployed to the engine). */
  async bindProcess(
    identificatie: string,
    versie: number,
    binding: { bpmnProcessId: string; processVersion: number; processDefinitionKey: string },
    actor?: Actor,
  ): Promise<ZaaktypeVersion> {
    return this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      const zaaktype = await requireZaaktype(repository, identificatie, { lock: true });
      const old = await requireConcept(repository, zaaktype, versie);
      await repository.replaceContent(old.id, { ...contentOf(old), ...binding }, actor?.username ?? null);
      const updated = await requireVersion(repository, zaaktype, versie);
      await this.onChange(change('update', updated, old, updated, actor), trx);
      return updated;
    });
  }

  /** Starts a new concept from any version; validity is cleared, since it must be chosen anew. */
  async copyToConcept(
    identificatie: string,
    versie: number,
    actor?: Actor,
  ): Promise<ZaaktypeVersion> {
    return this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      const zaaktype = await requireZaaktype(repository, identificatie, { lock: true });
      const source = await requireVersion(repository, zaaktype, versie);
      const concept = (await repository.listVersions(zaaktype.id)).find(
        (v) => v.status === 'concept',
      );
      if (concept) {
        throw new ConflictError(
          `Zaaktype ${identificatie} already has concept version ${concept.versie}; change or delete that concept first`,
          { conceptVersie: concept.versie },
        );
      }
      const nextVersie = await repository.nextVersie(zaaktype.id);
      const content = {
        ...contentOf(source),
        versiedatum: this.today(),
        beginGeldigheid: null,
        eindeGeldigheid: null,
      };
      await repository.insertVersion(zaaktype.id, nextVersie, content, actor?.username ?? null);
      const copy = await requireVersion(repository, zaaktype, nextVersie);
      await this.onChange(change('copy', copy, null, copy, actor), trx);
      return copy;
    });
  }

  /**
   * Publishes a concept. The model check runs before the transaction: it may read the engine's
   * tables through its own connection, which on PGlite would wait forever behind an open
   * transaction. The transaction then verifies that the concept did not change meanwhile.
   */
  async publish(
    identificatie: string,
    versie: number,
    request: PublishRequest,
    modelCheck: ProcessModelCheck,
    actor?: Actor,
  ): Promise<ZaaktypeVersion> {
    const checked = await this.getVersion(identificatie, versie);
    assertConcept(checked);
    const beginGeldigheid = request.beginGeldigheid ?? checked.beginGeldigheid ?? this.today();
    const problems = [
      ...completenessProblems(checked),
      ...(await this.modelCheckProblems(checked, modelCheck)),
    ];
    if (checked.eindeGeldigheid !== null && checked.eindeGeldigheid < beginGeldigheid) {
      problems.push(
        `eindeGeldigheid ${checked.eindeGeldigheid} is before beginGeldigheid ${beginGeldigheid}`,
      );
    }
    if (problems.length > 0) {
      throw new ConflictError(
        `Version ${versie} of zaaktype ${identificatie} cannot be published: ${problems.join('; ')}`,
        { problems },
      );
    }
    return this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      const zaaktype = await requireZaaktype(repository, identificatie, { lock: true });
      const current = await requireVersion(repository, zaaktype, versie);
      if (!isDeepStrictEqual(current, checked)) {
        throw new ConflictError(
          `Version ${versie} of zaaktype ${identificatie} changed while it was being published; check it and publish again`,
        );
      }
      const published = (await repository.listVersions(zaaktype.id)).filter(
        (v) => v.status === 'published',
      );
      const plan = planValidity(
        identificatie,
        published.map((v) => ({
          versie: v.versie,
          beginGeldigheid: v.beginGeldigheid ?? '', // never null: a database check requires it
          eindeGeldigheid: v.eindeGeldigheid,
        })),
        beginGeldigheid,
      );
      const previous = published.find((v) => v.versie === plan.close?.versie);
      if (plan.close && previous) {
        await repository.setEindeGeldigheid(previous.id, plan.close.eindeGeldigheid);
        const closed = await requireVersion(repository, zaaktype, previous.versie);
        await this.onChange(change('close', closed, previous, closed, actor), trx);
      }
      await repository.markPublished(current.id, beginGeldigheid, actor?.username ?? null);
      const result = await requireVersion(repository, zaaktype, versie);
      await this.onChange(change('publish', result, current, result, actor), trx);
      return result;
    });
  }

  /** Deletes a concept; a zaaktype left without versions is deleted too, freeing its identificatie. */
  async deleteConcept(identificatie: string, versie: number, actor?: Actor): Promise<void> {
    await this.db.transaction(async (trx) => {
      const repository = new ZaaktypeRepository(trx);
      const zaaktype = await requireZaaktype(repository, identificatie, { lock: true });
      const concept = await requireConcept(repository, zaaktype, versie);
      await repository.deleteVersion(concept.id);
      if ((await repository.countVersions(zaaktype.id)) === 0)
        await repository.deleteZaaktype(zaaktype.id);
      await this.onChange(change('delete', concept, concept, null, actor), trx);
    });
  }

  private async modelCheckProblems(
    version: ZaaktypeVersion,
    modelCheck: ProcessModelCheck,
  ): Promise<string[]> {
    if (version.bpmnProcessId === null || version.processVersion === null) return [];
    try {
      return modelProblems(
        version,
        await modelCheck(version.bpmnProcessId, version.processVersion),
      );
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return [
        `process ${version.bpmnProcessId} version ${version.processVersion} is not deployed: ${error.message}`,
      ];
    }
  }

  private withVersiedatum(content: VersionInput): VersionContent {
    return { ...content, versiedatum: content.versiedatum ?? this.today() };
  }
}

async function requireZaaktype(
  repository: ZaaktypeRepository,
  identificatie: string,
  options: { lock?: boolean } = {},
): Promise<ZaaktypeRecord> {
  const zaaktype = options.lock
    ? await repository.lockZaaktype(identificatie)
    : await repository.findZaaktype(identificatie);
  if (!zaaktype)
    throw new NotFoundError(`Zaaktype ${identificatie} does not exist`, { identificatie });
  return zaaktype;
}

async function requireVersion(
  repository: ZaaktypeRepository,
  zaaktype: ZaaktypeRecord,
  versie: number,
) {
  const version = await repository.findVersion(zaaktype.id, versie);
  if (!version) {
    throw new NotFoundError(`Zaaktype ${zaaktype.identificatie} has no version ${versie}`, {
      identificatie: zaaktype.identificatie,
      versie,
    });
  }
  return version;
}

async function requireConcept(
  repository: ZaaktypeRepository,
  zaaktype: ZaaktypeRecord,
  versie: number,
) {
  const version = await requireVersion(repository, zaaktype, versie);
  assertConcept(version);
  return version;
}

function assertConcept(version: ZaaktypeVersion): void {
  if (version.status === 'published') {
    throw new ConflictError(
      `Version ${version.versie} of zaaktype ${version.identificatie} is published and cannot be changed; copy it to a new concept version instead`,
      { identificatie: version.identificatie, versie: version.versie },
    );
  }
}

function change(
  action: CatalogusChange['action'],
  version: ZaaktypeVersion,
  oldValue: ZaaktypeVersion | null,
  newValue: ZaaktypeVersion | null,
  actor: Actor | undefined,
): CatalogusChange {
  return {
    action,
    identificatie: version.identificatie,
    versie: version.versie,
    // Only these fields: the caller may pass a whole principal, credentials included.
    actor: actor ? { username: actor.username, id: actor.id, kind: actor.kind } : null,
    oldValue,
    newValue,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
