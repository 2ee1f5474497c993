import { smtpTransport } from '@zaakstroom/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../auth/testing/authTestApp.js';
import { runDigests } from './digest.js';
import { SignaleringenTestApp } from './testing/signaleringenTestApp.js';
import { mailBody as bodyOf, startSmtpPeer, type SmtpPeer } from '../../testing/smtpPeer.js';

describe('the e-mail digest over a real SMTP server', { timeout: 120_000 }, () => {
  const t = new SignaleringenTestApp();
  let smtp: SmtpPeer;
  let transport: ReturnType<typeof smtpTransport>;
  let coordinator: LoggedIn;
  let bram: LoggedIn;
  let zaakId: string;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    transport = smtpTransport({ smtpUrl: smtp.url, from: 'zaakstroom@gemeente.example' });
    await t.start();
    await t.app.db('auth_accounts').where({ username: 'behandelaar' }).update({ email: 'bram@gemeente.example' });
    t.clock.pin(Date.parse('2026-06-10T09:00:00+02:00'));
    coordinator = await t.login('coordinator');
    bram = await t.login('behandelaar');
    zaakId = (await t.createZaak(coordinator, '2026-06-01')).id;
  }, 300_000);
  afterAll(async () => {
    transport?.close();
    await t.close();
    await smtp.close();
  });

  const digest = () => runDigests(t.app.db, { mail: transport, authorisation: t.authorisation, now: t.now, baseUrl: () => 'https://zaakstroom.gemeente.example' });

  it('ten events in one hour give one e-mail with ten lines, each with its link', async () => {
    // given Bram chose e-mail for tasks for his group
    const saved = await t.call(bram, 'PUT', '/api/signaleringen/instellingen', { instellingen: [{ eventType: 'taak_toegewezen_groep', dashboard: true, email: true }] });
    expect(saved.status).toBe(200);
    // when ten tasks for team-vergunningen arrive between 10:05 and 10:50
    const taakIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      t.clock.pin(Date.parse('2026-06-10T10:05:00+02:00') + i * 5 * 60_000);
      const { taak } = await t.storeTask(zaakId, { candidateGroups: 'team-vergunningen' });
      taakIds.push(taak.id);
      await t.consumeFeed();
      // the digest runs all along, but sends nothing within the hour the events happen in
      expect(await digest()).toBe(0);
    }
    expect(smtp.received).toHaveLength(0);
    // then, once the hour is over, one mail goes out with ten lines
    t.clock.pin(Date.parse('2026-06-10T11:01:00+02:00'));
    expect(await digest()).toBe(1);
    expect(await digest()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['bram@gemeente.example']);
    expect(mail.raw).toContain('Subject: Zaakstroom: 10 nieuwe signaleringen');
    const text = bodyOf(mail);
    const lines = text.split(/\r?\n/).filter((line) => line.startsWith('- Taak '));
    expect(lines).toHaveLength(10);
    for (const id of taakIds) expect(text).toContain(`https://zaakstroom.gemeente.example/taken/${id}`);
    // and the coordinator, who chose no e-mail, got none
    expect(smtp.received.flatMap((m) => m.to)).not.toContain('coordinator@gemeente.example');
  });

  it('at most one digest per hour: a later event waits for the next hour', async () => {
    t.clock.pin(Date.parse('2026-06-10T11:10:00+02:00'));
    await t.storeTask(zaakId, { candidateGroups: 'team-vergunningen' });
    await t.consumeFeed();
    t.clock.pin(Date.parse('2026-06-10T11:59:00+02:00'));
    expect(await digest()).toBe(0);
    t.clock.pin(Date.parse('2026-06-10T12:00:30+02:00'));
    expect(await digest()).toBe(1);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.raw).toContain('Subject: Zaakstroom: 1 nieuwe signalering');
  });
});
