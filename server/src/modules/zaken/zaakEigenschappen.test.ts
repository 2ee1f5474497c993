import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZakenTestApp, type Session } from './testing/zakenTestApp.js';

/**
 * Eigenschappen over HTTP: the fixture zaaktype defines one, "bouwkosten" (formaat getal).
 * Values are checked against the formaat, changes are audited, closed zaken refuse them.
 */
describe('zaak eigenschappen', () => {
  const zaken = new ZakenTestApp();
  let behandelaar: Session;
  let id: string;
  const path = (naam = 'bouwkosten') => `/api/zaken/${id}/eigenschappen/${naam}`;

  beforeAll(async () => {
    await zaken.start();
    behandelaar = await zaken.session('behandelaar');
    id = (await zaken.createZaak(behandelaar)).body.id;
  });
  afterAll(async () => {
    await zaken.close();
  });

  it('lists the zaaktype eigenschappen, unset at first', async () => {
    const response = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}/eigenschappen`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      eigenschappen: [
        {
          naam: 'bouwkosten',
          definitie: 'Geraamde bouwkosten in euro',
          formaat: 'getal',
          waarde: null,
        },
      ],
    });
  });

  it('sets a waarde once, shows it on the zaak and audits it once', async () => {
    // when the behandelaar sets the bouwkosten twice to the same amount (with a decimal comma)
    const first = await zaken.call(behandelaar, 'PUT', path(), { waarde: '125000,50' });
    const again = await zaken.call(behandelaar, 'PUT', path(), { waarde: '125000.50' });
    // then it is stored once, as a number with a point
    expect(first).toMatchObject({ status: 200, body: { naam: 'bouwkosten', waarde: '125000.50' } });
    expect(again.status).toBe(200);
    const zaak = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}`);
    expect(zaak.body.eigenschappen).toEqual([{ naam: 'bouwkosten', waarde: '125000.50' }]);
    const audit = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}/audit`);
    const entries = audit.body.entries.filter((e) => e.action === 'zaak.eigenschap_gezet');
    expect(entries).toEqual([
      expect.objectContaining({
        oldValue: null,
        newValue: { naam: 'bouwkosten', waarde: '125000.50' },
      }),
    ]);
  });

  it('refuses a waarde that does not fit the formaat, and an eigenschap of another zaaktype', async () => {
    const notANumber = await zaken.call(behandelaar, 'PUT', path(), { waarde: 'veel' });
    const unknown = await zaken.call(behandelaar, 'PUT', path('kleur'), { waarde: 'rood' });
    const noText = await zaken.call(behandelaar, 'PUT', path(), { waarde: 125000 });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body.error.message).toContain(
      '"veel" does not fit eigenschap "bouwkosten" (formaat getal); expected a number',
    );
    expect(notANumber.body.error.details).toEqual({ field: 'waarde' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('choose one of "bouwkosten"');
    expect(noText.status).toBe(400);
    // and the stored waarde is unchanged
    const zaak = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}`);
    expect(zaak.body.eigenschappen).toEqual([{ naam: 'bouwkosten', waarde: '125000.50' }]);
  });

  it('lets a manager read but not change, and hides the zaak from outsiders', async () => {
    const manager = await zaken.session('manager');
    const outsider = await zaken.session('behandelaar2');
    expect((await zaken.call(manager, 'GET', `/api/zaken/${id}/eigenschappen`)).status).toBe(200);
    expect((await zaken.call(manager, 'PUT', path(), { waarde: '1' })).status).toBe(403);
    expect((await zaken.call(outsider, 'GET', `/api/zaken/${id}/eigenschappen`)).status).toBe(404);
    expect((await zaken.call(outsider, 'DELETE', path())).status).toBe(404);
  });

  it('clears a waarde, and refuses changes on a closed zaak', async () => {
    // when the behandelaar clears it (twice)
    expect((await zaken.call(behandelaar, 'DELETE', path())).status).toBe(204);
    expect((await zaken.call(behandelaar, 'DELETE', path())).status).toBe(204);
    const zaak = await zaken.call(behandelaar, 'GET', `/api/zaken/${id}`);
    expect(zaak.body.eigenschappen).toEqual([]);
    // and the zaak is closed
    const closed = await zaken.call(behandelaar, 'POST', `/api/zaken/${id}/afsluiten`, {
      resultaattype: 'Verleend',
    });
    expect(closed.status).toBe(200);
    // then setting an eigenschap is refused with what to do
    const refused = await zaken.call(behandelaar, 'PUT', path(), { waarde: '1' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/closed on .*; reopen it \(heropenen\)/);
  });
});
