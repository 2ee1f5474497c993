import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailTemporarilyFailedError } from '../runtime/mailTransport.js';
import { smtpTransport } from './smtpTransport.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

describe('smtpTransport against a real SMTP server', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@weigert.example')) {
          const error = new Error('mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('given an SMTP_URL, when a mail is sent, then the server receives it with sender, recipients and a stable Message-ID', async () => {
    const transport = smtpTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'zaken@gemeente.example',
    });
    await transport.send({
      to: ['burger@example.nl'],
      subject: 'Uw zaak ZAAK-2026-0000123',
      html: '<p>Ontvangen</p>',
      text: 'Ontvangen',
      idempotencyKey: 'job-42',
    });
    transport.close();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      from: 'zaken@gemeente.example',
      to: ['burger@example.nl'],
    });
    expect(received[0]?.raw).toContain('Subject: Uw zaak ZAAK-2026-0000123');
    expect(received[0]?.raw).toContain('Message-ID: <job-42@zaakstroom>');
    expect(received[0]?.raw).toContain('<p>Ontvangen</p>');
  });

  it('given the server refuses the recipient (5xx), then the error is permanent', async () => {
    const transport = smtpTransport({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const sending = transport.send({
      to: ['x@weigert.example'],
      subject: 's',
      html: 'h',
      text: 't',
      idempotencyKey: 'job-43',
    });
    await expect(sending).rejects.toThrow(/mailbox unavailable/);
    await expect(sending).rejects.not.toBeInstanceOf(MailTemporarilyFailedError);
    transport.close();
  });

  it('given no SMTP server listening, then the error is temporary (retry later)', async () => {
    const transport = smtpTransport({ smtpUrl: 'smtp://127.0.0.1:1', timeoutMs: 2_000 });
    await expect(
      transport.send({
        to: ['a@example.nl'],
        subject: 's',
        html: 'h',
        text: 't',
        idempotencyKey: 'job-44',
      }),
    ).rejects.toBeInstanceOf(MailTemporarilyFailedError);
    transport.close();
  });
});
