import { ConflictError } from '../../http/errors.js';
import type { ZaakDeadlines } from '../deadlines/index.js';
import { assertOpen, termijnenOf, type ActionContext } from './actionContext.js';
import { termijnRegelsOf } from './zaaktypeRules.js';

const deadlinesOf = (row: {
  einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string;
}) => ({
  einddatumGepland: row.einddatum_gepland,
  uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
});

async function storeDeadlines(
  context: ActionContext,
  deadlines: ZaakDeadlines,
  extra: Record<string, unknown> = {},
) {
  await context.zaken.update(context.zaak.id, {
    einddatum_gepland: deadlines.einddatumGepland,
    uiterlijke_einddatum_afdoening: deadlines.uiterlijkeEinddatumAfdoening,
    ...extra,
  });
}

/** Stops the clock today (Awb 4:15). Suspending again with the same reden is a no-op. */
export async function opschorten(context: ActionContext, input: { reden: string }): Promise<void> {
  const { zaak } = context;
  if (zaak.opschorting_indicatie && zaak.opschorting_reden === input.reden) return;
  assertOpen(context, 'opschorten');
  const calculator = await context.calculator();
  const termijnen = calculator.startOpschorting(
    await termijnenOf(context),
    termijnRegelsOf(context.version),
    {
      van: context.today,
      reden: input.reden,
    },
  );
  await context.history.startOpschorting(zaak.id, context.today, input.reden);
  await context.zaken.update(zaak.id, {
    opschorting_indicatie: true,
    opschorting_reden: input.reden,
  });
  await context.audit(
    'zaak.opgeschort',
    { opschorting: { indicatie: false, reden: zaak.opschorting_reden } },
    {
      opschorting: { indicatie: true, reden: input.reden },
      van: termijnen.opschortingen.at(-1)?.van,
    },
    input.reden,
  );
}

/**
 * Restarts the clock today: the deadlines move by the days the zaak was suspended. A zaak that
 * was suspended before but is not now has been resumed already: a no-op (a worker may deliver twice).
 */
export async function hervatten(context: ActionContext): Promise<void> {
  const { zaak } = context;
  if (!zaak.opschorting_indicatie) {
    const periods = await context.history.opschortingen(zaak.id);
    if (periods.length > 0) return;
    throw new ConflictError(`Zaak ${zaak.identificatie} is not suspended, so it cannot be resumed`);
  }
  const calculator = await context.calculator();
  const termijnen = calculator.endOpschorting(await termijnenOf(context), context.today);
  const deadlines = calculator.deadlines(termijnen);
  await context.history.endOpschorting(zaak.id, context.today);
  await storeDeadlines(context, deadlines, { opschorting_indicatie: false });
  await context.audit(
    'zaak.hervat',
    { opschorting: { indicatie: true, reden: zaak.opschorting_reden }, ...deadlinesOf(zaak) },
    {
      opschorting: { indicatie: false, reden: zaak.opschorting_reden },
      einddatumGepland: deadlines.einddatumGepland,
      uiterlijkeEinddatumAfdoening: deadlines.uiterlijkeEinddatumAfdoening,
      opgeschorteDagen: deadlines.opgeschorteDagen,
    },
  );
}

/**
 * Extends the legal term once (Awb 4:14). The very same verlenging again is a no-op (a worker
 * may deliver twice); any other second verlenging is refused.
 */
export async function verlengen(
  context: ActionContext,
  input: { duur: string; reden: string },
): Promise<void> {
  const { zaak } = context;
  if (zaak.verlenging_duur === input.duur && zaak.verlenging_reden === input.reden) return;
  assertOpen(context, 'verlengen');
  const calculator = await context.calculator();
  const termijnen = calculator.verleng(
    await termijnenOf(context),
    termijnRegelsOf(context.version),
    input,
    context.today,
  );
  const deadlines = calculator.deadlines(termijnen, context.today);
  await storeDeadlines(context, deadlines, {
    verlenging_duur: input.duur,
    verlenging_reden: input.reden,
    verlenging_datum: context.today,
  });
  await context.audit(
    'zaak.verlengd',
    { verlenging: null, ...deadlinesOf(zaak) },
    {
      verlenging: { duur: input.duur, reden: input.reden },
      einddatumGepland: deadlines.einddatumGepland,
      uiterlijkeEinddatumAfdoening: deadlines.uiterlijkeEinddatumAfdoening,
    },
    input.reden,
  );
}
