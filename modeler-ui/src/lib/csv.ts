/**
 * CSV as spreadsheet programs in the Netherlands open it: `;` between fields, quotes where
 * needed, CRLF line ends, and a byte-order mark so Excel reads UTF-8. Cells that start like a
 * formula are prefixed with `'` so a spreadsheet never runs them (CSV injection).
 */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
