import type { Database } from '../../../../db/database.js';

/** Per element of a process definition: how many of its instances are where (Camunda 8.8). */
export interface ElementStatisticsResult {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

const ENDED = ['COMPLETED', 'TERMINATED'];

/** Counts element instances per element of one process definition, straight from the engine tables. */
export class ElementStatisticsRepository {
  constructor(private readonly db: Database) {}

  async forDefinition(processDefinitionKey: string): Promise<ElementStatisticsResult[]> {
    const rows: Array<Record<string, unknown>> = await this.db('engine_element_instances')
      .where('process_definition_key', processDefinitionKey)
      .whereNot('element_type', 'PROCESS')
      .groupBy('element_id')
      .orderBy('element_id')
      .select(
        'element_id',
        this.db.raw('count(*) filter (where state not in (?, ?))::int as active', ENDED),
        this.db.raw("count(*) filter (where state = 'TERMINATED')::int as canceled", []),
        this.db.raw("count(*) filter (where state = 'COMPLETED')::int as completed", []),
        this.db.raw(
          'count(*) filter (where incident_key is not null and state not in (?, ?))::int as incidents',
          ENDED,
        ),
      );
    return rows.map((row) => ({
      elementId: String(row.element_id),
      active: Number(row.active),
      canceled: Number(row.canceled),
      incidents: Number(row.incidents),
      completed: Number(row.completed),
    }));
  }

  /** Whether the definition exists, to tell an unknown key (404) from one without instances. */
  async definitionExists(processDefinitionKey: string): Promise<boolean> {
    const row: unknown = await this.db('engine_process_definitions')
      .where('key', processDefinitionKey)
      .first('key');
    return row !== undefined;
  }
}
