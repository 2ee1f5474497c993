import { dutchDate } from './publicView.js';

export interface BurgerMailContent {
  subject: string;
  html: string;
  text: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function mail(subject: string, paragraphs: string[], link: string): BurgerMailContent {
  const html = [
    ...paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`),
    `<p><a href="${escape(link)}">Bekijk hoe het met uw aanvraag staat</a></p>`,
    '<p>Deel deze link niet met anderen. Iedereen met de link kan de stand van zaken zien.</p>',
  ].join('\n');
  const text = [...paragraphs, `Bekijk hoe het met uw aanvraag staat: ${link}`, 'Deel deze link niet met anderen. Iedereen met de link kan de stand van zaken zien.'].join('\n\n');
  return { subject, html, text };
}

/** At intake (or when staff make a new link): where the citizen can follow the zaak. */
export function statusLinkMail(zaak: { zaaktype: string; identificatie: string }, link: string): BurgerMailContent {
  return mail(
    `Wij hebben uw aanvraag ontvangen (${zaak.identificatie})`,
    [
      'Beste aanvrager,',
      `Wij hebben uw aanvraag "${zaak.zaaktype}" ontvangen. Het zaaknummer is ${zaak.identificatie}.`,
      'Via de link hieronder ziet u hoe het met uw aanvraag staat. U hoeft daarvoor niet in te loggen.',
    ],
    link,
  );
}

/** When the process asks for more information: what is asked, and where to send it. */
export function informatieverzoekMail(
  zaak: { zaaktype: string; identificatie: string },
  verzoek: { omschrijving: string; uiterlijkeDatum: string | null },
  link: string,
): BurgerMailContent {
  return mail(
    `Wij hebben meer gegevens van u nodig (${zaak.identificatie})`,
    [
      'Beste aanvrager,',
      `Om uw aanvraag "${zaak.zaaktype}" te kunnen behandelen, hebben wij meer gegevens van u nodig:`,
      verzoek.omschrijving,
      verzoek.uiterlijkeDatum
        ? `Stuur de gegevens uiterlijk ${dutchDate(verzoek.uiterlijkeDatum)}. Dat kan via de link hieronder.`
        : 'U kunt de gegevens sturen via de link hieronder.',
      'Zolang wij de gegevens niet hebben, staat de termijn voor uw aanvraag stil.',
    ],
    link,
  );
}
