import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { AuthorisationService } from './authorisationService.js';
import { loadZaaktypeFromJson } from './loadZaaktypeFromJson.js';
import { CatalogusService } from './service.js';

describe('AuthorisationService (database)', () => {
  let testDb: TestDatabase;
  let authorisations: AuthorisationService;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    authorisations = new AuthorisationService(testDb.db);
    const fixture = readFileSync(
      new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
      'utf8',
    );
    await new CatalogusService({ db: testDb.db }).createConcept(loadZaaktypeFromJson(fixture));
  });
  afterAll(async () => {
    await testDb.destroy();
  });

  it('grants a group access up to a vertrouwelijkheidaanduiding, and replaces it on a second grant', async () => {
    // given team Vergunningen may see omgevingsvergunningen up to zaakvertrouwelijk
    await authorisations.grant({
      groep: 'vergunningen',
      zaaktypeIdentificatie: 'omgevingsvergunning-regulier',
      maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    });
    // then it sees intern and zaakvertrouwelijk zaken, not vertrouwelijk ones; other groups see none
    expect(
      await authorisations.mayView(['vergunningen'], 'omgevingsvergunning-regulier', 'intern'),
    ).toBe(true);
    expect(
      await authorisations.mayView(
        ['vergunningen'],
        'omgevingsvergunning-regulier',
        'zaakvertrouwelijk',
      ),
    ).toBe(true);
    expect(
      await authorisations.mayView(
        ['vergunningen'],
        'omgevingsvergunning-regulier',
        'vertrouwelijk',
      ),
    ).toBe(false);
    expect(
      await authorisations.mayView(['burgerzaken'], 'omgevingsvergunning-regulier', 'openbaar'),
    ).toBe(false);
    expect(await authorisations.mayView([], 'omgevingsvergunning-regulier', 'openbaar')).toBe(
      false,
    );
    // when granted again with a higher maximum
    await authorisations.grant({
      groep: 'vergunningen',
      zaaktypeIdentificatie: 'omgevingsvergunning-regulier',
      maxVertrouwelijkheidaanduiding: 'geheim',
    });
    expect(await authorisations.list({ identificatie: 'omgevingsvergunning-regulier' })).toEqual([
      {
        groep: 'vergunningen',
        zaaktypeIdentificatie: 'omgevingsvergunning-regulier',
        maxVertrouwelijkheidaanduiding: 'geheim',
      },
    ]);
  });

  it('refuses a grant for an unknown zaaktype and a revoke of a grant that does not exist', async () => {
    await expect(
      authorisations.grant({
        groep: 'x',
        zaaktypeIdentificatie: 'bestaat-niet',
        maxVertrouwelijkheidaanduiding: 'intern',
      }),
    ).rejects.toThrow('Zaaktype bestaat-niet does not exist');
    await authorisations.revoke('vergunningen', 'omgevingsvergunning-regulier');
    await expect(
      authorisations.revoke('vergunningen', 'omgevingsvergunning-regulier'),
    ).rejects.toThrow(
      'Group vergunningen has no authorisation for zaaktype omgevingsvergunning-regulier',
    );
  });
});
