import type { Database } from '../../../../db/database.js';

/** Reads deployed process definitions straight from the engine tables. */
export class ProcessDefinitionRepository {
  constructor(private readonly db: Database) {}

  /** The BPMN XML exactly as it was deployed, or undefined when there is no such definition. */
  async xml(processDefinitionKey: string): Promise<string | undefined> {
    const row = (await this.db('engine_process_definitions')
      .select('xml')
      .where('key', processDefinitionKey)
      .first()) as { xml: string } | undefined;
    return row?.xml;
  }
}
