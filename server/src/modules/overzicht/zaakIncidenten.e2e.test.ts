import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaaktypeTestServer } from '../../platform/zaaktypen/testing/zaaktypeTestServer.js';

interface ZaakIncident {
  incidentKey: string;
  elementId: string;
  elementName?: string;
  errorType: string;
  errorMessage: string;
  creationTime: string;
  jobKey: string;
}

/**
 * A zaak's incidents on the real server and embedded engine (PGlite, or TEST_DATABASE_URL):
 * a job failed with no retries left shows on the zaak, and only a coordinator retries it.
 */
describe('incidents of a zaak, through the API and the real engine', { timeout: 120_000 }, () => {
  const t = new ZaaktypeTestServer({
    identificatie: 'melding-openbare-ruimte',
    omschrijving: 'Melding openbare ruimte',
    behandelaar: 'behandelaar2',
    initiatorEmail: 'melder@voorbeeld.nl',
  });

  beforeAll(() => t.start(), 120_000);
  afterAll(() => t.close());

  it('shows a failed job with its message, refuses a behandelaar the retry, and a coordinator retries it', async () => {
    // given a melding waiting at its triage task
    const zaak = await t.register('2030-12-02T09:00:00+01:00', 'Kapotte lantaarnpaal');
    const behandelaar = await t.as('behandelaar2');
    const coordinator = await t.as('coordinator');
    const taak = await t.until(async () => {
      const page = await coordinator<{ taken: { jobKey: string; elementId: string }[] }>(
        'GET',
        `/api/taken?scope=all&zaakId=${zaak.id}`,
      );
      return page.body.taken.find((found) => found.elementId === 'MeldingBeoordelen');
    }, 'the triage task');
    const incidentsOf = async () => {
      const read = await behandelaar<{ incidenten: ZaakIncident[] }>(
        'GET',
        `/api/zaken/${zaak.id}/incidenten`,
      );
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      return read.body.incidenten;
    };
    expect(await incidentsOf()).toEqual([]);

    // when its job fails with no retries left
    await t.failJobWithoutRetries(taak.jobKey, 'Formulierdienst niet bereikbaar');

    // then the zaak shows the incident with its message
    const [incident] = await t.until(async () => {
      const found = await incidentsOf();
      return found.length > 0 ? found : undefined;
    }, 'the incident on the zaak');
    expect(incident).toMatchObject({
      elementId: 'MeldingBeoordelen',
      elementName: 'Melding beoordelen',
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'Formulierdienst niet bereikbaar',
      jobKey: taak.jobKey,
    });
    expect(Date.parse(incident!.creationTime)).not.toBeNaN();
    const retryPath = `/api/zaken/${zaak.id}/incidenten/${incident!.incidentKey}/opnieuw`;

    // and a behandelaar may not retry it
    expect((await behandelaar('POST', retryPath)).status).toBe(403);
    // and an unknown incident of the zaak is a 404 naming both
    const unknown = await coordinator<{ error: { message: string } }>(
      'POST',
      `/api/zaken/${zaak.id}/incidenten/1/opnieuw`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain(`zaak ${zaak.id}`);

    // when the coordinator retries it
    const retried = await coordinator('POST', retryPath);
    expect(retried.status, JSON.stringify(retried.body)).toBe(204);

    // then the incident is gone, the retry is in the audit trail, and the process goes on
    expect(await incidentsOf()).toEqual([]);
    const trail = await t.db('audit_trail').where({ action: 'zaak.incident_opgelost' });
    expect(trail.map((entry: { zaak_id: string }) => entry.zaak_id)).toEqual([zaak.id]);
    await t.doTask(zaak.id, 'MeldingBeoordelen', {
      categorie: 'afval',
      spoed: false,
      triageToelichting: 'Na storing opgepakt',
    });
    await t.untilStatus(zaak.id, 'In behandeling');
  });

  it('answers 404 for a zaak the user may not see', async () => {
    const zaak = await t.register('2030-12-02T09:00:00+01:00', 'Scheve stoeptegel');
    // (the demo beheerder is in no group, so sees no zaken)
    const outsider = await t.as('beheerder');
    const read = await outsider('GET', `/api/zaken/${zaak.id}/incidenten`);
    expect(read.status).toBe(404);
  });
});
