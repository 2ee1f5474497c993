import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../auth/testing/authTestApp.js';
import { testRsin } from '../zaken/testing/publishedZaaktype.js';
import { NotificatiesTestApp, publicUrl } from './testing/notificatiesTestApp.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhookReceiver.js';

interface Listed {
  afleveringen: {
    id: string;
    abonnementId: string;
    state: string;
    attempts: number;
    nextAttemptAt: string | null;
    lastError: string | null;
    notificatie: { hoofdObject: string; resource: string };
    pogingen: { nummer: number; at: string; statusCode: number | null; error: string | null }[];
  }[];
}

const minute = 60_000;

describe(
  'notificaties: zaak events posted to abonnementen in ZGW shape',
  { timeout: 120_000 },
  () => {
    const t = new NotificatiesTestApp();
    const receivers: WebhookReceiver[] = [];
    let beheerder: LoggedIn;
    let coordinator: LoggedIn;

    beforeAll(async () => {
      await t.start();
      beheerder = await t.login('beheerder');
      coordinator = await t.login('coordinator');
    }, 300_000);
    afterAll(async () => {
      await t.close();
      for (const receiver of receivers) await receiver.close();
    });

    const receiver = async (plan: number[] = []) => {
      const started = await startWebhookReceiver(plan);
      receivers.push(started);
      return started;
    };
    const afleveringen = async (abonnementId: string) =>
      (
        await t.call<Listed>(
          beheerder,
          'GET',
          `/api/notificaties/afleveringen?abonnement=${abonnementId}`,
        )
      ).body.afleveringen;

    it('manages abonnementen: validated with clear messages, the Authorization value never returned', async () => {
      // when a beheerder posts nonsense
      const wrong = await t.call<{ error: { message: string } }>(
        beheerder,
        'POST',
        '/api/notificaties/abonnementen',
        {
          callbackUrl: 'ftp://ontvanger.example/in',
          auth: '',
          kanalen: [{ naam: 'documenten' }],
        },
      );
      // then every problem is named, with the form expected
      expect(wrong.status).toBe(400);
      const message = JSON.stringify(wrong.body);
      expect(message).toContain(
        'callbackUrl: expected the http:// or https:// URL the notificaties are posted to',
      );
      expect(message).toContain(
        'auth: expected the Authorization header value the callback expects',
      );
      expect(message).toContain(
        'kanalen.0.naam: expected a kanaal this platform publishes on: zaken',
      );
      const noKanalen = await t.call(beheerder, 'POST', '/api/notificaties/abonnementen', {
        callbackUrl: 'https://x.example/',
        auth: 'Bearer x',
        kanalen: [],
      });
      expect(JSON.stringify(noKanalen.body)).toContain('expected at least one kanaal');
      const unknownFilter = await t.call(beheerder, 'POST', '/api/notificaties/abonnementen', {
        callbackUrl: 'https://x.example/',
        auth: 'Bearer x',
        kanalen: [{ naam: 'zaken', filters: { gemeente: 'Utrecht' } }],
      });
      expect(unknownFilter.status).toBe(400);
      // and a behandelaar may not manage abonnementen at all
      expect((await t.call(coordinator, 'GET', '/api/notificaties/abonnementen')).status).toBe(403);

      // when a valid abonnement is made, read, changed and ended
      const secret = 'Bearer super-secret-token-0123456789';
      const created = await t.call<Record<string, unknown>>(
        beheerder,
        'POST',
        '/api/notificaties/abonnementen',
        {
          callbackUrl: 'https://ontvanger.example/notificaties',
          auth: secret,
          kanalen: [{ naam: 'zaken', filters: { zaaktype: 'omgevingsvergunning-regulier' } }],
        },
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        callbackUrl: 'https://ontvanger.example/notificaties',
        authHint: 'Bearer ****6789',
        createdBy: 'beheerder',
      });
      const id = created.body.id as string;
      const listed = await t.call(beheerder, 'GET', '/api/notificaties/abonnementen');
      const changed = await t.call(beheerder, 'PATCH', `/api/notificaties/abonnementen/${id}`, {
        kanalen: [{ naam: 'zaken' }],
      });
      // then the secret is in none of the answers
      for (const answer of [created, listed, changed])
        expect(JSON.stringify(answer.body)).not.toContain('super-secret');
      expect(changed.body).toMatchObject({ kanalen: [{ naam: 'zaken', filters: {} }] });
      expect(
        (await t.call(beheerder, 'PATCH', `/api/notificaties/abonnementen/${id}`, {})).status,
      ).toBe(400);
      expect(
        (await t.call(beheerder, 'DELETE', `/api/notificaties/abonnementen/${id}`)).status,
      ).toBe(204);
      expect((await t.call(beheerder, 'GET', `/api/notificaties/abonnementen/${id}`)).status).toBe(
        404,
      );
    });

    it('create zaak, set status, add a rol, close: the receiver gets each notificatie in ZGW shape with its Authorization header', async () => {
      // given a receiver subscribed to zaken, and another only to a zaaktype that is not used
      const callback = await receiver();
      const other = await receiver();
      const abonnement = await t.subscribe(beheerder, callback.url, 'Bearer ontvanger-token-1');
      await t.subscribe(beheerder, other.url, 'Bearer ander', { zaaktype: 'bezwaar' });
      const dispatcher = t.dispatcher();
      // when a zaak is created, gets a status and a behandelaar, and is closed with a resultaat
      const zaak = await t.createZaak(coordinator);
      await t.act(coordinator, zaak.id, 'status', { statustype: 'In behandeling' });
      const rol = await t.call(coordinator, 'POST', `/api/zaken/${zaak.id}/rollen`, {
        roltype: 'Vergunningverlener',
        betrokkene: { type: 'medewerker', username: 'behandelaar' },
      });
      expect(rol.status).toBe(201);
      await t.act(coordinator, zaak.id, 'afsluiten', { resultaattype: 'Verleend' });
      await t.dispatch(dispatcher);
      // then the receiver got, in order: zaak created, status, rol, resultaat, eindstatus
      const hoofdObject = `${publicUrl}/api/zaken/${zaak.id}`;
      const kenmerken = {
        bronorganisatie: testRsin,
        zaaktype: 'omgevingsvergunning-regulier',
        vertrouwelijkheidaanduiding: expect.any(String) as string,
      };
      const bodies = callback.received.map((request) => request.body as Record<string, unknown>);
      expect(bodies).toEqual([
        {
          kanaal: 'zaken',
          hoofdObject,
          resource: 'zaak',
          resourceUrl: hoofdObject,
          actie: 'create',
          aanmaakdatum: expect.any(String) as string,
          kenmerken,
        },
        {
          kanaal: 'zaken',
          hoofdObject,
          resource: 'status',
          resourceUrl: `${hoofdObject}/statussen`,
          actie: 'create',
          aanmaakdatum: expect.any(String) as string,
          kenmerken,
        },
        {
          kanaal: 'zaken',
          hoofdObject,
          resource: 'rol',
          resourceUrl: `${hoofdObject}/rollen`,
          actie: 'create',
          aanmaakdatum: expect.any(String) as string,
          kenmerken,
        },
        {
          kanaal: 'zaken',
          hoofdObject,
          resource: 'resultaat',
          resourceUrl: `${hoofdObject}/resultaat`,
          actie: 'create',
          aanmaakdatum: expect.any(String) as string,
          kenmerken,
        },
        {
          kanaal: 'zaken',
          hoofdObject,
          resource: 'status',
          resourceUrl: `${hoofdObject}/statussen`,
          actie: 'create',
          aanmaakdatum: expect.any(String) as string,
          kenmerken,
        },
      ]);
      for (const body of bodies)
        expect(new Date(body.aanmaakdatum as string).toISOString()).toBe(body.aanmaakdatum);
      for (const request of callback.received) {
        expect(request).toMatchObject({ method: 'POST', path: '/callback', answered: 204 });
        expect(request.headers.authorization).toBe('Bearer ontvanger-token-1');
        expect(request.headers['content-type']).toBe('application/json');
      }
      // and the filtered abonnement got nothing
      expect(other.received).toEqual([]);
      // and every aflevering is recorded as delivered after one attempt
      const recorded = await afleveringen(abonnement.id);
      expect(
        recorded.map((a) => [a.state, a.attempts, a.pogingen.map((p) => p.statusCode)]),
      ).toEqual(Array(5).fill(['delivered', 1, [204]]));
      // and another round posts nothing again
      await t.dispatch(dispatcher);
      expect(callback.received).toHaveLength(5);
    });

    it('a receiver answering 500 is tried again after an exponential back-off, every attempt recorded', async () => {
      // given a receiver that fails twice, then accepts
      const callback = await receiver([500, 503]);
      const abonnement = await t.subscribe(beheerder, callback.url, 'Bearer herhaal', {
        zaaktype: 'omgevingsvergunning-regulier',
      });
      const dispatcher = t.dispatcher();
      const start = t.clock.now();
      // when a zaak is created
      await t.createZaak(coordinator, 'Herhaalde aflevering');
      await t.dispatch(dispatcher);
      // then the first attempt failed, and the next is due a minute later
      expect(callback.received.map((r) => r.answered)).toEqual([500]);
      let [aflevering] = await afleveringen(abonnement.id);
      expect(aflevering).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'callback answered HTTP 500',
        nextAttemptAt: new Date(start + minute).toISOString(),
      });
      // when 59 seconds pass, nothing is tried
      t.clock.add(59_000);
      await dispatcher.runOnce();
      expect(callback.received).toHaveLength(1);
      // when the minute is full, the second attempt fails too, and the next waits two minutes
      t.clock.add(1_000);
      await dispatcher.runOnce();
      expect(callback.received.map((r) => r.answered)).toEqual([500, 503]);
      [aflevering] = await afleveringen(abonnement.id);
      expect(aflevering).toMatchObject({
        state: 'pending',
        attempts: 2,
        nextAttemptAt: new Date(start + 3 * minute).toISOString(),
      });
      t.clock.add(minute);
      await dispatcher.runOnce();
      expect(callback.received).toHaveLength(2);
      // when those two minutes have passed, it is delivered
      t.clock.add(minute);
      await dispatcher.runOnce();
      expect(callback.received.map((r) => r.answered)).toEqual([500, 503, 204]);
      [aflevering] = await afleveringen(abonnement.id);
      expect(aflevering).toMatchObject({
        state: 'delivered',
        attempts: 3,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(aflevering?.pogingen).toEqual([
        {
          nummer: 1,
          at: new Date(start).toISOString(),
          statusCode: 500,
          error: 'callback answered HTTP 500',
        },
        {
          nummer: 2,
          at: new Date(start + minute).toISOString(),
          statusCode: 503,
          error: 'callback answered HTTP 503',
        },
        { nummer: 3, at: new Date(start + 3 * minute).toISOString(), statusCode: 204, error: null },
      ]);
      // and the same body with the same header came every time
      expect(
        new Set(callback.received.map((r) => JSON.stringify([r.body, r.headers.authorization])))
          .size,
      ).toBe(1);
    });

    it('a callback that never answers fails after the last attempt allowed, with the reason', async () => {
      // given an abonnement on a port where nothing listens, and at most 3 attempts
      const gone = await receiver();
      await gone.close();
      const abonnement = await t.subscribe(beheerder, gone.url, 'Bearer weg', {
        zaaktype: 'omgevingsvergunning-regulier',
      });
      const dispatcher = t.dispatcher({
        retry: { baseMs: minute, maxMs: 2 * minute, maxAttempts: 3 },
      });
      await t.createZaak(coordinator, 'Onbereikbaar');
      // when three attempts have been made, a back-off apart
      await t.dispatch(dispatcher);
      for (let i = 0; i < 2; i++) {
        t.clock.add(2 * minute);
        await dispatcher.runOnce();
      }
      // then the aflevering failed, each attempt naming the refused connection
      const listed = await t.call<Listed>(
        beheerder,
        'GET',
        `/api/notificaties/afleveringen?abonnement=${abonnement.id}&state=failed`,
      );
      expect(listed.body.afleveringen).toHaveLength(1);
      const [aflevering] = listed.body.afleveringen;
      expect(aflevering).toMatchObject({ state: 'failed', attempts: 3, nextAttemptAt: null });
      expect(aflevering?.pogingen.map((p) => [p.nummer, p.statusCode])).toEqual([
        [1, null],
        [2, null],
        [3, null],
      ]);
      expect(aflevering?.lastError).toMatch(/ECONNREFUSED/);
    });
  },
);
