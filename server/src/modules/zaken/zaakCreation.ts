import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { InputError, NotAllowedError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { compareDates, yearOf, type CalendarDate } from '../deadlines/index.js';
import type { Caller, ZaakServiceOptions } from './dependencies.js';
import { OutboxRepository } from './outboxRepository.js';
import type { ZaaktypeVersion } from '../catalogus/index.js';
import type { CreateZaakInput } from './schemas.js';
import { visibilityOf } from './visibility.js';
import { ZaakHistoryRepository } from './zaakHistoryRepository.js';
import { ZaakRepository } from './zaakRepository.js';
import { initiatorRoltype } from './zaaktypeRules.js';

/** ZAAK-2026-0000123: the year of registration and a per-year counter. */
export function formatZaaknummer(year: number, counter: number): string {
  return `ZAAK-${year}-${String(counter).padStart(7, '0')}`;
}

/** PROEF-omgevingsvergunning-12: cannot be taken for a zaaknummer, and uses no number of theirs. */
export function formatProefrunNummer(zaaktype: string, counter: number): string {
  return `PROEF-${zaaktype}-${counter}`;
}

/**
 * Registers a zaak of the zaaktype version valid today, when the caller is authorised for it.
 * Returns the new zaak's id.
 */
export async function createZaak(
  trx: Knex,
  deps: Pick<ZaakServiceOptions, 'catalogus' | 'authorisation' | 'calendar' | 'bronorganisatie'>,
  input: CreateZaakInput,
  caller: Caller,
  today: CalendarDate,
): Promise<string> {
  const version = await deps.catalogus
    .getValidVersion(input.zaaktype, today, trx)
    .catch((error: unknown) => {
      if (error instanceof Error && error.name === 'NotFoundError') {
        throw new InputError(`zaaktype: ${error.message}`, { field: 'zaaktype' });
      }
      throw error;
    });
  if (!version.bpmnProcessId || !version.processVersion) {
    throw new InputError(
      `zaaktype: version ${version.versie} of ${version.identificatie} is bound to no process`,
      { field: 'zaaktype' },
    );
  }
  const process = { bpmnProcessId: version.bpmnProcessId, processVersion: version.processVersion };
  const vertrouwelijkheidaanduiding =
    input.vertrouwelijkheidaanduiding ?? version.vertrouwelijkheidaanduiding;
  const visibility = visibilityOf(caller.actor);
  if (
    !visibility.all &&
    !(await deps.authorisation.mayView(
      [...visibility.groups],
      version.identificatie,
      vertrouwelijkheidaanduiding,
      trx,
    ))
  ) {
    throw new NotAllowedError(
      `zaaktype: none of your groups is authorised for zaaktype ${version.identificatie} at vertrouwelijkheidaanduiding ${vertrouwelijkheidaanduiding}`,
      { field: 'zaaktype' },
    );
  }
  return registerZaak(trx, deps, { version, process, input, caller, today, proefrun: false });
}

/** What registerZaak needs: the version and process the zaak runs, and whether it is a proefrun. */
export interface ZaakRegistration {
  version: ZaaktypeVersion;
  process: { bpmnProcessId: string; processVersion: number };
  input: CreateZaakInput;
  caller: Caller;
  today: CalendarDate;
  /** A beheerder's test run: its own numbering, flagged, seen only by its starter. */
  proefrun: boolean;
}

/**
 * Registers a zaak of an already chosen and authorised version inside `trx`: the zaak, its
 * initiator rol and the outbox entry that starts its process, all or nothing.
 */
export async function registerZaak(
  trx: Knex,
  deps: Pick<ZaakServiceOptions, 'calendar' | 'bronorganisatie'>,
  registration: ZaakRegistration,
): Promise<string> {
  const { version, process, input, caller, today, proefrun } = registration;
  const vertrouwelijkheidaanduiding =
    input.vertrouwelijkheidaanduiding ?? version.vertrouwelijkheidaanduiding;
  const bronorganisatie = input.bronorganisatie ?? deps.bronorganisatie;
  if (!bronorganisatie)
    throw new InputError('bronorganisatie: give the RSIN of the organisation', {
      field: 'bronorganisatie',
    });
  const startdatum = input.startdatum ?? today;
  if (compareDates(startdatum, today) > 0) {
    throw new InputError(
      `startdatum: ${startdatum} is in the future; a zaak starts on the day of receipt`,
      { field: 'startdatum' },
    );
  }
  const zaken = new ZaakRepository(trx);
  if (input.hoofdzaak && proefrun)
    throw new InputError('hoofdzaak: a proefrun stands on its own', { field: 'hoofdzaak' });
  if (input.hoofdzaak) {
    const hoofdzaak = await zaken.find(input.hoofdzaak);
    if (!hoofdzaak)
      throw new InputError(`hoofdzaak: zaak ${input.hoofdzaak} does not exist`, {
        field: 'hoofdzaak',
      });
    if (hoofdzaak.hoofdzaak_id) {
      throw new InputError(
        `hoofdzaak: ${hoofdzaak.identificatie} is itself a deelzaak; deelzaken go one level deep`,
        { field: 'hoofdzaak' },
      );
    }
  }
  const roltype = initiatorRoltype(version);
  const deadlines = (await deps.calendar.deadlineCalculator(trx)).deadlines({
    startdatum,
    doorlooptijd: version.doorlooptijd,
    servicenorm: version.servicenorm,
    opschortingen: [],
    verlenging: null,
  });

  const id = randomUUID();
  const identificatie = proefrun
    ? formatProefrunNummer(version.identificatie, await zaken.nextProefrunNummer())
    : formatZaaknummer(yearOf(today), await zaken.nextZaaknummer(yearOf(today)));
  const row = {
    id,
    identificatie,
    bronorganisatie,
    zaaktype_identificatie: version.identificatie,
    zaaktype_versie: version.versie,
    omschrijving: input.omschrijving,
    toelichting: input.toelichting ?? null,
    registratiedatum: today,
    startdatum,
    einddatum_gepland: deadlines.einddatumGepland,
    uiterlijke_einddatum_afdoening: deadlines.uiterlijkeEinddatumAfdoening,
    einddatum: null,
    vertrouwelijkheidaanduiding,
    opschorting_indicatie: false,
    opschorting_reden: null,
    verlenging_duur: null,
    verlenging_reden: null,
    verlenging_datum: null,
    archiefnominatie: null,
    archiefactiedatum: null,
    hoofdzaak_id: input.hoofdzaak ?? null,
    betalingsindicatie: input.betalingsindicatie ?? 'nvt',
    process_instance_key: null,
    created_by: caller.actor.username,
    proefrun,
    proefrun_gestart_door: proefrun ? caller.actor.username : null,
  };
  await zaken.insert(row);
  await new ZaakHistoryRepository(trx).insertRol(
    id,
    {
      roltype: roltype.omschrijving,
      omschrijvingGeneriek: roltype.omschrijvingGeneriek,
      betrokkene: input.initiator,
    },
    caller.actor.username,
  );
  await new OutboxRepository(trx).add({
    zaakId: id,
    bpmnProcessId: process.bpmnProcessId,
    processVersion: process.processVersion,
    // zaakId at the top level lets a retry find an instance an earlier attempt started.
    variables: {
      zaakId: id,
      zaak: {
        id,
        identificatie,
        zaaktype: version.identificatie,
        omschrijving: input.omschrijving,
        startdatum,
        einddatumGepland: deadlines.einddatumGepland,
        uiterlijkeEinddatumAfdoening: deadlines.uiterlijkeEinddatumAfdoening,
        initiator: input.initiator,
        ...(proefrun ? { proefrun: true } : {}),
      },
    },
  });
  await recordAudit(trx, {
    actor: caller.audit.actor,
    requestId: caller.audit.requestId,
    action: 'zaak.aangemaakt',
    resourceType: 'zaak',
    resourceId: id,
    zaakId: id,
    oldValue: null,
    newValue: { ...row, initiator: input.initiator },
    remark: identificatie,
  });
  return id;
}
