import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('separates with semicolons, quotes where needed and starts with a BOM', () => {
    const csv = toCsv(
      ['Taak', 'Zaak'],
      [
        ['Beoordelen; kort', 'ZAAK-1'],
        ['Zeg "ja"', null],
      ],
    );
    expect(csv).toBe('\uFEFFTaak;Zaak\r\n"Beoordelen; kort";ZAAK-1\r\n"Zeg ""ja""";\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['-1+2'], ['@SUM(A1)']])).toBe(
      '\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'-1+2\r\n\'@SUM(A1)\r\n',
    );
  });
});
