import type { Knex } from 'knex';

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
const MAX_BINDINGS = 30_000;

/**
 * The writes of one command that nothing in the command reads back (saved instance state and
 * the record log), sent as one statement: a WITH of data-modifying statements. One round trip
 * instead of one per table. Run it before reading those tables in the same transaction.
 */
export class WriteBatch {
  private parts: { sql: string; bindings: readonly Knex.Value[] }[] = [];

  add(query: Knex.QueryBuilder | Knex.Raw): void {
    const { sql, bindings } = query.toSQL();
    this.parts.push({ sql, bindings });
  }

  async run(trx: Knex): Promise<void> {
    const parts = this.parts.splice(0);
    while (parts.length > 0) {
      const chunk = [parts.shift()!];
      let bindings = chunk[0]!.bindings.length;
      while (parts.length > 0 && bindings + parts[0]!.bindings.length <= MAX_BINDINGS) {
        bindings += parts[0]!.bindings.length;
        chunk.push(parts.shift()!);
      }
      if (chunk.length === 1) {
        await trx.raw(chunk[0]!.sql, chunk[0]!.bindings);
        continue;
      }
      const statements = chunk.map((part, i) => `w${i} as (${part.sql} returning 1)`);
      await trx.raw(
        `with ${statements.join(', ')} select 1`,
        chunk.flatMap((part) => part.bindings),
      );
    }
  }
}
