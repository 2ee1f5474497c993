import { describe, expect, it } from 'vitest';
import { MailTemporarilyFailedError } from '../runtime/mailTransport.js';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { verstuurEmail } from './handler.js';

const headers = {
  to: 'burger@example.nl',
  subject: 'Uw zaak {{zaak.identificatie}}',
  template: '<p>Beste {{naam}},</p><p>Uw zaak {{ zaak.identificatie }} is ontvangen.</p>',
};

function withoutTo(all: typeof headers): Omit<typeof headers, 'to'> {
  return { subject: all.subject, template: all.template };
}

describe('notificatie.email', () => {
  it('given placeholders, then fills them from variables, HTML-escaped in the body', async () => {
    const deps = fakeDeps();
    const outcome = await verstuurEmail(
      { ...zaakVariables, naam: '<script>Jan & Co</script>' },
      headers,
      deps,
    );
    expect(outcome).toEqual({ outcome: 'complete' });
    expect(deps.mail.sent).toEqual([
      {
        to: ['burger@example.nl'],
        subject: 'Uw zaak ZAAK-2026-0000123',
        html: '<p>Beste &lt;script&gt;Jan &amp; Co&lt;/script&gt;,</p><p>Uw zaak ZAAK-2026-0000123 is ontvangen.</p>',
        text: 'Beste <script>Jan & Co</script>,\nUw zaak ZAAK-2026-0000123 is ontvangen.',
        idempotencyKey: 'job-2251799813685260',
      },
    ]);
  });

  it('given toVariable, then sends to the address(es) in that variable', async () => {
    const deps = fakeDeps();
    const rest = withoutTo(headers);
    const variables = {
      ...zaakVariables,
      naam: 'Jan',
      zaak: { ...zaakVariables.zaak, initiator: { email: 'a@example.nl; b@example.nl' } },
    };
    await verstuurEmail(variables, { ...rest, toVariable: 'zaak.initiator.email' }, deps);
    expect(deps.mail.sent[0]?.to).toEqual(['a@example.nl', 'b@example.nl']);
  });

  it('given both or neither of to and toVariable, then raises an incident', async () => {
    const both = await verstuurEmail(zaakVariables, { ...headers, toVariable: 'x' }, fakeDeps());
    expect(both).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(both.outcome === 'fail' && both.message).toContain(
      'exactly one of the headers to and toVariable',
    );
  });

  it('given an invalid address in the variable, then raises an incident naming the variable', async () => {
    const rest = withoutTo(headers);
    const outcome = await verstuurEmail(
      { ...zaakVariables, naam: 'x', mail: 'geen-adres' },
      { ...rest, toVariable: 'mail' },
      fakeDeps(),
    );
    expect(outcome.outcome === 'fail' && outcome.message).toContain("variable 'mail'");
  });

  it('given a placeholder without value, then raises an incident naming it and sends nothing', async () => {
    const deps = fakeDeps();
    const outcome = await verstuurEmail(zaakVariables, headers, deps);
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain('naam');
    expect(deps.mail.sent).toHaveLength(0);
  });

  it('given a temporary mail failure, then fails for retry; a permanent one raises an incident', async () => {
    const deps = fakeDeps();
    deps.mail.failWith = new MailTemporarilyFailedError('ECONNREFUSED');
    const temporary = await verstuurEmail({ ...zaakVariables, naam: 'Jan' }, headers, deps);
    expect(temporary).toEqual({ outcome: 'fail', message: 'ECONNREFUSED' });
    deps.mail.failWith = new Error('550 mailbox unavailable');
    expect(await verstuurEmail({ ...zaakVariables, naam: 'Jan' }, headers, deps)).toMatchObject({
      outcome: 'fail',
      retries: 0,
    });
  });
});
