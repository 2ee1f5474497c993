import type { Knex } from 'knex';

/** Zeebe keys of partition 1: the partition id sits above bit 51. */
const PARTITION_BASE = 1n << 51n;
const BLOCK_SIZE = 1000n;

/**
 * Hands out int64 keys as decimal strings. Each server process reserves blocks of 1000 from a
 * database sequence, so several processes sharing one database never collide; a crash merely
 * leaves a gap.
 */
export class KeyGenerator {
  private next = 0n;
  private end = 0n;

  /** `trx` must be the caller's transaction: on PGlite a query outside it would wait forever. */
  async nextKey(trx: Knex): Promise<string> {
    if (this.next >= this.end) {
      const result = await trx.raw<{ rows: { block: string }[] }>(
        "select nextval('engine_key_block_seq')::text as block",
      );
      const block = BigInt(result.rows[0]!.block);
      this.next = PARTITION_BASE + block * BLOCK_SIZE;
      this.end = this.next + BLOCK_SIZE;
    }
    const key = this.next;
    this.next += 1n;
    return key.toString();
  }
}
