import { describe, expect, it } from 'vitest';
import type { ZaakDetail } from '../zaken/index.js';
import { durationInWords, dutchDate, publicViewOf } from './publicView.js';
import { formToken, formTokenFits, looksLikeStatusToken, newStatusToken, statusTokenHash } from './statusToken.js';

const zaak = {
  registratiedatum: '2026-03-02',
  einddatumGepland: '2026-04-13',
  uiterlijkeEinddatumAfdoening: '2026-05-04',
  einddatum: null,
  statussen: [],
  resultaat: null,
  opschorting: { indicatie: false, reden: 'Intern: wacht op welstand' },
  opschortingen: [{ van: '2026-03-10', tot: '2026-03-17', reden: 'Intern: wacht op welstand' }],
  verlenging: { duur: 'P6W', reden: 'Er is advies van de brandweer nodig.', datum: '2026-03-20' },
} as unknown as ZaakDetail;

describe('publicViewOf', () => {
  it('tells why the dates moved in plain words, without the internal reden of the opschorting', () => {
    const view = publicViewOf(zaak, { omschrijving: 'Omgevingsvergunning', statustypen: [] }, []);
    expect(view.termijnToelichting).toEqual([
      'De termijn is 7 dagen opgeschoven, omdat wij op gegevens van u moesten wachten.',
      'De termijn is verlengd met 6 weken. De reden: Er is advies van de brandweer nodig.',
    ]);
    expect(JSON.stringify(view)).not.toContain('Intern');
  });

  it('shows the resultaat only once the zaak is closed', () => {
    const open = publicViewOf({ ...zaak, resultaat: { resultaattype: 'Verleend', toelichting: null, gezetDoor: 'x' } }, { omschrijving: 'O', statustypen: [] }, []);
    expect(open.resultaat).toBeNull();
    const closed = publicViewOf({ ...zaak, einddatum: '2026-04-01', resultaat: { resultaattype: 'Verleend', toelichting: 'intern', gezetDoor: 'bea' } }, { omschrijving: 'O', statustypen: [] }, []);
    expect([closed.afgehandeld, closed.resultaat]).toEqual([true, 'Verleend']);
  });

  it('writes durations and dates in Dutch', () => {
    expect([durationInWords('P6W'), durationInWords('P1D'), durationInWords('P1M14D')]).toEqual(['6 weken', '1 dag', '1 maand en 14 dagen']);
    expect(dutchDate('2026-03-02')).toBe('2 maart 2026');
  });
});

describe('status tokens', () => {
  it('are 256 random bits, hashed with sha256, and bind form tokens to one request', () => {
    const token = newStatusToken();
    expect(looksLikeStatusToken(token)).toBe(true);
    expect(newStatusToken()).not.toBe(token);
    expect(statusTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(formTokenFits(formToken(token, 'a'), token, 'a')).toBe(true);
    expect(formTokenFits(formToken(token, 'a'), token, 'b')).toBe(false);
    expect(formTokenFits(formToken(newStatusToken(), 'a'), token, 'a')).toBe(false);
  });
});
