import type { MailMessage } from './mailSender.js';

export interface DigestLine {
  tekst: string;
  subjectType: 'zaak' | 'taak';
  subjectId: string;
}

/** One mail with a line (and a link to the zaak or task) per signalering. */
export function digestMail(digestId: string, to: string, lines: DigestLine[], baseUrl: string): MailMessage {
  const linked = lines.map((line) => ({
    tekst: line.tekst,
    url: `${baseUrl}/${line.subjectType === 'zaak' ? 'zaken' : 'taken'}/${encodeURIComponent(line.subjectId)}`,
  }));
  const subject = lines.length === 1 ? 'Zaakstroom: 1 nieuwe signalering' : `Zaakstroom: ${lines.length} nieuwe signaleringen`;
  const text = [
    'Nieuwe signaleringen:',
    '',
    ...linked.map((line) => `- ${line.tekst}: ${line.url}`),
    '',
    `Uw instellingen: ${baseUrl}/werk/instellingen`,
  ].join('\n');
  const html = [
    '<p>Nieuwe signaleringen:</p>',
    '<ul>',
    ...linked.map((line) => `<li><a href="${escapeHtml(line.url)}">${escapeHtml(line.tekst)}</a></li>`),
    '</ul>',
    `<p><a href="${escapeHtml(`${baseUrl}/werk/instellingen`)}">Uw instellingen</a></p>`,
  ].join('\n');
  return { to: [to], subject, text, html, idempotencyKey: `signaleringen-digest-${digestId}` };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
