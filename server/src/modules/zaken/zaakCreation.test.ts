import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZakenTestApp, type Session } from './testing/zakenTestApp.js';

describe('POST /api/zaken', () => {
  const zaken = new ZakenTestApp();
  let behandelaar: Session;

  beforeAll(async () => {
    await zaken.start();
    behandelaar = await zaken.session('behandelaar');
  });
  afterAll(async () => {
    await zaken.close();
  });

  it('answers the same zaak for the same Idempotency-Key and body, and 409 for another body', async () => {
    // given a zaak created with a key
    const key = crypto.randomUUID();
    const first = await zaken.createZaak(behandelaar, key);
    // when the same request is sent again, with keys in another order
    const { initiator, ...rest } = zaken.newZaak();
    const replay = await zaken.createZaak(behandelaar, key, { initiator, ...rest });
    // then the same zaak comes back and no second one exists
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const listed = await zaken.call(behandelaar, 'GET', '/api/zaken');
    expect(listed.body.total).toBe(1);
    // when the key is reused for another body
    const other = await zaken.createZaak(
      behandelaar,
      key,
      zaken.newZaak({ omschrijving: 'Iets anders' }),
    );
    // then it is refused, naming the header
    expect(other.status).toBe(409);
    expect(other.body.error.details).toEqual({ field: 'Idempotency-Key' });
  });

  it('creates one zaak when the same key arrives twice at once, and distinct numbers in parallel', async () => {
    // given two identical requests sent at the same time, and three different ones
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      zaken.createZaak(behandelaar, key),
      zaken.createZaak(behandelaar, key),
    ]);
    const parallel = await Promise.all([1, 2, 3].map(() => zaken.createZaak(behandelaar)));
    // then the twins answer the same zaak and the others get numbers of their own
    expect(a.body.id).toBe(b.body.id);
    const numbers = new Set([a, ...parallel].map((response) => response.body.identificatie));
    expect(numbers.size).toBe(4);
    // (the following test counts on this one having used numbers 2 to 5)
  });

  it('numbers zaken per year', async () => {
    const second = await zaken.createZaak(behandelaar);
    expect(second.body.identificatie).toBe('ZAAK-2026-0000006');
    zaken.today = '2027-01-04';
    const nextYear = await zaken.createZaak(behandelaar);
    expect(nextYear.body.identificatie).toBe('ZAAK-2027-0000001');
    zaken.today = '2026-09-01';
  });

  it('requires the Idempotency-Key header', async () => {
    const response = await zaken.call(behandelaar, 'POST', '/api/zaken', zaken.newZaak());
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Idempotency-Key/);
  });

  it('refuses a BSN that fails the 11-proef, naming the field', async () => {
    const response = await zaken.createZaak(
      behandelaar,
      undefined,
      zaken.newZaak({ initiator: { type: 'natuurlijk_persoon', bsn: '123456789' } }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/initiator\.bsn: not a valid BSN/);
  });

  it('refuses a KvK number that is not 8 digits and an RSIN that fails the 11-proef', async () => {
    const kvk = await zaken.createZaak(
      behandelaar,
      undefined,
      zaken.newZaak({ initiator: { type: 'niet_natuurlijk_persoon', kvkNummer: '1234' } }),
    );
    expect(kvk.body.error.message).toMatch(/initiator\.kvkNummer/);
    const rsin = await zaken.createZaak(
      behandelaar,
      undefined,
      zaken.newZaak({ bronorganisatie: '123456789' }),
    );
    expect(rsin.body.error.message).toMatch(/bronorganisatie: not a valid RSIN/);
  });

  it('refuses an unknown zaaktype, and one not valid on the startdatum', async () => {
    const unknown = await zaken.createZaak(
      behandelaar,
      undefined,
      zaken.newZaak({ zaaktype: 'bestaat-niet' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      message: expect.stringMatching(/^zaaktype: Zaaktype bestaat-niet does not exist/),
      details: { field: 'zaaktype' },
    });
    zaken.today = '2025-12-31';
    const tooEarly = await zaken.createZaak(behandelaar);
    zaken.today = '2026-09-01';
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.message).toMatch(/no published version valid on 2025-12-31/);
  });

  it('refuses a startdatum in the future', async () => {
    const response = await zaken.createZaak(
      behandelaar,
      undefined,
      zaken.newZaak({ startdatum: '2026-09-02' }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual({ field: 'startdatum' });
  });
});
