import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusHistoryOf, ZaaktypeTestServer } from './testing/zaaktypeTestServer.js';

/**
 * Woo-verzoek (4 weeks, verdaging once by 2 weeks, opgeschort during the zienswijze of third
 * parties) on the real server. The zienswijze waits at an event-based gateway: the third party's
 * answer (a message over gRPC) or two weeks on the engine clock, whichever comes first.
 */
describe('zaaktype woo-verzoek, through the API and the engine', { timeout: 120_000 }, () => {
  const t = new ZaaktypeTestServer({
    identificatie: 'woo-verzoek',
    omschrijving: 'Verzoek om informatie (Woo)',
    behandelaar: 'behandelaar',
    initiatorEmail: 'verzoeker@voorbeeld.nl',
  });
  const opschortingReden = 'Zienswijze van derden gevraagd (Woo art. 4.4)';

  beforeAll(() => t.start(), 120_000);
  afterAll(() => t.close());

  it('happy path: no third parties, openbaar, published, closed as Openbaar gemaakt', async () => {
    // given a verzoek on Thursday 24 April 2031: four weeks end on Hemelvaartsdag (22 May), so on Friday 23 May
    const zaak = await t.register(
      '2031-04-24T09:00:00+02:00',
      'Stukken over de herinrichting Markt',
    );
    expect(zaak).toMatchObject({
      einddatumGepland: null,
      uiterlijkeEinddatumAfdoening: '2031-05-23',
    });
    // when the behandelaar assesses, decides and publishes
    await t.doTask(zaak.id, 'VerzoekBeoordelen', { zienswijzeNodig: false, verdagingNodig: false });
    await t.doTask(zaak.id, 'BesluitNemen', {
      besluit: 'openbaar',
      motivering: 'Geen weigeringsgronden.',
    });
    expect(statusHistoryOf(await t.untilStatus(zaak.id, 'Besluit genomen'))).toEqual([
      'Ontvangen',
      'In behandeling',
      'Besluit genomen',
    ]);
    await t.doTask(zaak.id, 'DocumentenPubliceren', {
      gelaktGecontroleerd: true,
      vindplaats: 'https://open.gemeente.example/woo/1',
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
      resultaat: { resultaattype: 'Openbaar gemaakt' },
      einddatum: '2031-04-24',
      opschortingen: [],
      verlenging: null,
      uiterlijkeEinddatumAfdoening: '2031-05-23',
    });
    // and the verzoeker got the decision by mail
    const besluit = await t.untilMail(
      'verzoeker@voorbeeld.nl',
      `Besluit op uw Woo-verzoek (${zaak.identificatie})`,
    );
    expect(besluit.text).toContain(
      `Wij hebben besloten op uw Woo-verzoek "Stukken over de herinrichting Markt" (zaak ${zaak.identificatie}).`,
    );
    expect(besluit.text).toContain('De gevraagde informatie wordt openbaar gemaakt.');
    expect(besluit.text).toContain('Motivering: Geen weigeringsgronden.');
  });

  it('withdrawn after the assessment: the zaak closes as Ingetrokken, the open task goes, the verzoeker gets a confirmation', async () => {
    // given a verzoek on Monday 6 October 2031, assessed, waiting for the decision
    const zaak = await t.register('2031-10-06T09:00:00+02:00', 'Notulen van de stuurgroep');
    await t.doTask(zaak.id, 'VerzoekBeoordelen', { zienswijzeNodig: false, verdagingNodig: false });
    await t.untilTaskOpen(zaak.id, 'BesluitNemen');

    // when the verzoeker withdraws three days later (the message arrives over gRPC)
    await t.moveClock('P3D');
    await t.publishMessage('intrekking', zaak.identificatie);

    // then the zaak is closed as Ingetrokken on that day, without a decision
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Ingetrokken' },
      einddatum: '2031-10-09',
      // vernietigen one year after closing
      archiefactiedatum: '2032-10-09',
      uiterlijkeEinddatumAfdoening: '2031-11-03',
    });
    // and the decision task left the task list as cancelled
    await t.until(
      async () => ((await t.taken(zaak.id)).length === 0 ? true : undefined),
      'no open tasks for the withdrawn zaak',
    );
    expect(await t.taken(zaak.id, 'cancelled')).toEqual([
      expect.objectContaining({ elementId: 'BesluitNemen', state: 'cancelled' }),
    ]);
    // and the verzoeker got a confirmation, and no decision
    const bevestiging = await t.untilMail(
      'verzoeker@voorbeeld.nl',
      `Uw Woo-verzoek is ingetrokken (${zaak.identificatie})`,
    );
    expect(bevestiging.text).toContain(
      `U heeft uw Woo-verzoek "Notulen van de stuurgroep" ingetrokken. Wij hebben de behandeling gestopt en zaak ${zaak.identificatie} afgesloten.`,
    );
    expect(t.mailsTo('verzoeker@voorbeeld.nl').map((mail) => mail.subject)).not.toContain(
      `Besluit op uw Woo-verzoek (${zaak.identificatie})`,
    );
  });

  it('withdrawn while third parties give their view: the zaak is resumed before it closes as Ingetrokken', async () => {
    // given a verzoek on Monday 3 November 2031, suspended for the zienswijze of third parties
    const zaak = await t.register(
      '2031-11-03T09:00:00+01:00',
      'Afspraken met de projectontwikkelaar',
    );
    await t.doTask(zaak.id, 'VerzoekBeoordelen', {
      zienswijzeNodig: true,
      derden: 'Projectontwikkelaar BV',
      verdagingNodig: false,
    });
    await t.untilWaitingAt(zaak.id, 'WachtenOpZienswijze');

    // when the verzoeker withdraws four days later
    await t.moveClock('P4D');
    await t.publishMessage('intrekking', zaak.identificatie);

    // then the opschorting ends that day and the zaak is closed as Ingetrokken, no longer suspended
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'In behandeling',
      'Zienswijze derden gevraagd',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Ingetrokken' },
      einddatum: '2031-11-07',
      opschorting: { indicatie: false },
      opschortingen: [
        {
          van: '2031-11-03',
          tot: '2031-11-07',
          reden: 'Zienswijze van derden gevraagd (Woo art. 4.4)',
        },
      ],
    });
    await t.untilMail(
      'verzoeker@voorbeeld.nl',
      `Uw Woo-verzoek is ingetrokken (${zaak.identificatie})`,
    );
  });

  it('zienswijze without answer: the two-week timer resumes the zaak, verdaging adds two weeks, Niet openbaar gemaakt', async () => {
    // given a verzoek on Monday 17 February 2031 (four weeks: Monday 17 March)
    const zaak = await t.register('2031-02-17T09:00:00+01:00', 'Subsidies aan sportverenigingen');
    expect(zaak.uiterlijkeEinddatumAfdoening).toBe('2031-03-17');
    // when third parties are asked for their zienswijze and verdaging is needed
    await t.doTask(zaak.id, 'VerzoekBeoordelen', {
      zienswijzeNodig: true,
      derden: 'Sportvereniging De Bal',
      verdagingNodig: true,
    });
    // then the zaak stands still from today
    const suspended = await t.untilStatus(zaak.id, 'Zienswijze derden gevraagd');
    expect(suspended.opschorting).toEqual({ indicatie: true, reden: opschortingReden });
    expect(suspended.opschortingen).toEqual([
      { van: '2031-02-17', tot: null, reden: opschortingReden },
    ]);
    await t.untilWaitingAt(zaak.id, 'WachtenOpZienswijze');

    // when two weeks pass without an answer
    await t.moveClock('P2W');
    // then the timer resumes the zaak after 14 days (17 March -> 31 March) and the verdaging adds
    // two weeks: Monday 14 April 2031 is Tweede Paasdag, so the term ends on Tuesday 15 April
    const extended = await t.untilZaak(
      zaak.id,
      'resumed and extended',
      (z) => z.verlenging !== null,
    );
    expect(extended.opschorting.indicatie).toBe(false);
    expect(extended.opschortingen).toEqual([
      { van: '2031-02-17', tot: '2031-03-03', reden: opschortingReden },
    ]);
    expect(extended.verlenging).toEqual({
      duur: 'P2W',
      reden: 'Omvang of gecompliceerdheid van de informatie (Woo art. 4.4)',
      datum: '2031-03-03',
    });
    expect(extended.uiterlijkeEinddatumAfdoening).toBe('2031-04-15');

    // when the decision is to disclose nothing, no publication task follows
    await t.doTask(zaak.id, 'BesluitNemen', {
      besluit: 'niet_openbaar',
      weigeringsgronden: ['bedrijfsgegevens'],
      motivering: 'Concurrentiegevoelig.',
    });
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'In behandeling',
      'Zienswijze derden gevraagd',
      'Besluit genomen',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Niet openbaar gemaakt' },
      einddatum: '2031-03-03',
      uiterlijkeEinddatumAfdoening: '2031-04-15',
    });
  });

  it('zienswijze received after five days: the message resumes the zaak, the term moves past a weekend, Deels openbaar gemaakt', async () => {
    // given a verzoek on Tuesday 2 September 2031 (four weeks: Tuesday 30 September), sent to third parties
    const zaak = await t.register('2031-09-02T09:00:00+02:00', 'Adviezen over het windpark');
    expect(zaak.uiterlijkeEinddatumAfdoening).toBe('2031-09-30');
    await t.doTask(zaak.id, 'VerzoekBeoordelen', {
      zienswijzeNodig: true,
      derden: 'Windpark BV',
      verdagingNodig: false,
    });
    await t.untilWaitingAt(zaak.id, 'WachtenOpZienswijze');
    expect((await t.zaak(zaak.id)).opschorting.indicatie).toBe(true);

    // when the zienswijze comes in five days later
    await t.moveClock('P5D');
    await t.publishMessage('zienswijze-ontvangen', zaak.identificatie, {
      zienswijze: 'Geen bezwaar tegen deels openbaar',
    });

    // then 30 September + 5 days is Sunday 5 October: the term ends on Monday 6 October
    const resumed = await t.untilZaak(zaak.id, 'resumed', (z) => z.opschortingen[0]?.tot !== null);
    expect(resumed.opschortingen).toEqual([
      { van: '2031-09-02', tot: '2031-09-07', reden: opschortingReden },
    ]);
    expect(resumed).toMatchObject({
      opschorting: { indicatie: false },
      verlenging: null,
      uiterlijkeEinddatumAfdoening: '2031-10-06',
    });
    // and deels openbaar goes through publication
    await t.doTask(zaak.id, 'BesluitNemen', {
      besluit: 'deels_openbaar',
      weigeringsgronden: ['persoonsgegevens'],
      motivering: 'Namen gelakt.',
    });
    await t.doTask(zaak.id, 'DocumentenPubliceren', {
      gelaktGecontroleerd: true,
      vindplaats: 'https://open.gemeente.example/woo/2',
    });
    const closed = await t.untilClosed(zaak.id);
    expect(statusHistoryOf(closed)).toEqual([
      'Ontvangen',
      'In behandeling',
      'Zienswijze derden gevraagd',
      'Besluit genomen',
      'Afgehandeld',
    ]);
    expect(closed).toMatchObject({
      resultaat: { resultaattype: 'Deels openbaar gemaakt' },
      einddatum: '2031-09-07',
    });
  });
});
