import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { noticesFor } from './auditEvents.js';

/** A proefrun is the beheerder's own test: the signaleringen feed derives nothing from it. */
describe('signaleringen of a proefrun', { timeout: 120_000 }, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await testDb?.destroy();
  });

  /** A zaak with one task for a group, as the user-task worker stores it; answers the task's audit entry. */
  async function zaakWithGroupTask(identificatie: string, proefrun: boolean) {
    const zaakId = randomUUID();
    await testDb.db('zaken').insert({
      id: zaakId,
      identificatie,
      bronorganisatie: '002220647',
      zaaktype_identificatie: 'melding-openbare-ruimte',
      zaaktype_versie: 1,
      omschrijving: 'Kapotte lantaarnpaal',
      registratiedatum: '2030-12-02',
      startdatum: '2030-12-02',
      uiterlijke_einddatum_afdoening: '2030-12-16',
      vertrouwelijkheidaanduiding: 'intern',
      created_by: 'beheerder',
      proefrun,
      proefrun_gestart_door: proefrun ? 'beheerder' : null,
    });
    const taakId = randomUUID();
    await testDb.db('taken').insert({
      id: taakId,
      job_key: String(Math.floor(Math.random() * 1e12)),
      name: 'Melding beoordelen',
      element_id: 'MeldingBeoordelen',
      bpmn_process_id: 'melding-openbare-ruimte',
      process_instance_key: '1',
      element_instance_key: '2',
      zaak_id: zaakId,
      candidate_users: ['behandelaar2'],
      proefrun,
    });
    return {
      id: '1',
      action: 'taak.aangemaakt',
      resourceId: taakId,
      zaakId,
      actorName: 'system',
      newValue: {},
    };
  }

  it('given a task of a real zaak, then its candidate hears of it; of a proefrun zaak, nobody does', async () => {
    const real = await noticesFor(testDb.db, await zaakWithGroupTask('ZAAK-2030-0000001', false));
    expect(real.flatMap((notice) => notice.usernames)).toContain('behandelaar2');
    const proef = await noticesFor(testDb.db, await zaakWithGroupTask('PROEF-mor-1', true));
    expect(proef).toEqual([]);
  });
});
