import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusHistoryOf, ZaaktypeTestServer } from './testing/zaaktypeTestServer.js';

/**
 * Melding openbare ruimte (servicenorm 5 days, doorlooptijd 3 weeks, no opschorting or
 * verlenging) on the real server: triage and afhandelen through the taken API, the servicenorm
 * reminder when the engine clock moves, terugmelding and reminder mails at a real SMTP peer.
 * The same scenarios run twice: with the engine in the server, and with the engine as its own
 * process that the server reaches only through ZEEBE_ADDRESS and REST v2 (external engine mode).
 */
describe.for(['embedded', 'external'] as const)(
  'zaaktype melding-openbare-ruimte, through the API and the %s engine',
  { timeout: 120_000 },
  (engineMode) => {
    const t = new ZaaktypeTestServer(
      {
        identificatie: 'melding-openbare-ruimte',
        omschrijving: 'Melding openbare ruimte',
        behandelaar: 'behandelaar2',
        initiatorEmail: 'melder@voorbeeld.nl',
      },
      engineMode,
    );
    const team = 'openbareruimte@gemeente.example';

    beforeAll(() => t.start(), 120_000);
    afterAll(() => t.close());

    const melder = t.zaaktype.initiatorEmail;
    /** Friday 20 December 2030: the servicenorm ends on Christmas Day. */
    const registerOnFridayBeforeChristmas = (omschrijving: string) =>
      t.register('2030-12-20T09:00:00+01:00', omschrijving);

    it('happy path: triage to the team, solved, terugmelding to the melder, closed as Opgelost', async () => {
      // given a melding on Friday 20 December 2030
      const zaak = await registerOnFridayBeforeChristmas('Zwerfvuil Kerkplein');
      // then the servicenorm (+5 days) falls on Wednesday 25 December, Eerste Kerstdag, and after the
      // Atw on the next working day after both Kerstdagen; the 3-week term ends Friday 10 January
      expect(zaak).toMatchObject({
        startdatum: '2030-12-20',
        einddatumGepland: '2030-12-27',
        uiterlijkeEinddatumAfdoening: '2031-01-10',
      });

      // when the team does triage and solves it the same day
      await t.doTask(zaak.id, 'MeldingBeoordelen', {
        categorie: 'afval',
        spoed: false,
        triageToelichting: 'Veegploeg',
      });
      expect(statusHistoryOf(await t.untilStatus(zaak.id, 'In behandeling'))).toEqual([
        'Ontvangen',
        'In behandeling',
      ]);
      await t.doTask(zaak.id, 'MeldingAfhandelen', {
        uitkomst: 'opgelost',
        terugmelding: 'Het zwerfvuil is opgeruimd.',
      });

      // then the zaak is closed as Opgelost today, archived after the resultaattype's two years
      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Opgelost' },
        einddatum: '2030-12-20',
        archiefactiedatum: '2032-12-20',
      });
      // and the melder got the terugmelding; the team got no reminder
      const terugmelding = await t.untilMail(melder, `Uw melding ${zaak.identificatie}`);
      expect(terugmelding.text).toContain('Bedankt voor uw melding "Zwerfvuil Kerkplein".');
      expect(terugmelding.text).toContain('Het zwerfvuil is opgeruimd.');
      expect(t.mailsTo(team).filter((mail) => mail.subject.includes(zaak.identificatie))).toEqual(
        [],
      );
    });

    it('servicenorm reminder: on the morning the servicenorm ends the clock fires the reminder; closed as Niet opgelost', async () => {
      // given a melding about illegal building work, routed to team-vergunningen (toezicht)
      const zaak = await registerOnFridayBeforeChristmas('Bouwwerk zonder vergunning Molenweg');
      await t.doTask(zaak.id, 'MeldingBeoordelen', { categorie: 'bouwen', spoed: false });
      await t.untilWaitingAt(zaak.id, 'MeldingAfhandelen');
      const waitingFor = `Melding ${zaak.identificatie} nadert de servicenorm`;
      expect(t.mailsTo(team).find((mail) => mail.subject === waitingFor)).toBeUndefined();
      // then the reminder waits for the zaak's servicenorm date (einddatumGepland, after the
      // Kerstdagen): 08:00 in Amsterdam on Friday 27 December, not a fixed number of days
      if (engineMode === 'embedded') {
        expect(await t.timerDue(zaak.id, 'ServicenormBijnaVerstreken')).toBe(
          '2030-12-27T07:00:00.000Z',
        );
      }

      // when the engine clock reaches that morning without the task being done (Friday 09:00 + 6d 23h)
      await t.moveClock('P6DT23H');

      // then the team hears the servicenorm ends on 27 December
      const reminder = await t.untilMail(team, waitingFor);
      expect(reminder.text).toContain(
        `De melding ${zaak.identificatie} (Bouwwerk zonder vergunning Molenweg) is nog niet afgehandeld.`,
      );
      expect(reminder.text).toContain('De servicenorm verstrijkt op 2030-12-27.');
      // and the task stays with team-vergunningen (the timer does not interrupt it): Bram finishes it
      await t.doTask(
        zaak.id,
        'MeldingAfhandelen',
        { uitkomst: 'niet_opgelost', terugmelding: 'Toezicht kon de eigenaar niet bereiken.' },
        'behandelaar',
      );
      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual(['Ontvangen', 'In behandeling', 'Afgehandeld']);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Niet opgelost' },
        einddatum: '2030-12-27',
        einddatumGepland: '2030-12-27',
      });
      expect((await t.untilMail(melder, `Uw melding ${zaak.identificatie}`)).text).toContain(
        'Toezicht kon de eigenaar niet bereiken.',
      );
      // and the reminder went once
      expect(t.mailsTo(team).filter((mail) => mail.subject === waitingFor)).toHaveLength(1);
    });

    it('not a task of the municipality: referred on at triage, closed as Doorverwezen without In behandeling', async () => {
      const zaak = await registerOnFridayBeforeChristmas('Kapotte sluis');
      await t.doTask(zaak.id, 'MeldingBeoordelen', {
        categorie: 'geen_gemeentetaak',
        doorverwezenNaar: 'het waterschap',
      });
      const closed = await t.untilClosed(zaak.id);
      expect(statusHistoryOf(closed)).toEqual(['Ontvangen', 'Afgehandeld']);
      expect(closed).toMatchObject({
        resultaat: { resultaattype: 'Doorverwezen' },
        archiefactiedatum: '2031-12-20',
      });
      const terugmelding = await t.untilMail(melder, `Uw melding ${zaak.identificatie}`);
      expect(terugmelding.text).toContain(
        'Uw melding is geen taak van de gemeente. Wij hebben haar doorgestuurd naar het waterschap.',
      );
    });
  },
);
