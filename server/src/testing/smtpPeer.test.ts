import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from './smtpPeer.js';

describe('the test SMTP peer', () => {
  let peer: SmtpPeer | undefined;
  afterEach(async () => peer?.close());

  it('goes on accepting mail after a client dies mid-conversation (connection reset)', async () => {
    peer = await startSmtpPeer();
    const { port } = new URL(peer.url);

    const dying = await conversation(Number(port));
    await dying.say('EHLO dying.test', /^250 /m);
    await dying.say('MAIL FROM:<gemeente@voorbeeld.nl>', /^250/m);
    dying.socket.resetAndDestroy(); // mid-transaction, as for a sender killed with SIGKILL
    await new Promise((resolve) => setTimeout(resolve, 100));

    const client = await conversation(Number(port));
    await client.say('EHLO client.test', /^250 /m);
    await client.say('MAIL FROM:<gemeente@voorbeeld.nl>', /^250/m);
    await client.say('RCPT TO:<melder@voorbeeld.nl>', /^250/m);
    await client.say('DATA', /^354/m);
    await client.say('Subject: Na de reset\r\n\r\nHallo.\r\n.', /^250/m);
    client.socket.end('QUIT\r\n');

    expect(peer.received.map((mail) => [mail.to, mail.subject])).toEqual([
      [['melder@voorbeeld.nl'], 'Na de reset'],
    ]);
  });
});

/** A raw SMTP client: `say` sends one line and waits for a reply matching `expected`. */
async function conversation(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let heard = '';
  socket.on('data', (chunk: Buffer) => (heard += chunk.toString('utf8')));
  const reply = (expected: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!expected.test(heard)) return;
        socket.off('data', check);
        heard = '';
        resolve();
      };
      socket.on('data', check);
      socket.once('error', reject);
      check();
    });
  await reply(/^220 /m);
  return {
    socket,
    say: (line: string, expected: RegExp) => {
      socket.write(`${line}\r\n`);
      return reply(expected);
    },
  };
}
