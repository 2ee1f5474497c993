import type { Knex } from 'knex';
import { ConflictError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ZaaktypeVersion } from '../catalogus/index.js';
import type { CalendarDate, DeadlineCalculator, ZaakTermijnen } from '../deadlines/index.js';
import type { Caller } from './dependencies.js';
import { ZaakHistoryRepository } from './zaakHistoryRepository.js';
import { ZaakRepository } from './zaakRepository.js';
import type { ZaakRow } from './zaakRow.js';

/** What an action on one zaak works with, inside the transaction that holds the zaak's row lock. */
export interface ActionContext {
  trx: Knex;
  zaak: ZaakRow;
  version: ZaaktypeVersion;
  today: CalendarDate;
  caller: Caller;
  zaken: ZaakRepository;
  history: ZaakHistoryRepository;
  calculator(): Promise<DeadlineCalculator>;
  /** Writes one audit entry for this zaak in the same transaction. */
  audit(action: string, oldValue: unknown, newValue: unknown, remark?: string): Promise<void>;
}

export function actionContext(options: {
  trx: Knex;
  zaak: ZaakRow;
  version: ZaaktypeVersion;
  today: CalendarDate;
  caller: Caller;
  calculator: (trx: Knex) => Promise<DeadlineCalculator>;
}): ActionContext {
  const { trx, zaak, caller } = options;
  return {
    ...options,
    zaken: new ZaakRepository(trx),
    history: new ZaakHistoryRepository(trx),
    calculator: () => options.calculator(trx),
    async audit(action, oldValue, newValue, remark) {
      await recordAudit(trx, {
        actor: caller.audit.actor,
        requestId: caller.audit.requestId,
        action,
        resourceType: 'zaak',
        resourceId: zaak.id,
        zaakId: zaak.id,
        oldValue,
        newValue,
        remark: remark ?? zaak.identificatie,
      });
    },
  };
}

/** Refuses `what` (e.g. "verlengen") on a closed zaak, saying how to go on. */
export function assertOpen(context: ActionContext, what: string): void {
  const { zaak } = context;
  if (zaak.einddatum === null) return;
  throw new ConflictError(
    `Zaak ${zaak.identificatie} was closed on ${zaak.einddatum}; reopen it (heropenen) before ${what}`,
  );
}

/** Everything the zaak's deadlines are computed from, as stored now. */
export async function termijnenOf(context: ActionContext): Promise<ZaakTermijnen> {
  const { zaak, version } = context;
  return {
    startdatum: zaak.startdatum,
    doorlooptijd: version.doorlooptijd,
    servicenorm: version.servicenorm,
    opschortingen: await context.history.opschortingen(zaak.id),
    verlenging:
      zaak.verlenging_duur && zaak.verlenging_reden && zaak.verlenging_datum
        ? { duur: zaak.verlenging_duur, reden: zaak.verlenging_reden, datum: zaak.verlenging_datum }
        : null,
  };
}
