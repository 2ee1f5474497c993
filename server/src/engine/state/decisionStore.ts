import type { Knex } from 'knex';
import { readDmn, type ExecutableDrg } from '../dmn/index.js';

export interface DeployedDecisionRow {
  key: string;
  decisionId: string;
  name: string;
  version: number;
  decisionRequirementsKey: string;
  decisionRequirementsId: string;
  tenantId: string;
}

interface DecisionRow {
  key: string;
  decision_id: string;
  name: string;
  version: number;
  decision_requirements_key: string;
  decision_requirements_id: string;
  tenant_id: string;
}

/**
 * Deployed decisions. A DRG never changes once deployed, so it is read from XML once per server
 * process and kept in memory by its key.
 */
export class DecisionStore {
  private readonly drgByKey = new Map<string, ExecutableDrg>();

  remember(decisionRequirementsKey: string, drg: ExecutableDrg): void {
    this.drgByKey.set(decisionRequirementsKey, drg);
  }

  forget(decisionRequirementsKey: string): void {
    this.drgByKey.delete(decisionRequirementsKey);
  }

  async latest(trx: Knex, decisionId: string, tenantId: string): Promise<DeployedDecisionRow | undefined> {
    const row = (await trx('engine_decisions')
      .where({ decision_id: decisionId, tenant_id: tenantId })
      .orderBy('version', 'desc')
      .first()) as DecisionRow | undefined;
    return row ? toDecision(row) : undefined;
  }

  async byKey(trx: Knex, key: string): Promise<DeployedDecisionRow | undefined> {
    const row = (await trx('engine_decisions').where({ key }).first()) as DecisionRow | undefined;
    return row ? toDecision(row) : undefined;
  }

  /** Every decision of a DRG version, with keys and versions, by decision id. */
  async decisionsOf(trx: Knex, decisionRequirementsKey: string): Promise<Map<string, DeployedDecisionRow>> {
    const rows = (await trx('engine_decisions').where({ decision_requirements_key: decisionRequirementsKey })) as DecisionRow[];
    return new Map(rows.map((row) => [row.decision_id, toDecision(row)]));
  }

  async drg(trx: Knex, decisionRequirementsKey: string): Promise<ExecutableDrg> {
    const cached = this.drgByKey.get(decisionRequirementsKey);
    if (cached) return cached;
    const row = (await trx('engine_decision_requirements').select('xml').where({ key: decisionRequirementsKey }).first()) as
      | { xml: string }
      | undefined;
    const result = row ? await readDmn(row.xml) : undefined;
    if (!result?.ok) throw new Error(`stored decision requirements ${decisionRequirementsKey} can no longer be read`);
    this.drgByKey.set(decisionRequirementsKey, result.drg);
    return result.drg;
  }
}

function toDecision(row: DecisionRow): DeployedDecisionRow {
  return {
    key: String(row.key),
    decisionId: row.decision_id,
    name: row.name,
    version: row.version,
    decisionRequirementsKey: String(row.decision_requirements_key),
    decisionRequirementsId: row.decision_requirements_id,
    tenantId: row.tenant_id,
  };
}
