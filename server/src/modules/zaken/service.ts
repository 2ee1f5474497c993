import type { Knex } from 'knex';
import { ConflictError } from '../../http/errors.js';
import { zaakAuditTrail, type AuditPage } from '../audit/index.js';
import { todayInNetherlands, type CalendarDate } from '../deadlines/index.js';
import { actionContext, assertOpen, type ActionContext } from './actionContext.js';
import type { Caller, ZaakServiceOptions } from './dependencies.js';
import { IdempotencyRepository } from './idempotencyRepository.js';
import { requestHash } from './requestHash.js';
import type { ZaaktypeVersion } from '../catalogus/index.js';
import type { AddRolInput, CreateZaakInput, ProefrunIntake, ZaakSearch } from './schemas.js';
import type {
  Zaak,
  ZaakDetail,
  ZaakEigenschap,
  ZaakEigenschapView,
  ZaakNotitie,
  ZaakRol,
} from './types.js';
import { eigenschapWaarde, requireEigenschap } from './eigenschapWaarde.js';
import { ZaakEigenschapRepository } from './zaakEigenschapRepository.js';
import { assertVisible, visibilityOf } from './visibility.js';
import { createZaak, registerZaak, type ZaakRegistration } from './zaakCreation.js';
import { ZaakHistoryRepository } from './zaakHistoryRepository.js';
import { ZaakRepository } from './zaakRepository.js';
import { toZaak } from './zaakRow.js';
import { requireRoltype } from './zaaktypeRules.js';

export interface CreateResult {
  status: number;
  body: ZaakDetail;
}

/** The zaken module's rules: creation with idempotency, reading with authorisation, and actions. */
export class ZaakService {
  private readonly db: Knex;
  private readonly today: () => CalendarDate;

  constructor(private readonly options: ZaakServiceOptions) {
    this.db = options.db;
    this.today = options.today ?? (() => todayInNetherlands());
  }

  /**
   * Creates a zaak once per Idempotency-Key (per user): the same key with the same body answers
   * the stored response again; with another body it is refused (409). The key, zaak, initiator
   * rol and outbox entry commit together.
   */
  async create(
    input: CreateZaakInput,
    idempotencyKey: string,
    caller: Caller,
  ): Promise<CreateResult> {
    const hash = requestHash(input);
    const username = caller.actor.username;
    let created: ZaakDetail | undefined;
    const result = await this.db.transaction(async (trx): Promise<CreateResult> => {
      const keys = new IdempotencyRepository(trx);
      if (!(await keys.reserve(username, idempotencyKey, hash))) {
        const stored = await keys.find(username, idempotencyKey);
        if (!stored || stored.requestHash !== hash) {
          throw new ConflictError(
            'Idempotency-Key: this key was already used for a different request; use a new key for a new zaak',
            { field: 'Idempotency-Key' },
          );
        }
        return { status: stored.status ?? 201, body: stored.body as ZaakDetail };
      }
      const id = await createZaak(trx, this.options, input, caller, this.today());
      const body = await detailOf(trx, id);
      await keys.storeResponse(username, idempotencyKey, 201, body);
      created = body;
      return { status: 201, body };
    });
    // After the commit, and only for a new zaak: a replayed request tells nobody twice.
    if (created) await this.options.onCreated?.(created, caller);
    return result;
  }

  /**
   * Registers a proefrun zaak of `version` that runs the sandbox `process`. The caller (a
   * beheerder) becomes its starter, the only person who sees it; no citizen is told of it.
   */
  async createProefrun(
    version: ZaaktypeVersion,
    process: ZaakRegistration['process'],
    input: ProefrunIntake,
    caller: Caller,
  ): Promise<ZaakDetail> {
    return this.db.transaction(async (trx) => {
      const registration = { ...input, zaaktype: version.identificatie };
      const id = await registerZaak(trx, this.options, {
        version,
        process,
        input: registration,
        caller,
        today: this.today(),
        proefrun: true,
      });
      return detailOf(trx, id);
    });
  }

  /** The proefrun zaken of a zaaktype version, as rows the proefrun's end needs. */
  async proefrunZaken(zaaktype: string, versie: number): Promise<Zaak[]> {
    return (await new ZaakRepository(this.db).listProefrun(zaaktype, versie)).map(toZaak);
  }

  /** Deletes proefrun zaken whose process has been cancelled; a real zaak is never touched. */
  removeProefrunZaken(ids: readonly string[]): Promise<number> {
    return new ZaakRepository(this.db).deleteProefrun(ids);
  }

  async get(id: string, caller: Caller): Promise<ZaakDetail> {
    await this.visibleZaak(id, caller);
    return detailOf(this.db, id);
  }

  /** The zaak, when the caller may see it (404 otherwise); for modules that hang records off a zaak. */
  async find(id: string, caller: Caller): Promise<Zaak> {
    return toZaak(await this.visibleZaak(id, caller));
  }

  async search(
    filter: ZaakSearch,
    caller: Caller,
  ): Promise<{ zaken: Zaak[]; total: number; page: number; pageSize: number }> {
    const { rows, total } = await new ZaakRepository(this.db).search(
      filter,
      visibilityOf(caller.actor),
    );
    return { zaken: rows.map(toZaak), total, page: filter.page, pageSize: filter.pageSize };
  }

  async notities(id: string, caller: Caller): Promise<ZaakNotitie[]> {
    await this.visibleZaak(id, caller);
    return new ZaakHistoryRepository(this.db).notities(id);
  }

  async addNotitie(id: string, tekst: string, caller: Caller): Promise<ZaakNotitie> {
    let notitie: ZaakNotitie | undefined;
    await this.act(id, caller, async (context) => {
      notitie = await context.history.insertNotitie(id, tekst, caller.actor.username);
      await context.audit('zaak.notitie_toegevoegd', null, notitie);
    });
    if (!notitie) throw new Error('notitie was not stored');
    return notitie;
  }

  /** Adds a rol of the zaak's own zaaktype; the same betrokkene in the same roltype again is a no-op. */
  async addRol(
    id: string,
    input: AddRolInput,
    caller: Caller,
  ): Promise<{ created: boolean; zaak: ZaakDetail }> {
    let created = false;
    const zaak = await this.act(id, caller, async (context) => {
      const roltype = requireRoltype(context.version, input.roltype);
      const existing = await context.history.rollen(id);
      if (
        existing.some((rol) => rol.roltype === roltype.omschrijving && sameBetrokkene(rol, input))
      )
        return;
      const rol = await context.history.insertRol(
        id,
        {
          ...input,
          roltype: roltype.omschrijving,
          omschrijvingGeneriek: roltype.omschrijvingGeneriek,
        },
        caller.actor.username,
      );
      await context.audit('zaak.rol_toegevoegd', null, rol);
      created = true;
    });
    return { created, zaak };
  }

  /** Every eigenschap of the zaak's zaaktype, with its waarde on this zaak (null when not set). */
  async eigenschappen(id: string, caller: Caller): Promise<ZaakEigenschapView[]> {
    const { version } = await this.visibleWithVersion(id, caller);
    const set = await new ZaakEigenschapRepository(this.db).list(id);
    return version.eigenschappen.map(({ naam, definitie, formaat }) => ({
      naam,
      definitie,
      formaat,
      waarde: set.find((e) => e.naam === naam)?.waarde ?? null,
    }));
  }

  /** Sets one eigenschap of the zaak's own zaaktype; the same waarde again changes nothing. */
  async setEigenschap(
    id: string,
    naam: string,
    waarde: string,
    caller: Caller,
  ): Promise<ZaakEigenschap> {
    let stored: ZaakEigenschap | undefined;
    await this.act(id, caller, async (context) => {
      const eigenschap = requireEigenschap(context.version, naam);
      stored = { naam, waarde: eigenschapWaarde(eigenschap, waarde) };
      assertOpen(context, `setting eigenschap "${naam}"`);
      const repository = new ZaakEigenschapRepository(context.trx);
      const old = await repository.find(id, naam);
      if (old?.waarde === stored.waarde) return;
      await repository.put(id, stored);
      await context.audit('zaak.eigenschap_gezet', old, stored);
    });
    if (!stored) throw new Error('eigenschap was not stored');
    return stored;
  }

  /** Clears one eigenschap; clearing one that is not set changes nothing. */
  async removeEigenschap(id: string, naam: string, caller: Caller): Promise<void> {
    await this.act(id, caller, async (context) => {
      requireEigenschap(context.version, naam);
      assertOpen(context, `clearing eigenschap "${naam}"`);
      const repository = new ZaakEigenschapRepository(context.trx);
      const old = await repository.find(id, naam);
      if (!old) return;
      await repository.remove(id, naam);
      await context.audit('zaak.eigenschap_verwijderd', old, null);
    });
  }

  async auditTrail(
    id: string,
    caller: Caller,
    page: { before?: string; limit?: number },
  ): Promise<AuditPage> {
    await this.visibleZaak(id, caller);
    return zaakAuditTrail(this.db, id, page);
  }

  /**
   * Runs an action on one zaak: checks that the caller may see it, loads its zaaktype version
   * (published versions never change, so this happens before the transaction; PGlite has one
   * connection), then locks the zaak and runs the action in one transaction with its audit entry.
   */
  async act(
    id: string,
    caller: Caller,
    action: (context: ActionContext) => Promise<void>,
  ): Promise<ZaakDetail> {
    const { version } = await this.visibleWithVersion(id, caller);
    return this.db.transaction(async (trx) => {
      const zaak = await new ZaakRepository(trx).lock(id);
      if (!zaak) throw new Error(`zaak ${id} disappeared`);
      const calculator = (db: Knex) => this.options.calendar.deadlineCalculator(db);
      await action(actionContext({ trx, zaak, version, today: this.today(), caller, calculator }));
      return detailOf(trx, id);
    });
  }

  /** The zaak (404 when the caller may not see it) and its zaaktype version. */
  private async visibleWithVersion(id: string, caller: Caller) {
    const zaak = await this.visibleZaak(id, caller);
    const version = await this.options.catalogus.getVersion(
      zaak.zaaktype_identificatie,
      zaak.zaaktype_versie,
    );
    return { zaak, version };
  }

  private async visibleZaak(id: string, caller: Caller) {
    const zaak = await new ZaakRepository(this.db).find(id);
    return assertVisible(this.options.authorisation, caller.actor, zaak, id, this.db);
  }
}

function sameBetrokkene(rol: ZaakRol, input: AddRolInput): boolean {
  const a = rol.betrokkene;
  const b = input.betrokkene;
  if (a.type === 'natuurlijk_persoon' && b.type === 'natuurlijk_persoon') return a.bsn === b.bsn;
  if (a.type === 'niet_natuurlijk_persoon' && b.type === 'niet_natuurlijk_persoon')
    return a.kvkNummer === b.kvkNummer;
  if (a.type === 'medewerker' && b.type === 'medewerker') return a.username === b.username;
  return false;
}

async function detailOf(db: Knex, id: string): Promise<ZaakDetail> {
  const row = await new ZaakRepository(db).find(id);
  if (!row) throw new Error(`zaak ${id} not found`);
  const history = new ZaakHistoryRepository(db);
  return {
    ...toZaak(row),
    statussen: await history.statussen(id),
    resultaat: await history.resultaat(id),
    rollen: await history.rollen(id),
    opschortingen: await history.opschortingen(id),
    eigenschappen: await new ZaakEigenschapRepository(db).list(id),
  };
}
