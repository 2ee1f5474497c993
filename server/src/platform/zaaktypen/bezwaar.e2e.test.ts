import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INFORMATIEVERZOEK_OPSCHORTING,
  statusHistoryOf,
  ZaaktypeTestServer,
  type Zaak,
} from './testing/zaaktypeTestServer.js';

/**
 * Bezwaar (6 weeks, 12 with the advisory committee, Awb 7:10) on the real server. Herstel
 * verzuim (Awb 6:6) suspends the zaak and asks the bezwaarmaker on their status page, until they
 * upload the repair there or two weeks pass on the engine clock; the committee route extends
 * the term by six weeks.
 */
describe('zaaktype bezwaar, through the API and the engine', { timeout: 120_000 }, () => {
  const t = new ZaaktypeTestServer({
    identificatie: 'bezwaar',
    omschrijving: 'Bezwaarschrift',
    behandelaar: 'behandelaar2',
    initiatorEmail: 'bezwaarmaker@voorbeeld.nl',
  });
  const hoorzitting = {
    hoorzittingDatum: '2031-10-01T10:00',
    bezwaarmakerVerschenen: true,
    verslagHoorzitting: 'Bezwaarmaker lichtte toe.',
  };

  beforeAll(() => t.start(), 120_000);
  afterAll(() => t.close());

  /** Verzuim found at the first assessment: asked of the bezwaarmaker, with two weeks to repair it. */
  const askHerstel = async (zaak: Zaak, adviescommissie: boolean, uiterlijk: string) => {
    const verzuimOmschrijving = 'De gronden van het bezwaar ontbreken.';
    await t.doTask(zaak.id, 'BezwaarBeoordelen', {
      verzuim: true,
      verzuimOmschrijving,
      adviescommissie,
    });
    const token = await t.expectInformatieverzoek(zaak, {
      omschrijving: verzuimOmschrijving,
      uiterlijk,
      waitingAt: 'WachtenOpHerstel',
    });
    expect(statusHistoryOf(await t.zaak(zaak.id))).toEqual([
      'Ontvangen',
      'Herstel verzuim gevraagd',
    ]);
    return token;
  };

  it('happy path: no verzuim, no committee, hoorzitting, gegrond', async () => {
    // given a bezwaarschrift on Thursday 20 November 2031: six weeks end on Nieuwjaarsdag 2032, so on Friday 2 January
    const zaak = await t.register(
      '2031-11-20T09:00:00+01:00',
      'Bezwaar tegen weigering kapvergunning',
    );
    expect(zaak).toMatchObject({
      einddatumGepland: null,
      uiterlijkeEinddatumAfdoening: '2032-01-02',
    });
    // when
    await t.doTask(zaak.id, 'BezwaarBeoordelen', { verzuim: false, adviescommissie: false });
    await t.doTask(zaak.id, 'HoorzittingHouden', hoorzitting);
    await t.doTask(zaak.id, 'BesluitOpstellen', {
      besluit: 'gegrond',
      motivering: 'De boom is ziek; kap is nodig.',
    });
    // then
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'In behandeling',
      'Besluit genomen',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Gegrond' },
      einddatum: '2031-11-20',
      opschortingen: [],
      verlenging: null,
      uiterlijkeEinddatumAfdoening: '2032-01-02',
    });
    // and the bezwaarmaker got the besluit op bezwaar by mail
    const besluit = await t.untilMail(
      'bezwaarmaker@voorbeeld.nl',
      `Besluit op uw bezwaarschrift (${zaak.identificatie})`,
    );
    expect(besluit.text).toContain(
      `Wij hebben besloten op uw bezwaarschrift "Bezwaar tegen weigering kapvergunning" (zaak ${zaak.identificatie}).`,
    );
    expect(besluit.text).toContain(
      'Uw bezwaar is gegrond. Wij herroepen het bestreden besluit en nemen zo nodig een nieuw besluit.',
    );
    expect(besluit.text).toContain('Motivering: De boom is ziek; kap is nodig.');
  });

  it('withdrawn before the hoorzitting: the zaak closes as Ingetrokken, the open task goes, the bezwaarmaker gets a confirmation', async () => {
    // given a bezwaarschrift on Tuesday 4 November 2031, assessed, the hoorzitting still to hold
    const zaak = await t.register('2031-11-04T09:00:00+01:00', 'Bezwaar tegen de WOZ-waarde');
    await t.doTask(zaak.id, 'BezwaarBeoordelen', { verzuim: false, adviescommissie: false });
    await t.untilTaskOpen(zaak.id, 'HoorzittingHouden');

    // when the bezwaarmaker withdraws a week later
    await t.moveClock('P7D');
    await t.publishMessage('intrekking', zaak.identificatie);

    // then the zaak is closed as Ingetrokken that day, to be destroyed a year later
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Ingetrokken' },
      einddatum: '2031-11-11',
      archiefactiedatum: '2032-11-11',
    });
    await t.until(
      async () => ((await t.taken(zaak.id)).length === 0 ? true : undefined),
      'no open tasks for the withdrawn zaak',
    );
    expect(await t.taken(zaak.id, 'cancelled')).toEqual([
      expect.objectContaining({ elementId: 'HoorzittingHouden', state: 'cancelled' }),
    ]);
    const bevestiging = await t.untilMail(
      'bezwaarmaker@voorbeeld.nl',
      `Uw bezwaarschrift is ingetrokken (${zaak.identificatie})`,
    );
    expect(bevestiging.text).toContain(
      `U heeft uw bezwaarschrift "Bezwaar tegen de WOZ-waarde" ingetrokken. Wij hebben de behandeling gestopt en zaak ${zaak.identificatie} afgesloten.`,
    );
  });

  it('withdrawn during herstel verzuim: resumed, closed as Ingetrokken, the status page asks for nothing more', async () => {
    // given a bezwaarschrift on Monday 8 September 2031 with a verzuim, asked of the bezwaarmaker
    const zaak = await t.register('2031-09-08T09:00:00+02:00', 'Bezwaar tegen de leges');
    const token = await askHerstel(zaak, false, '22 september 2031');
    const form = await t.uploadFormOn(token);

    // when the bezwaarmaker withdraws two days later instead of repairing the verzuim
    await t.moveClock('P2D');
    await t.publishMessage('intrekking', zaak.identificatie);

    // then the opschorting ends that day and the zaak is closed as Ingetrokken
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'Herstel verzuim gevraagd',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Ingetrokken' },
      einddatum: '2031-09-10',
      opschorting: { indicatie: false },
      opschortingen: [
        { van: '2031-09-08', tot: '2031-09-10', reden: INFORMATIEVERZOEK_OPSCHORTING },
      ],
    });
    await t.untilMail(
      'bezwaarmaker@voorbeeld.nl',
      `Uw bezwaarschrift is ingetrokken (${zaak.identificatie})`,
    );
    // and the status page no longer asks for the repair
    const page = await (await fetch(`${t.url}/status/${token}`)).text();
    expect(page).not.toContain('<form');
    expect(await t.upload(form, 'gronden.pdf')).toBe(404);
  });

  it('herstel verzuim after six days, then the committee route of twelve weeks: ongegrond', async () => {
    // given a bezwaarschrift on Monday 1 September 2031 (six weeks: Monday 13 October) with a verzuim
    const zaak = await t.register('2031-09-01T09:00:00+02:00', 'Bezwaar tegen last onder dwangsom');
    expect(zaak.uiterlijkeEinddatumAfdoening).toBe('2031-10-13');
    const token = await askHerstel(zaak, true, '15 september 2031');

    // when the bezwaarmaker repairs the verzuim six days later, on Sunday 7 September
    await t.moveClock('P6D');
    expect(await t.upload(await t.uploadFormOn(token), 'gronden-van-het-bezwaar.pdf')).toBe(303);

    // then the zaak resumes after six days and the committee adds six weeks:
    // 1 September + 6 + 6 weeks + 6 days is Sunday 30 November, so Monday 1 December
    const extended = await t.untilZaak(
      zaak.id,
      'resumed and extended for the committee',
      (z) => z.verlenging !== null,
    );
    expect(extended.opschortingen).toEqual([
      { van: '2031-09-01', tot: '2031-09-07', reden: INFORMATIEVERZOEK_OPSCHORTING },
    ]);
    expect(extended.verlenging).toMatchObject({ duur: 'P6W', datum: '2031-09-07' });
    expect(extended).toMatchObject({
      opschorting: { indicatie: false },
      uiterlijkeEinddatumAfdoening: '2031-12-01',
    });
    await t.doTask(zaak.id, 'HoorzittingCommissie', hoorzitting);
    await t.doTask(zaak.id, 'AdviesVastleggen', {
      adviesCommissie: 'ongegrond',
      adviesToelichting: 'De last is terecht opgelegd.',
    });
    await t.doTask(zaak.id, 'BesluitOpstellen', {
      besluit: 'ongegrond',
      motivering: 'Conform het advies van de commissie.',
    });

    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'Herstel verzuim gevraagd',
      'In behandeling',
      'Besluit genomen',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Ongegrond' },
      einddatum: '2031-09-07',
      uiterlijkeEinddatumAfdoening: '2031-12-01',
    });
  });

  it('hersteltermijn expires: after two weeks the bezwaar goes straight to the besluit, niet-ontvankelijk', async () => {
    // given a bezwaarschrift on Monday 2 June 2031 (Tweede Pinksterdag; six weeks: Monday 14 July)
    const zaak = await t.register('2031-06-02T09:00:00+02:00', 'Bezwaar tegen parkeerbelasting');
    expect(zaak.uiterlijkeEinddatumAfdoening).toBe('2031-07-14');
    await askHerstel(zaak, false, '16 juni 2031');

    // then the hersteltermijn ends when 16 June ends, the last day the mail names
    expect(await t.timerDue(zaak.id, 'HersteltermijnVerstreken')).toBe('2031-06-16T22:00:00.000Z');

    // when the engine clock passes that midnight without herstel
    await t.moveClock('P2WT15H');

    // then the zaak resumes on 17 June (term: Tuesday 29 July) and the besluit follows without hoorzitting
    const resumed = await t.untilZaak(zaak.id, 'resumed', (z) => !z.opschorting.indicatie);
    expect(resumed.opschortingen).toEqual([
      { van: '2031-06-02', tot: '2031-06-17', reden: INFORMATIEVERZOEK_OPSCHORTING },
    ]);
    expect(resumed.uiterlijkeEinddatumAfdoening).toBe('2031-07-29');
    await t.doTask(zaak.id, 'BesluitOpstellen', {
      besluit: 'niet_ontvankelijk',
      motivering: 'Het verzuim is niet hersteld.',
    });

    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'Herstel verzuim gevraagd',
      'Besluit genomen',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Niet-ontvankelijk' },
      einddatum: '2031-06-17',
      verlenging: null,
    });
  });
});
