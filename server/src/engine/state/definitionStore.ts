import type { Knex } from 'knex';
import { EngineRejection } from '../api.js';
import { readBpmn } from '../model/index.js';
import type { ExecutableProcess } from '../model/types.js';
import type { WriteBatch } from './writeBatch.js';

/** In the error of a command that started an instance of a definition no longer the latest. */
export const STALE_LATEST_DEFINITION = 'zaakstroom: the latest process definition changed';

export interface ProcessDefinition {
  key: string;
  bpmnProcessId: string;
  version: number;
  tenantId: string;
  resourceName: string;
  checksum: string;
  process: ExecutableProcess;
}

interface DefinitionRow {
  key: string;
  bpmn_process_id: string;
  version: number;
  tenant_id: string;
  resource_name: string;
  checksum: string;
  xml: string;
}

/**
 * Deployed process definitions. Definitions never change once deployed, so the executable model
 * is read from XML once per process and kept in memory.
 */
export class DefinitionStore {
  private readonly byKey = new Map<string, ProcessDefinition>();
  /** The latest definition key per tenant and bpmnProcessId, as last read. */
  private readonly latestKeys = new Map<string, string>();

  /** A newly deployed definition, which may be the new latest of its process. */
  remember(definition: ProcessDefinition): void {
    this.byKey.set(definition.key, definition);
    this.forgetLatest();
  }

  /** A deleted definition: a later lookup by key must not find it in memory. */
  forget(key: string): void {
    this.byKey.delete(key);
    this.forgetLatest();
  }

  /** After a deployment or deletion (here, or in another process as a failed check shows). */
  forgetLatest(): void {
    this.latestKeys.clear();
  }

  /**
   * The latest version for starting an instance, without a query when it is known: the command's
   * write batch then checks that it is still the latest (another engine process may have
   * deployed), failing with STALE_LATEST_DEFINITION so the command runs again after forgetLatest.
   */
  async latestChecked(
    trx: Knex,
    writes: WriteBatch,
    bpmnProcessId: string,
    tenantId: string,
  ): Promise<ProcessDefinition | undefined> {
    const cacheKey = `${tenantId}\u0000${bpmnProcessId}`;
    const known = this.latestKeys.get(cacheKey);
    const definition = known ? this.byKey.get(known) : undefined;
    if (known && definition) {
      writes.check(
        trx.raw(
          `(select key from engine_process_definitions where bpmn_process_id = ? and tenant_id = ?
             order by version desc limit 1) = ?::bigint`,
          [bpmnProcessId, tenantId, known],
        ),
        STALE_LATEST_DEFINITION,
      );
      return definition;
    }
    const latest = await this.latest(trx, bpmnProcessId, tenantId);
    if (latest) this.latestKeys.set(cacheKey, latest.key);
    return latest;
  }

  async byDefinitionKey(trx: Knex, key: string): Promise<ProcessDefinition> {
    const cached = this.byKey.get(key);
    if (cached) return cached;
    const row = (await trx('engine_process_definitions').where({ key }).first()) as DefinitionRow | undefined;
    if (!row) {
      throw new EngineRejection('NOT_FOUND', `Expected to find process definition with key '${key}', but none found`);
    }
    return this.fromRow(row);
  }

  async latest(trx: Knex, bpmnProcessId: string, tenantId: string): Promise<ProcessDefinition | undefined> {
    const row = (await trx('engine_process_definitions')
      .select('key')
      .where({ bpmn_process_id: bpmnProcessId, tenant_id: tenantId })
      .orderBy('version', 'desc')
      .first()) as { key: string } | undefined;
    return row ? this.byDefinitionKey(trx, String(row.key)) : undefined;
  }

  async byVersion(trx: Knex, bpmnProcessId: string, version: number, tenantId: string): Promise<ProcessDefinition | undefined> {
    const row = (await trx('engine_process_definitions')
      .select('key')
      .where({ bpmn_process_id: bpmnProcessId, version, tenant_id: tenantId })
      .first()) as { key: string } | undefined;
    return row ? this.byDefinitionKey(trx, String(row.key)) : undefined;
  }

  private async fromRow(row: DefinitionRow): Promise<ProcessDefinition> {
    const result = await readBpmn(row.xml);
    const process = result.ok ? result.processes.find((p) => p.bpmnProcessId === row.bpmn_process_id) : undefined;
    if (!process) throw new Error(`stored process definition ${row.key} can no longer be read`);
    const definition: ProcessDefinition = {
      key: String(row.key),
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      tenantId: row.tenant_id,
      resourceName: row.resource_name,
      checksum: row.checksum,
      process,
    };
    this.byKey.set(definition.key, definition);
    return definition;
  }
}
