import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZakenTestApp, type Session } from '../zaken/testing/zakenTestApp.js';
import { DocumentContentStore } from './contentStore.js';
import { documentenRouter } from './router.js';
import { DocumentService } from './service.js';
import * as samples from './testing/sampleFiles.js';
import type { ZaakDocument } from './types.js';

/** The documenten routes over HTTP, in the production wiring, with a limit of 64 KiB. */
describe('documenten of a zaak', () => {
  const zaken = new ZakenTestApp();
  const maxUploadMb = 0.0625;
  let dataDir: string;
  let store: DocumentContentStore;
  let behandelaar: Session;
  let coordinator: Session;
  let manager: Session;
  let buitenstaander: Session;
  let worker: Session;
  let zaakId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-documenten-'));
    store = new DocumentContentStore(join(dataDir, 'documenten'));
    await store.prepare();
    await zaken.start({
      routers: (auth, service) => [
        documentenRouter({
          service: new DocumentService({ db: zaken.app.db, zaken: service, store }),
          requireRole: auth.requireRole,
          maxUploadMb,
          openApi: zaken.app.openApi,
        }),
      ],
    });
    [behandelaar, coordinator, manager, buitenstaander] = [
      await zaken.session('behandelaar'),
      await zaken.session('coordinator'),
      await zaken.session('manager'),
      await zaken.session('behandelaar2'),
    ];
    worker = await zaken.worker();
    zaakId = (await zaken.createZaak(behandelaar)).body.id;
  });
  afterAll(async () => {
    await zaken.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const headersOf = (session: Session): Record<string, string> =>
    'bearer' in session
      ? { authorization: `Bearer ${session.bearer}` }
      : { cookie: session.cookie, 'x-csrf-token': session.csrfToken };

  async function upload(
    session: Session,
    file: { content: Buffer; name: string; type?: string },
    fields: Record<string, string> = { titel: 'Aanvraag', informatieobjecttype: 'Aanvraagformulier' },
    headers: Record<string, string> = {},
    id = zaakId,
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('inhoud', new Blob([file.content], { type: file.type ?? '' }), file.name);
    const response = await fetch(`${zaken.app.url}/api/zaken/${id}/documenten`, {
      method: 'POST',
      headers: { ...headersOf(session), ...headers },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as ZaakDocument & { error: { message: string } } };
  }

  const list = async (session: Session) =>
    zaken.call(session, 'GET', `/api/zaken/${zaakId}/documenten`) as Promise<{
      status: number;
      body: { documenten: ZaakDocument[]; maxUploadMb: number } & { error: { message: string } };
    }>;
  const download = (session: Session, id: string) =>
    fetch(`${zaken.app.url}/api/documenten/${id}/inhoud`, { headers: headersOf(session) });
  const tempFiles = () => readdir(store.tempDirectory);

  let pdfId: string;

  it('stores an uploaded PDF by its sha256, with the metadata and the type of the catalogue', async () => {
    // when a behandelaar uploads a PDF as an Aanvraagformulier
    const response = await upload(behandelaar, { content: samples.pdf, name: 'aanvraag.pdf', type: 'application/pdf' });
    // then it is added with the format found in the content, the vertrouwelijkheid of its type and the uploader as auteur
    const sha256 = createHash('sha256').update(samples.pdf).digest('hex');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      zaakId,
      titel: 'Aanvraag',
      informatieobjecttype: 'Aanvraagformulier',
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      auteur: 'Bram Behandel',
      bestandsnaam: 'aanvraag.pdf',
      formaat: 'application/pdf',
      bestandsomvang: samples.pdf.length,
      sha256,
      toegevoegdDoor: 'behandelaar',
      verwijderbaar: true,
    });
    pdfId = response.body.id;
    expect(response.body.inhoud).toBe(`/api/documenten/${pdfId}/inhoud`);
    // and the content is on disk under its hash, with nothing left in the temp folder
    expect(existsSync(store.pathOf(sha256))).toBe(true);
    expect(await tempFiles()).toEqual([]);
  });

  it('lists the documents and records document.toegevoegd in the zaak audit trail', async () => {
    const listed = await list(behandelaar);
    expect(listed.body.documenten.map((document) => document.id)).toEqual([pdfId]);
    expect(listed.body.maxUploadMb).toBe(maxUploadMb);
    const audit = await zaken.call(behandelaar, 'GET', `/api/zaken/${zaakId}/audit`);
    expect(audit.body.entries.find((entry) => entry.action === 'document.toegevoegd')).toMatchObject({
      newValue: { id: pdfId, titel: 'Aanvraag', sha256: expect.any(String) as string },
    });
  });

  it('serves a PDF inline and plain text as a download, never sniffed by the browser', async () => {
    const pdf = await download(behandelaar, pdfId);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; filename="aanvraag.pdf"/);
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await pdf.arrayBuffer()).equals(samples.pdf)).toBe(true);
    // given a text file named like a web page
    const added = await upload(behandelaar, { content: samples.text, name: 'notitie.html', type: 'text/html' }, {
      titel: 'Notitie',
      informatieobjecttype: 'aanvraagformulier',
    });
    expect(added.status).toBe(201);
    expect(added.body.informatieobjecttype).toBe('Aanvraagformulier');
    const text = await download(behandelaar, added.body.id);
    // then it comes as plain text, as an attachment
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.headers.get('content-disposition')).toMatch(/^attachment; filename="notitie.html"/);
    expect(await text.text()).toBe(samples.text.toString());
  });

  it('accepts the office formats and images', async () => {
    for (const [content, name] of [
      [samples.docx, 'Beschikking café.docx'],
      [samples.xlsx, 'kosten.xlsx'],
      [samples.odt, 'brief.odt'],
      [samples.png, 'foto.png'],
      [samples.jpeg, 'foto.jpg'],
    ] as const) {
      const response = await upload(behandelaar, { content, name });
      expect(response.status, name).toBe(201);
      expect(response.body.bestandsnaam).toBe(name);
    }
  });

  it('refuses a file above MAX_UPLOAD_MB with 413 naming the limit, and keeps nothing of it', async () => {
    const big = Buffer.alloc(70 * 1024, 'a');
    const response = await upload(behandelaar, { content: big, name: 'groot.txt', type: 'text/plain' });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toContain('maximaal 0.0625 MB');
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses a format that is not allowed, and a PNG that calls itself a PDF, with 415', async () => {
    const archive = await upload(behandelaar, { content: samples.zip, name: 'bijlagen.zip' });
    expect(archive.status).toBe(415);
    expect(archive.body.error.message).toMatch(/niet toegestaan \(application\/zip\); toegestaan zijn PDF, PNG, JPEG, DOCX, XLSX, ODT, tekst/);
    const disguised = await upload(behandelaar, { content: samples.png, name: 'scan.pdf', type: 'application/pdf' });
    expect(disguised.status).toBe(415);
    expect(disguised.body.error.message).toContain('(image/png) past niet bij het opgegeven type (application/pdf)');
    const unknown = await upload(behandelaar, { content: samples.binary, name: 'data.bin' });
    expect(unknown.status).toBe(415);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses an informatieobjecttype the zaaktype does not have, naming the choices', async () => {
    const response = await upload(behandelaar, { content: samples.pdf, name: 'x.pdf' }, { titel: 'X', informatieobjecttype: 'Foto' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'informatieobjecttype: "Foto" is geen documenttype van zaaktype omgevingsvergunning-regulier; kies uit "Aanvraagformulier", "Besluit"',
    );
  });

  it('asks for a file and a titel', async () => {
    const form = new FormData();
    form.set('titel', 'Zonder bestand');
    const response = await fetch(`${zaken.app.url}/api/zaken/${zaakId}/documenten`, {
      method: 'POST',
      headers: headersOf(behandelaar),
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^inhoud: kies een bestand/);
    const untitled = await upload(behandelaar, { content: samples.pdf, name: 'x.pdf' }, { informatieobjecttype: 'Besluit' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.error.message).toMatch(/titel/);
  });

  it('keeps the documents of a zaak from those not authorised for it, as if it did not exist', async () => {
    expect((await list(buitenstaander)).status).toBe(404);
    expect((await download(buitenstaander, pdfId)).status).toBe(404);
    expect((await upload(buitenstaander, { content: samples.pdf, name: 'x.pdf' })).status).toBe(404);
    // a manager reads but does not add
    expect((await list(manager)).status).toBe(200);
    expect((await download(manager, pdfId)).status).toBe(200);
    expect((await upload(manager, { content: samples.pdf, name: 'x.pdf' })).status).toBe(403);
  });

  let workerDocumentId: string;

  it('adds a worker upload once per Idempotency-Key', async () => {
    const fields = { titel: 'Besluit', informatieobjecttype: 'Besluit', auteur: 'Gemeente Voorbeeld' };
    const first = await upload(worker, { content: samples.pdf, name: 'besluit.pdf' }, fields, { 'idempotency-key': 'job-1' });
    const again = await upload(worker, { content: samples.pdf, name: 'besluit.pdf' }, fields, { 'idempotency-key': 'job-1' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ auteur: 'Gemeente Voorbeeld', vertrouwelijkheidaanduiding: 'openbaar' });
    workerDocumentId = first.body.id;
    const besluiten = (await list(behandelaar)).body.documenten.filter((d) => d.titel === 'Besluit');
    expect(besluiten).toHaveLength(1);
    expect(besluiten[0]?.verwijderbaar).toBe(false);
  });

  it('lets only a coordinator or the uploader delete, with a reason, and records it', async () => {
    const remove = (session: Session, id: string, body: unknown) =>
      zaken.call(session, 'DELETE', `/api/documenten/${id}`, body);
    // the behandelaar did not upload the worker's besluit
    const notTheirs = await remove(behandelaar, workerDocumentId, { reden: 'Dubbel' });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.error.message).toMatch(/coördinator of wie het document heeft toegevoegd/);
    expect((await remove(buitenstaander, pdfId, { reden: 'x' })).status).toBe(404);
    // a reason is required
    expect((await remove(coordinator, workerDocumentId, {})).status).toBe(400);
    // the coordinator deletes the besluit, the behandelaar their own PDF
    expect((await remove(coordinator, workerDocumentId, { reden: 'Verkeerde versie' })).status).toBe(204);
    expect((await remove(behandelaar, pdfId, { reden: 'Dubbel geüpload' })).status).toBe(204);
    expect((await remove(behandelaar, pdfId, { reden: 'nogmaals' })).status).toBe(404);
    // then both are gone from the list and the download, and the trail says who and why
    const ids = (await list(behandelaar)).body.documenten.map((document) => document.id);
    expect(ids).not.toContain(workerDocumentId);
    expect(ids).not.toContain(pdfId);
    expect((await download(behandelaar, pdfId)).status).toBe(404);
    const audit = await zaken.call(behandelaar, 'GET', `/api/zaken/${zaakId}/audit`);
    const deleted = audit.body.entries.filter((entry) => entry.action === 'document.verwijderd');
    expect(deleted).toHaveLength(2);
    expect(deleted.map((entry) => (entry as unknown as { remark: string }).remark).sort()).toEqual([
      'Dubbel geüpload',
      'Verkeerde versie',
    ]);
  });
});
