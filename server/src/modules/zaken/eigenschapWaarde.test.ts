import { describe, expect, it } from 'vitest';
import type { Eigenschap, EigenschapFormaat } from '../catalogus/index.js';
import { eigenschapWaarde } from './eigenschapWaarde.js';

const of = (formaat: EigenschapFormaat): Eigenschap => ({ naam: 'x', definitie: 'x', formaat });
const check = (formaat: EigenschapFormaat, waarde: string) => () =>
  eigenschapWaarde(of(formaat), waarde);

describe('eigenschap waarde per formaat', () => {
  it('keeps tekst trimmed, up to 255 characters', () => {
    expect(check('tekst', '  Openbare verlichting ')()).toBe('Openbare verlichting');
    expect(check('tekst', 'a'.repeat(256))).toThrow(/text of at most 255 characters/);
    expect(check('tekst', '   ')).toThrow(/does not fit/);
  });

  it('takes a getal with a decimal point or comma', () => {
    expect(check('getal', '-12,5')()).toBe('-12.5');
    expect(check('getal', '1250')()).toBe('1250');
    expect(check('getal', '1.250,00')).toThrow(/expected a number such as 1250/);
    expect(check('getal', '1e3')).toThrow(/does not fit/);
  });

  it('takes a real calendar datum only', () => {
    expect(check('datum', '2028-02-29')()).toBe('2028-02-29');
    expect(check('datum', '2027-02-29')).toThrow(/expected a date as YYYY-MM-DD/);
    expect(check('datum', '29-02-2028')).toThrow(/does not fit/);
  });

  it('takes a datum_tijd with its offset and stores it in UTC', () => {
    expect(check('datum_tijd', '2026-09-01T14:30:00+02:00')()).toBe('2026-09-01T12:30:00.000Z');
    expect(check('datum_tijd', '2026-09-01T14:30')).toThrow(/with its offset/);
    expect(check('datum_tijd', '2026-13-01T14:30:00Z')).toThrow(/does not fit/);
  });
});
