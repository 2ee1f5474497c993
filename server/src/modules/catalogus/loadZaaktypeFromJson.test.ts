import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../http/errors.js';
import { loadZaaktypeFromJson } from './loadZaaktypeFromJson.js';
import type { FieldProblem } from './validation.js';

const fixtureText = readFileSync(
  new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
  'utf8',
);
const fixture = () => JSON.parse(fixtureText) as Record<string, unknown>;

/** The problems an invalid zaaktype.json is refused with. */
function problemsOf(json: unknown): FieldProblem[] {
  try {
    loadZaaktypeFromJson(json, 'processes/test/zaaktype.json');
  } catch (error) {
    expect((error as InputError).name).toBe('InputError');
    return (error as InputError).details?.problems as FieldProblem[];
  }
  throw new Error('expected the zaaktype to be refused');
}

describe('loadZaaktypeFromJson', () => {
  it('turns a valid zaaktype.json into a concept, filling defaults', () => {
    const zaaktype = loadZaaktypeFromJson(fixtureText);
    expect(zaaktype.identificatie).toBe('omgevingsvergunning-regulier');
    expect(zaaktype.statustypen[1]).toEqual({
      volgnummer: 2,
      omschrijving: 'In behandeling',
      statustekst: 'Uw aanvraag is in behandeling.',
      informeren: false,
    });
    expect(zaaktype.resultaattypen[0]?.brondatumArchiefprocedure).toEqual({
      afleidingswijze: 'afgehandeld',
      procestermijn: null,
    });
    expect(zaaktype.beginGeldigheid).toBeNull();
  });

  it('names the file when the JSON does not parse', () => {
    expect(() =>
      loadZaaktypeFromJson('{ "identificatie": ', 'processes/woo/zaaktype.json'),
    ).toThrow(/^processes\/woo\/zaaktype.json is not valid JSON/);
  });

  it('names a misspelt field instead of ignoring it', () => {
    const json = { ...fixture(), doorloopTijd: 'P8W' };
    expect(problemsOf(json)).toEqual([
      { path: '', message: expect.stringContaining('"doorloopTijd"') as string },
    ]);
  });

  it('names each field that is too long, down to the item in a list', () => {
    const json = fixture();
    json.omschrijving = 'x'.repeat(81);
    (json.resultaattypen as { omschrijving: string }[])[1]!.omschrijving =
      'Geweigerd wegens strijd met het omgevingsplan';
    (json.eigenschappen as { naam: string }[])[0]!.naam = 'geraamde_bouwkosten_in_euro';
    expect(problemsOf(json)).toEqual([
      { path: 'omschrijving', message: 'at most 80 characters' },
      { path: 'resultaattypen.1.omschrijving', message: 'at most 30 characters' },
      { path: 'eigenschappen.0.naam', message: 'at most 20 characters' },
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    const json = fixture();
    (json.roltypen as { omschrijvingGeneriek: string }[])[0]!.omschrijvingGeneriek = 'aanvrager';
    expect(problemsOf(json)).toEqual([
      {
        path: 'roltypen.0.omschrijvingGeneriek',
        message: expect.stringContaining('expected one of: adviseur, behandelaar') as string,
      },
    ]);
  });

  it('refuses a duration with a time part', () => {
    expect(problemsOf({ ...fixture(), doorlooptijd: 'PT48H' })).toEqual([
      {
        path: 'doorlooptijd',
        message: expect.stringContaining('such as P8W, P42D or P1M') as string,
      },
    ]);
  });

  it('allows a verlengingstermijn only when verlenging is possible, and requires it then', () => {
    expect(problemsOf({ ...fixture(), verlengingMogelijk: false })).toEqual([
      {
        path: 'verlengingstermijn',
        message: expect.stringContaining('only allowed when verlengingMogelijk is true') as string,
      },
    ]);
    expect(problemsOf({ ...fixture(), verlengingstermijn: null })).toEqual([
      { path: 'verlengingstermijn', message: 'required when verlengingMogelijk is true, e.g. P6W' },
    ]);
  });

  it('refuses a servicenorm longer than the doorlooptijd', () => {
    expect(problemsOf({ ...fixture(), servicenorm: 'P3M' })).toEqual([
      {
        path: 'servicenorm',
        message: expect.stringContaining('P3M is longer than the doorlooptijd P8W') as string,
      },
    ]);
  });

  it('refuses duplicate volgnummers and names, pointing at the second occurrence', () => {
    const json = fixture();
    const statustypen = json.statustypen as { volgnummer: number; omschrijving: string }[];
    statustypen[3]!.volgnummer = 2;
    statustypen[4]!.omschrijving = 'in behandeling';
    expect(problemsOf(json)).toEqual([
      {
        path: 'statustypen.3.volgnummer',
        message: '"2" is already used by statustypen[1]; each volgnummer must be unique',
      },
      {
        path: 'statustypen.4.omschrijving',
        message:
          '"in behandeling" is already used by statustypen[1]; each omschrijving must be unique',
      },
    ]);
  });

  it('requires a procestermijn exactly when the archive term starts after a termijn', () => {
    const json = fixture();
    const resultaattypen = json.resultaattypen as {
      brondatumArchiefprocedure: Record<string, unknown>;
    }[];
    resultaattypen[0]!.brondatumArchiefprocedure.procestermijn = 'P1Y';
    resultaattypen[2]!.brondatumArchiefprocedure = { afleidingswijze: 'termijn' };
    expect(problemsOf(json).map((problem) => problem.path)).toEqual([
      'resultaattypen.0.brondatumArchiefprocedure.procestermijn',
      'resultaattypen.2.brondatumArchiefprocedure.procestermijn',
    ]);
  });

  it('refuses an identificatie that does not fit in a URL', () => {
    expect(
      problemsOf({ ...fixture(), identificatie: 'omgevingsvergunning regulier/2026' }),
    ).toEqual([
      { path: 'identificatie', message: expect.stringContaining('letters, digits') as string },
    ]);
  });
});
