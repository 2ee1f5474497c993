import { complete, incident, retryLater, type JobHandler } from '../runtime/jobOutcome.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { PlatformUnavailableError, type PlatformResponse } from '../runtime/platformClient.js';
import { fillTemplate } from '../shared/template.js';
import { failureOutcome } from '../shared/zaakApi.js';
import { renderLetter } from './pdfLetter.js';
import { headersSchema, variablesSchema } from './schemas.js';
import { documentTemplates, dutchDate } from './templates.js';

/**
 * `document.genereren`: renders a template as an A4 PDF letter and adds it to the zaak as a
 * document. The job key is the upload's Idempotency-Key, so a retried job (after a lost answer
 * or a crash before CompleteJob) finds the document it added before instead of adding another.
 */
export const genereerDocument: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const templateName = head.value.template ?? vars.value.template;
  const template = templateName ? documentTemplates[templateName] : undefined;
  if (!template) {
    return incident(
      `Invalid job headers: header 'template' must name one of ${Object.keys(documentTemplates).join(', ')}${templateName ? ` (got "${templateName}")` : ''}`,
    );
  }
  const text = template(variables);
  const titelTemplate = head.value.titel ?? vars.value.titel;
  let titel = text.titel;
  if (titelTemplate) {
    const filled = fillTemplate(titelTemplate, variables);
    if (!filled.ok) return incident(`titel: no value for ${filled.missing.join(', ')}`);
    titel = filled.text;
  }
  const zaak = vars.value.zaak;
  const pdf = await renderLetter({
    ...text,
    titel,
    gemeente: head.value.gemeente,
    zaakIdentificatie: zaak.identificatie ?? zaak.id,
    datum: dutchDate(new Date()),
  });
  const bestandsnaam = `${fileNameOf(titel)}.pdf`;
  const form = new FormData();
  form.set('titel', titel);
  form.set('informatieobjecttype', head.value.informatieobjecttype);
  form.set('auteur', head.value.gemeente);
  form.set('inhoud', new Blob([pdf], { type: 'application/pdf' }), bestandsnaam);

  const path = `/api/zaken/${encodeURIComponent(zaak.id)}/documenten`;
  let response: PlatformResponse;
  try {
    response = await deps.platform.request('POST', path, form, { idempotencyKey: `job-${deps.job.key}` });
  } catch (error) {
    if (error instanceof PlatformUnavailableError) return retryLater(error.message);
    throw error;
  }
  if (response.status < 200 || response.status >= 300)
    return failureOutcome(`POST ${path}`, zaak.id, response);
  const document = response.body as { id?: unknown };
  if (typeof document.id !== 'string') return retryLater(`POST ${path} answered without a document id`);
  deps.logger.info({ documentId: document.id, zaakId: zaak.id }, 'document generated');
  return complete({ [head.value.resultVariable]: { id: document.id, titel, bestandsnaam } });
};

/** "Besluit op uw aanvraag" → "besluit-op-uw-aanvraag". */
function fileNameOf(titel: string): string {
  const slug = titel
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'document';
}
