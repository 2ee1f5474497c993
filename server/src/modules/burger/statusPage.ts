import { dutchDate, type PublicZaakView } from './publicView.js';
import { formToken } from './statusToken.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Mobile first, system fonts, contrast ≥ 4.5:1, a visible focus ring; no script at all. */
const styles = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff}
header{background:#154273;color:#fff;padding:1rem}
header p{margin:0;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.375rem;margin:2rem 0 .5rem}
dl{margin:0}dt{font-weight:700}dd{margin:0 0 .75rem}
ol{padding-left:1.25rem}li{margin-bottom:.5rem}
.melding{border-left:.375rem solid #154273;background:#eef3f9;padding:.75rem 1rem;margin:1rem 0}
.fout{border-left-color:#b00020;background:#fdecee}
.verzoek{border:1px solid #6b6b6b;border-radius:.25rem;padding:1rem;margin:1rem 0}
label{display:block;font-weight:700;margin:.75rem 0 .25rem}
input[type=file]{display:block;width:100%;font-size:1rem;padding:.5rem;border:1px solid #6b6b6b;border-radius:.25rem}
button{margin-top:1rem;font-size:1.125rem;padding:.75rem 1.25rem;border:0;border-radius:.25rem;background:#154273;color:#fff;cursor:pointer;min-height:44px}
a:focus,button:focus,input:focus{outline:3px solid #e17000;outline-offset:2px}
.hint{color:#4b4b4b;font-size:1rem;margin:.25rem 0}
.foutmelding{color:#b00020;font-weight:700;margin:.25rem 0}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${styles}</style>
</head>
<body>
<header><p>Gemeente</p></header>
<main id="inhoud">
${body}
</main>
</body>
</html>`;
}

export interface StatusPageOptions {
  token: string;
  maxUploadMb: number;
  /** Shown after an upload went through. */
  ontvangen?: boolean;
  /** An upload that was refused: for which request, and why (in plain words). */
  fout?: { verzoekId: string; melding: string };
}

export function statusPage(view: PublicZaakView, options: StatusPageOptions): string {
  const parts: string[] = [`<h1>Uw aanvraag: ${escape(view.zaaktype)}</h1>`];
  if (options.ontvangen) {
    parts.push('<div class="melding" role="status"><p>Dank u wel. Wij hebben uw bestand ontvangen. Wij gaan verder met uw aanvraag.</p></div>');
  }
  parts.push(
    '<dl>',
    `<dt>Ontvangen op</dt><dd>${dutchDate(view.ontvangen)}</dd>`,
    view.afgehandeld && view.einddatum
      ? `<dt>Afgehandeld op</dt><dd>${dutchDate(view.einddatum)}</dd>`
      : `<dt>Wij verwachten klaar te zijn op</dt><dd>${dutchDate(view.verwachteEinddatum)}</dd>` +
          (view.uiterlijkeEinddatum !== view.verwachteEinddatum ? `<dt>Uiterlijk klaar op</dt><dd>${dutchDate(view.uiterlijkeEinddatum)}</dd>` : ''),
    view.resultaat ? `<dt>Uitkomst</dt><dd>${escape(view.resultaat)}</dd>` : '',
    '</dl>',
  );
  if (view.termijnToelichting.length > 0) {
    parts.push(`<div class="melding">${view.termijnToelichting.map((line) => `<p>${escape(line)}</p>`).join('')}</div>`);
  }
  if (view.openVerzoeken.length > 0) {
    parts.push('<h2>Wij hebben gegevens van u nodig</h2>');
    for (const verzoek of view.openVerzoeken) parts.push(requestForm(verzoek, options));
  }
  parts.push('<h2>Wat er is gebeurd</h2>');
  parts.push(
    view.statussen.length > 0
      ? `<ol>${view.statussen.map((status) => `<li><strong>${dutchDate(status.datum)}</strong>: ${escape(status.tekst)}</li>`).join('')}</ol>`
      : '<p>Er is nog niets te melden.</p>',
  );
  parts.push('<p class="hint">Heeft u vragen? Neem dan contact op met de gemeente. Noem het zaaknummer uit onze e-mail.</p>');
  return layout(`Uw aanvraag: ${view.zaaktype}`, parts.join('\n'));
}

function requestForm(verzoek: PublicZaakView['openVerzoeken'][number], options: StatusPageOptions): string {
  const fieldId = `bestand-${verzoek.id}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-fout`;
  const fout = options.fout?.verzoekId === verzoek.id ? options.fout.melding : undefined;
  return `<section class="verzoek" aria-labelledby="${fieldId}-titel">
<h3 id="${fieldId}-titel">Gevraagd</h3>
<p>${escape(verzoek.omschrijving)}</p>
${verzoek.uiterlijkeDatum ? `<p>Stuur dit uiterlijk ${dutchDate(verzoek.uiterlijkeDatum)}.</p>` : ''}
<form method="post" action="/status/${escape(options.token)}/verzoeken/${escape(verzoek.id)}" enctype="multipart/form-data">
<input type="hidden" name="formulier" value="${formToken(options.token, verzoek.id)}">
<label for="${fieldId}">Kies een bestand</label>
<p class="hint" id="${hintId}">PDF, foto (JPG of PNG), Word of tekst. Maximaal ${options.maxUploadMb} MB.</p>
${fout ? `<p class="foutmelding" id="${errorId}">Fout: ${escape(fout)}</p>` : ''}
<input type="file" id="${fieldId}" name="inhoud" required aria-describedby="${fout ? `${errorId} ` : ''}${hintId}"${fout ? ' aria-invalid="true"' : ''}>
<button type="submit">Bestand versturen</button>
</form>
</section>`;
}

/** The one answer for a wrong, revoked or expired link: it says nothing about which. */
export function notFoundPage(): string {
  return layout('Pagina niet gevonden', '<h1>Pagina niet gevonden</h1><p>Deze pagina bestaat niet. Controleer of u de hele link uit de e-mail heeft gebruikt.</p>');
}

/** Our trouble, not the citizen's: nothing was lost, they can send it again later. */
export function tryAgainPage(): string {
  return layout('Versturen niet gelukt', '<h1>Versturen is niet gelukt</h1><p>Door een storing bij ons is uw bestand niet goed aangekomen. Probeer het over een paar minuten opnieuw. Ga daarvoor terug naar de vorige pagina.</p>');
}
