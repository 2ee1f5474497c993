import { valueAt } from '../shared/template.js';

/** The words of a letter; the layout is pdfLetter's. */
export interface LetterText {
  titel: string;
  /** Name of the addressee, when known. */
  aan?: string | undefined;
  alineas: string[];
}

type Variables = Record<string, unknown>;
type Template = (variables: Variables) => LetterText;

const text = (variables: Variables, path: string): string | undefined => {
  const value = valueAt(variables, path);
  if (typeof value === 'string') return value.trim() || undefined;
  return typeof value === 'number' ? String(value) : undefined;
};

/** "2026-03-02" → "2 maart 2026"; anything else as it is. */
export function dutchDate(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

function ontvangen(variables: Variables): string | undefined {
  const omschrijving = text(variables, 'zaak.omschrijving');
  const startdatum = text(variables, 'zaak.startdatum');
  if (!omschrijving) return undefined;
  return `${startdatum ? `Op ${dutchDate(startdatum)} ontvingen wij` : 'Wij ontvingen'} uw aanvraag "${omschrijving}".`;
}

/** The body text the model gives: `tekst`, else `motivering`. */
const bodyText = (variables: Variables) => text(variables, 'tekst') ?? text(variables, 'motivering');

const besluit: Template = (variables) => ({
  titel: 'Besluit',
  aan: text(variables, 'zaak.initiator.naam'),
  alineas: [ontvangen(variables), text(variables, 'tekst'), text(variables, 'motivering')].filter(
    (alinea): alinea is string => Boolean(alinea),
  ),
});

const omgevingsvergunningBesluit: Template = (variables) => {
  const uitkomst = text(variables, 'besluit');
  const voorschriften = text(variables, 'voorschriften');
  const motivering = bodyText(variables);
  return {
    titel: 'Besluit op uw aanvraag omgevingsvergunning',
    aan: text(variables, 'zaak.initiator.naam'),
    alineas: [
      ontvangen(variables),
      uitkomst === 'verleend'
        ? 'Wij hebben besloten de omgevingsvergunning te verlenen.'
        : uitkomst === 'geweigerd'
          ? 'Wij hebben besloten de omgevingsvergunning te weigeren.'
          : uitkomst && `Ons besluit: ${uitkomst}.`,
      voorschriften && `Aan de vergunning zijn de volgende voorschriften verbonden: ${voorschriften}`,
      motivering && `Motivering: ${motivering}`,
      'Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze brief bezwaar maken bij het college van burgemeester en wethouders.',
    ].filter((alinea): alinea is string => Boolean(alinea)),
  };
};

/** The templates job models can name in the header `template`. */
export const documentTemplates: Readonly<Record<string, Template>> = {
  besluit,
  'omgevingsvergunning-besluit': omgevingsvergunningBesluit,
};
