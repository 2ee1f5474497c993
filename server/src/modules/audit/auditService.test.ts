import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import type { AuditActor } from './auditEntry.js';
import { listAuditEntries, recordAudit, zaakAuditTrail } from './auditService.js';

const bram: AuditActor = { type: 'user', id: 'account-1', name: 'behandelaar' };

describe('audit trail', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.destroy();
  });

  it('records an entry with old and new value inside the caller’s transaction', async () => {
    // when a module changes a zaak's status and records it in the same transaction
    await testDb.db.transaction(async (trx) => {
      await recordAudit(trx, {
        actor: bram,
        action: 'zaak.status_gezet',
        resourceType: 'zaak',
        resourceId: 'zaak-1',
        zaakId: 'zaak-1',
        oldValue: { status: 'Ontvangen' },
        newValue: { status: 'In behandeling', rollen: ['behandelaar'] },
        requestId: 'req-1',
        remark: 'started work',
      });
    });
    // then the entry reads back as written
    const { entries } = await listAuditEntries(testDb.db, {
      resourceType: 'zaak',
      resourceId: 'zaak-1',
    });
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^\d+$/) as string,
        at: expect.any(Date) as Date,
        actor: bram,
        action: 'zaak.status_gezet',
        resourceType: 'zaak',
        resourceId: 'zaak-1',
        zaakId: 'zaak-1',
        oldValue: { status: 'Ontvangen' },
        newValue: { status: 'In behandeling', rollen: ['behandelaar'] },
        requestId: 'req-1',
        remark: 'started work',
      },
    ]);
  });

  it('loses the entry when the change rolls back: no trail of things that did not happen', async () => {
    await expect(
      testDb.db.transaction(async (trx) => {
        await recordAudit(trx, {
          actor: bram,
          action: 'zaak.afgesloten',
          resourceType: 'zaak',
          resourceId: 'zaak-2',
        });
        throw new Error('resultaat missing');
      }),
    ).rejects.toThrow('resultaat missing');
    expect((await listAuditEntries(testDb.db, { resourceId: 'zaak-2' })).entries).toEqual([]);
  });

  it('refuses to change or delete an entry (append-only)', async () => {
    await recordAudit(testDb.db, {
      actor: bram,
      action: 'taak.geclaimd',
      resourceType: 'taak',
      resourceId: 't-1',
    });
    await expect(
      testDb.db('audit_trail').where({ resource_id: 't-1' }).update({ remark: 'x' }),
    ).rejects.toThrow(/append-only/);
    await expect(testDb.db('audit_trail').where({ resource_id: 't-1' }).delete()).rejects.toThrow(
      /append-only/,
    );
  });

  it('lists a zaak’s trail newest first, in pages', async () => {
    // given five changes to zaak-3, some on its tasks
    for (let i = 1; i <= 5; i++) {
      await recordAudit(testDb.db, {
        actor: bram,
        action: 'zaak.notitie_toegevoegd',
        resourceType: i % 2 ? 'zaak' : 'taak',
        resourceId: `r-${i}`,
        zaakId: 'zaak-3',
        newValue: i,
      });
    }
    // when paging through two at a time
    const first = await zaakAuditTrail(testDb.db, 'zaak-3', { limit: 2 });
    const second = await zaakAuditTrail(testDb.db, 'zaak-3', {
      limit: 2,
      before: first.nextBefore ?? '',
    });
    const last = await zaakAuditTrail(testDb.db, 'zaak-3', {
      limit: 2,
      before: second.nextBefore ?? '',
    });
    // then every entry comes once, newest first, and the last page says so
    const values = [first, second, last].flatMap((page) =>
      page.entries.map((entry) => entry.newValue),
    );
    expect(values).toEqual([5, 4, 3, 2, 1]);
    expect(last.nextBefore).toBeNull();
  });
});
