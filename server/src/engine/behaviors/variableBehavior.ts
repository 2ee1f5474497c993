import type { JsonValue } from '../feel/types.js';
import type { VariableMapping } from '../model/types.js';
import type { InstanceExecution } from '../processing/instanceExecution.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { applyMappingTarget, evaluateAs } from './expressions.js';

export type Outcome = { ok: true } | { ok: false; errorType: string; message: string };
const OK: Outcome = { ok: true };

/** Scope keys from `scopeKey` up to the process instance, nearest first. */
export function scopeChain(execution: InstanceExecution, scopeKey: string): string[] {
  const chain: string[] = [];
  for (let key: string | undefined = scopeKey; key !== undefined; key = execution.state.get(key)?.flowScopeKey) {
    chain.push(key);
  }
  return chain;
}

/** The variables visible from a scope: its own, then its parents', nearest definition wins. */
export function visibleVariables(execution: InstanceExecution, scopeKey: string): Record<string, JsonValue> {
  const visible: Record<string, JsonValue> = {};
  for (const key of scopeChain(execution, scopeKey).reverse()) {
    const scope = execution.state.scopeVariables(key);
    if (scope) for (const [name, entry] of scope) visible[name] = entry.value;
  }
  return visible;
}

export async function setLocalVariable(
  execution: InstanceExecution,
  scopeKey: string,
  name: string,
  value: JsonValue,
): Promise<void> {
  const { ctx, state } = execution;
  const written = await state.setLocal(scopeKey, name, value, () => ctx.nextKey());
  if (!written) return;
  ctx.records.append({
    key: written.key,
    recordType: 'EVENT',
    valueType: 'VARIABLE',
    intent: written.intent,
    processInstanceKey: state.identity.processInstanceKey,
    bpmnProcessId: state.identity.bpmnProcessId,
    timestamp: ctx.now,
    value: {
      name,
      value: JSON.stringify(value),
      scopeKey,
      processInstanceKey: state.identity.processInstanceKey,
      processDefinitionKey: state.identity.processDefinitionKey,
      bpmnProcessId: state.identity.bpmnProcessId,
      tenantId: state.identity.tenantId,
    },
  });
}

/**
 * Zeebe's propagation: each variable is written to the nearest scope (starting at `scopeKey`)
 * that already has it, else to the process instance.
 */
export async function setVariablesPropagating(
  execution: InstanceExecution,
  scopeKey: string,
  variables: Record<string, JsonValue>,
): Promise<void> {
  const chain = scopeChain(execution, scopeKey);
  const root = chain[chain.length - 1]!;
  for (const [name, value] of Object.entries(variables)) {
    const owner = chain.find((key) => execution.state.getLocal(key, name) !== undefined) ?? root;
    await setLocalVariable(execution, owner, name, value);
  }
}

export async function setVariablesLocal(
  execution: InstanceExecution,
  scopeKey: string,
  variables: Record<string, JsonValue>,
): Promise<void> {
  for (const [name, value] of Object.entries(variables)) await setLocalVariable(execution, scopeKey, name, value);
}

/** Input mappings: evaluated in order against the element's view, written as its local variables. */
export async function applyInputMappings(execution: InstanceExecution, instance: ElementInstance): Promise<Outcome> {
  for (const mapping of execution.elementOf(instance).inputMappings) {
    const outcome = await applyMapping(execution, mapping, instance.key, (name) =>
      execution.state.getLocal(instance.key, name)?.value,
    );
    if (!outcome.ok) return outcome;
    await setLocalVariable(execution, instance.key, outcome.name, outcome.value);
  }
  return OK;
}

/**
 * Output mappings: evaluated against the element's view, then propagated from its flow scope.
 * Without output mappings nothing happens here: the element's results were propagated already.
 */
export async function applyOutputMappings(execution: InstanceExecution, instance: ElementInstance): Promise<Outcome> {
  const mappings = execution.elementOf(instance).outputMappings;
  if (mappings.length === 0 || instance.flowScopeKey === undefined) return OK;
  const flowScopeKey = instance.flowScopeKey;
  const results: Record<string, JsonValue> = {};
  for (const mapping of mappings) {
    const outcome = await applyMapping(execution, mapping, instance.key, (name) =>
      name in results ? results[name] : visibleVariables(execution, flowScopeKey)[name],
    );
    if (!outcome.ok) return outcome;
    results[outcome.name] = outcome.value;
  }
  await setVariablesPropagating(execution, flowScopeKey, results);
  return OK;
}

async function applyMapping(
  execution: InstanceExecution,
  mapping: VariableMapping,
  scopeKey: string,
  existing: (name: string) => JsonValue | undefined,
): Promise<{ ok: true; name: string; value: JsonValue } | { ok: false; errorType: string; message: string }> {
  const result = evaluateAs(mapping.source, visibleVariables(execution, scopeKey), 'ANY', execution.ctx.now);
  if (!result.ok) return { ok: false, errorType: 'IO_MAPPING_ERROR', message: result.message };
  return { ok: true, ...applyMappingTarget(mapping.target, result.value, existing) };
}

/**
 * Variables a worker or an event hands to an element: local when the element has output
 * mappings (they decide what leaves), else propagated from the element itself.
 */
export async function setResultVariables(
  execution: InstanceExecution,
  instance: ElementInstance,
  variables: Record<string, JsonValue>,
): Promise<void> {
  if (execution.elementOf(instance).outputMappings.length > 0) {
    await setVariablesLocal(execution, instance.key, variables);
  } else {
    await setVariablesPropagating(execution, instance.key, variables);
  }
}
