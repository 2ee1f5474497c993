import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZakenTestApp, type Session } from './testing/zakenTestApp.js';

/** One zaak through its whole life, driven over HTTP by a behandelaar and a job worker. */
describe('zaak life cycle', () => {
  const zaken = new ZakenTestApp();
  let behandelaar: Session;
  let worker: Session;
  let id: string;
  const post = (session: Session, action: string, body: unknown = {}) =>
    zaken.call(session, 'POST', `/api/zaken/${id}/${action}`, body);

  beforeAll(async () => {
    await zaken.start();
    behandelaar = await zaken.session('behandelaar');
    worker = await zaken.worker();
  });
  afterAll(async () => {
    await zaken.close();
  });

  it('registers a zaak with its zaaknummer, deadlines and initiator', async () => {
    // given today is Tuesday 1 September 2026
    zaken.today = '2026-09-01';
    // when a behandelaar registers a zaak
    const created = await zaken.createZaak(behandelaar);
    // then it has a zaaknummer and deadlines from the zaaktype (P6W servicenorm, P8W doorlooptijd)
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({
      identificatie: 'ZAAK-2026-0000001',
      startdatum: '2026-09-01',
      einddatumGepland: '2026-10-13',
      uiterlijkeEinddatumAfdoening: '2026-10-27',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      status: null,
      processInstanceKey: null,
      rollen: [
        {
          roltype: 'Aanvrager',
          omschrijvingGeneriek: 'initiator',
          betrokkene: { type: 'natuurlijk_persoon', bsn: '999993653' },
        },
      ],
    });
  });

  it('records a status once, even when the worker delivers it twice', async () => {
    // when the worker sets Ontvangen twice and then In behandeling
    expect((await post(worker, 'status', { statustype: 'Ontvangen' })).status).toBe(200);
    const again = await post(worker, 'status', { statustype: 'Ontvangen' });
    const next = await post(worker, 'status', { statustype: 'In behandeling' });
    // then the history has two rows
    expect(again.status).toBe(200);
    expect(next.body.statussen.map((s) => s.statustype)).toEqual(['Ontvangen', 'In behandeling']);
    expect(next.body.status).toEqual({ statustype: 'In behandeling', volgnummer: 2 });
  });

  it('refuses a statustype of another zaaktype, naming the field', async () => {
    const response = await post(worker, 'status', { statustype: 'Bestaat niet' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/^statustype: "Bestaat niet" is not a statustype/);
  });

  it('moves the deadlines by the days the zaak was suspended', async () => {
    // given the zaak is suspended on 10 September
    zaken.today = '2026-09-10';
    const suspended = await post(behandelaar, 'opschorten', {
      reden: 'Aanvullende gegevens gevraagd',
    });
    expect(suspended.body.opschorting).toEqual({
      indicatie: true,
      reden: 'Aanvullende gegevens gevraagd',
    });
    // when it is resumed 7 days later (twice, as a worker might)
    zaken.today = '2026-09-17';
    const resumed = await post(behandelaar, 'hervatten');
    const again = await post(worker, 'hervatten');
    // then both deadlines moved by 7 days
    expect(resumed.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      opschorting: { indicatie: false },
      einddatumGepland: '2026-10-20',
      uiterlijkeEinddatumAfdoening: '2026-11-03',
      opschortingen: [
        { van: '2026-09-10', tot: '2026-09-17', reden: 'Aanvullende gegevens gevraagd' },
      ],
    });
  });

  it('extends the term once and refuses a second verlenging', async () => {
    zaken.today = '2026-09-20';
    // when the term is extended by 6 weeks
    const extended = await post(behandelaar, 'verlengen', {
      duur: 'P6W',
      reden: 'Advies welstand',
    });
    // then the legal deadline moves 6 weeks
    expect(extended.status).toBe(200);
    expect(extended.body.uiterlijkeEinddatumAfdoening).toBe('2026-12-15');
    expect(extended.body.verlenging).toEqual({
      duur: 'P6W',
      reden: 'Advies welstand',
      datum: '2026-09-20',
    });
    // and the same verlenging delivered again changes nothing, while another one is refused
    expect(
      (await post(worker, 'verlengen', { duur: 'P6W', reden: 'Advies welstand' })).status,
    ).toBe(200);
    const second = await post(behandelaar, 'verlengen', { duur: 'P2W', reden: 'Nog meer advies' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/only once/);
  });

  it('needs a resultaat before the eindstatus, then closes the zaak with its archive dates', async () => {
    zaken.today = '2026-10-01';
    // when the eindstatus is set without a resultaat, it is refused
    const early = await post(worker, 'status', { statustype: 'Afgehandeld' });
    expect(early.status).toBe(409);
    expect(early.body.error.details).toEqual({ field: 'resultaat' });
    // when the resultaat is set and then the eindstatus
    expect((await post(worker, 'resultaat', { resultaattype: 'Verleend' })).status).toBe(200);
    const closed = await post(worker, 'status', { statustype: 'Afgehandeld' });
    // then the zaak is closed; archiefactiedatum = einddatum + P20Y
    expect(closed.body).toMatchObject({
      einddatum: '2026-10-01',
      archiefnominatie: 'blijvend_bewaren',
      archiefactiedatum: '2046-10-01',
      resultaat: { resultaattype: 'Verleend' },
      status: { statustype: 'Afgehandeld', volgnummer: 5 },
    });
    // and afsluiten delivered again afterwards changes nothing
    const repeated = await post(worker, 'afsluiten', { resultaattype: 'Verleend' });
    expect(repeated.status).toBe(200);
    expect(repeated.body.statussen).toHaveLength(3);
    // while another status on a closed zaak is refused
    expect((await post(worker, 'status', { statustype: 'In behandeling' })).status).toBe(409);
  });

  it('reopens a closed zaak, clearing einddatum and archive fields', async () => {
    const reopened = await post(behandelaar, 'heropenen', { reden: 'Bezwaar gegrond' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      einddatum: null,
      archiefnominatie: null,
      archiefactiedatum: null,
      status: { statustype: 'In behandeling' },
    });
    expect((await post(behandelaar, 'heropenen', { reden: 'nogmaals' })).status).toBe(409);
  });

  it('keeps notes, rollen and the audit trail of every change', async () => {
    // when a note and a behandelaar rol are added
    expect((await post(behandelaar, 'notities', { tekst: 'Gebeld met aanvrager' })).status).toBe(
      201,
    );
    const rol = {
      roltype: 'Vergunningverlener',
      betrokkene: { type: 'medewerker', username: 'behandelaar' },
    };
    expect((await post(behandelaar, 'rollen', rol)).status).toBe(201);
    expect((await post(behandelaar, 'rollen', rol)).status).toBe(200);
    // then they can be read back, and the search finds the zaak by behandelaar
    const notes = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}/notities`);
    expect(notes.body.notities).toEqual([
      expect.objectContaining({ tekst: 'Gebeld met aanvrager', auteur: 'behandelaar' }),
    ]);
    const search = await zaken.call(behandelaar, 'GET', '/api/zaken?behandelaar=behandelaar');
    expect(search.body.zaken.map((z) => z.id)).toEqual([id]);
    // and the audit trail lists every action with old and new values
    const trail = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}/audit`);
    const entries = trail.body.entries;
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'zaak.aangemaakt',
      'zaak.status_gezet',
      'zaak.status_gezet',
      'zaak.opgeschort',
      'zaak.hervat',
      'zaak.verlengd',
      'zaak.resultaat_gezet',
      'zaak.status_gezet',
      'zaak.heropend',
      'zaak.notitie_toegevoegd',
      'zaak.rol_toegevoegd',
    ]);
    expect(entries.find((e) => e.action === 'zaak.verlengd')).toMatchObject({
      oldValue: { uiterlijkeEinddatumAfdoening: '2026-11-03' },
      newValue: { uiterlijkeEinddatumAfdoening: '2026-12-15' },
    });
  });
});
