import { describe, expect, it } from 'vitest';
import { DeadlineCalculator } from './deadlineCalculator.js';
import { WorkCalendar } from './workCalendar.js';
import type { TermijnRegels, ZaakTermijnen } from './zaakTermijnen.js';

const calculator = new DeadlineCalculator(new WorkCalendar());

/** An omgevingsvergunning (regulier): 8 weeks, + 6 weeks once, received Monday 5 January 2026. */
const omgevingsvergunning: ZaakTermijnen = {
  startdatum: '2026-01-05',
  doorlooptijd: 'P8W',
  servicenorm: 'P6W',
  opschortingen: [],
  verlenging: null,
};
const regels: TermijnRegels = {
  opschortingEnAanhoudingMogelijk: true,
  verlengingMogelijk: true,
  verlengingstermijn: 'P6W',
};

describe('zaak deadlines', () => {
  it('computes einddatumGepland from the servicenorm and uiterlijkeEinddatumAfdoening from the doorlooptijd', () => {
    expect(calculator.deadlines(omgevingsvergunning)).toEqual({
      einddatumGepland: '2026-02-16',
      uiterlijkeEinddatumAfdoening: '2026-03-02',
      opgeschorteDagen: 0,
      opgeschort: false,
      eerderOpgeschort: false,
    });
  });

  it('has no einddatumGepland without a servicenorm', () => {
    expect(
      calculator.deadlines({ ...omgevingsvergunning, servicenorm: null }).einddatumGepland,
    ).toBeNull();
  });

  it('moves a deadline landing on a Sunday to the Monday', () => {
    const zaak = {
      ...omgevingsvergunning,
      startdatum: '2026-03-03',
      doorlooptijd: 'P12D',
      servicenorm: null,
    };
    expect(calculator.deadlines(zaak).uiterlijkeEinddatumAfdoening).toBe('2026-03-16');
  });
});

describe('opschorting', () => {
  it('an opschorting of 10 days moves both deadlines by 10 days', () => {
    // given the clock stopped on 20 January and restarted on 30 January
    let zaak = calculator.startOpschorting(omgevingsvergunning, regels, {
      van: '2026-01-20',
      reden: 'aanvullende gegevens',
    });
    zaak = calculator.endOpschorting(zaak, '2026-01-30');
    // then the deadlines move from 16 February and 2 March by 10 days
    expect(calculator.deadlines(zaak)).toMatchObject({
      einddatumGepland: '2026-02-26',
      uiterlijkeEinddatumAfdoening: '2026-03-12',
      opgeschorteDagen: 10,
      opgeschort: false,
      eerderOpgeschort: true,
    });
  });

  it('counts an open opschorting up to today', () => {
    const zaak = calculator.startOpschorting(omgevingsvergunning, regels, {
      van: '2026-01-20',
      reden: 'zienswijze',
    });
    expect(calculator.deadlines(zaak, '2026-01-23')).toMatchObject({
      uiterlijkeEinddatumAfdoening: '2026-03-05',
      opgeschorteDagen: 3,
      opgeschort: true,
    });
    expect(() => calculator.deadlines(zaak)).toThrow(/still open: give today's date/);
  });

  it('adds up several opschortingen and applies the Termijnenwet to the result', () => {
    // given 2 + 3 days suspended: 2 March + 5 = Saturday 7 March, so Monday 9 March
    let zaak = calculator.startOpschorting(omgevingsvergunning, regels, {
      van: '2026-01-10',
      reden: 'a',
    });
    zaak = calculator.endOpschorting(zaak, '2026-01-12');
    zaak = calculator.startOpschorting(zaak, regels, { van: '2026-01-20', reden: 'b' });
    zaak = calculator.endOpschorting(zaak, '2026-01-23');
    expect(calculator.deadlines(zaak).uiterlijkeEinddatumAfdoening).toBe('2026-03-09');
  });

  it('refuses a second opschorting while one is open, and resuming when none is', () => {
    const suspended = calculator.startOpschorting(omgevingsvergunning, regels, {
      van: '2026-01-20',
      reden: 'x',
    });
    expect(() =>
      calculator.startOpschorting(suspended, regels, { van: '2026-01-21', reden: 'y' }),
    ).toThrow(/already suspended since 2026-01-20/);
    expect(() => calculator.endOpschorting(omgevingsvergunning, '2026-01-21')).toThrow(
      /not suspended/,
    );
    expect(() => calculator.endOpschorting(suspended, '2026-01-19')).toThrow(
      /^tot: 2026-01-19 is before/,
    );
  });

  it('refuses opschorting when the zaaktype does not allow it', () => {
    const strict = { ...regels, opschortingEnAanhoudingMogelijk: false };
    expect(() =>
      calculator.startOpschorting(omgevingsvergunning, strict, { van: '2026-01-20', reden: 'x' }),
    ).toThrow(expect.objectContaining({ name: 'ConflictError' }));
  });
});

describe('verlenging', () => {
  it('extends the legal term once, and refuses a second verlenging with a ConflictError', () => {
    // given a deadline of 2 March 2026
    // when extended by 6 weeks on 20 February
    const extended = calculator.verleng(
      omgevingsvergunning,
      regels,
      { duur: 'P6W', reden: 'complex advies' },
      '2026-02-20',
    );
    // then the deadline is 13 April and the servicenorm is unchanged
    expect(calculator.deadlines(extended)).toMatchObject({
      uiterlijkeEinddatumAfdoening: '2026-04-13',
      einddatumGepland: '2026-02-16',
    });
    expect(extended.verlenging).toEqual({
      duur: 'P6W',
      reden: 'complex advies',
      datum: '2026-02-20',
    });
    // when extended a second time
    const again = () =>
      calculator.verleng(extended, regels, { duur: 'P1W', reden: 'nog meer' }, '2026-03-01');
    // then it is refused, naming the earlier verlenging
    expect(again).toThrow(expect.objectContaining({ name: 'ConflictError' }));
    expect(again).toThrow('already extended once, on 2026-02-20 by P6W (complex advies)');
  });

  it('allows a verlenging on the last day of the term but not after it', () => {
    expect(() =>
      calculator.verleng(omgevingsvergunning, regels, { duur: 'P6W', reden: 'r' }, '2026-03-02'),
    ).not.toThrow();
    expect(() =>
      calculator.verleng(omgevingsvergunning, regels, { duur: 'P6W', reden: 'r' }, '2026-03-03'),
    ).toThrow(/The deadline 2026-03-02 has passed/);
  });

  it('refuses a verlenging longer than the verlengingstermijn, without a reason, or of zero days', () => {
    expect(() =>
      calculator.verleng(omgevingsvergunning, regels, { duur: 'P7W', reden: 'r' }, '2026-02-20'),
    ).toThrow(/^duur: P7W is longer than the verlengingstermijn P6W/);
    expect(() =>
      calculator.verleng(omgevingsvergunning, regels, { duur: 'P2W', reden: ' ' }, '2026-02-20'),
    ).toThrow(/^reden: give the reason/);
    expect(() =>
      calculator.verleng(omgevingsvergunning, regels, { duur: 'P0D', reden: 'r' }, '2026-02-20'),
    ).toThrow(/at least one day/);
  });

  it('refuses a verlenging when the zaaktype does not allow it', () => {
    const strict = { ...regels, verlengingMogelijk: false, verlengingstermijn: null };
    expect(() =>
      calculator.verleng(omgevingsvergunning, strict, { duur: 'P1W', reden: 'r' }, '2026-02-20'),
    ).toThrow(/does not allow verlenging/);
  });

  it('counts the verlenging from the deadline as moved by an opschorting', () => {
    // given 10 days suspended (deadline 12 March), then 6 weeks more: 23 April
    let zaak = calculator.startOpschorting(omgevingsvergunning, regels, {
      van: '2026-01-20',
      reden: 'x',
    });
    zaak = calculator.endOpschorting(zaak, '2026-01-30');
    zaak = calculator.verleng(zaak, regels, { duur: 'P6W', reden: 'r' }, '2026-03-10');
    expect(calculator.deadlines(zaak).uiterlijkeEinddatumAfdoening).toBe('2026-04-23');
  });
});

describe('deadline risk', () => {
  it('counts working days, so a deadline after Easter is closer than it looks', () => {
    // given a deadline on Tuesday 22 April 2025 and today Thursday 17 April
    // then only one working day is left: Goede Vrijdag, the weekend and Tweede Paasdag do not count
    expect(calculator.workingDaysUntil('2025-04-17', '2025-04-22')).toBe(1);
    expect(calculator.status('2025-04-22', '2025-04-17', 2)).toBe('at_risk');
  });

  it('is on track outside the window, at risk on the deadline day, overdue after it', () => {
    expect(calculator.status('2025-04-22', '2025-04-10', 5)).toBe('on_track');
    expect(calculator.status('2025-04-22', '2025-04-22', 0)).toBe('at_risk');
    expect(calculator.status('2025-04-22', '2025-04-23', 5)).toBe('overdue');
  });
});
