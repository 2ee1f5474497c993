/** Builds small DMN documents for tests: one decision table per call, rules as rows of cell texts. */
export interface TableSpec {
  decisionId?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: { name: string; allowed?: string }[];
  /** Each rule: input entry texts, then output entry texts. */
  rules: [string[], string[]][];
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function tableDecision(spec: TableSpec): string {
  const id = spec.decisionId ?? 'decision';
  const aggregation = spec.aggregation ? ` aggregation="${spec.aggregation}"` : '';
  const inputs = spec.inputs
    .map((text, i) => `<input id="in${i + 1}" label="In ${i + 1}"><inputExpression id="ie${i + 1}"><text>${escape(text)}</text></inputExpression></input>`)
    .join('');
  const outputs = spec.outputs
    .map((o, i) => `<output id="out${i + 1}" name="${o.name}">${o.allowed ? `<outputValues><text>${escape(o.allowed)}</text></outputValues>` : ''}</output>`)
    .join('');
  const rules = spec.rules
    .map(([ins, outs], r) =>
      `<rule id="rule${r + 1}">${ins.map((t) => `<inputEntry><text>${escape(t)}</text></inputEntry>`).join('')}${outs.map((t) => `<outputEntry><text>${escape(t)}</text></outputEntry>`).join('')}</rule>`)
    .join('');
  return `<decision id="${id}" name="${id}"><decisionTable id="${id}Table" hitPolicy="${spec.hitPolicy ?? 'UNIQUE'}"${aggregation}>${inputs}${outputs}${rules}</decisionTable></decision>`;
}

export function dmnDocument(decisions: string, id = 'drg'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="${id}" name="${id}" namespace="http://zaakstroom.test/dmn">${decisions}</definitions>`;
}
