import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INFORMATIEVERZOEK_OPSCHORTING,
  statusHistoryOf,
  ZaaktypeTestServer,
  type Zaak,
} from './testing/zaaktypeTestServer.js';

/**
 * Omgevingsvergunning, reguliere procedure (8 weeks, servicenorm 6 weeks, verlenging once by 6
 * weeks) on the real server. An incomplete aanvraag suspends the zaak (Awb 4:15) and asks the
 * applicant through their status page; the upload there resumes it, or after four weeks on the
 * engine clock the aanvraag is left buiten behandeling.
 */
describe(
  'zaaktype omgevingsvergunning, through the API and the engine',
  { timeout: 120_000 },
  () => {
    const t = new ZaaktypeTestServer({
      identificatie: 'omgevingsvergunning',
      omschrijving: 'Omgevingsvergunning (reguliere procedure)',
      behandelaar: 'behandelaar',
      initiatorEmail: 'aanvrager@voorbeeld.nl',
    });

    beforeAll(() => t.start(), 120_000);
    afterAll(() => t.close());

    /** Found incomplete: the applicant is asked, with the four-week hersteltermijn as a date. */
    const findIncomplete = async (zaak: Zaak, ontbrekendeGegevens: string, uiterlijk: string) => {
      await t.doTask(zaak.id, 'VolledigheidToetsen', { volledig: false, ontbrekendeGegevens });
      const token = await t.expectInformatieverzoek(zaak, {
        omschrijving: ontbrekendeGegevens,
        uiterlijk,
        waitingAt: 'WachtenOpGegevens',
      });
      expect(statusHistoryOf(await t.zaak(zaak.id))).toEqual([
        'Ontvangen',
        'Aanvullende informatie gevraagd',
      ]);
      return token;
    };

    it('happy path: complete, no advice, verleend, with the besluit as a PDF document', async () => {
      // given an aanvraag on Friday 31 October 2031: 6 weeks is Friday 12 December; 8 weeks is
      // Friday 26 December, Tweede Kerstdag, so after the weekend the term ends on Monday 29 December
      const zaak = await t.register('2031-10-31T09:00:00+01:00', 'Dakkapel Dorpsstraat 1');
      expect(zaak).toMatchObject({
        einddatumGepland: '2031-12-12',
        uiterlijkeEinddatumAfdoening: '2031-12-29',
      });
      // when
      await t.doTask(zaak.id, 'VolledigheidToetsen', { volledig: true });
      await t.doTask(zaak.id, 'InhoudelijkBeoordelen', { adviseurs: [], verlengingNodig: false });
      await t.doTask(zaak.id, 'BesluitOpstellen', {
        besluit: 'verleend',
        motivering: 'Past in het omgevingsplan.',
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
        resultaat: { resultaattype: 'Verleend' },
        einddatum: '2031-10-31',
        opschortingen: [],
        verlenging: null,
      });
      expect(closed).toMatchObject({
        einddatumGepland: '2031-12-12',
        uiterlijkeEinddatumAfdoening: '2031-12-29',
      });
      const { body } = await (
        await t.as('behandelaar')
      )<{ documenten: { informatieobjecttype: string; formaat: string }[] }>(
        'GET',
        `/api/zaken/${zaak.id}/documenten`,
      );
      expect(body.documenten).toEqual([
        expect.objectContaining({ informatieobjecttype: 'Besluit', formaat: 'application/pdf' }),
      ]);
    });

    it('advice from welstand and brandweer in parallel: both tasks open at once, the besluit only after both', async () => {
      // given a complete aanvraag on Monday 1 December 2031, judged to need two advices
      const zaak = await t.register('2031-12-01T09:00:00+01:00', 'Verbouwing monument Brink 4');
      await t.doTask(zaak.id, 'VolledigheidToetsen', { volledig: true });
      await t.doTask(zaak.id, 'InhoudelijkBeoordelen', {
        adviseurs: ['welstand', 'brandweer'],
        verlengingNodig: false,
      });

      // then one advice task per adviseur is open at the same time
      const adviesTaken = await t.until(async () => {
        const open = await t.taken(zaak.id);
        return open.length === 2 ? open : undefined;
      }, 'two advice tasks');
      expect(adviesTaken.map((taak) => [taak.elementId, taak.variables.adviseur]).sort()).toEqual([
        ['AdviesUitbrengen', 'brandweer'],
        ['AdviesUitbrengen', 'welstand'],
      ]);

      // when the brandweer's advice is in, the welstand advice still holds up the besluit
      await t.doTaskWhere(
        zaak.id,
        'AdviesUitbrengen',
        { adviseur: 'brandweer' },
        {
          advies: 'positief_met_voorwaarden',
          adviesToelichting: 'Vluchtweg via de achterzijde vrijhouden.',
        },
      );
      expect(
        (await t.taken(zaak.id)).map((taak) => [taak.elementId, taak.variables.adviseur]),
      ).toEqual([['AdviesUitbrengen', 'welstand']]);
      expect(statusHistoryOf(await t.zaak(zaak.id))).toEqual(['Ontvangen', 'In behandeling']);

      // when welstand advises too, someone else of the team registering it
      await t.doTaskWhere(
        zaak.id,
        'AdviesUitbrengen',
        { adviseur: 'welstand' },
        { advies: 'positief', adviesToelichting: 'Past bij het monument.' },
        'coordinator',
      );

      // then the besluit task opens with both advices collected
      const besluitTaak = await t.untilTaskOpen(zaak.id, 'BesluitOpstellen');
      expect(besluitTaak.variables.adviezen).toEqual(
        expect.arrayContaining([
          {
            adviseur: 'brandweer',
            advies: 'positief_met_voorwaarden',
            toelichting: 'Vluchtweg via de achterzijde vrijhouden.',
          },
          { adviseur: 'welstand', advies: 'positief', toelichting: 'Past bij het monument.' },
        ]),
      );
      expect(besluitTaak.variables.adviezen).toHaveLength(2);
      expect(
        (await t.taken(zaak.id, 'completed'))
          .filter((taak) => taak.elementId === 'AdviesUitbrengen')
          .map((taak) => taak.variables.adviseur)
          .sort(),
      ).toEqual(['brandweer', 'welstand']);
      await t.doTask(zaak.id, 'BesluitOpstellen', {
        besluit: 'verleend',
        motivering: 'Met de voorwaarde van de brandweer.',
      });
      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual([
        'Ontvangen',
        'In behandeling',
        'Besluit genomen',
        'Afgehandeld',
      ]);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Verleend' },
        einddatum: '2031-12-01',
        verlenging: null,
      });
    });

    it('aanvullende gegevens: the upload after ten days resumes the zaak, verlenging and advice, geweigerd', async () => {
      // given an aanvraag on Monday 3 March 2031: 6 weeks is Monday 14 April, Tweede Paasdag, so
      // the servicenorm ends on Tuesday 15 April; 8 weeks is Monday 28 April
      const zaak = await t.register('2031-03-03T09:00:00+01:00', 'Aanbouw Kerkstraat 12');
      expect(zaak).toMatchObject({
        einddatumGepland: '2031-04-15',
        uiterlijkeEinddatumAfdoening: '2031-04-28',
      });
      const token = await findIncomplete(
        zaak,
        'Een constructieberekening van de aanbouw',
        '31 maart 2031',
      );

      // when the applicant uploads the missing file ten days later, on Thursday 13 March
      await t.moveClock('P10D');
      expect(await t.upload(await t.uploadFormOn(token), 'constructieberekening.pdf')).toBe(303);

      // then both dates move by the ten suspended days: Thursday 24 April and Thursday 8 May
      const resumed = await t.untilStatus(zaak.id, 'In behandeling');
      expect(resumed.opschortingen).toEqual([
        { van: '2031-03-03', tot: '2031-03-13', reden: INFORMATIEVERZOEK_OPSCHORTING },
      ]);
      expect(resumed).toMatchObject({
        opschorting: { indicatie: false },
        einddatumGepland: '2031-04-24',
        uiterlijkeEinddatumAfdoening: '2031-05-08',
      });

      // when the behandelaar needs the verlenging and the advice of welstand
      await t.doTask(zaak.id, 'InhoudelijkBeoordelen', {
        adviseurs: ['welstand'],
        verlengingNodig: true,
      });
      // then only the legal term moves, by six weeks: 8 May -> Thursday 19 June; the servicenorm stays
      const extended = await t.untilZaak(zaak.id, 'the verlenging', (z) => z.verlenging !== null);
      expect(extended).toMatchObject({
        einddatumGepland: '2031-04-24',
        uiterlijkeEinddatumAfdoening: '2031-06-19',
      });
      expect(extended.verlenging).toMatchObject({ duur: 'P6W', datum: '2031-03-13' });
      await t.doTask(zaak.id, 'AdviesUitbrengen', {
        advies: 'negatief',
        adviesToelichting: 'Past niet in het straatbeeld.',
      });
      await t.doTask(zaak.id, 'BesluitOpstellen', {
        besluit: 'geweigerd',
        motivering: 'Negatief welstandsadvies.',
      });

      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual([
        'Ontvangen',
        'Aanvullende informatie gevraagd',
        'In behandeling',
        'Besluit genomen',
        'Afgehandeld',
      ]);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Geweigerd' },
        einddatum: '2031-03-13',
        uiterlijkeEinddatumAfdoening: '2031-06-19',
      });
      const { body } = await (
        await t.as('behandelaar')
      )<{ documenten: { bestandsnaam: string }[] }>('GET', `/api/zaken/${zaak.id}/documenten`);
      expect(body.documenten.map((document) => document.bestandsnaam)).toContain(
        'constructieberekening.pdf',
      );
    });

    it('hersteltermijn expires: after four weeks without an answer the aanvraag is left buiten behandeling', async () => {
      // given an aanvraag on Monday 2 June 2031, found incomplete the same day
      const zaak = await t.register('2031-06-02T09:00:00+02:00', 'Schuur Achterweg 3');
      expect(zaak).toMatchObject({
        einddatumGepland: '2031-07-14',
        uiterlijkeEinddatumAfdoening: '2031-07-28',
      });
      const token = await findIncomplete(zaak, 'Een situatietekening', '30 juni 2031');
      const form = await t.uploadFormOn(token);

      // then the hersteltermijn ends when 30 June ends, the last day the mail names
      await t.untilWaitingAt(zaak.id, 'WachtenOpGegevens');
      expect(await t.timerDue(zaak.id, 'HersteltermijnVerstreken')).toBe(
        '2031-06-30T22:00:00.000Z',
      );

      // when the engine clock passes that midnight without an answer
      await t.moveClock('P4WT15H');

      // then the zaak is resumed on 1 July and closed as Buiten behandeling gelaten, without In behandeling
      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual([
        'Ontvangen',
        'Aanvullende informatie gevraagd',
        'Afgehandeld',
      ]);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Buiten behandeling gelaten' },
        einddatum: '2031-07-01',
        opschorting: { indicatie: false },
      });
      expect(closed.opschortingen).toEqual([
        { van: '2031-06-02', tot: '2031-07-01', reden: INFORMATIEVERZOEK_OPSCHORTING },
      ]);
      expect(closed).toMatchObject({
        einddatumGepland: '2031-08-12',
        uiterlijkeEinddatumAfdoening: '2031-08-26',
      });
      // and the applicant's status page shows the outcome, and no longer asks for the file
      const page = await (await fetch(`${t.url}/status/${token}`)).text();
      expect(page).toContain('Buiten behandeling gelaten');
      expect(page).not.toContain('Een situatietekening');
      expect(page).not.toContain('<form');
      // and a page still open from before cannot send the file to the closed zaak any more
      expect(await t.upload(form, 'situatietekening.pdf')).toBe(404);
      const { body } = await (
        await t.as('behandelaar')
      )<{ documenten: unknown[] }>('GET', `/api/zaken/${zaak.id}/documenten`);
      expect(body.documenten).toEqual([]);
    });
  },
);
