import type { Knex } from 'knex';
import type { WriteBatch } from '../state/writeBatch.js';

export type RecordType = 'EVENT' | 'COMMAND' | 'COMMAND_REJECTION';
export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'PROCESS_INSTANCE_MODIFICATION'
  | 'JOB'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'INCIDENT'
  | 'TIMER'
  | 'MESSAGE'
  | 'MESSAGE_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION'
  | 'ERROR'
  | 'ESCALATION'
  | 'DECISION_REQUIREMENTS'
  | 'DECISION'
  | 'DECISION_EVALUATION'
  | 'FORM'
  | 'RESOURCE_DELETION';

export interface EngineRecord {
  key: string;
  recordType: RecordType;
  valueType: ValueType;
  intent: string;
  processInstanceKey?: string;
  bpmnProcessId?: string;
  elementId?: string;
  elementType?: string;
  timestamp: number;
  value: Record<string, unknown>;
}

/**
 * Records of one command, appended to the log in a single insert inside the command's
 * transaction: the log is the history that dashboards and exporters read.
 */
export class RecordBuffer {
  private readonly records: EngineRecord[] = [];

  append(record: EngineRecord): void {
    this.records.push(record);
  }

  get all(): readonly EngineRecord[] {
    return this.records;
  }

  /** Adds the insert of the buffered records to `batch`. */
  flush(trx: Knex, batch: WriteBatch): void {
    if (this.records.length === 0) return;
    const rows = this.records.map((record) => ({
      key: record.key,
      record_type: record.recordType,
      value_type: record.valueType,
      intent: record.intent,
      process_instance_key: record.processInstanceKey ?? null,
      bpmn_process_id: record.bpmnProcessId ?? null,
      element_id: record.elementId ?? null,
      element_type: record.elementType ?? null,
      timestamp: new Date(record.timestamp),
      value: JSON.stringify(record.value),
    }));
    // Large commands (big multi-instance) are written in chunks to stay under parameter limits.
    for (let start = 0; start < rows.length; start += 500) {
      batch.add(trx('engine_records').insert(rows.slice(start, start + 500)));
    }
    this.records.length = 0;
  }
}
