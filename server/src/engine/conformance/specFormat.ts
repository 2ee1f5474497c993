/**
 * The zeebe-spec YAML format (github.com/camunda-community-hub/zeebe-spec), parsed into typed test
 * cases. Both styles are accepted: `instructions` (actions and verifications interleaved) and the
 * older `actions` + `verifications` (all actions first, then all verifications).
 *
 * Unknown argument keys are ignored, as the original runner does, but each is reported in the
 * test case's `warnings` so a misspelt key does not go unnoticed.
 */
import { parse as parseYaml } from 'yaml';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An element of the process, named by id or by its `name` attribute. */
export type ElementRef = { elementId: string } | { elementName: string };

/** Element and process instance states as the REST v2 API reports them. */
export type InstanceState = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
export type IncidentState = 'ACTIVE' | 'RESOLVED';

export type SpecAction =
  | { kind: 'create-instance'; bpmnProcessId: string; variables: JsonObject; alias?: string }
  | { kind: 'complete-task'; jobType: string; variables: JsonObject }
  | { kind: 'throw-error'; jobType: string; errorCode: string; errorMessage: string }
  | { kind: 'publish-message'; messageName: string; correlationKey: string; variables: JsonObject }
  | { kind: 'cancel-instance'; processInstance?: string }
  | {
      kind: 'await-element-instance-state';
      element: ElementRef;
      state: InstanceState;
      processInstance?: string;
    };

export type SpecVerification =
  | { kind: 'process-instance-state'; state: InstanceState; processInstance?: string }
  | {
      kind: 'element-instance-state';
      element: ElementRef;
      state: InstanceState;
      processInstance?: string;
    }
  | {
      kind: 'process-instance-variable';
      name: string;
      /** The expected value, parsed from the spec's JSON text. */
      value: JsonValue;
      /** The spec's JSON text, for messages. */
      valueText: string;
      scope?: ElementRef;
      processInstance?: string;
    }
  | {
      kind: 'no-process-instance-variable';
      name: string;
      scope?: ElementRef;
      processInstance?: string;
    }
  | {
      kind: 'incident-state';
      errorType: string;
      errorMessage?: string;
      state: IncidentState;
      element?: ElementRef;
      processInstance?: string;
    };

export type SpecInstruction =
  | { type: 'action'; index: number; action: SpecAction }
  | { type: 'verification'; index: number; verification: SpecVerification };

export interface SpecTestCase {
  name: string;
  description: string;
  instructions: SpecInstruction[];
  /** Ignored argument keys and similar oddities; never fatal. */
  warnings: string[];
}

export interface SpecFile {
  testCases: SpecTestCase[];
}

/** A spec that does not follow the format; the message names the position at fault. */
export class SpecFormatError extends Error {
  override name = 'SpecFormatError';
}

/** Parses the text of one spec file; `source` (e.g. the file path) prefixes error messages. */
export function parseSpec(text: string, source = 'spec'): SpecFile {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SpecFormatError(
      `${source}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const root = asRecord(document, source);
  const testCases = root.testCases;
  if (!Array.isArray(testCases) || testCases.length === 0) {
    throw new SpecFormatError(`${source}: expected a non-empty list 'testCases'`);
  }
  const parsed = testCases.map((testCase, i) =>
    parseTestCase(testCase, `${source}: testCases[${i}]`),
  );
  const seen = new Set<string>();
  for (const testCase of parsed) {
    if (seen.has(testCase.name))
      throw new SpecFormatError(`${source}: duplicate test case name '${testCase.name}'`);
    seen.add(testCase.name);
  }
  return { testCases: parsed };
}

function parseTestCase(value: unknown, where: string): SpecTestCase {
  const record = asRecord(value, where);
  const name = record.name;
  if (typeof name !== 'string' || name.trim() === '')
    throw new SpecFormatError(`${where}: expected a non-empty string 'name'`);
  const at = `${where} ('${name}')`;
  const description = record.description;
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw new SpecFormatError(`${at}: 'description' must be a string`);
  }
  const warnings: string[] = [];
  const instructions: SpecInstruction[] = [];
  if (record.instructions !== undefined) {
    if (record.actions !== undefined || record.verifications !== undefined) {
      throw new SpecFormatError(
        `${at}: use either 'instructions' or 'actions' + 'verifications', not both`,
      );
    }
    const list = asList(record.instructions, `${at}.instructions`);
    list.forEach((item, i) =>
      instructions.push(
        parseInstruction(item, `${at}.instructions[${i}]`, instructions.length, warnings),
      ),
    );
  } else {
    if (record.actions === undefined && record.verifications === undefined) {
      throw new SpecFormatError(`${at}: expected 'instructions' or 'actions' + 'verifications'`);
    }
    const actions = record.actions === undefined ? [] : asList(record.actions, `${at}.actions`);
    const verifications =
      record.verifications === undefined ? [] : asList(record.verifications, `${at}.verifications`);
    actions.forEach((item, i) => {
      const itemWhere = `${at}.actions[${i}]`;
      instructions.push(
        parseAction(asRecord(item, itemWhere), itemWhere, instructions.length, warnings),
      );
    });
    verifications.forEach((item, i) => {
      const itemWhere = `${at}.verifications[${i}]`;
      instructions.push(
        parseVerification(asRecord(item, itemWhere), itemWhere, instructions.length, warnings),
      );
    });
  }
  if (instructions.length === 0) throw new SpecFormatError(`${at}: has no instructions`);
  return {
    name,
    description: typeof description === 'string' ? description : '',
    instructions,
    warnings,
  };
}

function parseInstruction(
  value: unknown,
  where: string,
  index: number,
  warnings: string[],
): SpecInstruction {
  const record = asRecord(value, where);
  const isAction = record.action !== undefined;
  const isVerification = record.verification !== undefined;
  if (isAction === isVerification) {
    throw new SpecFormatError(`${where}: expected exactly one of 'action' or 'verification'`);
  }
  return isAction
    ? parseAction(record, where, index, warnings)
    : parseVerification(record, where, index, warnings);
}

/** Reads `args`, noting each key read, so leftover keys can be reported. */
class Args {
  private readonly used = new Set<string>();

  constructor(
    private readonly values: Record<string, unknown>,
    private readonly where: string,
  ) {}

  string(key: string): string | undefined {
    this.used.add(key);
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new SpecFormatError(`${this.where}: argument '${key}' must be a string`);
  }

  required(key: string): string {
    const value = this.string(key);
    if (value === undefined || value === '')
      throw new SpecFormatError(`${this.where}: missing required argument '${key}'`);
    return value;
  }

  /** The first of several spellings that is present (e.g. `process_instance`, `process-instance`). */
  firstOf(keys: string[]): string | undefined {
    let found: string | undefined;
    for (const key of keys) found ??= this.string(key);
    return found;
  }

  /** A JSON object given as JSON text (the format's convention) or as a YAML mapping. */
  variables(key: string): JsonObject {
    this.used.add(key);
    const value = this.values[key];
    if (value === undefined || value === null || value === '') return {};
    let parsed: unknown = value;
    if (typeof value === 'string') {
      try {
        parsed = JSON.parse(value);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SpecFormatError(
          `${this.where}: argument '${key}' is not valid JSON (${reason}): ${value}`,
        );
      }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new SpecFormatError(
        `${this.where}: argument '${key}' must be a JSON object, but was ${JSON.stringify(parsed)}`,
      );
    }
    return parsed as JsonObject;
  }

  /** An optional element reference from `element_id` / `element_name`. */
  element(): ElementRef | undefined {
    const elementId = this.string('element_id');
    const elementName = this.string('element_name');
    if (elementId !== undefined && elementName !== undefined) {
      throw new SpecFormatError(
        `${this.where}: give either 'element_id' or 'element_name', not both`,
      );
    }
    if (elementId !== undefined) return { elementId };
    if (elementName !== undefined) return { elementName };
    return undefined;
  }

  requiredElement(): ElementRef {
    const element = this.element();
    if (!element)
      throw new SpecFormatError(
        `${this.where}: missing required argument 'element_id' or 'element_name'`,
      );
    return element;
  }

  /** The alias of the process instance; the suite's files spell the key in three ways. */
  processInstance(): string | undefined {
    return this.firstOf(['process_instance', 'process-instance', 'process']);
  }

  unused(): string[] {
    return Object.keys(this.values).filter((key) => !this.used.has(key));
  }
}

function readArgs(record: Record<string, unknown>, where: string): Args {
  const args = record.args;
  if (args === undefined || args === null) return new Args({}, where);
  return new Args(asRecord(args, `${where}.args`), where);
}

function warnUnused(args: Args, where: string, name: string, warnings: string[]): void {
  for (const key of args.unused())
    warnings.push(`${where}: ignored unknown argument '${key}' of '${name}'`);
}

function parseAction(
  record: Record<string, unknown>,
  where: string,
  index: number,
  warnings: string[],
): SpecInstruction {
  const name = record.action;
  if (typeof name !== 'string') throw new SpecFormatError(`${where}: 'action' must be a string`);
  const args = readArgs(record, where);
  const action = buildAction(name.toLowerCase(), args, where);
  warnUnused(args, where, name, warnings);
  return { type: 'action', index, action };
}

function buildAction(name: string, args: Args, where: string): SpecAction {
  switch (name) {
    case 'create-instance': {
      const action: SpecAction = {
        kind: name,
        bpmnProcessId: args.required('bpmn_process_id'),
        variables: args.variables('variables'),
      };
      const alias = args.string('process_instance_alias');
      return alias === undefined ? action : { ...action, alias };
    }
    case 'complete-task':
      return {
        kind: name,
        jobType: args.required('job_type'),
        variables: args.variables('variables'),
      };
    case 'throw-error':
      return {
        kind: name,
        jobType: args.required('job_type'),
        errorCode: args.required('error_code'),
        errorMessage: args.string('error_message') ?? '',
      };
    case 'publish-message':
      return {
        kind: name,
        messageName: args.required('message_name'),
        correlationKey: args.required('correlation_key'),
        variables: args.variables('variables'),
      };
    case 'cancel-instance':
      return withProcessInstance({ kind: name }, args);
    case 'await-element-instance-state':
      return withProcessInstance(
        { kind: name, element: args.requiredElement(), state: instanceState(args, where) },
        args,
      );
    default:
      throw new SpecFormatError(`${where}: unknown action '${name}'`);
  }
}

function parseVerification(
  record: Record<string, unknown>,
  where: string,
  index: number,
  warnings: string[],
): SpecInstruction {
  const name = record.verification;
  if (typeof name !== 'string')
    throw new SpecFormatError(`${where}: 'verification' must be a string`);
  const args = readArgs(record, where);
  const verification = buildVerification(name.toLowerCase(), args, where);
  warnUnused(args, where, name, warnings);
  return { type: 'verification', index, verification };
}

function buildVerification(name: string, args: Args, where: string): SpecVerification {
  switch (name) {
    case 'process-instance-state':
      return withProcessInstance({ kind: name, state: instanceState(args, where) }, args);
    case 'element-instance-state':
      return withProcessInstance(
        { kind: name, element: args.requiredElement(), state: instanceState(args, where) },
        args,
      );
    case 'process-instance-variable': {
      const variableName = args.required('name');
      const valueText = args.string('value');
      if (valueText === undefined)
        throw new SpecFormatError(`${where}: missing required argument 'value'`);
      let value: JsonValue;
      try {
        value = JSON.parse(valueText) as JsonValue;
      } catch {
        throw new SpecFormatError(
          `${where}: argument 'value' must be JSON text (e.g. '1' or '"text"'), but was ${valueText}`,
        );
      }
      return withScope(
        withProcessInstance({ kind: name, name: variableName, value, valueText }, args),
        args,
      );
    }
    case 'no-process-instance-variable':
      return withScope(
        withProcessInstance({ kind: name, name: args.required('name') }, args),
        args,
      );
    case 'incident-state': {
      const verification: SpecVerification = {
        kind: name,
        errorType: args.required('error_type'),
        state: incidentState(args, where),
      };
      const errorMessage = args.string('error_message');
      const element = args.element();
      return withProcessInstance(
        {
          ...verification,
          ...(errorMessage !== undefined ? { errorMessage } : {}),
          ...(element ? { element } : {}),
        },
        args,
      );
    }
    default:
      throw new SpecFormatError(`${where}: unknown verification '${name}'`);
  }
}

function withProcessInstance<T extends object>(
  value: T,
  args: Args,
): T & { processInstance?: string } {
  const processInstance = args.processInstance();
  return processInstance === undefined ? value : { ...value, processInstance };
}

function withScope<T extends object>(value: T, args: Args): T & { scope?: ElementRef } {
  const scope = args.element();
  return scope === undefined ? value : { ...value, scope };
}

const INSTANCE_STATES: Record<string, InstanceState> = {
  activated: 'ACTIVE',
  completed: 'COMPLETED',
  terminated: 'TERMINATED',
};
const INCIDENT_STATES: Record<string, IncidentState> = { created: 'ACTIVE', resolved: 'RESOLVED' };

function instanceState(args: Args, where: string): InstanceState {
  const text = args.required('state');
  const state = INSTANCE_STATES[text.toLowerCase()];
  if (!state)
    throw new SpecFormatError(
      `${where}: unknown state '${text}' (expected one of ${Object.keys(INSTANCE_STATES).join(', ')})`,
    );
  return state;
}

function incidentState(args: Args, where: string): IncidentState {
  const text = args.required('state');
  const state = INCIDENT_STATES[text.toLowerCase()];
  if (!state) {
    throw new SpecFormatError(
      `${where}: unknown incident state '${text}' (expected one of ${Object.keys(INCIDENT_STATES).join(', ')})`,
    );
  }
  return state;
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SpecFormatError(`${where}: expected a mapping`);
  }
  return value as Record<string, unknown>;
}

function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new SpecFormatError(`${where}: expected a list`);
  return value;
}

/** A short rendering of an element reference, e.g. `name 'A'`. */
export function describeElement(element: ElementRef): string {
  return 'elementId' in element ? `id '${element.elementId}'` : `name '${element.elementName}'`;
}
