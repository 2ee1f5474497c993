import type { Knex } from 'knex';
import type { WriteBatch } from './writeBatch.js';
import type { JsonValue } from '../feel/types.js';
import {
  FINAL_STATES,
  type ElementInstance,
  type ElementRuntime,
  type ElementState,
} from './elementInstance.js';
import type { ElementType } from '../model/types.js';

/** What every element instance row of one process instance shares. */
export interface InstanceIdentity {
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  parentProcessInstanceKey?: string | undefined;
  parentElementInstanceKey?: string | undefined;
}

export interface VariableEntry {
  key: string;
  value: JsonValue;
}

/** Which process instance a command is about: directly, or through one of its parts. */
export type InstanceTarget =
  | { processInstanceKey: string }
  | { jobKey: string }
  | { incidentKey: string }
  | { elementInstanceKey: string };

/** The target as engine_lock_and_load takes it (migration 20261127180000). */
function targetOf(target: InstanceTarget): [kind: string, key: string] {
  if ('processInstanceKey' in target) return ['process', target.processInstanceKey];
  if ('jobKey' in target) return ['job', target.jobKey];
  if ('incidentKey' in target) return ['incident', target.incidentKey];
  return ['element', target.elementInstanceKey];
}

/** Element instances (kind e) and variables (kind v) of one live instance, as loaded. */
interface LoadedRow {
  kind: 'e' | 'v';
  key: string;
  scope_key: string | null;
  /** element id, or variable name */
  name: string;
  element_name: string | null;
  element_type: string | null;
  state: string | null;
  /** runtime JSON, or the variable's JSON value */
  value: string;
  incident_key: string | null;
  start_date: Date | string | null;
  end_date: Date | string | null;
  process_definition_key: string | null;
  bpmn_process_id: string | null;
  version: number | null;
  tenant_id: string | null;
  parent_process_instance_key: string | null;
  parent_element_instance_key: string | null;
}

/**
 * The live part of one process instance, loaded under the instance's row lock at the start of a
 * command, changed in memory by the processors, and written back in one flush before commit.
 */
export class ProcessInstanceState {
  private readonly elements = new Map<string, ElementInstance>();
  private readonly variables = new Map<string, Map<string, VariableEntry>>();
  private readonly newElements = new Set<string>();
  private readonly changedElements = new Set<string>();
  private readonly newVariables = new Map<string, { scopeKey: string; name: string }>();
  private readonly changedVariables = new Set<string>();

  constructor(readonly identity: InstanceIdentity) {}

  // ---------- element instances

  get(key: string): ElementInstance | undefined {
    return this.elements.get(key);
  }

  require(key: string): ElementInstance {
    const instance = this.elements.get(key);
    if (!instance)
      throw new Error(
        `element instance ${key} is not part of process instance ${this.identity.processInstanceKey}`,
      );
    return instance;
  }

  add(instance: ElementInstance): void {
    this.elements.set(instance.key, instance);
    this.newElements.add(instance.key);
  }

  /** Marks an element instance as changed so flush() writes it. */
  touch(instance: ElementInstance): void {
    if (!this.newElements.has(instance.key)) this.changedElements.add(instance.key);
  }

  setState(instance: ElementInstance, state: ElementState, now: number): void {
    instance.state = state;
    if (FINAL_STATES.has(state)) instance.endDate = now;
    this.touch(instance);
  }

  /** Child element instances of a scope that have not ended. */
  activeChildren(flowScopeKey: string): ElementInstance[] {
    const children: ElementInstance[] = [];
    for (const instance of this.elements.values()) {
      if (instance.flowScopeKey === flowScopeKey && !FINAL_STATES.has(instance.state))
        children.push(instance);
    }
    return children;
  }

  /** Activated instances of an element (multi-instance bodies left out). */
  activatedInstancesOf(elementId: string): ElementInstance[] {
    const found: ElementInstance[] = [];
    for (const instance of this.elements.values()) {
      if (
        instance.elementId === elementId &&
        instance.state === 'ACTIVATED' &&
        instance.elementType !== 'MULTI_INSTANCE_BODY'
      )
        found.push(instance);
    }
    return found;
  }

  // ---------- variables

  scopeVariables(scopeKey: string): Map<string, VariableEntry> | undefined {
    return this.variables.get(scopeKey);
  }

  getLocal(scopeKey: string, name: string): VariableEntry | undefined {
    return this.variables.get(scopeKey)?.get(name);
  }

  /** Creates or updates a variable; undefined when the value was already the same. */
  async setLocal(
    scopeKey: string,
    name: string,
    value: JsonValue,
    newKey: () => Promise<string>,
  ): Promise<{ intent: 'CREATED' | 'UPDATED'; key: string } | undefined> {
    let scope = this.variables.get(scopeKey);
    if (!scope) {
      scope = new Map();
      this.variables.set(scopeKey, scope);
    }
    const existing = scope.get(name);
    if (existing) {
      if (JSON.stringify(existing.value) === JSON.stringify(value)) return undefined;
      existing.value = value;
      if (!this.newVariables.has(existing.key)) this.changedVariables.add(existing.key);
      return { intent: 'UPDATED', key: existing.key };
    }
    const key = await newKey();
    scope.set(name, { key, value });
    this.newVariables.set(key, { scopeKey, name });
    return { intent: 'CREATED', key };
  }

  // ---------- persistence

  /**
   * Locks the process instance (its root row, `FOR UPDATE`) and then loads its live element
   * instances and variables. The load is a separate statement on purpose: under READ COMMITTED
   * its snapshot is taken after the lock is granted, so it sees everything the previous
   * command on this instance committed. The instance is named directly or through a job,
   * incident or element instance of it. Undefined when it has ended or never existed.
   */
  static async lockAndLoad(
    trx: Knex,
    target: InstanceTarget,
  ): Promise<ProcessInstanceState | undefined> {
    // Locks the root row, then reads with a fresh snapshot: one round trip.
    const loaded = await trx.raw<{ rows: LoadedRow[] }>(
      'select * from engine_lock_and_load(?, ?::bigint)',
      targetOf(target),
    );
    const root = loaded.rows.find((row) => row.kind === 'e' && row.scope_key === null);
    if (!root) return undefined;
    const processInstanceKey = root.key;
    const elements = loaded.rows.filter((row) => row.kind === 'e');
    const state = new ProcessInstanceState({
      processInstanceKey,
      processDefinitionKey: root.process_definition_key!,
      bpmnProcessId: root.bpmn_process_id!,
      version: root.version!,
      tenantId: root.tenant_id!,
      parentProcessInstanceKey: root.parent_process_instance_key ?? undefined,
      parentElementInstanceKey: root.parent_element_instance_key ?? undefined,
    });
    for (const row of elements) state.elements.set(row.key, toElementInstance(row));
    for (const row of loaded.rows) {
      if (row.kind !== 'v') continue;
      let scope = state.variables.get(row.scope_key!);
      if (!scope) {
        scope = new Map();
        state.variables.set(row.scope_key!, scope);
      }
      scope.set(row.name, { key: row.key, value: JSON.parse(row.value) as JsonValue });
    }
    return state;
  }

  /** Adds the writes that save this instance to `batch` (run it before reading them back). */
  flush(trx: Knex, batch: WriteBatch): void {
    const id = this.identity;
    const inserts = [...this.newElements].map((key) => {
      const instance = this.require(key);
      return {
        key,
        process_instance_key: id.processInstanceKey,
        flow_scope_key: instance.flowScopeKey ?? null,
        element_id: instance.elementId,
        element_name: instance.elementName ?? null,
        element_type: instance.elementType,
        state: instance.state,
        process_definition_key: id.processDefinitionKey,
        bpmn_process_id: id.bpmnProcessId,
        version: id.version,
        tenant_id: id.tenantId,
        parent_process_instance_key:
          key === id.processInstanceKey ? (id.parentProcessInstanceKey ?? null) : null,
        parent_element_instance_key:
          key === id.processInstanceKey ? (id.parentElementInstanceKey ?? null) : null,
        incident_key: instance.incidentKey ?? null,
        runtime: JSON.stringify(instance.runtime),
        start_date: new Date(instance.startDate),
        end_date: instance.endDate === undefined ? null : new Date(instance.endDate),
      };
    });
    for (let start = 0; start < inserts.length; start += 500) {
      batch.add(trx('engine_element_instances').insert(inserts.slice(start, start + 500)));
    }
    if (this.changedElements.size > 0) {
      // One statement for all changed rows: UPDATE … FROM (VALUES …).
      const changed = [...this.changedElements].map((key) => this.require(key));
      const values = changed
        .map(() => '(?::bigint, ?, ?::jsonb, ?::bigint, ?::timestamptz)')
        .join(', ');
      const bindings = changed.flatMap((instance) => [
        instance.key,
        instance.state,
        JSON.stringify(instance.runtime),
        instance.incidentKey ?? null,
        instance.endDate === undefined ? null : new Date(instance.endDate),
      ]);
      batch.add(
        trx.raw(
          `update engine_element_instances as e
            set state = v.state, runtime = v.runtime, incident_key = v.incident_key, end_date = v.end_date
           from (values ${values}) as v(key, state, runtime, incident_key, end_date)
          where e.key = v.key`,
          bindings,
        ),
      );
    }
    const variableInserts = [...this.newVariables].map(([key, { scopeKey, name }]) => ({
      key,
      scope_key: scopeKey,
      process_instance_key: id.processInstanceKey,
      name,
      value: JSON.stringify(this.getLocal(scopeKey, name)!.value),
      tenant_id: id.tenantId,
    }));
    for (let start = 0; start < variableInserts.length; start += 500) {
      batch.add(trx('engine_variables').insert(variableInserts.slice(start, start + 500)));
    }
    for (const scope of this.variables.values()) {
      for (const entry of scope.values()) {
        if (this.changedVariables.has(entry.key)) {
          batch.add(
            trx('engine_variables')
              .where({ key: entry.key })
              .update({ value: JSON.stringify(entry.value) }),
          );
        }
      }
    }
    this.newElements.clear();
    this.changedElements.clear();
    this.newVariables.clear();
    this.changedVariables.clear();
  }
}

function toElementInstance(row: LoadedRow): ElementInstance {
  return {
    key: row.key,
    elementId: row.name,
    elementName: row.element_name ?? undefined,
    elementType: row.element_type as ElementType,
    flowScopeKey: row.scope_key ?? undefined,
    state: row.state as ElementState,
    runtime: (JSON.parse(row.value) as ElementRuntime | null) ?? {},
    startDate: new Date(row.start_date!).getTime(),
    endDate: row.end_date === null ? undefined : new Date(row.end_date).getTime(),
    incidentKey: row.incident_key ?? undefined,
  };
}
