import { ConflictError } from '../../http/errors.js';
import { eindstatusOf } from '../catalogus/index.js';
import type { ActionContext } from './actionContext.js';
import { archiefOf, requireResultaattype, requireStatustype } from './zaaktypeRules.js';

const statusOf = (context: ActionContext) => ({
  statustype: context.zaak.status_omschrijving,
  volgnummer: context.zaak.status_volgnummer,
});
const closureOf = (row: {
  einddatum: string | null;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
}) => ({
  einddatum: row.einddatum,
  archiefnominatie: row.archiefnominatie,
  archiefactiedatum: row.archiefactiedatum,
});

/**
 * Sets a status of the zaak's own zaaktype. The same status twice in a row is a no-op (a worker
 * may deliver twice). The eindstatus needs a resultaat and closes the zaak.
 */
export async function setStatus(
  context: ActionContext,
  input: { statustype: string; toelichting?: string | undefined },
): Promise<void> {
  const { zaak, version } = context;
  const statustype = requireStatustype(version, input.statustype);
  if (zaak.status_omschrijving === statustype.omschrijving) return;
  if (zaak.einddatum !== null) {
    throw new ConflictError(
      `Zaak ${zaak.identificatie} was closed on ${zaak.einddatum}; reopen it (heropenen) before setting status "${statustype.omschrijving}"`,
      { field: 'statustype' },
    );
  }
  const closes = eindstatusOf(version)?.omschrijving === statustype.omschrijving;
  let closure = {};
  if (closes) {
    const resultaat = await context.history.resultaat(zaak.id);
    if (!resultaat) {
      throw new ConflictError(
        `statustype: "${statustype.omschrijving}" is the eindstatus; set a resultaat on zaak ${zaak.identificatie} first`,
        { field: 'resultaat' },
      );
    }
    const resultaattype = requireResultaattype(version, resultaat.resultaattype);
    // A proefrun is never archived: no archiefnominatie, no archiefactiedatum.
    closure = {
      einddatum: context.today,
      ...(zaak.proefrun ? {} : archiefOf(resultaattype, context.today)),
    };
  }
  await context.history.insertStatus(zaak.id, {
    ...statustype,
    statustype: statustype.omschrijving,
    toelichting: input.toelichting,
    gezetDoor: context.caller.actor.username,
  });
  await context.zaken.update(zaak.id, {
    status_omschrijving: statustype.omschrijving,
    status_volgnummer: statustype.volgnummer,
    ...closure,
  });
  const newStatus = { statustype: statustype.omschrijving, volgnummer: statustype.volgnummer };
  await context.audit(
    'zaak.status_gezet',
    closes ? { ...statusOf(context), ...closureOf(zaak) } : statusOf(context),
    closes ? { ...newStatus, ...closure } : newStatus,
  );
}

/** Sets or replaces the resultaat while the zaak is open; the same resultaat again is a no-op. */
export async function setResultaat(
  context: ActionContext,
  input: { resultaattype: string; toelichting?: string | undefined },
): Promise<void> {
  const { zaak, version } = context;
  const resultaattype = requireResultaattype(version, input.resultaattype);
  const old = await context.history.resultaat(zaak.id);
  const toelichting = input.toelichting ?? null;
  if (old?.resultaattype === resultaattype.omschrijving && old.toelichting === toelichting) return;
  if (zaak.einddatum !== null) {
    throw new ConflictError(
      `Zaak ${zaak.identificatie} is closed; reopen it (heropenen) before changing the resultaat`,
      { field: 'resultaattype' },
    );
  }
  const resultaat = {
    resultaattype: resultaattype.omschrijving,
    toelichting,
    gezetDoor: context.caller.actor.username,
  };
  await context.history.upsertResultaat(zaak.id, resultaat);
  await context.audit('zaak.resultaat_gezet', old, resultaat);
}

/** Resultaat (when given) and then the eindstatus; on a zaak closed with that resultaat, a no-op. */
export async function afsluiten(
  context: ActionContext,
  input: { resultaattype?: string | undefined; toelichting?: string | undefined },
): Promise<void> {
  const eindstatus = eindstatusOf(context.version);
  if (!eindstatus)
    throw new ConflictError(
      `Zaaktype ${context.version.identificatie} has no statustypen, so no eindstatus`,
    );
  if (input.resultaattype) {
    const current = await context.history.resultaat(context.zaak.id);
    const alreadyClosedWithIt =
      context.zaak.einddatum !== null && current?.resultaattype === input.resultaattype;
    if (!alreadyClosedWithIt) await setResultaat(context, { resultaattype: input.resultaattype });
  }
  await setStatus(context, { statustype: eindstatus.omschrijving, toelichting: input.toelichting });
}

/**
 * Reopens a closed zaak: clears einddatum, archiefnominatie and archiefactiedatum and sets the
 * status the zaak had before its eindstatus (the first statustype when there was none).
 */
export async function heropenen(context: ActionContext, input: { reden: string }): Promise<void> {
  const { zaak, version } = context;
  if (zaak.einddatum === null) {
    throw new ConflictError(`Zaak ${zaak.identificatie} is not closed, so it cannot be reopened`);
  }
  const history = await context.history.statussen(zaak.id);
  const previous = history.filter((s) => s.statustype !== zaak.status_omschrijving).at(-1);
  const reopened = previous
    ? requireStatustype(version, previous.statustype)
    : version.statustypen[0];
  if (!reopened) throw new ConflictError(`Zaaktype ${version.identificatie} has no statustypen`);
  await context.history.insertStatus(zaak.id, {
    statustype: reopened.omschrijving,
    volgnummer: reopened.volgnummer,
    toelichting: input.reden,
    gezetDoor: context.caller.actor.username,
  });
  await context.zaken.update(zaak.id, {
    einddatum: null,
    archiefnominatie: null,
    archiefactiedatum: null,
    status_omschrijving: reopened.omschrijving,
    status_volgnummer: reopened.volgnummer,
  });
  await context.audit(
    'zaak.heropend',
    { ...statusOf(context), ...closureOf(zaak) },
    {
      statustype: reopened.omschrijving,
      volgnummer: reopened.volgnummer,
      einddatum: null,
      archiefnominatie: null,
      archiefactiedatum: null,
    },
    input.reden,
  );
}
