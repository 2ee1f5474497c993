import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LetterText } from './templates.js';

export interface Letter extends LetterText {
  gemeente: string;
  zaakIdentificatie: string;
  /** As printed, e.g. "27 november 2026". */
  datum: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const BODY_SIZE = 11;
const LINE = 16;
const GREY = rgb(0.35, 0.35, 0.35);

/**
 * A plain A4 letter: the municipality's name, zaaknummer and date, the subject in bold, the
 * paragraphs wrapped to the margins (new pages as needed), a closing and page numbers.
 */
export async function renderLetter(letter: Letter, now = new Date()): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(letter.titel));
  pdf.setAuthor(printable(letter.gemeente));
  pdf.setSubject(printable(`Zaak ${letter.zaakIdentificatie}`));
  pdf.setProducer('Zaakstroom');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;

  let page = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (line: string, font: PDFFont, size = BODY_SIZE, color = rgb(0, 0, 0)) => {
    if (y < MARGIN + LINE) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
    page.drawText(printable(line), { x: MARGIN, y, size, font, color });
    y -= size === BODY_SIZE ? LINE : size + 8;
  };
  const paragraph = (textValue: string, font = regular) => {
    for (const line of wrap(printable(textValue), font, BODY_SIZE, width)) write(line, font);
    y -= LINE / 2;
  };

  write(letter.gemeente, bold, 18);
  drawRule(page, y + 6, width);
  y -= LINE;
  write(`Zaaknummer: ${letter.zaakIdentificatie}`, regular, BODY_SIZE, GREY);
  write(`Datum: ${letter.datum}`, regular, BODY_SIZE, GREY);
  y -= LINE;
  if (letter.aan) {
    write(letter.aan, regular);
    y -= LINE;
  }
  paragraph(`Betreft: ${letter.titel}`, bold);
  y -= LINE / 2;
  paragraph(letter.aan ? `Geachte ${letter.aan},` : 'Geachte heer, mevrouw,');
  for (const alinea of letter.alineas) paragraph(alinea);
  y -= LINE / 2;
  paragraph('Met vriendelijke groet,');
  paragraph(`Het college van burgemeester en wethouders van ${letter.gemeente}`);

  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    each.drawText(`Pagina ${index + 1} van ${pages.length}`, {
      x: MARGIN,
      y: MARGIN / 2,
      size: 9,
      font: regular,
      color: GREY,
    });
  });
  return pdf.save();
}

function drawRule(page: PDFPage, y: number, width: number): void {
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.75, color: GREY });
}

/** Words onto lines no wider than `width`; a word longer than a line is cut. */
export function wrap(textValue: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const hardLine of textValue.split(/\r?\n/)) {
    let line = '';
    for (const word of hardLine.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** The standard PDF fonts know WinAnsi only; other characters become '?' rather than failing. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function printable(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (char === '\t') return ' ';
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char) || char === '\n')
        return char;
      return '?';
    })
    .join('');
}
