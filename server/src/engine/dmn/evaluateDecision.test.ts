import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../feel/types.js';
import { evaluateDecision } from './evaluateDecision.js';
import { readDmn } from './readDmn.js';
import { dmnDocument, tableDecision, type TableSpec } from './testing/dmnXml.js';
import type { ExecutableDrg } from './types.js';

const NOW = Date.UTC(2026, 10, 27);

async function drgOf(xml: string): Promise<ExecutableDrg> {
  const result = await readDmn(xml);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.drg;
}

async function table(spec: Omit<TableSpec, 'inputs' | 'outputs'> & Partial<TableSpec>, variables: Record<string, JsonValue>) {
  const drg = await drgOf(dmnDocument(tableDecision({ inputs: ['amount'], outputs: [{ name: 'result' }], ...spec })));
  return evaluateDecision(drg, 'decision', variables, NOW);
}

const AMOUNT_RULES: [string[], string[]][] = [
  [['< 100'], ['"small"']],
  [['>= 100'], ['"large"']],
  [['>= 50'], ['"medium"']],
];

describe('evaluateDecision per hit policy', () => {
  it('UNIQUE: the one matching rule, null when none, a failure when several match', async () => {
    const rules: [string[], string[]][] = [[['< 100'], ['"small"']], [['>= 100'], ['"large"']]];
    expect((await table({ rules }, { amount: 5 })).output).toBe('small');
    expect((await table({ rules: [[['< 0'], ['"neg"']]] }, { amount: 5 })).output).toBeNull();
    const clash = await table({ rules: AMOUNT_RULES }, { amount: 150 });
    expect(clash.failure?.message).toMatch(/hit policy UNIQUE allows one matching rule, but 2 rules matched \('rule2', 'rule3'\)/);
    expect(clash.failure?.decisionId).toBe('decision');
  });

  it('FIRST: the first match in rule order, reported alone', async () => {
    const result = await table({ hitPolicy: 'FIRST', rules: AMOUNT_RULES }, { amount: 150 });
    expect(result.output).toBe('large');
    expect(result.evaluatedDecisions[0]?.matchedRules).toEqual([
      { ruleId: 'rule2', ruleIndex: 2, evaluatedOutputs: [{ outputId: 'out1', outputName: 'result', outputValue: 'large' }] },
    ]);
  });

  it('ANY: equal outputs pass, different outputs fail', async () => {
    const same: [string[], string[]][] = [[['> 1'], ['"x"']], [['> 2'], ['"x"']]];
    expect((await table({ hitPolicy: 'ANY', rules: same }, { amount: 5 })).output).toBe('x');
    expect((await table({ hitPolicy: 'ANY', rules: AMOUNT_RULES }, { amount: 150 })).failure?.message).toMatch(/hit policy ANY/);
  });

  it('PRIORITY and OUTPUT ORDER: ordered by the output values', async () => {
    const outputs = [{ name: 'result', allowed: '"medium","large","small"' }];
    expect((await table({ hitPolicy: 'PRIORITY', outputs, rules: AMOUNT_RULES }, { amount: 150 })).output).toBe('medium');
    expect((await table({ hitPolicy: 'OUTPUT ORDER', outputs, rules: AMOUNT_RULES }, { amount: 150 })).output).toEqual(['medium', 'large']);
  });

  it('RULE ORDER and COLLECT: all matches in rule order', async () => {
    expect((await table({ hitPolicy: 'RULE ORDER', rules: AMOUNT_RULES }, { amount: 150 })).output).toEqual(['large', 'medium']);
    expect((await table({ hitPolicy: 'COLLECT', rules: AMOUNT_RULES }, { amount: 150 })).output).toEqual(['large', 'medium']);
    expect((await table({ hitPolicy: 'COLLECT', rules: AMOUNT_RULES }, { amount: -1 })).output).toEqual(['small']);
  });

  it('without a matching rule: the default output entries, else null (also for COLLECT)', async () => {
    expect((await table({ hitPolicy: 'COLLECT', rules: AMOUNT_RULES }, { amount: null })).output).toBeNull();
    const withDefault = dmnDocument(
      tableDecision({ inputs: ['amount'], outputs: [{ name: 'result' }], rules: [[['< 0'], ['"neg"']]] }).replace(
        '<output id="out1" name="result">',
        '<output id="out1" name="result"><defaultOutputEntry><text>"geen"</text></defaultOutputEntry>',
      ),
    );
    expect(evaluateDecision(await drgOf(withDefault), 'decision', { amount: 5 }, NOW).output).toBe('geen');
  });

  it('PRIORITY reports every matched rule in rule order, FIRST only the first', async () => {
    const outputs = [{ name: 'result', allowed: '"medium","large","small"' }];
    const priority = await table({ hitPolicy: 'PRIORITY', outputs, rules: AMOUNT_RULES }, { amount: 150 });
    expect(priority.evaluatedDecisions[0]?.matchedRules.map((rule) => rule.ruleId)).toEqual(['rule2', 'rule3']);
  });

  it('COLLECT with SUM, MIN, MAX and COUNT', async () => {
    const rules: [string[], string[]][] = [[['> 0'], ['10']], [['> 1'], ['20']], [['> 100'], ['30']]];
    const run = async (aggregation: string, amount = 5) => (await table({ hitPolicy: 'COLLECT', aggregation, rules }, { amount })).output;
    expect(await run('SUM')).toBe(30);
    expect(await run('MIN')).toBe(10);
    expect(await run('MAX')).toBe(20);
    expect(await run('COUNT')).toBe(2);
    expect(await run('SUM', -5)).toBeNull();
    expect(await run('COUNT', -5)).toBeNull();
  });

  it('several outputs make a context per rule; empty output entries are null', async () => {
    const result = await table(
      { outputs: [{ name: 'label' }, { name: 'score' }], rules: [[['-'], ['"a"', '']]] },
      { amount: 1 },
    );
    expect(result.output).toEqual({ label: 'a', score: null });
  });

  it('reports the evaluated inputs with their labels', async () => {
    const result = await table({ inputs: ['amount', 'kind'], rules: [[['-', '"x"'], ['1']]] }, { amount: 3, kind: 'x' });
    expect(result.evaluatedDecisions[0]?.evaluatedInputs).toEqual([
      { inputId: 'in1', inputName: 'In 1', inputValue: 3 },
      { inputId: 'in2', inputName: 'In 2', inputValue: 'x' },
    ]);
  });
});

describe('evaluateDecision with required decisions and literal expressions', () => {
  const dish = readFileSync(new URL('./fixtures/dish.dmn', import.meta.url), 'utf8');

  it('evaluates required decisions first and passes their output by decision id', async () => {
    const drg = await drgOf(dish);
    const result = evaluateDecision(drg, 'dish', { month: 12, guests: 4 }, NOW);
    expect(result.failure).toBeUndefined();
    expect(result.output).toBe('Roastbeef');
    expect(result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionOutput])).toEqual([
      ['season', 'Winter'],
      ['dish', 'Roastbeef'],
    ]);
  });

  it('passes a required decision on under its variable name when it has one', async () => {
    const xml = dmnDocument(
      '<decision id="base" name="Base"><variable name="basisBedrag"/><literalExpression><text>100</text></literalExpression></decision>' +
        '<decision id="total"><informationRequirement><requiredDecision href="#base"/></informationRequirement><literalExpression><text>basisBedrag * 2</text></literalExpression></decision>',
    );
    expect(evaluateDecision(await drgOf(xml), 'total', {}, NOW).output).toBe(200);
  });

  it('evaluates a literal expression decision', async () => {
    const drg = await drgOf(dish);
    const result = evaluateDecision(drg, 'greeting', { name: 'Anna' }, NOW);
    expect(result.output).toBe('Hello Anna');
    expect(result.evaluatedDecisions[0]?.decisionType).toBe('LITERAL_EXPRESSION');
  });

  it('reports a failing expression with the decision at fault', async () => {
    const drg = await drgOf(dmnDocument(tableDecision({ inputs: ['assert(x, x > 0)'], outputs: [{ name: 'r' }], rules: [] })));
    const result = evaluateDecision(drg, 'decision', { x: -1 }, NOW);
    expect(result.failure).toEqual({ decisionId: 'decision', message: expect.stringMatching(/^Expected to evaluate decision 'decision', but Assertion failure/) as unknown });
  });
});
