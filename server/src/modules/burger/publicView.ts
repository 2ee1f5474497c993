import type { ZaaktypeVersion } from '../catalogus/index.js';
import type { ZaakDetail } from '../zaken/index.js';
import type { Informatieverzoek } from './informatieverzoekRepository.js';

/**
 * What a citizen may see of a zaak, and nothing more: built field by field (never by copying the
 * zaak), so that a field added to the zaak later cannot leak onto the public page.
 */
export interface PublicZaakView {
  zaaktype: string;
  ontvangen: string;
  statussen: { tekst: string; datum: string }[];
  /** The date we expect to be done: the streefdatum when there is one, else the fatale datum. */
  verwachteEinddatum: string;
  uiterlijkeEinddatum: string;
  /** Why the dates moved or stand still, in plain words; empty when they did not. */
  termijnToelichting: string[];
  afgehandeld: boolean;
  einddatum: string | null;
  resultaat: string | null;
  openVerzoeken: { id: string; omschrijving: string; uiterlijkeDatum: string | null }[];
}

export function publicViewOf(
  zaak: ZaakDetail,
  version: Pick<ZaaktypeVersion, 'omschrijving' | 'statustypen'>,
  verzoeken: readonly Informatieverzoek[],
): PublicZaakView {
  const informeren = new Map(
    version.statustypen.filter((type) => type.informeren && type.statustekst).map((type) => [type.volgnummer, type.statustekst]),
  );
  const statussen = zaak.statussen.flatMap((status) => {
    const tekst = informeren.get(status.volgnummer);
    return tekst ? [{ tekst, datum: status.datumStatusGezet.slice(0, 10) }] : [];
  });
  return {
    zaaktype: version.omschrijving,
    ontvangen: zaak.registratiedatum,
    statussen,
    verwachteEinddatum: zaak.einddatumGepland ?? zaak.uiterlijkeEinddatumAfdoening,
    uiterlijkeEinddatum: zaak.uiterlijkeEinddatumAfdoening,
    termijnToelichting: termijnToelichting(zaak),
    afgehandeld: zaak.einddatum !== null,
    einddatum: zaak.einddatum,
    resultaat: zaak.einddatum !== null ? (zaak.resultaat?.resultaattype ?? null) : null,
    // A closed zaak asks nothing more: a request left unanswered (hersteltermijn passed) ends with it.
    openVerzoeken: verzoeken
      .filter((verzoek) => verzoek.status === 'open' && zaak.einddatum === null)
      .map((verzoek) => ({ id: verzoek.id, omschrijving: verzoek.omschrijving, uiterlijkeDatum: verzoek.uiterlijkeDatum })),
  };
}

/**
 * Opschorting is told in fixed words (its reden is written by staff, for staff); the reden of a
 * verlenging is part of the verdagingsbesluit the citizen receives anyway, so it is shown.
 */
function termijnToelichting(zaak: ZaakDetail): string[] {
  const lines: string[] = [];
  if (zaak.einddatum === null && zaak.opschorting.indicatie) {
    lines.push('Wij wachten op gegevens van u. Zolang wij die niet hebben, staat de termijn stil. De datum hierboven schuift op met het aantal dagen dat wij wachten.');
  }
  const days = suspendedDays(zaak);
  if (days > 0) {
    lines.push(`De termijn is ${days} ${days === 1 ? 'dag' : 'dagen'} opgeschoven, omdat wij op gegevens van u moesten wachten.`);
  }
  if (zaak.verlenging) {
    lines.push(`De termijn is verlengd met ${durationInWords(zaak.verlenging.duur)}. De reden: ${zaak.verlenging.reden}`);
  }
  return lines;
}

function suspendedDays(zaak: ZaakDetail): number {
  return zaak.opschortingen
    .filter((period) => period.tot !== null)
    .reduce((total, period) => total + (Date.parse(period.tot as string) - Date.parse(period.van)) / 86_400_000, 0);
}

/** P6W → "6 weken", P14D → "14 dagen", P1M → "1 maand". */
export function durationInWords(duration: string): string {
  const units: [RegExp, string, string][] = [
    [/(\d+)Y/, 'jaar', 'jaar'],
    [/(\d+)M/, 'maand', 'maanden'],
    [/(\d+)W/, 'week', 'weken'],
    [/(\d+)D/, 'dag', 'dagen'],
  ];
  const parts = units.flatMap(([pattern, one, many]) => {
    const count = Number(pattern.exec(duration.split('T')[0] ?? '')?.[1] ?? 0);
    return count > 0 ? [`${count} ${count === 1 ? one : many}`] : [];
  });
  return parts.length > 0 ? parts.join(' en ') : duration;
}

const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 2026-03-02 → "2 maart 2026". */
export function dutchDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${day} ${maanden[(month ?? 1) - 1]} ${year}`;
}
