import {
  complete,
  incident,
  retryLater,
  type JobHandler,
  type JobOutcome,
} from '../runtime/jobOutcome.js';
import { MailTemporarilyFailedError } from '../runtime/mailTransport.js';
import { parseInputs } from '../runtime/parseInputs.js';
import { PlatformUnavailableError } from '../runtime/platformClient.js';
import { escapeHtml, fillTemplate, valueAt } from '../shared/template.js';
import { headersSchema, recipientsSchema, variablesSchema } from './schemas.js';

/** `notificatie.email`: sends a mail built from the subject and template headers. */
export const verstuurEmail: JobHandler = async (variables, headers, deps) => {
  const vars = parseInputs(variablesSchema, variables, 'variables');
  if (!vars.ok) return vars.outcome;
  const head = parseInputs(headersSchema, headers, 'headers');
  if (!head.ok) return head.outcome;
  const { to, toVariable, subject, template } = head.value;

  const recipientsSource = toVariable ? valueAt(variables, toVariable) : to;
  const recipients = recipientsSchema.safeParse(recipientsSource);
  if (!recipients.success) {
    const where = toVariable
      ? `variable '${toVariable}' (named by header toVariable)`
      : `header 'to'`;
    return incident(
      `Invalid recipients in ${where}: ${recipients.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  const filledSubject = fillTemplate(subject, variables);
  const html = fillTemplate(template, variables, escapeHtml);
  const missing = [
    ...(filledSubject.ok ? [] : filledSubject.missing),
    ...(html.ok ? [] : html.missing),
  ];
  if (!filledSubject.ok || !html.ok) {
    return incident(
      `The mail template needs variables that have no value: ${[...new Set(missing)].join(', ')}`,
    );
  }
  try {
    await deps.mail.send({
      to: recipients.data,
      subject: filledSubject.text,
      html: html.text,
      text: htmlToText(html.text),
      idempotencyKey: `job-${deps.job.key}`,
    });
  } catch (error) {
    return mailFailure(error);
  }
  return complete();
};

function mailFailure(error: unknown): JobOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MailTemporarilyFailedError || error instanceof PlatformUnavailableError) {
    return retryLater(message);
  }
  return incident(`Mail refused: ${message}`);
}

/** A plain-text alternative for mail clients that do not show HTML. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
