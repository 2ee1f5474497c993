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
    await insertVariable(kit.db, { key: longKey, processInstanceKey: K.done, name: 'letter', value: longText });
  });
  afterAll(async () => {
    await kit.stop();
  });

  it('lists the variables of an instance, every scope, with values as JSON text', async () => {
    // when
    const answer = await kit.post('/v2/variables/search', { filter: { processInstanceKey: K.running } });
    // then
    expect(answer.status).toBe(200);
    expect(answer.body.page.totalItems).toBe(3);
    expect(answer.body.items).toEqual([
      { variableKey: K.variables.amount1, name: 'amount', value: '100', isTruncated: false, scopeKey: K.running, processInstanceKey: K.running, tenantId: '<default>' },
      { variableKey: K.variables.customer1, name: 'customer', value: '"ACME"', isTruncated: false, scopeKey: K.running, processInstanceKey: K.running, tenantId: '<default>' },
      { variableKey: K.variables.note1, name: 'note', value: '{"text":"local"}', isTruncated: false, scopeKey: K.runningCheck, processInstanceKey: K.running, tenantId: '<default>' },
    ]);
  });

  it('filters on name, JSON value and scope', async () => {
    const keys = async (filter: unknown) =>
      ((await kit.post('/v2/variables/search', { filter })).body.items as { variableKey: string }[]).map((item) => item.variableKey);
    expect(await keys({ name: 'amount' })).toEqual([K.variables.amount1, K.variables.amount2]);
    expect(await keys({ name: 'amount', value: '250' })).toEqual([K.variables.amount2]);
    expect(await keys({ value: '"ACME"' })).toEqual([K.variables.customer1]);
    expect(await keys({ name: { $like: 'c?stomer' } })).toEqual([K.variables.customer1]);
    expect(await keys({ scopeKey: K.runningCheck })).toEqual([K.variables.note1]);
    expect(await keys({ name: { $notIn: ['amount', 'customer', 'note'] } })).toEqual([longKey]);
  });

  it('cuts long values unless truncateValues=false', async () => {
    // when searching the long variable as Camunda clients do by default
    const cut = await kit.post('/v2/variables/search', { filter: { isTruncated: true } });
    // then its value is cut to the limit and says so
    expect(cut.body.items).toHaveLength(1);
    expect(cut.body.items[0]).toMatchObject({ variableKey: longKey, isTruncated: true });
    expect(cut.body.items[0].value).toHaveLength(VARIABLE_VALUE_LIMIT);
    // and with truncateValues=false the full JSON text comes back
    const full = await kit.post('/v2/variables/search?truncateValues=false', { filter: { variableKey: longKey } });
    expect(full.body.items[0]).toMatchObject({ value: JSON.stringify(longText), isTruncated: false });
  });

  it('sorts by value and rejects a malformed truncateValues', async () => {
    const sorted = await kit.post('/v2/variables/search', { filter: { name: 'amount' }, sort: [{ field: 'value', order: 'DESC' }] });
    expect(sorted.body.items.map((item: { value: string }) => item.value)).toEqual(['250', '100']);
    const bad = await kit.post('/v2/variables/search?truncateValues=maybe', {});
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("'truncateValues'");
  });
});
