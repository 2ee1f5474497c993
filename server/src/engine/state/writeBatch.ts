import type { Knex } from 'knex';

/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
const MAX_BINDINGS = 30_000;

interface Part {
  sql: string;
  bindings: readonly Knex.Value[];
}

/** Thrown (by PostgreSQL) when a check of the batch does not hold; `marker` says which. */
export function failedCheck(error: unknown, marker: string): boolean {
  return error instanceof Error && error.message.includes(marker);
}

/**
 * The writes of one command that nothing in the command reads back (saved instance state and
 * the record log), sent as one statement: a WITH of data-modifying statements. One round trip
 * instead of one per table. Run it before reading those tables in the same transaction.
 * Checks ride along in the same statement: a condition that must still hold when the batch is
 * written (e.g. that a definition taken from memory is still the latest), failing it otherwise.
 */
export class WriteBatch {
  private parts: Part[] = [];
  private checks: (Part & { marker: string })[] = [];

  add(query: Knex.QueryBuilder | Knex.Raw): void {
    const { sql, bindings } = query.toSQL();
    this.parts.push({ sql, bindings });
  }

  /** `condition` is a boolean SQL expression; when it is not true the statement fails with `marker`. */
  check(condition: Knex.Raw, marker: string): void {
    const { sql, bindings } = condition.toSQL();
    this.checks.push({ sql, bindings, marker });
  }

  async run(trx: Knex): Promise<void> {
    const parts = this.parts.splice(0);
    const checks = this.checks.splice(0);
    if (parts.length === 0 && checks.length === 0) return;
    if (parts.length === 1 && checks.length === 0) {
      await trx.raw(parts[0]!.sql, parts[0]!.bindings);
      return;
    }
    let final = checkSelect(checks);
    do {
      const chunk: Part[] = [];
      let bindings = final.bindings.length;
      while (parts.length > 0 && (chunk.length === 0 || bindings + parts[0]!.bindings.length <= MAX_BINDINGS)) {
        bindings += parts[0]!.bindings.length;
        chunk.push(parts.shift()!);
      }
      const statements = chunk.map((part, i) => `w${i} as (${part.sql} returning 1)`);
      await trx.raw(`${statements.length ? `with ${statements.join(', ')} ` : ''}${final.sql}`, [
        ...chunk.flatMap((part) => part.bindings),
        ...final.bindings,
      ]);
      final = checkSelect([]);
    } while (parts.length > 0);
  }
}

/** `select 1`, or a select that fails with the first failing check's marker. */
function checkSelect(checks: (Part & { marker: string })[]): Part {
  if (checks.length === 0) return { sql: 'select 1', bindings: [] };
  // now() keeps PostgreSQL from evaluating the failing cast while planning (it folds constants)
  const fail = `(?::text || ' ' || now()::text)::int`;
  const cases = checks.map((check) => `when not coalesce((${check.sql}), false) then ${fail}`).join(' ');
  return {
    sql: `select case ${cases} else 1 end`,
    bindings: checks.flatMap((check) => [...check.bindings, check.marker]),
  };
}
