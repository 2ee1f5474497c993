import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VARIABLE_VALUE_LIMIT } from './repository/variableRepository.js';
import { insertVariable, key } from './testing/engineRows.js';
import { RestTestKit } from './testing/restTestKit.js';
import { K, seedScenario } from './testing/scenario.js';

describe('POST /v2/variables/search', () => {
  let kit: RestTestKit;
  const longKey = key(90);
  const longText = 'x'.repeat(VARIABLE_VALUE_LIMIT + 100);
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
    await insertVariable(kit.db, {
      key: longKey,
      processInstanceKey: K.done,
      name: 'letter',
      value: longText,
    });
  });
  afterAll(async () => {
    await kit.stop();
  });

  const keysOf = (filter: unknown) => kit.pluck('/v2/variables/search', 'variableKey', { filter });

  it('lists the variables of an instance, every scope, with values as JSON text', async () => {
    // when
    const { items, page } = await kit.search('/v2/variables/search', {
      filter: { processInstanceKey: K.running },
    });
    // then
    expect(page.totalItems).toBe(3);
    expect(items).toEqual([
      {
        variableKey: K.variables.amount1,
        name: 'amount',
        value: '100',
        isTruncated: false,
        scopeKey: K.running,
        processInstanceKey: K.running,
        tenantId: '<default>',
      },
      {
        variableKey: K.variables.customer1,
        name: 'customer',
        value: '"ACME"',
        isTruncated: false,
        scopeKey: K.running,
        processInstanceKey: K.running,
        tenantId: '<default>',
      },
      {
        variableKey: K.variables.note1,
        name: 'note',
        value: '{"text":"local"}',
        isTruncated: false,
        scopeKey: K.runningCheck,
        processInstanceKey: K.running,
        tenantId: '<default>',
      },
    ]);
  });

  it('filters on name, JSON value and scope', async () => {
    expect(await keysOf({ name: 'amount' })).toEqual([K.variables.amount1, K.variables.amount2]);
    expect(await keysOf({ name: 'amount', value: '250' })).toEqual([K.variables.amount2]);
    expect(await keysOf({ value: '"ACME"' })).toEqual([K.variables.customer1]);
    expect(await keysOf({ name: { $like: 'c?stomer' } })).toEqual([K.variables.customer1]);
    expect(await keysOf({ scopeKey: K.runningCheck })).toEqual([K.variables.note1]);
    expect(await keysOf({ name: { $notIn: ['amount', 'customer', 'note'] } })).toEqual([longKey]);
  });

  it('cuts long values unless truncateValues=false', async () => {
    // when searching the long variable as Camunda clients do by default
    const cut = await kit.search('/v2/variables/search', { filter: { isTruncated: true } });
    // then its value is cut to the limit and says so
    expect(cut.items).toEqual([
      expect.objectContaining({
        variableKey: longKey,
        isTruncated: true,
        value: JSON.stringify(longText).slice(0, VARIABLE_VALUE_LIMIT),
      }),
    ]);
    // and with truncateValues=false the full JSON text comes back
    const full = await kit.search('/v2/variables/search?truncateValues=false', {
      filter: { variableKey: longKey },
    });
    expect(full.items).toEqual([
      expect.objectContaining({ value: JSON.stringify(longText), isTruncated: false }),
    ]);
  });

  it('sorts by value and rejects a malformed truncateValues', async () => {
    const values = await kit.pluck('/v2/variables/search', 'value', {
      filter: { name: 'amount' },
      sort: [{ field: 'value', order: 'DESC' }],
    });
    expect(values).toEqual(['250', '100']);
    const bad = await kit.post('/v2/variables/search?truncateValues=maybe', {});
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("'truncateValues'");
  });
});
