import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '@zaakstroom/workers';
import { CatalogusService } from '../catalogus/index.js';
import { DocumentContentStore, DocumentService } from '../documenten/index.js';
import * as samples from '../documenten/testing/sampleFiles.js';
import { ZakenTestApp, type Session } from '../zaken/testing/zakenTestApp.js';
import { burgerApiRouter, burgerPublicRoutes } from './apiRouter.js';
import { publicStatusRouter } from './publicRouter.js';
import { rateLimiter } from './rateLimiter.js';
import { BurgerService, OPSCHORTING_REDEN, type MessagePublisher } from './service.js';
import { formToken, newStatusToken, statusTokenHash } from './statusToken.js';

/** The citizen's status page, JSON twin, information requests and uploads, over HTTP. */
describe('burger: status page and information requests', () => {
  const zaken = new ZakenTestApp();
  const mails: MailMessage[] = [];
  const published: Parameters<MessagePublisher['publishMessage']>[0][] = [];
  let engineDown = false;
  let dataDir: string;
  let burger: BurgerService;
  let store: DocumentContentStore;
  let behandelaar: Session;
  let coordinator: Session;
  let worker: Session;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-burger-'));
    store = new DocumentContentStore(join(dataDir, 'documenten'));
    await store.prepare();
    const limiter = rateLimiter({ limit: 1000, windowMs: 60_000 });
    await zaken.start({
      onCreated: (zaak, caller) => burger.onZaakCreated(zaak, caller.audit.requestId),
      routers: (auth, service) => {
        burger = new BurgerService({
          db: zaken.app.db,
          zaken: service,
          catalogus: new CatalogusService({ db: zaken.app.db }),
          documenten: new DocumentService({ db: zaken.app.db, zaken: service, store }),
          mail: { send: async (message) => void mails.push(message) },
          messages: {
            publishMessage: async (message) => {
              if (engineDown) throw new Error('14 UNAVAILABLE: gateway unreachable');
              published.push(message);
            },
          },
          publicUrl: () => 'https://zaken.gemeente.example',
          linkDays: 730,
        });
        return [burgerApiRouter({ service: burger, requireRole: auth.requireRole, limiter })];
      },
      publicRoutes: burgerPublicRoutes,
      outerRouters: () => [publicStatusRouter({ service: burger, limiter, maxUploadMb: 0.0625, tempDirectory: store.tempDirectory, discard: (path) => store.discard(path) })],
    });
    behandelaar = await zaken.session('behandelaar');
    coordinator = await zaken.session('coordinator');
    worker = await zaken.worker();
  });
  afterAll(async () => {
    await zaken.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const tokenIn = (mail: MailMessage | undefined) => /\/status\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
  const page = (token: string) => fetch(`${zaken.app.url}/status/${token}`);
  const json = (token: string) => fetch(`${zaken.app.url}/api/publiek/zaken/${token}`);

  async function newZaakWithLink() {
    const before = mails.length;
    const zaak = (await zaken.createZaak(behandelaar)).body;
    expect(mails).toHaveLength(before + 1);
    return { zaak, token: tokenIn(mails.at(-1)) };
  }

  async function upload(token: string, verzoekId: string, file: { content: Buffer; name: string; type?: string }, form = formToken(token, verzoekId)) {
    const body = new FormData();
    body.set('formulier', form);
    body.set('inhoud', new Blob([file.content], { type: file.type ?? '' }), file.name);
    return fetch(`${zaken.app.url}/status/${token}/verzoeken/${verzoekId}`, { method: 'POST', body, redirect: 'manual' });
  }

  it('given an initiator with an e-mail address, then intake mails a link whose token is stored only as its hash', async () => {
    // when a zaak is registered
    const { zaak, token } = await newZaakWithLink();
    // then the mail goes to the initiator, with a 256-bit token under PUBLIC_URL
    const mail = mails.at(-1)!;
    expect(mail.to).toEqual(['j.jansen@example.org']);
    expect(mail.text).toContain(`https://zaken.gemeente.example/status/${token}`);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // and the database knows only the hash
    const rows = (await zaken.app.db('burger_statuslinks').where('zaak_id', zaak.id)) as { token_hash: string }[];
    expect(rows.map((row) => row.token_hash)).toEqual([statusTokenHash(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
    // and an initiator without an address gets no link
    const before = mails.length;
    await zaken.createZaak(behandelaar, crypto.randomUUID(), zaken.newZaak({ initiator: { type: 'natuurlijk_persoon', bsn: '999993653' } }));
    expect(mails).toHaveLength(before);
  });

  it('shows the citizen only what is meant for them, in the page and in the JSON', async () => {
    // given a zaak with internal notes, a status with an internal remark, and one the citizen is not told about
    const { zaak, token } = await newZaakWithLink();
    await zaken.call(behandelaar, 'POST', `/api/zaken/${zaak.id}/notities`, { tekst: 'Interne notitie: buurman belde boos' });
    await zaken.call(worker, 'POST', `/api/zaken/${zaak.id}/status`, { statustype: 'Ontvangen', toelichting: 'Intern: door Bea ingeboekt' });
    await zaken.call(worker, 'POST', `/api/zaken/${zaak.id}/status`, { statustype: 'In behandeling' });
    // when the citizen opens the page and the JSON
    const html = await (await page(token)).text();
    const body = (await (await json(token)).json()) as Record<string, unknown>;
    // then both show zaaktype, received date, the informeren statustekst and the expected end date
    expect(html).toContain('Wij hebben uw aanvraag ontvangen.');
    expect(html).not.toContain('Uw aanvraag is in behandeling.');
    expect(html).toContain('1 september 2026');
    expect(Object.keys(body).sort()).toEqual(['afgehandeld', 'einddatum', 'ontvangen', 'openVerzoeken', 'resultaat', 'statussen', 'termijnToelichting', 'uiterlijkeEinddatum', 'verwachteEinddatum', 'zaaktype']);
    expect(body.statussen).toEqual([{ tekst: 'Wij hebben uw aanvraag ontvangen.', datum: expect.any(String) as string }]);
    // and nothing internal: notes, remarks, employee names, the zaak's own ids
    for (const text of [html, JSON.stringify(body)]) {
      for (const internal of ['buurman', 'Intern:', 'behandelaar', 'Bea', 'service:', 'test-worker', zaak.id, zaak.identificatie, 'Dakkapel', '999993653', 'j.jansen']) {
        expect(text, internal).not.toContain(internal);
      }
    }
  });

  it('answers a wrong, malformed, revoked, expired or archived token with the very same bare 404', async () => {
    // given a revoked link and an expired one
    const revoked = await newZaakWithLink();
    expect((await zaken.call(coordinator, 'DELETE', `/api/zaken/${revoked.zaak.id}/burger/statuslink`)).status).toBe(204);
    const expired = await newZaakWithLink();
    await zaken.app.db('burger_statuslinks').where('token_hash', statusTokenHash(expired.token)).update({ expires_at: new Date(Date.now() - 1000) });
    // and a closed zaak past its archiefactiedatum (while one before it still opens, whatever STATUSLINK_DAYS said)
    const archived = await newZaakWithLink();
    await zaken.app.db('zaken').where('id', archived.zaak.id).update({ archiefactiedatum: '2020-01-01' });
    const kept = await newZaakWithLink();
    await zaken.app.db('zaken').where('id', kept.zaak.id).update({ archiefactiedatum: '2999-01-01' });
    await zaken.app.db('burger_statuslinks').where('token_hash', statusTokenHash(kept.token)).update({ expires_at: new Date(Date.now() - 1000) });
    expect((await page(kept.token)).status).toBe(200);
    // when each is used
    const tokens = [newStatusToken(), 'kort', `${newStatusToken()}x`, revoked.token, expired.token, archived.token];
    const answers = await Promise.all(tokens.map(async (token) => {
      const [htmlResponse, jsonResponse] = [await page(token), await json(token)];
      return { html: [htmlResponse.status, await htmlResponse.text()], json: [jsonResponse.status, await jsonResponse.text()] };
    }));
    // then every answer is the same 404, in the page and in the API
    expect(answers[0]!.html[0]).toBe(404);
    expect(answers[0]!.json).toEqual([404, JSON.stringify({ error: { name: 'NotFoundError', message: 'Niet gevonden' } })]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // and a behandelaar cannot revoke (coordinators only)
    expect((await zaken.call(behandelaar, 'DELETE', `/api/zaken/${revoked.zaak.id}/burger/statuslink`)).status).toBe(403);
  });

  it('asks for information, then the upload stores the file, resumes the zaak with moved deadlines and publishes the message once', async () => {
    // given a zaak and the worker asking for information on 1 September
    const { zaak } = await newZaakWithLink();
    zaken.today = '2026-09-01';
    const ask = { omschrijving: 'Een constructieberekening van de dakkapel', berichtNaam: 'aanvullende-gegevens-ontvangen', correlatieSleutel: zaak.identificatie, uiterlijkeDatum: '2026-09-29' };
    const asked = await zaken.call(worker, 'POST', `/api/zaken/${zaak.id}/informatieverzoeken`, ask, { 'idempotency-key': 'job-1' });
    expect(asked.status).toBe(201);
    expect((await zaken.call(worker, 'POST', `/api/zaken/${zaak.id}/informatieverzoeken`, ask, { 'idempotency-key': 'job-1' })).status).toBe(200);
    const suspended = (await zaken.call(behandelaar, 'GET', `/api/zaken/${zaak.id}`)).body;
    expect(suspended.opschorting).toEqual({ indicatie: true, reden: OPSCHORTING_REDEN });
    // then the citizen got one mail with what is asked and a link; the page shows the request and a form
    const requestMail = mails.at(-1)!;
    expect(requestMail.text).toContain('Een constructieberekening van de dakkapel');
    const token = tokenIn(requestMail);
    const verzoekId = (asked.body as unknown as { id: string }).id;
    const html = await (await page(token)).text();
    expect(html).toContain('Een constructieberekening van de dakkapel');
    expect(html).toContain(`action="/status/${token}/verzoeken/${verzoekId}"`);
    expect(html).toContain('29 september 2026');
    // and staff see the open request, not the token
    const overview = await zaken.call(behandelaar, 'GET', `/api/zaken/${zaak.id}/burger`);
    expect(JSON.stringify(overview.body)).not.toContain(token);
    expect(overview.body).toMatchObject({ initiatorHeeftEmail: true, informatieverzoeken: [{ id: verzoekId, status: 'open' }] });

    // when a form without the page's form token is posted, or a file of a forbidden type
    expect((await upload(token, verzoekId, { content: samples.pdf, name: 'x.pdf' }, 'vervalst')).status).toBe(404);
    const refused = await upload(token, verzoekId, { content: samples.binary, name: 'virus.exe' });
    expect(refused.status).toBe(415);
    expect(await refused.text()).toContain('Dit soort bestand kunnen wij niet aannemen');
    expect(published).toHaveLength(0);

    // when the citizen uploads a PDF a week later while the engine cannot be reached
    zaken.today = '2026-09-08';
    engineDown = true;
    expect((await upload(token, verzoekId, { content: samples.pdf, name: 'constructie.pdf', type: 'application/pdf' })).status).toBe(503);
    engineDown = false;
    // then the request is open again, so the citizen can send it once more (below)
    expect((await zaken.app.db('burger_informatieverzoeken').where('id', verzoekId).first<{ status: string }>())?.status).toBe('open');

    // when the citizen uploads it again, twice (double submit)
    const first = await upload(token, verzoekId, { content: samples.pdf, name: 'constructie.pdf', type: 'application/pdf' });
    const second = await upload(token, verzoekId, { content: samples.pdf, name: 'constructie.pdf', type: 'application/pdf' });
    // then both land on the page with a confirmation
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(first.headers.get('location')).toBe(`/status/${token}?ontvangen=1`);
    // and the document is stored once, the zaak resumed with deadlines 7 days later, the message published once
    const documenten = (await zaken.app.db('documenten').where('zaak_id', zaak.id)) as { titel: string; created_by: string }[];
    expect(documenten).toHaveLength(1);
    expect(documenten[0]!.titel).toContain('Aanvullende gegevens');
    const resumed = (await zaken.call(behandelaar, 'GET', `/api/zaken/${zaak.id}`)).body;
    expect(resumed.opschorting.indicatie).toBe(false);
    const moved = (date: string | null) => new Date(Date.parse(date!) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(resumed.uiterlijkeEinddatumAfdoening).toBe(moved(suspended.uiterlijkeEinddatumAfdoening));
    expect(published).toEqual([
      expect.objectContaining({ name: 'aanvullende-gegevens-ontvangen', correlationKey: zaak.identificatie, messageId: `informatieverzoek-${verzoekId}` }),
    ]);
    // and the page no longer asks, but says the days moved; the audit trail has the view and the upload
    const after = await (await page(token)).text();
    expect(after).not.toContain('action=');
    expect(after).toContain('7 dagen opgeschoven');
    const trail = (await zaken.call(behandelaar, 'GET', `/api/zaken/${zaak.id}/audit`)).body;
    expect(trail.entries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['burger.statuspagina_bekeken', 'burger.informatie_gevraagd', 'burger.informatie_aangeleverd', 'zaak.hervat']));
  });

  it('lets a coordinator send a new link, which revokes the old one', async () => {
    const { zaak, token } = await newZaakWithLink();
    const renewed = await zaken.call(coordinator, 'POST', `/api/zaken/${zaak.id}/burger/statuslink`);
    expect(renewed.body).toEqual({ verstuurd: true });
    expect((await page(token)).status).toBe(404);
    expect((await page(tokenIn(mails.at(-1)))).status).toBe(200);
  });

  it('given a server stopped between intake and its link, then the sweep sends the link once, whichever server sweeps', async () => {
    // given a zaak whose intake link was never made, and one whose mail never went out
    const { zaak: withoutLink } = await newZaakWithLink();
    await zaken.app.db('burger_statuslinks').where({ zaak_id: withoutLink.id }).delete();
    const { zaak: unmailed, token: lostToken } = await newZaakWithLink();
    await zaken.app.db('burger_statuslinks').where({ zaak_id: unmailed.id }).update({ mailed_at: null });
    const before = mails.length;
    // when two servers sweep at the same moment, and again later
    const sent = await Promise.all([burger.sweepIntakeLinks({ graceMs: 0, limit: 100 }), burger.sweepIntakeLinks({ graceMs: 0, limit: 100 })]);
    expect(await burger.sweepIntakeLinks({ graceMs: 0, limit: 100 })).toBe(0);
    // then each zaak got one new link by mail; the unmailed link no longer opens the page
    expect(sent[0] + sent[1]).toBe(2);
    expect(mails.slice(before).map((mail) => mail.to)).toEqual(expect.arrayContaining([[expect.any(String)], [expect.any(String)]]));
    expect(mails).toHaveLength(before + 2);
    const live = await zaken.app.db('burger_statuslinks').whereIn('zaak_id', [withoutLink.id, unmailed.id]).whereNull('revoked_at').select('zaak_id', 'mailed_at');
    expect(live.map((row: { zaak_id: string }) => row.zaak_id).sort()).toEqual([withoutLink.id, unmailed.id].sort());
    expect(live.every((row: { mailed_at: unknown }) => row.mailed_at !== null)).toBe(true);
    expect((await page(lostToken)).status).toBe(404);
  });
});
