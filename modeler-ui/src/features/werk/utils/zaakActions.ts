import type { ZaakAction } from '../api/zaken';
import type { ZaakDetail, ZaaktypeVersie } from '../api/types';

export interface ZaakActionSpec {
  action: ZaakAction;
  label: string;
  /** Which inputs the form asks for. */
  fields: Array<'reden' | 'duur' | 'resultaattype' | 'resultaattypeOptional'>;
  success: string;
}

export const zaakActionSpecs: Record<ZaakAction, ZaakActionSpec> = {
  opschorten: {
    action: 'opschorten',
    label: 'Zaak opschorten',
    fields: ['reden'],
    success: 'De zaak is opgeschort.',
  },
  hervatten: {
    action: 'hervatten',
    label: 'Zaak hervatten',
    fields: [],
    success: 'De zaak is hervat; de termijnen zijn opgeschoven.',
  },
  verlengen: {
    action: 'verlengen',
    label: 'Zaak verlengen',
    fields: ['duur', 'reden'],
    success: 'De zaak is verlengd.',
  },
  resultaat: {
    action: 'resultaat',
    label: 'Resultaat vastleggen',
    fields: ['resultaattype', 'reden'],
    success: 'Het resultaat is vastgelegd.',
  },
  afsluiten: {
    action: 'afsluiten',
    label: 'Zaak afsluiten',
    fields: ['resultaattypeOptional', 'reden'],
    success: 'De zaak is afgesloten.',
  },
  heropenen: {
    action: 'heropenen',
    label: 'Zaak heropenen',
    fields: ['reden'],
    success: 'De zaak is heropend.',
  },
};

/** The actions the zaak's state and zaaktype allow now (the server checks again). */
export function allowedZaakActions(
  zaak: ZaakDetail,
  zaaktype: ZaaktypeVersie | undefined,
): ZaakAction[] {
  if (zaak.einddatum !== null) return ['heropenen'];
  const actions: ZaakAction[] = [];
  const suspended = zaak.opschorting.indicatie;
  const mayOpschorten = zaaktype?.opschortingEnAanhoudingMogelijk ?? true;
  const mayVerlengen = zaaktype?.verlengingMogelijk ?? true;
  // Suspension is allowed once per zaak.
  if (!suspended && zaak.opschortingen.length === 0 && mayOpschorten) actions.push('opschorten');
  if (suspended) actions.push('hervatten');
  if (!zaak.verlenging && mayVerlengen && !suspended) actions.push('verlengen');
  if (!suspended) actions.push('resultaat', 'afsluiten');
  return actions;
}

/** Builds the request body the server expects for each action. */
export function bodyFor(
  action: ZaakAction,
  values: { reden: string; duurDagen: string; resultaattype: string },
): Record<string, unknown> {
  const reden = values.reden.trim();
  switch (action) {
    case 'hervatten':
      return {};
    case 'verlengen':
      return { duur: `P${Number(values.duurDagen)}D`, reden };
    case 'resultaat':
      return { resultaattype: values.resultaattype, toelichting: reden };
    case 'afsluiten':
      return values.resultaattype
        ? { resultaattype: values.resultaattype, toelichting: reden }
        : { toelichting: reden };
    default:
      return { reden };
  }
}
