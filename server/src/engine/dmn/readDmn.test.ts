import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDmn } from './readDmn.js';
import { dmnDocument, tableDecision } from './testing/dmnXml.js';

async function problemsOf(xml: string) {
  const result = await readDmn(xml);
  return result.ok ? [] : result.problems;
}

describe('readDmn', () => {
  it('reads the decision requirements graph with its decisions', async () => {
    const result = await readDmn(readFileSync(new URL('./fixtures/dish.dmn', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.drg.id).toBe('dishDecisions');
    expect(result.drg.name).toBe('Dish decisions');
    expect([...result.drg.decisions.keys()]).toEqual(['season', 'dish', 'greeting']);
    expect(result.drg.decisions.get('dish')?.requiredDecisionIds).toEqual(['season']);
  });

  it('reads DMN 1.1 models as DMN 1.3', async () => {
    const xml = dmnDocument('<decision id="old"><literalExpression><text>1</text></literalExpression></decision>').replace(
      'https://www.omg.org/spec/DMN/20191111/MODEL/',
      'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
    );
    expect((await readDmn(xml)).ok).toBe(true);
  });

  it('rejects XML that is not DMN', async () => {
    expect(await problemsOf('<nope/>')).toEqual([{ message: expect.stringMatching(/^The document is not valid DMN 1.1-1.3 XML/) as unknown }]);
  });

  it('names the decision of broken FEEL, unknown hit policies and missing requirements', async () => {
    const broken = tableDecision({ decisionId: 'broken', hitPolicy: 'SOMETIMES', inputs: ['a +'], outputs: [{ name: 'r' }], rules: [[['>>'], ['1']]] });
    const orphan = '<decision id="orphan"><informationRequirement><requiredDecision href="#missing"/></informationRequirement><literalExpression><text>1</text></literalExpression></decision>';
    const problems = await problemsOf(dmnDocument(broken + orphan));
    expect(problems).toEqual([
      { elementId: 'broken', message: expect.stringMatching(/^Hit policy 'SOMETIMES' is not supported/) as unknown },
      { elementId: 'broken', message: expect.stringMatching(/^input 'in1': failed to parse expression 'a \+'/) as unknown },
      { elementId: 'broken', message: expect.stringMatching(/^Rule 'rule1': failed to parse unary tests '>>'/) as unknown },
      { elementId: 'orphan', message: "Required decision 'missing' is not in this DMN resource" },
    ]);
  });

  it('rejects a rule with the wrong number of entries', async () => {
    const problems = await problemsOf(dmnDocument(tableDecision({ inputs: ['a', 'b'], outputs: [{ name: 'r' }], rules: [[['1'], ['2']]] })));
    expect(problems[0]?.message).toMatch(/Rule 'rule1' has 1 input and 1 output entries, but the table has 2 inputs and 1 outputs/);
  });

  it('rejects cyclic requirements', async () => {
    const a = '<decision id="a"><informationRequirement><requiredDecision href="#b"/></informationRequirement><literalExpression><text>b</text></literalExpression></decision>';
    const b = '<decision id="b"><informationRequirement><requiredDecision href="#a"/></informationRequirement><literalExpression><text>a</text></literalExpression></decision>';
    expect((await problemsOf(dmnDocument(a + b)))[0]?.message).toMatch(/cycle/);
  });
});
