import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedIn } from '../auth/testing/authTestApp.js';
import { recordAudit } from '../audit/index.js';
import { WorkCalendar } from '../deadlines/index.js';
import { isNear } from './deadlineScan.js';
import { SignaleringenTestApp } from './testing/signaleringenTestApp.js';

interface Listed {
  signaleringen: { id: string; eventType: string; subjectType: string; subjectId: string; tekst: string; readAt: string | null }[];
  ongelezen: number;
}

describe('signaleringen: every event type, from the audit trail and the deadline job', { timeout: 120_000 }, () => {
  const t = new SignaleringenTestApp();
  let coordinator: LoggedIn;
  let bram: LoggedIn; // behandelaar, in team-vergunningen
  let bo: LoggedIn; // behandelaar2, not in team-vergunningen
  let zaak: { id: string; identificatie: string; einddatumGepland: string; uiterlijkeEinddatumAfdoening: string };

  beforeAll(async () => {
    await t.start();
    t.clock.pin(Date.parse('2026-04-20T08:00:00+02:00'));
    coordinator = await t.login('coordinator');
    bram = await t.login('behandelaar');
    bo = await t.login('behandelaar2');
    zaak = await t.createZaak(coordinator, '2026-03-20');
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  const mine = async (who: LoggedIn, query = '') => (await t.call<Listed>(who, 'GET', `/api/signaleringen${query}`)).body;
  const ofType = async (who: LoggedIn, eventType: string) =>
    (await mine(who)).signaleringen.filter((s) => s.eventType === eventType);

  it('a zaak assigned to me: the behandelaar rol on a zaak', async () => {
    // when the coordinator makes Bram behandelaar and the feed is read
    await t.makeBehandelaar(coordinator, zaak.id, 'behandelaar');
    await t.consumeFeed();
    // then Bram hears of it, with the zaaknummer; the coordinator (who did it) does not
    expect(await ofType(bram, 'zaak_toegewezen_mij')).toEqual([
      expect.objectContaining({ subjectType: 'zaak', subjectId: zaak.id, tekst: expect.stringContaining(zaak.identificatie) as string }),
    ]);
    expect(await ofType(coordinator, 'zaak_toegewezen_mij')).toEqual([]);
    // and reading the feed again adds nothing
    await t.consumeFeed();
    expect(await ofType(bram, 'zaak_toegewezen_mij')).toHaveLength(1);
  });

  it('a zaak assigned to my group (Verdelen), only to members who may see the zaak', async () => {
    await recordAudit(t.app.db, {
      actor: { type: 'user', id: null, name: 'manager' },
      action: 'zaak.toegewezen',
      resourceType: 'zaak',
      resourceId: zaak.id,
      zaakId: zaak.id,
      newValue: { groep: 'team-vergunningen' },
    });
    await t.consumeFeed();
    expect(await ofType(bram, 'zaak_toegewezen_groep')).toHaveLength(1);
    expect(await ofType(coordinator, 'zaak_toegewezen_groep')).toHaveLength(1);
    expect(await ofType(bo, 'zaak_toegewezen_groep')).toEqual([]);
  });

  it('a task assigned to my group, then to me', async () => {
    // given a user task for team-vergunningen on the zaak
    const { taak } = await t.storeTask(zaak.id, { candidateGroups: '["team-vergunningen"]' });
    await t.consumeFeed();
    // then the group's members hear of it
    expect(await ofType(bram, 'taak_toegewezen_groep')).toEqual([
      expect.objectContaining({ subjectType: 'taak', subjectId: taak.id, tekst: expect.stringContaining(zaak.identificatie) as string }),
    ]);
    expect(await ofType(bo, 'taak_toegewezen_groep')).toEqual([]);
    // when the coordinator assigns it to Bram
    await t.taken.assign({ username: 'coordinator', roles: ['coordinator'], groups: ['team-vergunningen'], actor: { type: 'user', id: null, name: 'coordinator' } }, taak.id, 'behandelaar');
    await t.consumeFeed();
    // then Bram hears the task is his
    expect(await ofType(bram, 'taak_toegewezen_mij')).toEqual([expect.objectContaining({ subjectId: taak.id })]);
  });

  it('a document added to my zaak', async () => {
    await recordAudit(t.app.db, {
      actor: { type: 'user', id: null, name: 'coordinator' },
      action: 'document.toegevoegd',
      resourceType: 'document',
      resourceId: 'doc-1',
      zaakId: zaak.id,
      newValue: { titel: 'Bouwtekening.pdf' },
    });
    await t.consumeFeed();
    expect(await ofType(bram, 'document_toegevoegd')).toEqual([
      expect.objectContaining({ subjectType: 'zaak', subjectId: zaak.id, tekst: expect.stringContaining('Bouwtekening.pdf') as string }),
    ]);
  });

  it('my zaak nears its streefdatum when the clock moves, one day earlier because of Koningsdag', async () => {
    // given: streefdatum Friday 1 May 2026; Monday 27 April is Koningsdag
    expect(zaak.einddatumGepland).toBe('2026-05-01');
    const calendar = new WorkCalendar();
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false);
    // on Wednesday 22 April six working days remain (23, 24, 28, 29, 30 April, 1 May): not yet near
    t.clock.pin(Date.parse('2026-04-22T07:00:00+02:00'));
    expect(await t.deadlineScan()).toMatchObject({ zaken: true });
    expect(await ofType(bram, 'zaak_streefdatum_nadert')).toEqual([]);
    // a second run on the same day does nothing: the day is claimed
    expect(await t.deadlineScan()).toMatchObject({ zaken: false });
    // when the clock moves to Thursday 23 April: five working days remain, as Koningsdag does not count
    t.clock.add(24 * 3_600_000);
    await t.deadlineScan();
    // then Bram hears of it; without Koningsdag it would have come a day later
    expect(await ofType(bram, 'zaak_streefdatum_nadert')).toEqual([
      expect.objectContaining({ subjectId: zaak.id, tekst: expect.stringContaining('2026-05-01') as string }),
    ]);
    expect(isNear(calendar, '2026-04-23', '2026-05-01', 5)).toBe(true);
    expect(calendar.workingDaysBetween('2026-04-23', '2026-05-01')).toBe(5);
    // the fatale datum (15 May) is not near yet
    expect(await ofType(bram, 'zaak_fatale_datum_nadert')).toEqual([]);
    // and the next days add no second signalering for the same streefdatum
    t.clock.add(24 * 3_600_000);
    await t.deadlineScan();
    expect(await ofType(bram, 'zaak_streefdatum_nadert')).toHaveLength(1);
  });

  it('the term is per zaaktype: 10 working days brings the fatale datum within reach', async () => {
    const beheerder = await t.login('beheerder');
    expect((await t.call(beheerder, 'GET', '/api/signaleringen/zaaktypen/omgevingsvergunning-regulier')).body).toEqual({ zaaktype: 'omgevingsvergunning-regulier', werkdagen: 5 });
    const bad = await t.call<{ error: { message: string } }>(beheerder, 'PUT', '/api/signaleringen/zaaktypen/omgevingsvergunning-regulier', { werkdagen: 'tien' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/werkdagen/);
    expect((await t.call(bram, 'PUT', '/api/signaleringen/zaaktypen/omgevingsvergunning-regulier', { werkdagen: 10 })).status).toBe(403);
    await t.call(beheerder, 'PUT', '/api/signaleringen/zaaktypen/omgevingsvergunning-regulier', { werkdagen: 10 });
    // on Monday 4 May: 5 (Bevrijdingsdag) does not count; 6-8, 11-15 May = 8 working days to 15 May
    t.clock.pin(Date.parse('2026-05-04T07:00:00+02:00'));
    await t.deadlineScan();
    expect(await ofType(bram, 'zaak_fatale_datum_nadert')).toEqual([
      expect.objectContaining({ subjectId: zaak.id, tekst: expect.stringContaining('2026-05-15') as string }),
    ]);
  });

  it('my task reaches its fatale datum', async () => {
    const { taak } = await t.storeTask(zaak.id, { assignee: 'behandelaar', dueDate: '2026-05-06T12:00:00+02:00' });
    t.clock.pin(Date.parse('2026-05-06T11:30:00+02:00'));
    await t.deadlineScan();
    expect(await ofType(bram, 'taak_fatale_datum')).toEqual([]);
    t.clock.add(60 * 60_000);
    await t.deadlineScan();
    expect(await ofType(bram, 'taak_fatale_datum')).toEqual([
      expect.objectContaining({ subjectType: 'taak', subjectId: taak.id, tekst: expect.stringContaining('2026-05-06') as string }),
    ]);
  });

  it('counts unread, marks one and then all read, and keeps other users out', async () => {
    const before = await mine(bram, '?ongelezen=true');
    expect(before.ongelezen).toBe(before.signaleringen.length);
    expect(before.ongelezen).toBeGreaterThanOrEqual(7);
    const first = before.signaleringen[0]!;
    // another user cannot mark Bram's signalering
    expect((await t.call(bo, 'POST', `/api/signaleringen/${first.id}/gelezen`, {})).status).toBe(404);
    expect((await t.call(bram, 'POST', `/api/signaleringen/${first.id}/gelezen`, {})).status).toBe(204);
    expect((await t.call(bram, 'GET', '/api/signaleringen/aantal')).body).toEqual({ ongelezen: before.ongelezen - 1 });
    expect((await t.call(bram, 'POST', '/api/signaleringen/abc/gelezen', {})).status).toBe(400);
    await t.call(bram, 'POST', '/api/signaleringen/gelezen', {});
    expect((await t.call(bram, 'GET', '/api/signaleringen/aantal')).body).toEqual({ ongelezen: 0 });
    expect((await mine(bram)).signaleringen.every((s) => s.readAt !== null)).toBe(true);
  });

  it('settings: an event switched off for the dashboard is not listed; bad input names the field', async () => {
    const bad = await t.call<{ error: { message: string } }>(bram, 'PUT', '/api/signaleringen/instellingen', {
      instellingen: [{ eventType: 'onbekend', dashboard: true, email: false }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/eventType/);
    const saved = await t.call<{ instellingen: { eventType: string; dashboard: boolean; email: boolean; label: string }[] }>(bram, 'PUT', '/api/signaleringen/instellingen', {
      instellingen: [{ eventType: 'document_toegevoegd', dashboard: false, email: true }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.instellingen).toHaveLength(8);
    expect(saved.body.instellingen.find((s) => s.eventType === 'document_toegevoegd')).toMatchObject({ dashboard: false, email: true });
    expect(await ofType(bram, 'document_toegevoegd')).toEqual([]);
  });

  it('shows nothing the user may no longer see: authorisation is checked again when listing', async () => {
    expect((await mine(bram)).signaleringen.length).toBeGreaterThan(0);
    await t.authorisation.revoke('team-vergunningen', 'omgevingsvergunning-regulier');
    expect((await mine(bram)).signaleringen).toEqual([]);
    expect((await t.call(bram, 'GET', '/api/signaleringen/aantal')).body).toEqual({ ongelezen: 0 });
  });
});
