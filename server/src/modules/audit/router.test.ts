import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthTestApp } from '../auth/testing/authTestApp.js';
import type { AuditPage } from './auditEntry.js';

describe('GET /api/audit', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows a beheerder the trail filtered by resource', async () => {
    // given a failed login for behandelaar
    await app.fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'behandelaar', password: 'x' }),
    });
    const { cookie } = await app.login('beheerder');
    // when the beheerder asks for the login trail of behandelaar
    const response = await app.fetch('/api/audit?resourceType=login&resourceId=behandelaar', {
      cookie,
    });
    // then the failed attempt is there, with dates as ISO strings
    expect(response.status).toBe(200);
    const page = (await response.json()) as AuditPage & { entries: { at: string }[] };
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({
      action: 'auth.login_failed',
      at: expect.stringMatching(/Z$/) as string,
    });
    expect(page.nextBefore).toBeNull();
  });

  it('is closed to behandelaars', async () => {
    const { cookie } = await app.login('behandelaar');
    expect((await app.fetch('/api/audit', { cookie })).status).toBe(403);
  });

  it('rejects a malformed paging cursor with 400 naming the parameter', async () => {
    const { cookie } = await app.login('manager');
    const response = await app.fetch('/api/audit?before=abc&limit=5', { cookie });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^before:/,
    );
  });
});
