import { DmnModdle } from 'dmn-moddle';
import { compileExpression, compileUnaryTests, type CompiledExpression } from '../feel/index.js';
import type {
  Aggregation,
  DecisionInput,
  DecisionOutput,
  DecisionRule,
  DecisionTable,
  ExecutableDecision,
  ExecutableDrg,
  HitPolicy,
} from './types.js';

export interface DmnProblem {
  readonly elementId?: string;
  readonly message: string;
}

export type DmnReadResult = { ok: true; drg: ExecutableDrg } | { ok: false; problems: DmnProblem[] };

/** A moddle element as read: only what we access, checked where it matters. */
interface Node {
  readonly $type: string;
  readonly id?: string;
  readonly name?: string;
  readonly [key: string]: unknown;
}

/** DMN 1.3's namespace, the one dmn-moddle reads; 1.1 and 1.2 models (as Zeebe accepts them) are read as 1.3. */
const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';
const OLDER_DMN = ['http://www.omg.org/spec/DMN/20151101/dmn.xsd', 'http://www.omg.org/spec/DMN/20180521/MODEL/'];

const HIT_POLICIES: readonly HitPolicy[] = ['UNIQUE', 'FIRST', 'ANY', 'PRIORITY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/**
 * Reads DMN 1.3 XML into executable decisions: decision tables and literal expressions, with their
 * FEEL compiled and their requirements checked. All problems are reported, each with its element.
 */
export async function readDmn(xml: string): Promise<DmnReadResult> {
  let root: unknown;
  try {
    const upgraded = OLDER_DMN.reduce((text, namespace) => text.split(`"${namespace}"`).join(`"${DMN13}"`), xml);
    const parsed = await new DmnModdle().fromXML(upgraded, 'dmn:Definitions');
    if (parsed.warnings.length > 0) return { ok: false, problems: parsed.warnings.map((w) => ({ message: w.message.split('\n')[0] ?? w.message })) };
    root = parsed.rootElement;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ message: `The document is not valid DMN 1.1-1.3 XML: ${reason}` }] };
  }
  if (!isNode(root) || root.$type !== 'dmn:Definitions') return { ok: false, problems: [{ message: 'The document has no dmn:definitions root element' }] };
  const reader = new DrgReader();
  const drg = reader.read(root);
  return reader.problems.length > 0 ? { ok: false, problems: reader.problems } : { ok: true, drg };
}

class DrgReader {
  readonly problems: DmnProblem[] = [];

  read(definitions: Node): ExecutableDrg {
    const id = definitions.id ?? '';
    if (!id) this.problem(undefined, "Attribute 'id' of dmn:definitions is missing");
    const decisions = new Map<string, ExecutableDecision>();
    for (const element of nodes(definitions['drgElement'])) {
      if (element.$type !== 'dmn:Decision') continue;
      const decision = this.decision(element);
      if (decision) decisions.set(decision.id, decision);
    }
    if (decisions.size === 0) this.problem(id, 'Expected the decision requirements graph to contain at least one decision, but none found');
    this.checkRequirements(decisions);
    return { id, name: definitions.name ?? id, decisions };
  }

  private decision(element: Node): ExecutableDecision | undefined {
    if (!element.id) {
      this.problem(undefined, `A decision${element.name ? ` named '${element.name}'` : ''} has no id`);
      return undefined;
    }
    const requiredDecisionIds = nodes(element['informationRequirement'])
      .map((requirement) => requirement['requiredDecision'])
      .filter(isNode)
      .map((reference) => textOf(reference['href']).replace(/^.*#/, ''))
      .filter((href) => href !== '');
    const logic = element['decisionLogic'];
    if (!isNode(logic)) {
      this.problem(element.id, 'The decision has no decision logic; expected a decision table or a literal expression');
      return undefined;
    }
    const name = element.name ?? element.id;
    const variable = element['variable'];
    const resultName = (isNode(variable) ? variable.name : undefined) ?? element.id;
    if (logic.$type === 'dmn:DecisionTable') {
      const table = this.table(element.id, logic);
      return table ? { id: element.id, name, resultName, requiredDecisionIds, logic: table } : undefined;
    }
    if (logic.$type === 'dmn:LiteralExpression') {
      const expression = this.expression(element.id, 'literal expression', logic['text']);
      return expression ? { id: element.id, name, resultName, requiredDecisionIds, logic: { type: 'LITERAL_EXPRESSION', expression } } : undefined;
    }
    this.problem(element.id, `Decision logic of type '${logic.$type}' is not supported; use a decision table or a literal expression`);
    return undefined;
  }

  private table(decisionId: string, table: Node): DecisionTable | undefined {
    const problemsBefore = this.problems.length;
    const hitPolicy = (textOf(table['hitPolicy']) || 'UNIQUE') as HitPolicy;
    if (!HIT_POLICIES.includes(hitPolicy)) this.problem(decisionId, `Hit policy '${hitPolicy}' is not supported; expected one of ${HIT_POLICIES.join(', ')}`);
    const rawAggregation = table['aggregation'];
    const aggregation = typeof rawAggregation === 'string' ? (rawAggregation as Aggregation) : undefined;
    if (aggregation && (hitPolicy !== 'COLLECT' || !AGGREGATIONS.includes(aggregation))) {
      this.problem(decisionId, `Aggregation '${aggregation}' is only allowed with hit policy COLLECT and must be one of ${AGGREGATIONS.join(', ')}`);
    }
    const inputs = nodes(table['input']).map((input, index) => this.input(decisionId, input, index));
    const outputNodes = nodes(table['output']);
    if (outputNodes.length === 0) this.problem(decisionId, 'The decision table has no output');
    const outputs = outputNodes.map((output, index) => this.output(decisionId, output, index, outputNodes.length));
    if (aggregation && outputs.length > 1) {
      this.problem(decisionId, `Aggregation '${aggregation}' needs exactly one output, but the table has ${outputs.length}`);
    }
    const rules = nodes(table['rule']).map((rule, index) => this.rule(decisionId, rule, index, inputs.length, outputs.length));
    if (this.problems.length > problemsBefore) return undefined;
    return {
      type: 'DECISION_TABLE',
      hitPolicy,
      ...(aggregation ? { aggregation } : {}),
      inputs: inputs as DecisionInput[],
      outputs,
      rules: rules as DecisionRule[],
    };
  }

  private input(decisionId: string, input: Node, index: number): DecisionInput | undefined {
    const inputExpression = input['inputExpression'];
    const text = isNode(inputExpression) ? inputExpression['text'] : undefined;
    const id = input.id ?? `input${index + 1}`;
    const expression = this.expression(decisionId, `input '${id}'`, text);
    const label = typeof input['label'] === 'string' ? input['label'] : undefined;
    return expression ? { id, name: label ?? expression.source, expression } : undefined;
  }

  private output(decisionId: string, output: Node, index: number, count: number): DecisionOutput {
    const id = output.id ?? `output${index + 1}`;
    const name = output.name ?? (typeof output['label'] === 'string' ? output['label'] : undefined);
    if (!name && count > 1) this.problem(decisionId, `Output '${id}' has no name; a table with more than one output needs a name for each`);
    const allowed = output['outputValues'];
    const allowedText = isNode(allowed) && typeof allowed['text'] === 'string' ? allowed['text'].trim() : '';
    let priorities: unknown[] = [];
    if (allowedText) {
      const list = compileExpression(`=[${allowedText}]`);
      const value = list.ok ? list.expression.evaluate({}) : list;
      if (value.ok && Array.isArray(value.value)) priorities = value.value;
      else this.problem(decisionId, `Output values '${allowedText}' of output '${id}' are not a list of FEEL values`);
    }
    const defaultEntry = output['defaultOutputEntry'];
    const defaultText = isNode(defaultEntry) ? textOf(defaultEntry['text']).trim() : '';
    const defaultValue = defaultText ? this.expression(decisionId, `default of output '${id}'`, defaultText) : undefined;
    return { id, name: name ?? id, priorities, ...(defaultValue ? { defaultValue } : {}) };
  }

  private rule(decisionId: string, rule: Node, index: number, inputCount: number, outputCount: number): DecisionRule | undefined {
    const id = rule.id ?? `rule${index + 1}`;
    const inputEntries = nodes(rule['inputEntry']);
    const outputEntries = nodes(rule['outputEntry']);
    if (inputEntries.length !== inputCount || outputEntries.length !== outputCount) {
      this.problem(decisionId, `Rule '${id}' has ${inputEntries.length} input and ${outputEntries.length} output entries, but the table has ${inputCount} inputs and ${outputCount} outputs`);
      return undefined;
    }
    const tests = inputEntries.map((entry) => {
      const compiled = compileUnaryTests(textOf(entry['text']));
      if (!compiled.ok) this.problem(decisionId, `Rule '${id}': ${compiled.message}`);
      return compiled.ok ? compiled.tests : undefined;
    });
    const outputs = outputEntries.map((entry) => {
      const text = textOf(entry['text']).trim();
      return text === '' ? undefined : this.expression(decisionId, `rule '${id}'`, text);
    });
    if (tests.some((test) => !test)) return undefined;
    return { id, inputEntries: tests as DecisionRule['inputEntries'], outputEntries: outputs };
  }

  private expression(decisionId: string, where: string, text: unknown): CompiledExpression | undefined {
    const source = typeof text === 'string' ? text.trim() : '';
    if (source === '') {
      this.problem(decisionId, `The expression of the ${where} is empty`);
      return undefined;
    }
    const compiled = compileExpression(`=${source}`);
    if (!compiled.ok) this.problem(decisionId, `${where}: ${compiled.message}`);
    return compiled.ok ? compiled.expression : undefined;
  }

  /** Required decisions must exist in the same graph and must not depend on each other in a cycle. */
  private checkRequirements(decisions: ReadonlyMap<string, ExecutableDecision>): void {
    for (const decision of decisions.values()) {
      for (const required of decision.requiredDecisionIds) {
        if (!decisions.has(required)) this.problem(decision.id, `Required decision '${required}' is not in this DMN resource`);
      }
    }
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string): boolean => {
      if (done.has(id)) return false;
      if (visiting.has(id)) return true;
      visiting.add(id);
      const cyclic = (decisions.get(id)?.requiredDecisionIds ?? []).some(visit);
      visiting.delete(id);
      done.add(id);
      return cyclic;
    };
    for (const id of decisions.keys()) {
      if (visit(id)) {
        this.problem(id, 'The decision requires itself through its required decisions (a cycle)');
        return;
      }
    }
  }

  private problem(elementId: string | undefined, message: string): void {
    this.problems.push(elementId ? { elementId, message } : { message });
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
