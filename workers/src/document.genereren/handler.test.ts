import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { apiError, fakeDeps } from '../testing/fakes.js';
import { genereerDocument } from './handler.js';

const variables = {
  zaak: {
    id: 'z-1',
    identificatie: 'ZAAK-2026-0000123',
    omschrijving: 'Dakkapel Dorpsstraat 1',
    startdatum: '2026-03-02',
    initiator: { type: 'natuurlijk_persoon', naam: 'J. Jansen' },
  },
  besluit: 'verleend',
  motivering: 'Past in het omgevingsplan.',
};
const headers = { template: 'omgevingsvergunning-besluit', informatieobjecttype: 'Besluit', gemeente: 'Gemeente Voorbeeld' };

describe('document.genereren', () => {
  it('given a besluit, then uploads an A4 PDF to the zaak with the job key as Idempotency-Key', async () => {
    // given the platform adds the document
    const deps = fakeDeps();
    deps.platform.answerWith(() => ({ status: 201, body: { id: 'd-1' } }));
    // when the job runs
    const outcome = await genereerDocument(variables, headers, deps);
    // then it completes with the document, uploaded once as multipart with the job key
    expect(outcome).toEqual({
      outcome: 'complete',
      variables: {
        gegenereerdDocument: {
          id: 'd-1',
          titel: 'Besluit op uw aanvraag omgevingsvergunning',
          bestandsnaam: 'besluit-op-uw-aanvraag-omgevingsvergunning.pdf',
        },
      },
    });
    const [request] = deps.platform.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/api/zaken/z-1/documenten',
      options: { idempotencyKey: 'job-2251799813685260' },
    });
    const form = request!.body as FormData;
    expect(form.get('titel')).toBe('Besluit op uw aanvraag omgevingsvergunning');
    expect(form.get('informatieobjecttype')).toBe('Besluit');
    expect(form.get('auteur')).toBe('Gemeente Voorbeeld');
    // and the file is a one-page A4 PDF titled as the letter
    const file = form.get('inhoud') as File;
    expect(file.type).toBe('application/pdf');
    const pdf = await PDFDocument.load(await file.arrayBuffer());
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(pdf.getTitle()).toBe('Besluit op uw aanvraag omgevingsvergunning');
    expect(pdf.getAuthor()).toBe('Gemeente Voorbeeld');
  });

  it('given a long text, then wraps it over more pages', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => ({ status: 201, body: { id: 'd-2' } }));
    const tekst = Array.from({ length: 600 }, (_, i) => `woord${i}`).join(' ');
    await genereerDocument({ ...variables, tekst, titel: 'Besluit {{zaak.identificatie}}' }, { template: 'besluit' }, deps);
    const form = deps.platform.requests[0]!.body as FormData;
    const pdf = await PDFDocument.load(await (form.get('inhoud') as File).arrayBuffer());
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(form.get('titel')).toBe('Besluit ZAAK-2026-0000123');
  });

  it('given a template name it does not know, then raises an incident naming the known ones', async () => {
    const outcome = await genereerDocument(variables, { template: 'brief' }, fakeDeps());
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain('besluit, omgevingsvergunning-besluit (got "brief")');
  });

  it('given the platform is down or refuses the type, then retries or raises an incident', async () => {
    const down = fakeDeps();
    down.platform.answerWith(() => ({ status: 503, body: {} }));
    expect(await genereerDocument(variables, headers, down)).toMatchObject({ outcome: 'fail' });
    expect((await genereerDocument(variables, headers, down)).outcome === 'fail').toBe(true);
    const refused = fakeDeps();
    refused.platform.answerWith(() => apiError(400, 'InputError', 'informatieobjecttype: "Besluit" is geen documenttype'));
    const outcome = await genereerDocument(variables, headers, refused);
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain('is geen documenttype');
    const gone = fakeDeps();
    gone.platform.answerWith(() => apiError(404, 'NotFoundError', 'Zaak z-1 does not exist'));
    expect(await genereerDocument(variables, headers, gone)).toMatchObject({ outcome: 'bpmnError', errorCode: 'ZAAK_NIET_GEVONDEN' });
  });
});
