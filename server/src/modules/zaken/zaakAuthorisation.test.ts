import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZakenTestApp } from './testing/zakenTestApp.js';

/**
 * The zaaktype is authorised for team-vergunningen only. A caller without that group gets 404 for
 * the zaak (as if it did not exist, so ids cannot be probed) and 403 when creating one.
 */
describe('zaken authorisation', () => {
  const zaken = new ZakenTestApp();
  let id: string;

  beforeAll(async () => {
    await zaken.start();
    const created = await zaken.createZaak(await zaken.session('behandelaar'));
    id = created.body.id;
  });
  afterAll(async () => {
    await zaken.close();
  });

  it('hides the zaak from a behandelaar without the zaaktype group (404)', async () => {
    // given behandelaar2, in team-openbare-ruimte and team-juridisch only
    const outsider = await zaken.session('behandelaar2');
    // when they read, search or act on the zaak
    const read = await zaken.call(outsider, 'GET', `/api/zaken/${id}`);
    const act = await zaken.call(outsider, 'POST', `/api/zaken/${id}/status`, {
      statustype: 'Ontvangen',
    });
    const audit = await zaken.call(outsider, 'GET', `/api/zaken/${id}/audit`);
    const search = await zaken.call(outsider, 'GET', '/api/zaken');
    // then the zaak does not exist for them
    expect(read.status).toBe(404);
    expect(act.status).toBe(404);
    expect(audit.status).toBe(404);
    expect(search.body).toMatchObject({ zaken: [], total: 0 });
  });

  it('refuses creation for a zaaktype none of the caller groups is authorised for (403)', async () => {
    const response = await zaken.createZaak(await zaken.session('behandelaar2'));
    expect(response.status).toBe(403);
    expect(response.body.error.details).toEqual({ field: 'zaaktype' });
  });

  it('lets a manager with the group read but not act, and shows a beheerder nothing', async () => {
    const manager = await zaken.session('manager');
    expect((await zaken.call(manager, 'GET', `/api/zaken/${id}`)).status).toBe(200);
    expect(
      (await zaken.call(manager, 'POST', `/api/zaken/${id}/status`, { statustype: 'Ontvangen' }))
        .status,
    ).toBe(403);
    const beheerder = await zaken.session('beheerder');
    expect((await zaken.call(beheerder, 'GET', '/api/zaken')).body.total).toBe(0);
  });

  it('lets the worker act on any zaak', async () => {
    const worker = await zaken.worker();
    expect(
      (await zaken.call(worker, 'POST', `/api/zaken/${id}/status`, { statustype: 'Ontvangen' }))
        .status,
    ).toBe(200);
  });

  it('hides a zaak more confidential than the group is authorised for', async () => {
    // given a geheim zaak created by the worker (authorisation goes up to vertrouwelijk)
    const worker = await zaken.worker();
    const geheim = await zaken.createZaak(
      worker,
      undefined,
      zaken.newZaak({ vertrouwelijkheidaanduiding: 'geheim' }),
    );
    expect(geheim.status).toBe(201);
    // then the behandelaar of the team does not see it
    const behandelaar = await zaken.session('behandelaar');
    expect((await zaken.call(behandelaar, 'GET', `/api/zaken/${geheim.body.id}`)).status).toBe(404);
    const search = await zaken.call(behandelaar, 'GET', '/api/zaken');
    expect(search.body.zaken.map((z) => z.id)).toEqual([id]);
  });

  it('describes its operations in the OpenAPI document', async () => {
    const document = await zaken.call(
      await zaken.session('behandelaar'),
      'GET',
      '/api/openapi.json',
    );
    expect(document.body.paths['/api/zaken/{id}/verlengen']?.post?.['x-roles']).toEqual([
      'behandelaar',
      'coordinator',
      'service',
    ]);
  });
});
